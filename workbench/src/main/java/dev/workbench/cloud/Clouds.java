package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Owner;
import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.engine.Transfers.Credentials;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Sentences;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.Kinds;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The clouds of one engine's learners, one per session and at most {@link CloudLimits#clouds} at
 * once: performs the {@code cloud.*} actions and evaluates the cloud checks. Owned like the
 * notebooks (Jupyter Server's kernel manager is the model): made by its owner, the step runner,
 * with a {@link CloudConfig}, and closed by it; a lesson's reset stops its cloud, the owner's
 * {@link #close} (the server's one shutdown path) stops them all; what a killed server left, {@link
 * #removeOrphans} removes at the next start.
 */
public final class Clouds implements AutoCloseable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final Engine engine;
  private final OnePerLearner<Cloud> clouds =
      new OnePerLearner<>(
          cloud -> cloud.scope,
          Cloud::stop,
          new OnePerLearner.Words(
              "nuvens por aluno",
              "A sua nuvem da lição %s está ligada: reinicie essa lição (ou rode o passo que desliga"
                  + " a nuvem) para ligar outra.",
              "nuvens ligadas ao mesmo tempo neste servidor",
              "Espere alguém desligar a sua nuvem, ou reinicie a lição nuvem numa sessão que já"
                  + " terminou com ela."));

  private final CloudConfig config;

  /**
   * The clouds of learners of {@code engine} (the first, local engine), set up by {@code config}.
   */
  public Clouds(Engine engine, CloudConfig config) {
    this.engine = engine;
    this.config = config;
  }

  /**
   * Removes what clouds of killed processes left in the engine (stand-in engines, their volumes,
   * registries, networks) and in the data dir (their folders); a live process's clouds stay.
   */
  public static int removeOrphans(Engine engine) {
    int removed =
        engine.removeLabelled(
            labels ->
                StandInEngine.KIND.equals(labels.get(StandInEngine.KIND_LABEL))
                    && Owner.gone(labels.get(Owner.LABEL)));
    return removed + StandInEngine.removeOrphanFolders(engine);
  }

  /** The verdict of a cloud check, in the learner's words. */
  public record Verdict(String description, boolean passed, String detail) {}

  /**
   * A container's state as the engine names it ({@code running}, {@code exited}…) in the words of
   * {@code say} ({@link Sentences#CHECKS}); a state the course never asks for comes as the engine
   * said it. The runner's container checks say it the same way.
   */
  public static String state(Sentences say, String state) {
    return say.getOrElse("state." + state, state);
  }

  /** What one cloud action does, given the session's running cloud. */
  @FunctionalInterface
  private interface CloudStep<A extends Action.CloudAction> {
    Integer perform(Cloud cloud, A action, UnaryOperator<String> vars, OutputSink sink);
  }

  /** What one cloud check reads, given the session's cloud (empty: not started). */
  @FunctionalInterface
  private interface CloudRule<C extends Check.CloudCheck> {
    Verdict evaluate(
        Optional<Cloud> cloud, C check, Scope scope, UnaryOperator<String> vars, Sentences say);
  }

  /**
   * One row per cloud action record but cloud.start (which makes the cloud): StepKindsTest checks.
   */
  private final Map<Class<?>, CloudStep<Action.CloudAction>> steps = new HashMap<>();

  /** One row per cloud check record: StepKindsTest checks. */
  private final Map<Class<?>, CloudRule<Check.CloudCheck>> rules = new HashMap<>();

  {
    step(
        Action.CloudLogin.class,
        (cloud, a, vars, sink) -> {
          cloud.login(credentials(cloud, vars.apply(a.user()), vars.apply(a.password())), sink);
          return null;
        });
    step(
        Action.CloudPush.class,
        (cloud, a, vars, sink) -> {
          cloud.push(
              vars.apply(a.image()),
              credentials(cloud, vars.apply(a.user()), vars.apply(a.password())),
              sink);
          return null;
        });
    step(
        Action.CloudRelease.class,
        (cloud, a, vars, sink) -> {
          Map<String, String> env = new LinkedHashMap<>();
          a.env().forEach((k, v) -> env.put(k, vars.apply(v)));
          cloud.release(
              vars.apply(a.image()), vars.apply(a.name()), env, vars.apply(a.firestore()), sink);
          return null;
        });
    step(Action.CloudRun.class, (cloud, a, vars, sink) -> cloud.run(vars.apply(a.name()), sink));
    step(
        Action.CloudSchedule.class,
        (cloud, a, vars, sink) -> {
          cloud.schedule(vars.apply(a.name()), Schedule.parse(vars.apply(a.every())), sink);
          return null;
        });
    step(
        Action.CloudRuns.class,
        (cloud, a, vars, sink) -> {
          listRuns(cloud, a.atLeast(), sink);
          return null;
        });
    step(
        Action.CloudUnschedule.class,
        (cloud, a, vars, sink) -> {
          sink.out("agendamento removido depois de " + cloud.unschedule() + " execuções");
          return null;
        });
    step(
        Action.CloudStop.class,
        (cloud, a, vars, sink) -> {
          clouds.stop(cloud.scope.session());
          sink.out("nuvem desligada: engine remoto parado, registro removido");
          return null;
        });

    rule(
        Check.RegistryTag.class,
        (cloud, c, scope, vars, say) -> {
          String repository = vars.apply(c.repository());
          String tag = vars.apply(c.tag());
          String what = say.format("cloud.registry_tag", repository, tag);
          if (cloud.isEmpty()) {
            return new Verdict(what, false, say.get("cloud.off"));
          }
          List<String> tags =
              new RegistryApi(cloud.get().registry, cloud.get().credentials)
                  .tags(cloud.get().repository(repository));
          return new Verdict(what, tags.contains(tag), "tags: " + tags);
        });
    rule(
        Check.RemoteContainer.class,
        (cloud, c, scope, vars, say) -> {
          String name = vars.apply(c.name());
          String what = say.format("cloud.remote_container", name, state(say, c.state()));
          if (cloud.isEmpty()) {
            return new Verdict(what, c.state().equals("absent"), say.get("cloud.off"));
          }
          if (!cloud.get().remote.available()) {
            return new Verdict(what, false, say.get("cloud.remote_silent"));
          }
          String state =
              cloud
                  .get()
                  .remote
                  .containers()
                  .inspect(scope, name)
                  .map(i -> i.getState().getStatus())
                  .orElse("absent");
          return new Verdict(
              what, state.equals(c.state()), say.format("container.now", state(say, state)));
        });
    rule(
        Check.ScheduledRuns.class,
        (cloud, c, scope, vars, say) -> {
          String what = say.format("cloud.scheduled", c.min(), c.exitCode());
          List<Schedule.Run> runs =
              cloud.map(Cloud::schedule).map(Schedule::runs).orElse(List.of());
          boolean ok =
              runs.size() >= c.min() && runs.stream().allMatch(r -> r.exitCode() == c.exitCode());
          return new Verdict(
              what,
              ok,
              say.format(
                  "cloud.scheduled.runs",
                  runs.size(),
                  runs.stream().map(r -> "#" + r.number() + " → " + r.exitCode()).toList()));
        });
  }

  private <A extends Action.CloudAction> void step(Class<A> record, CloudStep<A> step) {
    steps.put(record, (cloud, a, vars, sink) -> step.perform(cloud, record.cast(a), vars, sink));
  }

  private <C extends Check.CloudCheck> void rule(Class<C> record, CloudRule<C> rule) {
    rules.put(
        record,
        (cloud, c, scope, vars, say) -> rule.evaluate(cloud, record.cast(c), scope, vars, say));
  }

  /**
   * The cloud records this class has no row for, each named; empty when every cloud action and
   * check is handled. cloud.start is performed apart: it is the one that needs no running cloud.
   */
  public List<String> gaps() {
    Set<Class<?>> performed = new HashSet<>(steps.keySet());
    performed.add(Action.CloudStart.class);
    List<String> gaps =
        new ArrayList<>(Kinds.missing(Action.CloudAction.class, performed, "cloud step (Clouds)"));
    gaps.addAll(Kinds.missing(Check.CloudCheck.class, rules.keySet(), "cloud rule (Clouds)"));
    return gaps;
  }

  /** Performs a cloud action; returns an exit code where there is one (a worker's run). */
  public Integer perform(
      Action.CloudAction action, Scope scope, UnaryOperator<String> vars, OutputSink sink) {
    if (action instanceof Action.CloudStart) {
      start(scope, sink);
      return null;
    }
    CloudStep<Action.CloudAction> step = steps.get(action.getClass());
    if (step == null) {
      throw new IllegalStateException("ação de nuvem sem execução: " + action.kind());
    }
    return step.perform(cloud(scope), action, vars, sink);
  }

  /** Evaluates a cloud check; its verdict is said in {@code language}. */
  public Verdict evaluate(
      Check.CloudCheck check, Scope scope, UnaryOperator<String> vars, Language language) {
    CloudRule<Check.CloudCheck> rule = rules.get(check.getClass());
    if (rule == null) {
      throw new IllegalStateException("verificação de nuvem sem avaliação: " + check.key());
    }
    return rule.evaluate(
        clouds.of(scope.session()), check, scope, vars, Sentences.of(Sentences.CHECKS, language));
  }

  /**
   * Starts the session's cloud. Starting again in the lesson that holds it replaces it (the learner
   * runs the step again); another lesson, or one cloud too many on this server, is refused.
   */
  private void start(Scope scope, OutputSink sink) {
    CloudLimits now = config.limits();
    clouds.start(scope, now.clouds(), () -> Cloud.start(engine, scope, config.target(), now, sink));
  }

  /**
   * Throws {@link QuotaExceeded} unless {@code scope} may start a cloud now: the learner has none
   * in another lesson, and the server has room (a cloud this lesson holds counts as room: starting
   * again replaces it). The site may ask before it accepts a run, to answer 429 at once.
   */
  public void requireRoom(Scope scope) {
    clouds.requireRoom(scope, config.limits().clouds());
  }

  /** Stops the session's cloud if this lesson (any lesson, when null) started it. */
  public void reset(Session session, String lessonId) {
    clouds.reset(session, lessonId);
  }

  /**
   * Stops every session's cloud: the owner's close, on the server's one shutdown path. Idempotent.
   */
  @Override
  public void close() {
    clouds.stopAll();
  }

  /** Test hook: the session's stand-in remote engine goes down, the rest of the cloud stays. */
  public void stopRemoteEngine(Session session) {
    clouds.of(session).ifPresent(Cloud::stopRemoteEngine);
  }

  private Cloud cloud(Scope scope) {
    Cloud cloud = clouds.of(scope.session()).orElse(null);
    if (cloud == null) {
      throw new EngineError("a nuvem não está ligada: rode antes o passo que a liga (cloud.start)");
    }
    return cloud;
  }

  private static Credentials credentials(Cloud cloud, String user, String password) {
    boolean given = user != null && !user.isBlank() || password != null && !password.isBlank();
    return given
        ? new Credentials(
            cloud.registry,
            blankOr(user, cloud.credentials.user()),
            blankOr(password, cloud.credentials.password()))
        : cloud.credentials;
  }

  private static String blankOr(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text;
  }

  private static void listRuns(Cloud cloud, int atLeast, OutputSink sink) {
    Schedule schedule = cloud.schedule();
    if (schedule == null) {
      throw new EngineError(
          "nada agendado: rode antes o passo que agenda o worker (cloud.schedule)");
    }
    List<Schedule.Run> runs;
    try {
      Duration patience =
          schedule.every().plus(Cloud.RUN_TIMEOUT).multipliedBy(Math.max(1, atLeast));
      if (atLeast > 0) {
        sink.info(
            "esperando "
                + atLeast
                + " execuções (uma a cada "
                + schedule.every().toSeconds()
                + " s)…");
      }
      runs = schedule.awaitRuns(atLeast, patience);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    }
    sink.out(String.format("%-4s %-9s %-7s %-6s %s", "#", "INÍCIO", "DURAÇÃO", "SAÍDA", "RESUMO"));
    for (Schedule.Run r : runs) {
      sink.out(
          String.format(
              "%-4d %-9s %-7s %-6d %s",
              r.number(),
              TIME.format(r.started()),
              String.format("%.1fs", r.took().toMillis() / 1000.0),
              r.exitCode(),
              r.summary()));
    }
  }
}
