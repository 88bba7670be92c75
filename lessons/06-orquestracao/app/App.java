// App.java — a aplicação da nossa topologia: um servidor HTTP de um arquivo só.
//
// Roda com o "source launcher" do JDK, sem compilar antes:  java App.java
// A cada visita a "/", pede ao Redis (o armazém de chave-valor) para somar 1 à chave "visitas"
// e responde com o total. O Redis é acessado "na unha": um socket TCP e o protocolo RESP,
// que é só texto — não precisamos de nenhuma biblioteca.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public class App {

    static final String REDIS_HOST = System.getenv().getOrDefault("REDIS_HOST", "redis");
    static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));
    static final int PORTA = Integer.parseInt(System.getenv().getOrDefault("PORTA", "8080"));

    /** Envia um comando ao Redis no formato RESP e devolve a primeira linha da resposta. */
    static String redis(String... partes) throws IOException {
        StringBuilder pedido = new StringBuilder("*" + partes.length + "\r\n");
        for (String parte : partes) {
            byte[] bytes = parte.getBytes(StandardCharsets.UTF_8);
            pedido.append('$').append(bytes.length).append("\r\n").append(parte).append("\r\n");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 2000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(pedido.toString().getBytes(StandardCharsets.UTF_8));
            BufferedReader leitor = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return leitor.readLine(); // INCR responde ":<número>"; um erro começa com "-"
        }
    }

    static void responder(HttpExchange troca, int status, String texto) throws IOException {
        byte[] corpo = texto.getBytes(StandardCharsets.UTF_8);
        troca.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        troca.sendResponseHeaders(status, corpo.length);
        try (OutputStream saida = troca.getResponseBody()) {
            saida.write(corpo);
        }
    }

    public static void main(String[] args) throws IOException {
        String eu = InetAddress.getLocalHost().getHostName();
        HttpServer servidor = HttpServer.create(new InetSocketAddress(PORTA), 0);
        servidor.createContext("/", troca -> {
            // Só "/" conta como visita (o navegador também pede /favicon.ico, por exemplo).
            if (!troca.getRequestURI().getPath().equals("/")) {
                responder(troca, 404, "Não encontrado.\n");
                return;
            }
            try {
                String resposta = redis("INCR", "visitas");
                if (resposta == null || !resposta.startsWith(":")) {
                    responder(troca, 502, "O Redis respondeu algo inesperado: " + resposta + "\n");
                    return;
                }
                String n = resposta.substring(1);
                String vezes = n.equals("1") ? "1 vez" : n + " vezes";
                responder(troca, 200, "Olá! Esta página foi vista " + vezes + ".\n"
                        + "(respondido pela aplicação no contêiner " + eu
                        + "; o contador mora no Redis, em " + REDIS_HOST + ":" + REDIS_PORT + ")\n");
            } catch (IOException e) {
                responder(troca, 503, "Não consegui falar com o Redis em " + REDIS_HOST + ":" + REDIS_PORT
                        + ": " + e.getMessage() + "\n");
            }
        });
        servidor.start();
        System.out.println("Aplicação ouvindo na porta " + PORTA + "; Redis em " + REDIS_HOST + ":" + REDIS_PORT);
    }
}
