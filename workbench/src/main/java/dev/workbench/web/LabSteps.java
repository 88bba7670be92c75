package dev.workbench.web;

import dev.workbench.engine.Session;
import dev.workbench.labs.LabStatus;
import dev.workbench.labs.Labs;
import dev.workbench.labs.LabsFull;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.RunEvent;
import dev.workbench.run.StepResult;
import dev.workbench.step.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A step in {@code serve --labs}: accepted at once, then it waits on its worker thread for the
 * learner's lab, saying in its output where the lab is ("você é o 2º da fila", "ligando…") as that
 * changes, so a learner in the queue sees the queue move instead of a button that hangs. While it
 * runs, the lab does not idle out; when it ends, that is the learner's last action.
 */
final class LabSteps implements Runs.StepExecution {
  private static final Duration PATIENCE = Duration.ofMinutes(10);
  private static final long POLL_MILLIS = 500;

  private final Labs labs;
  private final Runs.StepExecution inner;

  LabSteps(Labs labs, Runs.StepExecution inner) {
    this.labs = labs;
    this.inner = inner;
  }

  @Override
  public StepResult run(
      Lesson lesson,
      Step step,
      Session session,
      Map<String, String> params,
      Language language,
      Consumer<RunEvent> events) {
    labs.working(session);
    try {
      awaitLab(step, session, language, events);
      return inner.run(lesson, step, session, params, language, events);
    } catch (LabsFull full) {
      String message = full.getMessage();
      events.accept(new RunEvent.Output(step.id(), "err", message));
      StepResult failed =
          new StepResult(
              StepResult.Status.FAILED, null, message, List.of(), message, Duration.ZERO);
      events.accept(new RunEvent.Finished(step.id(), failed));
      return failed;
    } finally {
      labs.finished(session);
    }
  }

  private void awaitLab(Step step, Session session, Language language, Consumer<RunEvent> events) {
    Texts texts = Texts.of(language);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String said = "";
    while (labs.running(session).isEmpty() && System.nanoTime() < deadline) {
      LabStatus status = labs.touch(session); // starts a stopped lab again; LabsFull when it cannot
      if (status.state() == LabStatus.State.FAILED) {
        return; // the runner asks for the engine and reports why it did not start
      }
      String message = String.valueOf(LabRoutes.json(status, texts).get("message"));
      if (!message.equals(said)) {
        events.accept(new RunEvent.Output(step.id(), "info", message));
        said = message;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
