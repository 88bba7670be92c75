// Medida.java — um programa de um arquivo só, rodado com o "source launcher" do JDK:
//   java Medida.java
// Ele diz em qual JVM está rodando e mede quanto tempo ela leva para um cálculo simples
// (contar os números primos abaixo de 5 milhões com o crivo de Eratóstenes), repetido algumas
// vezes: as primeiras rodadas costumam ser mais lentas, enquanto o compilador JIT aquece.
public class Medida {

    static int contaPrimos(int limite) {
        boolean[] composto = new boolean[limite];
        int primos = 0;
        for (int i = 2; i < limite; i++) {
            if (!composto[i]) {
                primos++;
                for (long j = (long) i * i; j < limite; j += i) {
                    composto[(int) j] = true;
                }
            }
        }
        return primos;
    }

    public static void main(String[] args) {
        System.out.println("java.version: " + System.getProperty("java.version"));
        System.out.println("java.vendor:  " + System.getProperty("java.vendor"));
        System.out.println("sistema:      " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPU(s)");

        final int limite = 5_000_000;
        final int rodadas = 5;
        long melhor = Long.MAX_VALUE;
        int primos = 0;
        for (int r = 1; r <= rodadas; r++) {
            long inicio = System.nanoTime();
            primos = contaPrimos(limite);
            long ms = (System.nanoTime() - inicio) / 1_000_000;
            melhor = Math.min(melhor, ms);
            System.out.println("rodada " + r + ": " + ms + " ms");
        }
        System.out.println("primos abaixo de " + limite + ": " + primos);
        System.out.println("melhor tempo: " + melhor + " ms");
    }
}
