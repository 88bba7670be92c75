package dev.workbench.classifier.emulator;

import dev.workbench.classifier.ClassifierError;

/** The emulator could not be found, started or exported; the message says which and why. */
public final class EmulatorError extends ClassifierError {
  public EmulatorError(String message) {
    super(message);
  }
}
