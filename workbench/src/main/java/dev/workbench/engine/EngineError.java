package dev.workbench.engine;

/** The engine answered, but refused or failed the operation; the message says what it said. */
public sealed class EngineError extends RuntimeException permits NameInUse {
  public EngineError(String message) {
    super(message);
  }

  public EngineError(String message, Throwable cause) {
    super(message, cause);
  }
}
