package dev.workbench.progress;

import dev.workbench.run.StepResult.CheckResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The last run of one step by one learner.
 *
 * @param output the tail of the run's output, each line with its stream (capped, see {@link
 *     ProgressStore#OUTPUT_CAP})
 * @param message a learner-facing sentence when the run failed before its checks, else empty
 * @param params the values the learner ran it with, to prefill the form next time
 * @param passedOnce some run of the step passed: it counts as done even while a later run failed or
 *     runs (the card shows the latest run, the progress what the learner has achieved)
 */
public record StepProgress(
    String stepId,
    StepStatus status,
    List<OutputLine> output,
    List<CheckResult> checks,
    String message,
    Map<String, String> params,
    Instant updated,
    boolean passedOnce) {

  public StepProgress {
    output = List.copyOf(output == null ? List.of() : output);
    checks = List.copyOf(checks == null ? List.of() : checks);
    message = message == null ? "" : message;
    params = Map.copyOf(params == null ? Map.of() : params);
  }

  /** The last run alone: done exactly when it passed. */
  public StepProgress(
      String stepId,
      StepStatus status,
      List<OutputLine> output,
      List<CheckResult> checks,
      String message,
      Map<String, String> params,
      Instant updated) {
    this(stepId, status, output, checks, message, params, updated, status == StepStatus.PASSED);
  }

  public static StepProgress notRun(String stepId) {
    return new StepProgress(stepId, StepStatus.NOT_RUN, List.of(), List.of(), "", Map.of(), null);
  }

  /** Counted as done: this run passed, or an earlier one did. */
  public boolean done() {
    return passedOnce || status == StepStatus.PASSED;
  }
}
