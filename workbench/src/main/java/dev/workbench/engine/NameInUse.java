package dev.workbench.engine;

import java.util.List;

/**
 * The engine refused a name another container already has: most often the learner ran a {@code
 * docker run --name} step again and the container of the first run is still there. The page
 * recognises it by its {@link #LEAD} and offers to remove the old container and run again.
 */
public final class NameInUse extends KnownError {
  /** Starts every message of this kind, so a page can recognise it and offer the fix. */
  public static final String LEAD = Problem.NAME_IN_USE.say(List.of("\u0000")).split("\u0000")[0];

  private final String name;

  /**
   * @param name the name as the engine knows it (with the session's prefix)
   */
  public NameInUse(String name, Throwable cause) {
    super(Problem.NAME_IN_USE, List.of(name), cause);
    this.name = name;
  }

  public String name() {
    return name;
  }
}
