package dev.workbench.run;

import dev.workbench.engine.Engine;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Step;
import java.util.Map;
import java.util.function.Consumer;

/** Runs one step: its action through the engine, then its checks; reports everything as events. */
public final class StepRunner {
  private final Engine engine;

  public StepRunner(Engine engine) {
    this.engine = engine;
  }

  /**
   * Runs {@code step} of {@code lesson} in the learner's session. Parameters missing from
   * {@code params} take their defaults; a refused value throws {@link InvalidParameter} before
   * anything runs. Every other failure (engine away included) ends as a FAILED result with a
   * learner-facing message, after a {@link RunEvent.Finished} event.
   */
  public StepResult run(
      Lesson lesson, Step step, Session session, Map<String, String> params, Consumer<RunEvent> events) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Removes every container, network, volume and image the session created for this lesson. */
  public void resetLesson(Session session, String lessonId) {
    engine.removeAll(session, lessonId);
  }
}
