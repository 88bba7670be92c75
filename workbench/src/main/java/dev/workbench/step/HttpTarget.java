package dev.workbench.step;

/**
 * Where an HTTP request goes: a container port published on the host's loopback (the engine knows
 * which host port it got) or a container port reached directly, which only works when published.
 *
 * @param container logical container name
 * @param port the port inside the container
 * @param path the request path, starting with {@code /}
 */
public record HttpTarget(String container, int port, String path) {
  public HttpTarget {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
    }
    path = path == null || path.isEmpty() ? "/" : path;
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /, got " + path);
    }
  }
}
