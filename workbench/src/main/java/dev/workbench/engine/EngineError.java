package dev.workbench.engine;

/**
 * The engine answered, but refused or failed the operation; the message says what it said. A
 * refusal learners meet often is a {@link KnownError}, said in pt-BR with the command that fixes
 * it.
 */
public sealed class EngineError extends RuntimeException permits KnownError {
  public EngineError(String message) {
    super(message);
  }

  public EngineError(String message, Throwable cause) {
    super(message, cause);
  }
}
