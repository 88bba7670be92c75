package dev.workbench.run;

import dev.workbench.lesson.Lesson;
import dev.workbench.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs whole lessons headless, in order, in a throw-away session, then removes everything they
 * made: what {@code verify} and the lesson tests do, through the same runner as the site.
 */
public final class CourseRun {
  /** Sessions of headless runs start with this, so a later run can remove what a killed one left. */
  public static final String SESSION_PREFIX = "verify";

  private final StepRunner runner;

  public CourseRun(StepRunner runner) {
    this.runner = runner;
  }

  public record StepOutcome(Lesson lesson, Step step, StepResult result) {}

  /** A fresh session for one headless run. */
  public static Session newSession() {
    return new Session(SESSION_PREFIX + Session.random().id());
  }

  /**
   * Runs every step of every lesson with default parameters; a lesson's later steps still run after
   * a failure (they report their own state), and each lesson is cleaned up when it ends.
   */
  public List<StepOutcome> run(List<Lesson> lessons, Session session, Consumer<RunEvent> events,
      Consumer<Lesson> lessonStarted) {
    List<StepOutcome> outcomes = new ArrayList<>();
    try {
      runner.engine().removeOrphans(SESSION_PREFIX);
      for (Lesson lesson : lessons) {
        lessonStarted.accept(lesson);
        try {
          for (Step step : lesson.steps()) {
            outcomes.add(new StepOutcome(lesson, step, runner.run(lesson, step, session, Map.of(), events)));
          }
        } finally {
          runner.resetLesson(session, lesson.id());
        }
      }
    } finally {
      runner.engine().removeAll(session, null);
    }
    return outcomes;
  }
}
