package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Transfers.Credentials;
import dev.workbench.engine.Session;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The clouds of one engine's learners, one per session: performs the {@code cloud.*} actions and
 * evaluates the cloud checks. A lesson's reset stops its cloud; so does the JVM's shutdown, so no
 * {@code dockerd} or schedule outlives the workbench.
 */
public final class Clouds {
  private static final Map<Engine, Clouds> BY_ENGINE = Collections.synchronizedMap(new WeakHashMap<>());
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Clouds::stopEverything, "workbench-clouds-stop"));
  }

  private final Engine engine;
  private final Map<String, Cloud> bySession = new ConcurrentHashMap<>();
  /** Null: read the environment when a cloud starts, so a bad setting fails that step, nothing else. */
  private volatile CloudTarget target;

  private Clouds(Engine engine) {
    this.engine = engine;
  }

  /** The clouds of learners of {@code engine} (the first, local engine). */
  public static Clouds of(Engine engine) {
    return BY_ENGINE.computeIfAbsent(engine, Clouds::new);
  }

  /** Where clouds started from now on go; null: the environment's, the default. */
  public Clouds target(CloudTarget newTarget) {
    this.target = newTarget;
    return this;
  }

  /** The verdict of a cloud check, in the learner's words. */
  public record Verdict(String description, boolean passed, String detail) {}

  /** Performs a cloud action; returns an exit code where there is one (a worker's run). */
  public Integer perform(Action.CloudAction action, Scope scope, UnaryOperator<String> vars, OutputSink sink) {
    if (action instanceof Action.CloudStart) {
      stop(scope.session());
      CloudTarget where = target != null ? target : CloudTarget.fromEnvironment();
      bySession.put(scope.session().id(), Cloud.start(engine, scope, where, sink));
      return null;
    }
    Cloud cloud = cloud(scope);
    if (action instanceof Action.CloudLogin a) {
      cloud.login(credentials(cloud, vars.apply(a.user()), vars.apply(a.password())), sink);
    } else if (action instanceof Action.CloudPush a) {
      cloud.push(vars.apply(a.image()), credentials(cloud, vars.apply(a.user()), vars.apply(a.password())), sink);
    } else if (action instanceof Action.CloudRelease a) {
      Map<String, String> env = new java.util.LinkedHashMap<>();
      a.env().forEach((k, v) -> env.put(k, vars.apply(v)));
      cloud.release(vars.apply(a.image()), vars.apply(a.name()), env, vars.apply(a.firestore()), sink);
    } else if (action instanceof Action.CloudRun a) {
      return cloud.run(vars.apply(a.name()), sink);
    } else if (action instanceof Action.CloudSchedule a) {
      cloud.schedule(vars.apply(a.name()), Schedule.parse(vars.apply(a.every())), sink);
    } else if (action instanceof Action.CloudRuns a) {
      listRuns(cloud, a.atLeast(), sink);
    } else if (action instanceof Action.CloudUnschedule) {
      sink.out("agendamento removido depois de " + cloud.unschedule() + " execuções");
    } else if (action instanceof Action.CloudStop) {
      stop(scope.session());
      sink.out("nuvem desligada: engine remoto parado, registro removido");
    } else {
      throw new IllegalStateException("ação de nuvem sem execução: " + action.kind());
    }
    return null;
  }

  public Verdict evaluate(Check.CloudCheck check, Scope scope, UnaryOperator<String> vars) {
    Optional<Cloud> cloud = Optional.ofNullable(bySession.get(scope.session().id()));
    if (check instanceof Check.RegistryTag c) {
      String repository = vars.apply(c.repository());
      String tag = vars.apply(c.tag());
      String what = "o registro tem " + repository + ":" + tag;
      if (cloud.isEmpty()) {
        return new Verdict(what, false, "a nuvem não está ligada");
      }
      List<String> tags = new RegistryApi(cloud.get().registry, cloud.get().credentials)
          .tags(cloud.get().repository(repository));
      return new Verdict(what, tags.contains(tag), "tags: " + tags);
    } else if (check instanceof Check.RemoteContainer c) {
      String name = vars.apply(c.name());
      String what =
          "no engine remoto, o contêiner " + name + " está " + Check.ContainerState.inPortuguese(c.state());
      if (cloud.isEmpty()) {
        return new Verdict(what, c.state().equals("absent"), "a nuvem não está ligada");
      }
      if (!cloud.get().remote.available()) {
        return new Verdict(what, false, "o engine remoto não respondeu");
      }
      String state = cloud.get().remote.containers().inspect(scope, name)
          .map(i -> i.getState().getStatus()).orElse("absent");
      return new Verdict(what, state.equals(c.state()), "está " + Check.ContainerState.inPortuguese(state));
    } else if (check instanceof Check.ScheduledRuns c) {
      String what = "pelo menos " + c.min() + " execuções agendadas, todas com código " + c.exitCode();
      List<Schedule.Run> runs = cloud.map(Cloud::schedule).map(Schedule::runs).orElse(List.of());
      boolean ok = runs.size() >= c.min() && runs.stream().allMatch(r -> r.exitCode() == c.exitCode());
      return new Verdict(what, ok, runs.size() + " execuções: " + runs.stream().map(r -> "#" + r.number() + " → "
          + r.exitCode()).toList());
    }
    throw new IllegalStateException("verificação de nuvem sem avaliação: " + check);
  }

  /** Stops the session's cloud if this lesson (any lesson, when null) started it. */
  public void reset(Session session, String lessonId) {
    Cloud cloud = bySession.get(session.id());
    if (cloud != null && (lessonId == null || lessonId.equals(cloud.scope.lesson()))) {
      stop(session);
    }
  }

  /** Stops every session's cloud. */
  public void stopAll() {
    new ArrayList<>(bySession.keySet()).forEach(id -> stop(new Session(id)));
  }

  /** Test hook: the session's stand-in remote engine goes down, the rest of the cloud stays. */
  public void stopRemoteEngine(Session session) {
    Optional.ofNullable(bySession.get(session.id())).ifPresent(Cloud::stopRemoteEngine);
  }

  private void stop(Session session) {
    Cloud cloud = bySession.remove(session.id());
    if (cloud != null) {
      cloud.stop();
    }
  }

  private Cloud cloud(Scope scope) {
    Cloud cloud = bySession.get(scope.session().id());
    if (cloud == null) {
      throw new EngineError("a nuvem não está ligada: rode antes o passo que a liga (cloud.start)");
    }
    return cloud;
  }

  private static Credentials credentials(Cloud cloud, String user, String password) {
    boolean given = user != null && !user.isBlank() || password != null && !password.isBlank();
    return given ? new Credentials(cloud.registry, blankOr(user, cloud.credentials.user()),
        blankOr(password, cloud.credentials.password())) : cloud.credentials;
  }

  private static String blankOr(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text;
  }

  private static void listRuns(Cloud cloud, int atLeast, OutputSink sink) {
    Schedule schedule = cloud.schedule();
    if (schedule == null) {
      throw new EngineError("nada agendado: rode antes o passo que agenda o worker (cloud.schedule)");
    }
    List<Schedule.Run> runs;
    try {
      Duration patience = schedule.every().plus(Cloud.RUN_TIMEOUT).multipliedBy(Math.max(1, atLeast));
      if (atLeast > 0) {
        sink.info("esperando " + atLeast + " execuções (uma a cada " + schedule.every().toSeconds() + " s)…");
      }
      runs = schedule.awaitRuns(atLeast, patience);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    }
    sink.out(String.format("%-4s %-9s %-7s %-6s %s", "#", "INÍCIO", "DURAÇÃO", "SAÍDA", "RESUMO"));
    for (Schedule.Run r : runs) {
      sink.out(String.format("%-4d %-9s %-7s %-6d %s", r.number(), TIME.format(r.started()),
          String.format("%.1fs", r.took().toMillis() / 1000.0), r.exitCode(), r.summary()));
    }
  }

  private static void stopEverything() {
    List<Clouds> all;
    synchronized (BY_ENGINE) {
      all = new ArrayList<>(BY_ENGINE.values());
    }
    all.forEach(Clouds::stopAll);
  }
}
