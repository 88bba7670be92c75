package dev.workbench.run;

import java.time.Duration;
import java.util.List;

/**
 * How a step ended. {@code message} is a learner-facing sentence (pt-BR) when the step failed
 * before its checks could run (bad parameter, engine away), else empty.
 */
public record StepResult(
    Status status,
    Integer exitCode,
    String output,
    List<CheckResult> checks,
    String message,
    Duration took) {

  public enum Status {
    PASSED,
    FAILED
  }

  public StepResult {
    checks = List.copyOf(checks);
    message = message == null ? "" : message;
  }

  public boolean passed() {
    return status == Status.PASSED;
  }

  public record CheckResult(String description, boolean passed, String detail) {}
}
