package dev.workbench.labs;

/**
 * Every lab this machine can hold is taken: the learner is told so (503 with {@code Retry-After})
 * rather than left waiting in silence.
 */
public final class LabsFull extends RuntimeException {
  private final int retryAfterSeconds;
  private final int capacity;

  public LabsFull(int capacity, int retryAfterSeconds) {
    super(
        "Esta máquina está cheia: os "
            + capacity
            + " laboratórios que ela comporta estão em uso."
            + " Tente de novo em "
            + Math.max(1, retryAfterSeconds / 60)
            + " minuto(s).");
    this.capacity = capacity;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int capacity() {
    return capacity;
  }
}
