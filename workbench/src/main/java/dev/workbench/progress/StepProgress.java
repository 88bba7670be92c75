package dev.workbench.progress;

import dev.workbench.run.StepResult.CheckResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The last run of one step by one learner.
 *
 * @param output the tail of the run's output (capped, see {@link ProgressStore#OUTPUT_CAP})
 * @param message a learner-facing sentence when the run failed before its checks, else empty
 * @param params the values the learner ran it with, to prefill the form next time
 */
public record StepProgress(
    String stepId,
    StepStatus status,
    String output,
    List<CheckResult> checks,
    String message,
    Map<String, String> params,
    Instant updated) {

  public StepProgress {
    output = output == null ? "" : output;
    checks = List.copyOf(checks == null ? List.of() : checks);
    message = message == null ? "" : message;
    params = Map.copyOf(params == null ? Map.of() : params);
  }

  public static StepProgress notRun(String stepId) {
    return new StepProgress(stepId, StepStatus.NOT_RUN, "", List.of(), "", Map.of(), null);
  }
}
