package dev.workbench.run;

import dev.workbench.Workbench;
import dev.workbench.cloud.CloudConfig;
import dev.workbench.cloud.Clouds;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.KnownError;
import dev.workbench.engine.LearnerEngines;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import dev.workbench.notebook.Notebooks;
import dev.workbench.run.StepResult.CheckResult;
import dev.workbench.run.StepResult.Status;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Mount;
import dev.workbench.step.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one step: its action through the engine, then its checks; reports everything as events. */
public final class StepRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  /** What a result keeps of the output; the page has already seen every line as it came. */
  private static final int OUTPUT_KEPT = 256 * 1024;

  /**
   * The most output events (lines and progress) one run passes on; past it, or past {@link
   * #MAX_OUTPUT_BYTES}, the run says "saída cortada" once and drops the rest. Ten thousand lines is
   * more than any step of the course prints (a base image made from Debian prints a few thousand);
   * a program that prints without end is what this stops.
   */
  public static final int MAX_OUTPUT_EVENTS = 10_000;

  /** The most output text (UTF-8 bytes of the lines) one run passes on. */
  public static final int MAX_OUTPUT_BYTES = 1 << 20;

  /** The notice a run gives, once, when its output reached a cap. */
  public static final String OUTPUT_CUT = "saída cortada";

  private final Engine engine;
  private final LearnerEngines engines;
  private final Path projectRoot;
  private final ProjectFiles files;

  /** One set of notebooks per engine: a learner's kernels run where the rest of their work is. */
  private final Map<Engine, Notebooks> notebooks = new ConcurrentHashMap<>();

  /** One set of clouds per engine, all made with the one configuration the runner was given. */
  private final Map<Engine, Clouds> clouds = new ConcurrentHashMap<>();

  private final CloudConfig cloudConfig;

  public StepRunner(Engine engine) {
    this(engine, Workbench.projectRoot());
  }

  /** Clouds on a local registry and engine per learner ({@link CloudConfig#LOCAL}). */
  public StepRunner(Engine engine, Path projectRoot) {
    this(engine, projectRoot, CloudConfig.LOCAL);
  }

  /** Every learner on {@code engine}, clouds set up by {@code clouds}. */
  public StepRunner(Engine engine, Path projectRoot, CloudConfig clouds) {
    this(engine, LearnerEngines.shared(engine), projectRoot, clouds);
  }

  /**
   * Each learner on the engine {@code engines} gives them; clouds on a local registry and engine.
   */
  public StepRunner(Engine engine, LearnerEngines engines, Path projectRoot) {
    this(engine, engines, projectRoot, CloudConfig.LOCAL);
  }

  /** The clouds of this machine's engine (tests reach a cloud's parts through it). */
  public Clouds clouds() {
    return clouds(engine);
  }

  /**
   * @param engine this machine's engine: what a killed run left is looked for there
   * @param engines the engine each learner's steps, checks, kernels and clouds go to (the same one
   *     on a laptop; a lab of their own with {@code serve --labs})
   */
  public StepRunner(Engine engine, LearnerEngines engines, Path projectRoot, CloudConfig clouds) {
    this.engine = engine;
    this.engines = engines;
    this.projectRoot = projectRoot;
    this.files = new ProjectFiles(projectRoot);
    this.cloudConfig = clouds;
  }

  /** This machine's engine (not a learner's lab). */
  public Engine engine() {
    return engine;
  }

  /** Which engine holds each learner's work. */
  public LearnerEngines engines() {
    return engines;
  }

  private Clouds clouds(Engine of) {
    return clouds.computeIfAbsent(of, e -> new Clouds(e, cloudConfig));
  }

  private Notebooks notebooks(Engine of) {
    return notebooks.computeIfAbsent(of, e -> new Notebooks(e, projectRoot));
  }

  /**
   * Refuses, with {@link QuotaExceeded}, a step whose action would take the learner past a quota,
   * before it starts: the site answers 429 and nothing is made. With the engine away it says
   * nothing; the run itself will report that. The engine counts again when it creates.
   */
  public void admit(Lesson lesson, Step step, Session session, Map<String, String> params) {
    Scope scope = new Scope(session, lesson.id());
    Engine engine = engines.of(session);
    // limits the learner should hear before a run starts: a cloud or a notebook too many
    if (step.action() instanceof Action.CloudStart) {
      clouds(engine).requireRoom(scope);
    } else if (step.action() instanceof Action.SwarmStart) {
      dev.workbench.cloud.Swarms.of(engine).requireRoom(scope);
    } else if (step.action() instanceof Action.JShellCell) {
      notebooks(engine).requireRoom(scope);
    }
    try {
      new Actions(engine, files, notebooks(engine), clouds(engine))
          .requireRoom(step.action(), scope, Vars.of(step, params));
    } catch (EngineUnavailable e) {
      // nothing can be created either: the run says the engine is away, with what to do
    }
  }

  /**
   * Removes the container {@code step} would create with {@code params}, as {@code docker rm -f}
   * does: the fix offered when a rerun finds its name taken by the container of an earlier run.
   *
   * @return the container's name as the learner knows it; empty when the step names no container
   */
  public Optional<String> removeItsContainer(
      Lesson lesson, Step step, Session session, Map<String, String> params) {
    ContainerSpec spec =
        step.action() instanceof Action.RunContainer run
            ? run.spec()
            : step.action() instanceof Action.CreateContainer create ? create.spec() : null;
    if (spec == null || spec.name() == null || spec.name().isBlank()) {
      return Optional.empty();
    }
    String name = Vars.of(step, params).apply(spec.name());
    try {
      engines.of(session).containers().remove(new Scope(session, lesson.id()), name);
    } catch (KnownError e) {
      if (e.problem() != KnownError.Problem.NO_SUCH_CONTAINER) {
        throw e; // already gone is what was asked; anything else is news
      }
    }
    return Optional.of(name);
  }

  /** {@link #run(Lesson, Step, Session, Map, Language, Consumer)} for a learner of pt-BR. */
  public StepResult run(
      Lesson lesson,
      Step step,
      Session session,
      Map<String, String> params,
      Consumer<RunEvent> events) {
    return run(lesson, step, session, params, Language.PT_BR, events);
  }

  /**
   * Runs {@code step} of {@code lesson} in the learner's session. Parameters missing from {@code
   * params} take their defaults; a refused value throws {@link InvalidParameter} before anything
   * runs. Every other failure (engine away included) ends as a FAILED result with a learner-facing
   * message, after a {@link RunEvent.Finished} event. The checks' results are said in {@code
   * language}, the learner's; the action's own output is the same in every language (lessons check
   * it with {@code output:}).
   */
  public StepResult run(
      Lesson lesson,
      Step step,
      Session session,
      Map<String, String> params,
      Language language,
      Consumer<RunEvent> events) {
    return execute(lesson, step, session, params, language, events, true);
  }

  /**
   * "Conferir": evaluates only the step's checks against the engine's state as it is, without the
   * action, for a learner who did the step in a terminal. Checks of the exit code and the output
   * need the step's own run and are left out; a step with no other check cannot be checked this way
   * and fails saying so. Reports the same events and result as {@link #run}, so it counts the same.
   */
  public StepResult check(
      Lesson lesson,
      Step step,
      Session session,
      Map<String, String> params,
      Language language,
      Consumer<RunEvent> events) {
    return execute(lesson, step, session, params, language, events, false);
  }

  /** Whether a check reads the engine's state (and not the step's own exit code or output). */
  public static boolean readsState(Check check) {
    return !(check instanceof Check.ExitCode) && !(check instanceof Check.OutputContains);
  }

  /** The message of a "Conferir" on a step whose checks all read its own run. */
  public static final String ONLY_BY_RUNNING =
      "Este passo só se confere rodando: as verificações dele leem a saída do próprio passo.";

  private StepResult execute(
      Lesson lesson,
      Step step,
      Session session,
      Map<String, String> params,
      Language language,
      Consumer<RunEvent> events,
      boolean perform) {
    Vars vars = Vars.of(step, params);
    Scope scope = new Scope(session, lesson.id());
    Engine engine = engines.of(session);
    refuseUnsafeMounts(engine, step, vars, scope);
    long start = System.nanoTime();
    Output output = new Output(step.id(), scope, events);
    events.accept(new RunEvent.Started(step.id(), vars.apply(step.cli())));
    Integer exitCode = null;
    String failure = "";
    List<CheckResult> checks = new ArrayList<>();
    try {
      List<Check> expected = step.expect();
      if (perform) {
        exitCode =
            new Actions(engine, files, notebooks(engine), clouds(engine))
                .perform(step.action(), scope, vars, output);
      } else {
        expected = expected.stream().filter(StepRunner::readsState).toList();
        if (expected.isEmpty()) {
          throw new IllegalArgumentException(ONLY_BY_RUNNING);
        }
      }
      Checks evaluator = new Checks(engine, clouds(engine), language);
      for (Check check : expected) {
        CheckResult result = evaluator.evaluate(check, scope, vars, exitCode, output.text());
        checks.add(result);
        events.accept(
            new RunEvent.CheckDone(
                step.id(),
                output.unscoped(result.description()),
                result.passed(),
                output.unscoped(result.detail())));
      }
    } catch (EngineUnavailable e) {
      failure = e.getMessage();
    } catch (EngineError | QuotaExceeded | IllegalArgumentException e) {
      failure = output.unscoped(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("step {} of lesson {} failed unexpectedly", step.id(), lesson.id(), e);
      failure =
          "erro inesperado do workbench ("
              + e.getClass().getSimpleName()
              + "); veja o log do servidor";
    }
    boolean passed = failure.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    if (!passed
        && !failure.startsWith(EngineUnavailable.HOW_TO_START)
        && engineWentAway(engine, step)) {
      failure =
          "O Docker Engine parou no meio do passo. Inicie-o de novo (por exemplo: sudo dockerd, ou abra o"
              + " Docker Desktop) e rode o passo outra vez.";
    }
    if (!failure.isEmpty()) {
      output.always("err", failure);
    }
    StepResult result =
        new StepResult(
            passed ? Status.PASSED : Status.FAILED,
            exitCode,
            output.text(),
            checks,
            failure,
            Duration.ofNanos(System.nanoTime() - start));
    events.accept(new RunEvent.Finished(step.id(), result));
    return result;
  }

  /**
   * Only asked after a failure, and only of steps that talk to the engine: a container killed with
   * its engine fails the checks with odd details (exit 1 or 143, no port), and the learner needs
   * the cause, not the symptoms. A stopping dockerd refuses new connections at once, so asking is
   * enough.
   */
  private static boolean engineWentAway(Engine engine, Step step) {
    return !step.action().kind().equals("jshell") && !engine.available();
  }

  /** Removes every container, network, volume and image the session created for this lesson. */
  public void resetLesson(Session session, String lessonId) {
    Engine engine = engines.of(session);
    Notebooks open = notebooks.get(engine);
    if (open != null) {
      open.close(session, lessonId);
    }
    clouds(engine).reset(session, lessonId);
    dev.workbench.cloud.Swarms.of(engine).reset(session, lessonId);
    engine.removeAll(session, lessonId);
  }

  /**
   * Closes what this runner opened in {@code engine} (its notebooks and clouds) before the engine
   * goes away: a lab that stops for idleness takes its kernels with it.
   */
  public void forget(Engine gone) {
    Notebooks open = notebooks.remove(gone);
    Clouds its = clouds.remove(gone);
    try {
      if (open != null) {
        open.close();
      }
    } finally {
      if (its != null) {
        its.close();
      }
    }
  }

  /**
   * Closes the notebooks' JShells (their JVMs) and stops the clouds and swarms: the server's one
   * shutdown path. The engine belongs to the caller.
   */
  @Override
  public void close() {
    try {
      notebooks.values().forEach(Notebooks::close);
    } finally {
      try {
        clouds.values().forEach(Clouds::close);
      } finally {
        dev.workbench.cloud.Swarms.of(engine).stopAll();
      }
    }
  }

  /** A parameter that would point a bind mount outside the learner's files is a bad parameter. */
  private static void refuseUnsafeMounts(Engine engine, Step step, Vars vars, Scope scope) {
    List<Mount> mounts = List.of();
    if (step.action() instanceof Action.RunContainer a) {
      mounts = a.spec().mounts();
    } else if (step.action() instanceof Action.CreateContainer a) {
      mounts = a.spec().mounts();
    }
    for (Mount mount : mounts) {
      if (mount instanceof Mount.Bind bind) {
        try {
          engine.storage().sessionFile(scope, vars.apply(bind.source()));
        } catch (IllegalArgumentException e) {
          throw new InvalidParameter(e.getMessage());
        }
      }
    }
  }

  /**
   * Passes output on as events, in the learner's names, and keeps the tail for the result. Past
   * {@link #MAX_OUTPUT_EVENTS} events or {@link #MAX_OUTPUT_BYTES} of text it says so once and
   * drops the rest: the step goes on to its end and its checks, its output no longer kept.
   */
  private static final class Output implements OutputSink {
    private final String stepId;
    private final Scope scope;
    private final Consumer<RunEvent> events;
    private final StringBuilder kept = new StringBuilder();
    private int count;
    private long size;
    private volatile boolean cut;

    Output(String stepId, Scope scope, Consumer<RunEvent> events) {
      this.stepId = stepId;
      this.scope = scope;
      this.events = events;
    }

    String unscoped(String text) {
      // the lesson's prefix first: what is left of the session's then names compose's own objects
      return text == null
          ? ""
          : text.replace(scope.prefix(), "").replace(scope.sessionPrefix(), "");
    }

    @Override
    public void out(String line) {
      emit("out", line);
    }

    @Override
    public void err(String line) {
      emit("err", line);
    }

    @Override
    public void info(String line) {
      emit("info", line);
    }

    @Override
    public synchronized void progress(String label, long current, long total) {
      if (admitted(0)) {
        events.accept(new RunEvent.Progress(stepId, label, current, total));
      }
    }

    @Override
    public boolean full() {
      return cut;
    }

    private synchronized void emit(String stream, String line) {
      String text = unscoped(line);
      if (admitted(text.getBytes(StandardCharsets.UTF_8).length)) {
        always(stream, text);
      }
    }

    /** Counts one more event; false (after saying so once) when it passes a cap. */
    private boolean admitted(int length) {
      if (cut) {
        return false;
      }
      count++;
      size += length;
      if (count <= MAX_OUTPUT_EVENTS && size <= MAX_OUTPUT_BYTES) {
        return true;
      }
      cut = true;
      events.accept(
          new RunEvent.Output(
              stepId,
              "info",
              OUTPUT_CUT
                  + ": o passo passou de "
                  + MAX_OUTPUT_EVENTS
                  + " linhas ou "
                  + (MAX_OUTPUT_BYTES >> 20)
                  + " MB de saída; o resto"
                  + " não é mostrado nem guardado. O passo continua até o fim e as verificações rodam."));
      return false;
    }

    /** An event past the caps: only the workbench's own last word (why the step failed). */
    synchronized void always(String stream, String text) {
      if (!stream.equals("info")) {
        kept.append(text).append('\n');
        if (kept.length() > OUTPUT_KEPT) {
          kept.delete(0, kept.length() - OUTPUT_KEPT);
        }
      }
      events.accept(new RunEvent.Output(stepId, stream, text));
    }

    synchronized String text() {
      return kept.toString();
    }
  }
}
