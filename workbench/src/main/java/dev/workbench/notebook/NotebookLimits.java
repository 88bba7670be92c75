package dev.workbench.notebook;

import java.time.Duration;

/**
 * What one cell may take, how long an unused notebook stays open, and how many may be open.
 *
 * @param cellTimeout a cell running longer is stopped (a training run on the course's dataset takes
 *     a few seconds; a minute only catches endless loops)
 * @param outputCap bytes of output a cell may print before it is stopped; the page and the result
 *     keep what came before
 * @param idleAfter a notebook not used for this long is closed and its JVM freed
 * @param kernelsPerLearner notebooks one learner may have open at once, over all lessons
 * @param kernels notebooks open at once on the whole server: each is a container with a JVM of up
 *     to 512 MiB, so the default suits one laptop
 */
public record NotebookLimits(
    Duration cellTimeout, int outputCap, Duration idleAfter, int kernelsPerLearner, int kernels) {
  public static final NotebookLimits DEFAULT =
      new NotebookLimits(Duration.ofSeconds(60), 64 * 1024, Duration.ofMinutes(30), 1, 4);

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
    if (kernelsPerLearner < 1 || kernels < kernelsPerLearner) {
      throw new IllegalArgumentException(
          "need 1 <= kernelsPerLearner <= kernels, got " + kernelsPerLearner + " and " + kernels);
    }
  }

  public NotebookLimits withCellTimeout(Duration timeout) {
    return new NotebookLimits(timeout, outputCap, idleAfter, kernelsPerLearner, kernels);
  }

  public NotebookLimits withOutputCap(int bytes) {
    return new NotebookLimits(cellTimeout, bytes, idleAfter, kernelsPerLearner, kernels);
  }

  public NotebookLimits withIdleAfter(Duration idle) {
    return new NotebookLimits(cellTimeout, outputCap, idle, kernelsPerLearner, kernels);
  }

  public NotebookLimits withKernels(int perLearner, int total) {
    return new NotebookLimits(cellTimeout, outputCap, idleAfter, perLearner, total);
  }

  /** "64 KiB", as the learner reads the cap. */
  String outputCapText() {
    return outputCap % 1024 == 0 ? outputCap / 1024 + " KiB" : outputCap + " bytes";
  }
}
