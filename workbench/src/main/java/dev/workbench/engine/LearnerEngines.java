package dev.workbench.engine;

/**
 * Which engine a learner's work goes to. Without hosted labs every learner shares the host's one
 * engine, kept apart by names and labels; with {@code serve --labs} each learner gets an engine of
 * their own, and this is the one question everything that touches a learner's resources asks first.
 */
@FunctionalInterface
public interface LearnerEngines {
  /** The engine that holds {@code session}'s containers, images, volumes and networks. */
  Engine of(Session session);

  /** Every learner on the same engine: the laptop case. */
  static LearnerEngines shared(Engine engine) {
    return session -> engine;
  }
}
