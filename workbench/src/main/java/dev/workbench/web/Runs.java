package dev.workbench.web;

import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Quotas;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import dev.workbench.progress.OutputLine;
import dev.workbench.progress.ProgressStore;
import dev.workbench.run.InvalidParameter;
import dev.workbench.run.RunEvent;
import dev.workbench.run.StepResult;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Step;
import io.javalin.http.ConflictResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runs on worker threads (the runner blocks until a step ends), remembers them so pages can
 * follow them, and records progress when a run starts and before its end is announced, so a page
 * that reloads on "finished" reads the new status.
 */
final class Runs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Runs.class);

  /** Long enough for a page to reconnect and replay a run; short enough not to hoard memory. */
  private static final Duration KEEP_FINISHED = Duration.ofMinutes(15);

  /**
   * What runs a step: {@link StepRunner#run} in the site, something slower or simpler in tests;
   * {@code language} is the learner's, the one its checks' results are said in.
   */
  @FunctionalInterface
  interface StepExecution {
    StepResult run(
        Lesson lesson,
        Step step,
        Session session,
        Map<String, String> params,
        Language language,
        Consumer<RunEvent> events);
  }

  /** Finished runs kept for replay beyond which the oldest are forgotten, however recent. */
  static final int KEEP_AT_MOST = 500;

  private final StepExecution runner;
  private final ProgressStore store;
  private final Quotas quotas;
  private final Map<String, Run> byId = new ConcurrentHashMap<>();
  private final Map<String, Run> active = new ConcurrentHashMap<>();
  private final ExecutorService workers;

  Runs(StepExecution runner, ProgressStore store) {
    this(runner, store, Quotas.DEFAULT);
  }

  /**
   * @param quotas how many steps may run at once, per learner and in all
   */
  Runs(StepExecution runner, ProgressStore store, Quotas quotas) {
    this.runner = runner;
    this.store = store;
    this.quotas = quotas;
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "step-run-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a step whose parameters were already validated; 409 when it is running already, {@link
   * QuotaExceeded} (429) when the learner, or the server, runs as many steps as allowed.
   */
  Run start(
      Session session, Lesson lesson, Step step, Map<String, String> params, Language language) {
    return start(session, lesson, step, params, language, runner);
  }

  /**
   * The same, done by {@code how} (e.g. "Conferir", which only checks): followed, limited and
   * recorded like any run.
   */
  Run start(
      Session session,
      Lesson lesson,
      Step step,
      Map<String, String> params,
      Language language,
      StepExecution how) {
    forgetOldRuns();
    Run run = new Run(UUID.randomUUID().toString(), session, lesson.id(), step.id());
    // one lock for the count and the claim, so two requests cannot both take the last place
    synchronized (active) {
      if (active.containsKey(key(session, lesson.id(), step.id()))) {
        throw new ConflictResponse("Este passo já está rodando: espere ele terminar.");
      }
      if (active.values().stream().filter(r -> r.session().equals(session)).count()
          >= quotas.runs()) {
        throw new QuotaExceeded(
            "passos rodando ao mesmo tempo por aluno",
            quotas.runs(),
            "Espere um dos seus passos terminar e rode este de novo.");
      }
      if (active.size() >= quotas.totalRuns()) {
        throw new QuotaExceeded(
            "passos rodando ao mesmo tempo no laboratório",
            quotas.totalRuns(),
            "O laboratório está cheio agora: espere alguns segundos e rode de novo.");
      }
      active.put(key(session, lesson.id(), step.id()), run);
    }
    byId.put(run.id(), run);
    store.started(session, lesson.id(), step.id(), params);
    workers.execute(() -> execute(run, lesson, step, params, language, how));
    return run;
  }

  Optional<Run> find(String runId) {
    return Optional.ofNullable(runId == null ? null : byId.get(runId));
  }

  /** The run of this step now under way for this learner, if any. */
  Optional<Run> running(Session session, String lessonId, String stepId) {
    return Optional.ofNullable(active.get(key(session, lessonId, stepId)));
  }

  boolean anyRunning(Session session, String lessonId) {
    return active.values().stream()
        .anyMatch(r -> r.session().equals(session) && r.lessonId().equals(lessonId));
  }

  private void execute(
      Run run,
      Lesson lesson,
      Step step,
      Map<String, String> params,
      Language language,
      StepExecution how) {
    Transcript transcript = new Transcript();
    try {
      how.run(
          lesson,
          step,
          run.session(),
          params,
          language,
          event -> {
            transcript.accept(event);
            if (event instanceof RunEvent.Finished f) {
              finish(run, f.result(), transcript, params);
            }
            run.emit(event);
          });
    } catch (InvalidParameter e) {
      end(run, failed(e.getMessage()), transcript, params);
    } catch (RuntimeException e) {
      LOG.error("step {} of lesson {} failed unexpectedly", step.id(), lesson.id(), e);
      end(
          run,
          failed(
              "O passo falhou por um erro interno do workbench; o instrutor encontra os detalhes no log."),
          transcript,
          params);
    } finally {
      if (!run.finished()) {
        end(run, failed("O passo terminou sem dizer como."), transcript, params);
      }
      active.remove(key(run.session(), run.lessonId(), run.stepId()), run);
    }
  }

  private void end(Run run, StepResult result, Transcript transcript, Map<String, String> params) {
    if (!run.finished()) {
      finish(run, result, transcript, params);
      run.emit(new RunEvent.Finished(run.stepId(), result));
    }
  }

  private void finish(
      Run run, StepResult result, Transcript transcript, Map<String, String> params) {
    try {
      store.finished(
          run.session(), run.lessonId(), run.stepId(), result, transcript.lines(), params);
    } catch (RuntimeException e) {
      LOG.error("could not record the end of step {}", run.stepId(), e);
    }
    active.remove(key(run.session(), run.lessonId(), run.stepId()), run);
  }

  private static StepResult failed(String message) {
    return new StepResult(StepResult.Status.FAILED, null, "", List.of(), message, Duration.ZERO);
  }

  private void forgetOldRuns() {
    Instant limit = Instant.now().minus(KEEP_FINISHED);
    byId.values().removeIf(r -> r.finished() && r.finishedAt().isBefore(limit));
    if (byId.size() > KEEP_AT_MOST) {
      byId.values().stream()
          .filter(Run::finished)
          .sorted(Comparator.comparing(Run::finishedAt))
          .limit(byId.size() - KEEP_AT_MOST)
          .toList()
          .forEach(r -> byId.remove(r.id()));
    }
  }

  private static String key(Session session, String lessonId, String stepId) {
    return session.id() + "/" + lessonId + "/" + stepId;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /**
   * The output a learner saw, line by line with its stream, to keep with their progress; its tail
   * is what the store keeps.
   */
  private static final class Transcript {
    private final java.util.ArrayDeque<OutputLine> lines = new java.util.ArrayDeque<>();
    private int size;

    synchronized void accept(RunEvent event) {
      if (event instanceof RunEvent.Output o) {
        lines.addLast(new OutputLine(o.stream(), o.text()));
        size += o.text().length() + 1;
        while (size > 2 * ProgressStore.OUTPUT_CAP && lines.size() > 1) {
          size -= lines.removeFirst().text().length() + 1;
        }
      }
    }

    synchronized List<OutputLine> lines() {
      return List.copyOf(lines);
    }
  }
}
