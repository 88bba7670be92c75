package dev.workbench.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the site is served.
 *
 * @param host the address to bind; 127.0.0.1 unless the site must be reached from elsewhere
 * @param port 7070 by default; 0 picks a free port (tests)
 * @param dataDir where progress (and the learners' own files) live
 * @param projectRoot the project's folder (lessons are read from it)
 * @param token required on every request when set; null on loopback, where only this machine can connect
 */
public record WebConfig(String host, int port, Path dataDir, Path projectRoot, String token) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;

  public WebConfig {
    host = host == null || host.isBlank() ? DEFAULT_HOST : host;
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(projectRoot, "projectRoot");
    token = token == null || token.isBlank() ? null : token;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("a porta deve estar entre 0 e 65535: " + port);
    }
  }

  /** Loopback on the default port, no token: what {@code serve} does unless told otherwise. */
  public static WebConfig local(Path dataDir, Path projectRoot) {
    return new WebConfig(DEFAULT_HOST, DEFAULT_PORT, dataDir, projectRoot, null);
  }

  public WebConfig withPort(int newPort) {
    return new WebConfig(host, newPort, dataDir, projectRoot, token);
  }

  public WebConfig withToken(String newToken) {
    return new WebConfig(host, port, dataDir, projectRoot, newToken);
  }

  /** True when only this machine can connect, so no token is needed. */
  public boolean loopback() {
    return isLoopback(host);
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
