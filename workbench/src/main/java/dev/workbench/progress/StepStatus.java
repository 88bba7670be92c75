package dev.workbench.progress;

/** Where a learner stands on one step. */
public enum StepStatus {
  NOT_RUN,
  RUNNING,
  PASSED,
  FAILED
}
