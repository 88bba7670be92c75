package dev.workbench.run;

import dev.workbench.cloud.Clouds;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs whole lessons headless, in order, in a throw-away session, then removes everything they
 * made: what {@code verify} and the lesson tests do, through the same runner as the site.
 */
public final class CourseRun {
  /**
   * Sessions of headless runs are {@code verify<pid><random>}: a later run removes what a killed
   * one left, and leaves alone a run that is still going (CI and an instructor may verify at once).
   */
  public static final String SESSION_PREFIX = "verify";

  private static final int PID_DIGITS = 5; // base 36: Linux pids stop at 2^22, "2ljsw"

  private final StepRunner runner;
  private final Language language;

  /**
   * @param language the learner's language the checks' results are said in ({@code verify --lang})
   */
  public CourseRun(StepRunner runner, Language language) {
    this.runner = runner;
    this.language = language;
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
      String pid =
          sessionId.substring(SESSION_PREFIX.length(), SESSION_PREFIX.length() + PID_DIGITS);
      return ProcessHandle.of(Long.parseLong(pid, 36)).map(p -> !p.isAlive()).orElse(true);
    } catch (RuntimeException olderFormat) {
      return true;
    }
  }

  /**
   * Removes what killed headless runs left, and the clouds and swarms of any killed process (they
   * never outlive their server); a live run's or server's resources stay.
   */
  public static int removeOrphans(Engine engine) {
    return engine.removeOrphans(CourseRun::orphaned)
        + Clouds.removeOrphans(engine)
        + dev.workbench.cloud.Swarms.removeOrphans(engine);
  }

  /**
   * Runs every step of every lesson with default parameters (an exercise's step with the values the
   * exercise sets); a lesson's later steps still run after a failure (they report their own state),
   * and each lesson is cleaned up when it ends.
   */
  public List<StepOutcome> run(
      List<Lesson> lessons,
      Session session,
      Consumer<RunEvent> events,
      Consumer<Lesson> lessonStarted) {
    List<StepOutcome> outcomes = new ArrayList<>();
    try {
      removeOrphans(runner.engine());
      for (Lesson lesson : lessons) {
        lessonStarted.accept(lesson);
        outcomes.addAll(runLesson(lesson, session, events));
      }
    } finally {
      runner.engine().removeAll(session, null);
    }
    return outcomes;
  }

  /** What one lesson's parallel run hands back when it ends. */
  public record LessonOutcome(Lesson lesson, List<StepOutcome> steps, Duration took) {}

  /**
   * Runs lessons {@code jobs} at a time, each in a session of its own: lessons never share a name
   * (names are scoped by lesson), publish only ports the engine picks, and are cleaned up each on
   * its own, so nothing but the machine's cores orders them. {@code eventsFor} gives each lesson
   * its own event consumer (a console prints a lesson's block once it ends, so lines do not mix);
   * {@code lessonDone} hears each lesson as it ends. Returns the steps in course order.
   */
  public List<StepOutcome> runParallel(
      List<Lesson> lessons,
      int jobs,
      Function<Lesson, Consumer<RunEvent>> eventsFor,
      Consumer<LessonOutcome> lessonDone)
      throws InterruptedException {
    removeOrphans(runner.engine());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
    try {
      List<Future<LessonOutcome>> futures = new ArrayList<>();
      for (Lesson lesson : lessons) {
        futures.add(
            pool.submit(
                () -> {
                  long start = System.nanoTime();
                  Session session = newSession();
                  try {
                    List<StepOutcome> steps = runLesson(lesson, session, eventsFor.apply(lesson));
                    LessonOutcome outcome =
                        new LessonOutcome(
                            lesson, steps, Duration.ofNanos(System.nanoTime() - start));
                    lessonDone.accept(outcome);
                    return outcome;
                  } finally {
                    runner.engine().removeAll(session, null);
                  }
                }));
      }
      List<StepOutcome> outcomes = new ArrayList<>();
      for (Future<LessonOutcome> future : futures) {
        try {
          outcomes.addAll(future.get().steps());
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r
              ? r
              : new IllegalStateException(e.getCause());
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The values a headless run gives a step: the defaults, except that an exercise's step runs with
   * the values the exercise asks the learner for — its checks are the answer key, proved this way
   * against the real engine.
   */
  public static Map<String, String> headlessParams(Lesson lesson, Step step) {
    return lesson.exerciseFor(step.id()).map(Lesson.Block.Exercise::set).orElse(Map.of());
  }

  private List<StepOutcome> runLesson(Lesson lesson, Session session, Consumer<RunEvent> events) {
    List<StepOutcome> outcomes = new ArrayList<>();
    try {
      for (Step step : lesson.steps()) {
        outcomes.add(
            new StepOutcome(
                lesson,
                step,
                runner.run(lesson, step, session, headlessParams(lesson, step), language, events)));
      }
    } finally {
      runner.resetLesson(session, lesson.id());
    }
    return outcomes;
  }
}
