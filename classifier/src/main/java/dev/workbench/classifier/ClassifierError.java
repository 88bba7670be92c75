package dev.workbench.classifier;

/**
 * A failure the user can act on, with a message that says what happened and where. The CLI prints
 * the message alone (no stack trace), so it must stand on its own.
 */
public class ClassifierError extends RuntimeException {
  public ClassifierError(String message) {
    super(message);
  }

  public ClassifierError(String message, Throwable cause) {
    super(message, cause);
  }
}
