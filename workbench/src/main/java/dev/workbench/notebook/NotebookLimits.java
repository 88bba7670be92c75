package dev.workbench.notebook;

import java.time.Duration;

/**
 * What one cell may take and how long an unused notebook stays open.
 *
 * @param cellTimeout a cell running longer is stopped (a training run on the course's dataset takes
 *     a few seconds; a minute only catches endless loops)
 * @param outputCap bytes of output a cell may print before it is stopped; the page and the result
 *     keep what came before
 * @param idleAfter a notebook not used for this long is closed and its JVM freed
 */
public record NotebookLimits(Duration cellTimeout, int outputCap, Duration idleAfter) {
  public static final NotebookLimits DEFAULT =
      new NotebookLimits(Duration.ofSeconds(60), 64 * 1024, Duration.ofMinutes(30));

  public NotebookLimits {
    if (cellTimeout.isNegative() || cellTimeout.isZero()) {
      throw new IllegalArgumentException("cellTimeout must be positive, got " + cellTimeout);
    }
    if (outputCap < 1024) {
      throw new IllegalArgumentException("outputCap must be at least 1024 bytes, got " + outputCap);
    }
    if (idleAfter.isNegative() || idleAfter.isZero()) {
      throw new IllegalArgumentException("idleAfter must be positive, got " + idleAfter);
    }
  }

  public NotebookLimits withCellTimeout(Duration timeout) {
    return new NotebookLimits(timeout, outputCap, idleAfter);
  }

  public NotebookLimits withOutputCap(int bytes) {
    return new NotebookLimits(cellTimeout, bytes, idleAfter);
  }

  /** "64 KiB", as the learner reads the cap. */
  String outputCapText() {
    return outputCap % 1024 == 0 ? outputCap / 1024 + " KiB" : outputCap + " bytes";
  }
}
