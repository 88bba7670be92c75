package dev.workbench.engine;

import dev.workbench.run.Session;

/** Facade over docker-java (TODO: being written). */
public final class Engine {
  /** True when the engine answers a ping now. */
  public boolean available() { throw new UnsupportedOperationException("TODO"); }

  /** The learner's resources as the engine sees them, for the live panel. */
  public Snapshot snapshot(Session session) { throw new UnsupportedOperationException("TODO"); }

  /** Removes what the session created for a lesson (all lessons when lessonId is null). */
  public void removeAll(Session session, String lessonId) { throw new UnsupportedOperationException("TODO"); }
}
