package dev.workbench.cloud;

import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the cloud is: a registry ({@code host:port}, or an {@code http(s)://} URL) with its user
 * and password, and a remote engine ({@code unix://…} or {@code tcp://…}). A null registry or
 * engine means the local one the workbench starts itself, the default.
 *
 * <p>Part of {@link CloudConfig}; read from {@code WORKBENCH_CLOUD_REGISTRY}, {@code
 * WORKBENCH_CLOUD_USER}, {@code WORKBENCH_CLOUD_PASSWORD} and {@code WORKBENCH_CLOUD_ENGINE} by
 * {@link #from}, which the owner calls once.
 */
public record CloudTarget(String registry, String user, String password, URI engine) {
  public static final CloudTarget LOCAL = new CloudTarget(null, null, null, null);

  public CloudTarget {
    registry = blankToNull(registry);
    user = blankToNull(user);
    password = blankToNull(password);
    if (registry != null && (user == null || password == null)) {
      throw new IllegalArgumentException(
          "um registro configurado ("
              + registry
              + ") precisa de usuário e senha: WORKBENCH_CLOUD_USER e WORKBENCH_CLOUD_PASSWORD");
    }
  }

  /**
   * The target the {@code WORKBENCH_CLOUD_*} settings of {@code env} name; LOCAL where none is set.
   */
  public static CloudTarget from(Map<String, String> env) {
    UnaryOperator<String> read =
        name -> env.get("WORKBENCH_CLOUD_" + name.toUpperCase(java.util.Locale.ROOT));
    String engine = blankToNull(read.apply("engine"));
    URI address;
    try {
      address = engine == null ? null : new URI(engine);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "WORKBENCH_CLOUD_ENGINE não é um endereço (tcp://… ou unix://…): " + engine, e);
    }
    return new CloudTarget(
        read.apply("registry"), read.apply("user"), read.apply("password"), address);
  }

  /** This target with another registry (null: keep this one's). */
  public CloudTarget withRegistry(String newRegistry) {
    return newRegistry == null ? this : new CloudTarget(newRegistry, user, password, engine);
  }

  /** This target with another engine (null: keep this one's). */
  public CloudTarget withEngine(URI newEngine) {
    return newEngine == null ? this : new CloudTarget(registry, user, password, newEngine);
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
    return "registro "
        + (registry == null ? "local" : registry)
        + ", engine "
        + (engine == null ? "local" : engine);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
