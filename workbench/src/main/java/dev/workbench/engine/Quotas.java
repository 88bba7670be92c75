package dev.workbench.engine;

/**
 * How much one learner may hold in the engine at once, and how many steps may run: what keeps one
 * learner (or one page left looping) from filling the machine everyone shares. The defaults fit one
 * laptop taking the whole course in one session without a reset (about 25 containers, 12 images, 2
 * volumes and 5 networks at the end of it), with room to retry steps; {@code serve} sets them.
 *
 * @param containers containers per learner, running or stopped
 * @param images images per learner (base images are shared and not counted)
 * @param volumes volumes per learner
 * @param networks networks per learner; the engine's address pools hold about 30 bridges in all
 * @param runs steps one learner may run at the same time
 * @param totalRuns steps the whole server may run at the same time
 */
public record Quotas(
    int containers, int images, int volumes, int networks, int runs, int totalRuns) {
  public static final Quotas DEFAULT = new Quotas(40, 30, 20, 10, 3, 12);

  public Quotas {
    for (int limit : new int[] {containers, images, volumes, networks, runs, totalRuns}) {
      if (limit < 1) {
        throw new IllegalArgumentException("cada limite deve ser ao menos 1, veio " + limit);
      }
    }
  }
}
