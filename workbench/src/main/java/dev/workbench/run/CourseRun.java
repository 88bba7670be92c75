package dev.workbench.run;

import dev.workbench.cloud.Clouds;
import dev.workbench.engine.Session;
import dev.workbench.engine.Engine;
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
  /**
   * Sessions of headless runs are {@code verify<pid><random>}: a later run removes what a killed one
   * left, and leaves alone a run that is still going (CI and an instructor may verify at once).
   */
  public static final String SESSION_PREFIX = "verify";

  private static final int PID_DIGITS = 5; // base 36: Linux pids stop at 2^22, "2ljsw"

  private final StepRunner runner;

  public CourseRun(StepRunner runner) {
    this.runner = runner;
  }

  public record StepOutcome(Lesson lesson, Step step, StepResult result) {}

  /** A fresh session for one headless run. */
  public static Session newSession() {
    String pid = Long.toString(ProcessHandle.current().pid(), 36);
    String padded = "0".repeat(Math.max(0, PID_DIGITS - pid.length())) + pid;
    return new Session(SESSION_PREFIX + padded + Session.random().id().substring(0, 4));
  }

  /** A headless session whose process is gone: nobody will clean it up but us. */
  static boolean orphaned(String sessionId) {
    if (!sessionId.startsWith(SESSION_PREFIX)) {
      return false;
    }
    try {
      String pid = sessionId.substring(SESSION_PREFIX.length(), SESSION_PREFIX.length() + PID_DIGITS);
      return ProcessHandle.of(Long.parseLong(pid, 36)).map(p -> !p.isAlive()).orElse(true);
    } catch (RuntimeException olderFormat) {
      return true;
    }
  }

  /**
   * Removes what killed headless runs left, and the clouds of any killed process (a cloud never
   * outlives its server); a live run's or server's resources stay.
   */
  public static int removeOrphans(Engine engine) {
    return engine.removeOrphans(CourseRun::orphaned) + Clouds.removeOrphans(engine);
  }

  /**
   * Runs every step of every lesson with default parameters; a lesson's later steps still run after
   * a failure (they report their own state), and each lesson is cleaned up when it ends.
   */
  public List<StepOutcome> run(List<Lesson> lessons, Session session, Consumer<RunEvent> events,
      Consumer<Lesson> lessonStarted) {
    List<StepOutcome> outcomes = new ArrayList<>();
    try {
      removeOrphans(runner.engine());
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
