package dev.workbench.cloud;

import dev.workbench.step.Limits;

/**
 * How much the clouds of one server may take: how many run at once (one per learner, always), and
 * the limits of each stand-in engine's container (the workers it runs live inside them) and of each
 * registry's.
 */
public record CloudLimits(int clouds, Limits engine, Limits registry) {
  public static final int LAPTOP_CLOUDS = 2;

  /** One laptop: two clouds, each engine 1.5 GiB and one core, each registry 256 MiB. */
  public static final CloudLimits LAPTOP =
      new CloudLimits(
          LAPTOP_CLOUDS, new Limits(1536L << 20, 1.0, 1024), new Limits(256L << 20, 0.5, 128));

  public CloudLimits {
    if (clouds < 1) {
      throw new IllegalArgumentException("at least one cloud, got " + clouds);
    }
  }

  public CloudLimits withClouds(int max) {
    return new CloudLimits(max, engine, registry);
  }
}
