package dev.workbench.run;

/** A learner-supplied parameter was refused before anything ran; the message says why, in pt-BR. */
public final class InvalidParameter extends RuntimeException {
  public InvalidParameter(String message) {
    super(message);
  }
}
