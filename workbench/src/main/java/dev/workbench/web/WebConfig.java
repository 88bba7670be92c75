package dev.workbench.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the site is served.
 *
 * @param host the address to bind; 127.0.0.1 unless the site must be reached from elsewhere
 * @param port 7070 by default; 0 picks a free port (tests)
 * @param dataDir where progress (and the learners' own files) live
 * @param projectRoot the project's folder (lessons are read from it)
 * @param token required on every request; null only on a loopback bind, where {@code serve
 *     --no-token} asked for it
 * @param allowedHosts names besides 127.0.0.1, localhost and [::1] that a loopback bind answers to
 *     in {@code Host} ({@code serve --allow-host}); a name this machine does not own is how DNS
 *     rebinding reaches a loopback server, so every other name is refused
 */
public record WebConfig(
    String host, int port, Path dataDir, Path projectRoot, String token, Set<String> allowedHosts) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;

  public WebConfig {
    host = host == null || host.isBlank() ? DEFAULT_HOST : host;
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(projectRoot, "projectRoot");
    token = token == null || token.isBlank() ? null : token;
    allowedHosts =
        allowedHosts == null
            ? Set.of()
            : allowedHosts.stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("a porta deve estar entre 0 e 65535: " + port);
    }
    if (token == null && !isLoopback(host)) {
      throw new IllegalArgumentException(
          "fora do loopback ("
              + host
              + ") o workbench sempre pede um token: quem o alcança"
              + " comanda o Docker desta máquina");
    }
  }

  public WebConfig(String host, int port, Path dataDir, Path projectRoot, String token) {
    this(host, port, dataDir, projectRoot, token, Set.of());
  }

  public WebConfig withPort(int newPort) {
    return new WebConfig(host, newPort, dataDir, projectRoot, token, allowedHosts);
  }

  public WebConfig withToken(String newToken) {
    return new WebConfig(host, port, dataDir, projectRoot, newToken, allowedHosts);
  }

  /** True when only this machine can connect. */
  public boolean loopback() {
    return isLoopback(host);
  }

  /** True when a bind to {@code host} can be reached from this machine only. */
  public static boolean isLoopbackAddress(String host) {
    return isLoopback(host == null || host.isBlank() ? DEFAULT_HOST : host);
  }

  static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
