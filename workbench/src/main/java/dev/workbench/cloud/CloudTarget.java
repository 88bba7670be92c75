package dev.workbench.cloud;

import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the cloud is: a registry ({@code host:port}, or an {@code http(s)://} URL) with its user and
 * password, and a remote engine ({@code unix://…} or {@code tcp://…}). A null registry or engine
 * means the local one the workbench starts itself, the default.
 *
 * <p>Read from {@code WORKBENCH_CLOUD_REGISTRY}, {@code WORKBENCH_CLOUD_USER},
 * {@code WORKBENCH_CLOUD_PASSWORD}, {@code WORKBENCH_CLOUD_ENGINE}, or the system properties
 * {@code workbench.cloud.registry} (and .user, .password, .engine), which win.
 */
public record CloudTarget(String registry, String user, String password, URI engine) {
  public static final CloudTarget LOCAL = new CloudTarget(null, null, null, null);

  public CloudTarget {
    registry = blankToNull(registry);
    user = blankToNull(user);
    password = blankToNull(password);
    if (registry != null && (user == null || password == null)) {
      throw new IllegalArgumentException(
          "um registro configurado (" + registry + ") precisa de usuário e senha: WORKBENCH_CLOUD_USER e WORKBENCH_CLOUD_PASSWORD");
    }
  }

  public static CloudTarget fromEnvironment() {
    Map<String, String> env = System.getenv();
    UnaryOperator<String> read = name -> {
      String property = System.getProperty("workbench.cloud." + name);
      return property != null ? property : env.get("WORKBENCH_CLOUD_" + name.toUpperCase(java.util.Locale.ROOT));
    };
    String engine = blankToNull(read.apply("engine"));
    return new CloudTarget(read.apply("registry"), read.apply("user"), read.apply("password"),
        engine == null ? null : URI.create(engine));
  }

  public boolean localRegistry() {
    return registry == null;
  }

  public boolean localEngine() {
    return engine == null;
  }

  /** The registry as image references name it: {@code host:port}, no scheme. */
  String registryHost() {
    return registry.replaceFirst("^https?://", "").replaceAll("/+$", "");
  }

  @Override
  public String toString() {
    return "registro " + (registry == null ? "local" : registry) + ", engine " + (engine == null ? "local" : engine);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
