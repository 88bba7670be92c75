package dev.workbench.labs;

/**
 * A learner's lab as their page shows it.
 *
 * @param state where the lab is
 * @param place the learner's place in the queue (1 = next), 0 when not queued
 * @param idleSecondsLeft seconds until the lab stops for lack of learner actions (-1: not running)
 * @param warn true when that stop is near enough to warn about
 * @param problem why the last start failed (for {@link State#FAILED}), else empty
 */
public record LabStatus(
    State state, int place, long idleSecondsLeft, boolean warn, String problem) {
  /** The closed set of states a lab goes through. */
  public enum State {
    /** no lab yet: the first step (or the page) asks for one */
    NONE,
    /** waiting for a start slot (the spawn limit) */
    QUEUED,
    STARTING,
    READY,
    /** stopped for idleness or age; its data volume stays and it comes back as it was */
    STOPPED,
    FAILED
  }

  static LabStatus of(State state) {
    return new LabStatus(state, 0, -1, false, "");
  }
}
