package dev.workbench.cloud;

import dev.workbench.step.Limits;

/**
 * How much the swarms of one server may take, given once to {@link Swarms} by its owner: how many
 * run at once (one per learner, always), and the limits of each host's container (the tasks it runs
 * live inside it).
 */
public record SwarmLimits(int swarms, Limits host) {
  /**
   * One laptop: two swarms, each host 512 MiB, one core and 512 processes. Measured (docker stats)
   * in the lesson: a host at rest takes about 35 MiB, 60 MiB with the images loaded, about 140 MiB
   * running two nginx replicas during the rolling update, with 125 processes at most.
   */
  public static final SwarmLimits LAPTOP = new SwarmLimits(2, new Limits(512L << 20, 1.0, 512));

  public SwarmLimits {
    if (swarms < 1) {
      throw new IllegalArgumentException("at least one swarm, got " + swarms);
    }
  }

  public SwarmLimits withSwarms(int max) {
    return new SwarmLimits(max, host);
  }
}
