package dev.workbench.engine;

/**
 * The engine refused a name another container already has: most often the learner ran a {@code
 * docker run --name} step again and the container of the first run is still there. Docker says so
 * in English; this says it in pt-BR, with the command that clears the way.
 */
public final class NameInUse extends EngineError {
  /** Starts every message of this kind, so a page can recognise it and offer the fix. */
  public static final String LEAD = "Já existe um contêiner chamado ";

  private final String name;

  /** @param name the name as the engine knows it (with the session's prefix) */
  public NameInUse(String name, Throwable cause) {
    super(LEAD + name + " (de uma execução anterior?). O Docker não deixa dois contêineres com o"
        + " mesmo nome: remova o antigo com `docker rm -f " + name + "` e rode de novo.", cause);
    this.name = name;
  }

  public String name() {
    return name;
  }
}
