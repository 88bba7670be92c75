package dev.workbench.cloud;

import java.util.Map;

/**
 * How a server's clouds are set up, given once to {@link Clouds} by its owner: where they go (the
 * workbench's own registry and stand-in engine, or an instructor's) and how much they may take. The
 * owner reads it from the command line and the environment ({@link #fromEnvironment}); nothing
 * below reads either.
 */
public record CloudConfig(CloudTarget target, CloudLimits limits) {
  /**
   * Local registry and engine per learner, a laptop's limits: tests, bench and an unconfigured
   * server.
   */
  public static final CloudConfig LOCAL = new CloudConfig(CloudTarget.LOCAL, CloudLimits.LAPTOP);

  public CloudConfig {
    target = target == null ? CloudTarget.LOCAL : target;
    limits = limits == null ? CloudLimits.LAPTOP : limits;
  }

  /**
   * From {@code WORKBENCH_CLOUD_REGISTRY}, {@code WORKBENCH_CLOUD_USER}, {@code
   * WORKBENCH_CLOUD_PASSWORD} and {@code WORKBENCH_CLOUD_ENGINE}, with a laptop's limits.
   *
   * @throws IllegalArgumentException a registry without its user and password, or an engine that is
   *     not an address; the message says which setting to fix
   */
  public static CloudConfig fromEnvironment(Map<String, String> env) {
    return new CloudConfig(CloudTarget.from(env), CloudLimits.LAPTOP);
  }

  public CloudConfig withTarget(CloudTarget newTarget) {
    return new CloudConfig(newTarget, limits);
  }

  public CloudConfig withLimits(CloudLimits newLimits) {
    return new CloudConfig(target, newLimits);
  }
}
