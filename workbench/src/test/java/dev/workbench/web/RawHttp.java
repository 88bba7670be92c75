package dev.workbench.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, so a test controls every header a browser or an attacker
 * could send (the JDK's client refuses to set {@code Host}) and sees redirects as they are instead
 * of following them.
 */
final class RawHttp {
  private RawHttp() {}

  record Answer(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    List<String> all(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
  }

  /**
   * A request with the given method, target, headers (Host defaults to 127.0.0.1:port) and body.
   */
  static Answer send(
      int port, String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Host", "127.0.0.1:" + port);
    all.putAll(headers);
    all.put("Connection", "close");
    if (body != null) {
      all.put("Content-Length", String.valueOf(body.length));
    }
    all.forEach(
        (name, value) -> {
          if (value != null) {
            head.append(name).append(": ").append(value).append("\r\n");
          }
        });
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (java.net.SocketException e) {
        // the server answered (413, 400) and closed before taking the whole body: read that answer
      }
      return read(socket.getInputStream());
    }
  }

  static Answer send(
      int port, String method, String target, Map<String, String> headers, String body)
      throws IOException {
    return send(
        port, method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  static Answer get(int port, String target, Map<String, String> headers) throws IOException {
    return send(port, "GET", target, headers, (byte[]) null);
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    String text = bytes.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    if (!lines[0].startsWith("HTTP/")) {
      throw new IOException("no HTTP answer, the connection was closed: " + lines[0]);
    }
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
    }
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int lineEnd = body.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; the bodies these tests read are ASCII or short UTF-8, close enough to
      // slice
      byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
      String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
      out.append(chunk);
      at = lineEnd + 2 + chunk.length() + 2;
    }
    return out.toString();
  }
}
