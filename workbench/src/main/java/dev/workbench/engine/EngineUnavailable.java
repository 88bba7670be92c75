package dev.workbench.engine;

/** The Docker engine did not answer; the message says, in pt-BR, how to start one. */
public final class EngineUnavailable extends RuntimeException {
  public static final String HOW_TO_START =
      "O Docker Engine não respondeu. Inicie-o (por exemplo: sudo dockerd, ou abra o Docker Desktop) e tente de novo.";

  public EngineUnavailable(String detail, Throwable cause) {
    super(HOW_TO_START + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
  }
}
