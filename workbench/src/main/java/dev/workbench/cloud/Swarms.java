package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Owner;
import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.engine.Swarm;
import dev.workbench.engine.Wait;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Sentences;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The swarms of one engine's learners, one per session and at most {@link SwarmLimits#swarms} at
 * once: performs the {@code swarm.*} actions and evaluates the swarm checks. Like the clouds, a
 * lesson's reset stops its swarm, so does the server's shutdown ({@link #stopAll}), and what a
 * killed server left, {@link #removeOrphans} removes at the next start.
 */
public final class Swarms {
  /**
   * How long a check waits for the swarm to reach the state it asks for (it converges on its own).
   */
  static final Duration CONVERGENCE = Duration.ofSeconds(120);

  private static final Map<Engine, Swarms> BY_ENGINE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Engine engine;
  private final OnePerLearner<StandInSwarm> swarms =
      new OnePerLearner<>(
          swarm -> swarm.scope,
          StandInSwarm::stop,
          new OnePerLearner.Words(
              "enxames por aluno",
              "O seu enxame da lição %s está ligado: reinicie essa lição (ou rode o passo que desliga"
                  + " o enxame) para ligar outro.",
              "enxames ligados ao mesmo tempo neste servidor",
              "Espere alguém desligar o seu enxame (o último passo da parte de Swarm), ou reinicie a"
                  + " lição numa sessão que já terminou com ela."));

  private volatile SwarmLimits limits = SwarmLimits.LAPTOP;

  private Swarms(Engine engine) {
    this.engine = engine;
  }

  /** The swarms of learners of {@code engine} (the first, local engine). */
  public static Swarms of(Engine engine) {
    return BY_ENGINE.computeIfAbsent(engine, Swarms::new);
  }

  /** The limits swarms started from now on get. */
  public Swarms limits(SwarmLimits newLimits) {
    this.limits = newLimits;
    return this;
  }

  /** Removes what swarms of killed processes left (hosts, volumes, networks, folders). */
  public static int removeOrphans(Engine engine) {
    int removed =
        engine.removeLabelled(
            labels ->
                StandInSwarm.KIND.equals(labels.get(StandInEngine.KIND_LABEL))
                    && Owner.gone(labels.get(Owner.LABEL)));
    return removed + StandInSwarm.removeOrphanFolders(engine);
  }

  /** Performs a swarm action; none has an exit code of its own. */
  public Integer perform(
      Action.SwarmAction action, Scope scope, UnaryOperator<String> vars, OutputSink sink) {
    if (action instanceof Action.SwarmStart a) {
      start(scope, a.nodes(), a.images().stream().map(vars).toList(), sink);
    } else if (action instanceof Action.SwarmJoin) {
      swarm(scope).join(sink);
    } else if (action instanceof Action.SwarmStop) {
      swarms.stop(scope.session());
      sink.out("enxame desligado: nós parados e removidos");
    } else {
      throw new IllegalStateException("ação de enxame sem execução: " + action.kind());
    }
    return null;
  }

  /**
   * Evaluates a swarm check, waiting up to {@link #CONVERGENCE} for it to hold; its verdict is said
   * in {@code language}.
   */
  public Clouds.Verdict evaluate(
      Check.SwarmCheck check, Scope scope, UnaryOperator<String> vars, Language language) {
    Sentences say = Sentences.of(Sentences.CHECKS, language);
    Supplier<Clouds.Verdict> once;
    if (check instanceof Check.SwarmService c) {
      once = () -> service(scope, vars.apply(c.name()), c.replicas(), vars.apply(c.image()), say);
    } else if (check instanceof Check.SwarmNode c) {
      once = () -> node(scope, vars.apply(c.name()), c.role(), c.availability(), c.tasks(), say);
    } else {
      throw new IllegalStateException("verificação de enxame sem avaliação: " + check);
    }
    // the swarm converges on its own: look again until it holds, the swarm is gone, or time runs
    // out
    Clouds.Verdict[] last = {once.get()};
    Wait.upTo(CONVERGENCE)
        .every(Duration.ofMillis(500))
        .untilTrue(
            () -> {
              if (last[0].passed() || swarms.of(scope.session()).isEmpty()) {
                return true;
              }
              last[0] = once.get();
              return last[0].passed();
            });
    return last[0];
  }

  private Clouds.Verdict service(
      Scope scope, String name, int replicas, String image, Sentences say) {
    String what =
        image == null
            ? say.format("swarm.service", name, replicas)
            : say.format("swarm.service.of_image", name, replicas, image);
    Optional<Swarm> swarm = managed(scope);
    if (swarm.isEmpty()) {
      return new Clouds.Verdict(what, false, absence(scope, say));
    }
    Optional<Swarm.Service> service = swarm.get().service(name);
    if (service.isEmpty()) {
      return new Clouds.Verdict(what, false, say.format("swarm.service.none", name));
    }
    List<Swarm.Task> running =
        swarm.get().tasks(service.get()).stream().filter(Swarm.Task::running).toList();
    boolean images = image == null || running.stream().allMatch(t -> sameImage(t.image(), image));
    String update = service.get().updateState();
    boolean settled =
        update == null || update.equals("completed") || update.equals("rollback_completed");
    boolean ok =
        service.get().replicas() == replicas && running.size() == replicas && images && settled;
    return new Clouds.Verdict(
        what,
        ok,
        say.format(
            update == null ? "swarm.service.state" : "swarm.service.state.updating",
            service.get().replicas(),
            running.size(),
            running.stream().map(t -> t.node() + " (" + t.image() + ")").toList(),
            update));
  }

  private Clouds.Verdict node(
      Scope scope, String name, String role, String availability, Integer tasks, Sentences say) {
    String what =
        say.format("swarm.node", name)
            + (role == null ? "" : say.format("swarm.node.role", role))
            + (availability == null ? "" : say.format("swarm.node.availability", availability))
            + (tasks == null ? "" : say.format("swarm.node.tasks", tasks));
    Optional<Swarm> swarm = managed(scope);
    if (swarm.isEmpty()) {
      return new Clouds.Verdict(what, false, absence(scope, say));
    }
    Optional<Swarm.Node> node =
        swarm.get().nodes().stream().filter(n -> n.hostname().equals(name)).findFirst();
    if (node.isEmpty()) {
      return new Clouds.Verdict(what, false, say.format("swarm.node.none", name));
    }
    long running =
        tasks == null
            ? 0
            : swarm.get().tasks().stream()
                .filter(t -> t.running() && t.node().equals(name))
                .count();
    boolean ok =
        (role == null || role.equals(node.get().role()))
            && (availability == null || availability.equals(node.get().availability()))
            && (tasks == null || running == tasks);
    return new Clouds.Verdict(
        what,
        ok,
        say.format(
            tasks == null ? "swarm.node.state" : "swarm.node.state.tasks",
            name,
            node.get().role(),
            node.get().availability(),
            node.get().state(),
            running));
  }

  /** The manager's view of the swarm, if the session has hosts and the first manages a swarm. */
  private Optional<Swarm> managed(Scope scope) {
    StandInSwarm swarm = swarms.of(scope.session()).orElse(null);
    if (swarm == null || !swarm.manager().available() || !swarm.manager().swarm().managing()) {
      return Optional.empty();
    }
    return Optional.of(swarm.manager().swarm());
  }

  private String absence(Scope scope, Sentences say) {
    StandInSwarm swarm = swarms.of(scope.session()).orElse(null);
    if (swarm == null) {
      return say.get("swarm.off");
    }
    return say.format(
        swarm.manager().available() ? "swarm.no_init" : "swarm.silent", StandInSwarm.host(1));
  }

  /**
   * {@code ola:2} is the image of a task whose spec says {@code ola:2} or {@code ola:2@sha256:…}.
   */
  private static boolean sameImage(String taskImage, String wanted) {
    return taskImage.equals(wanted) || taskImage.startsWith(wanted + "@");
  }

  /**
   * Starts the session's hosts. Starting again in the lesson that holds them replaces them (the
   * learner runs the step again); another lesson, or one swarm too many on this server, is refused.
   */
  private void start(Scope scope, int nodes, List<String> images, OutputSink sink) {
    SwarmLimits now = limits;
    StandInSwarm swarm =
        swarms.start(
            scope,
            now.swarms(),
            () -> StandInSwarm.start(engine, scope, nodes, images, now.host(), sink));
    sink.out(
        nodes
            + (nodes == 1 ? " nó" : " nós")
            + " no ar na rede "
            + StandInSwarm.NETWORK
            + " ("
            + describe(swarm)
            + "), prontos para formar um enxame");
  }

  private static String describe(StandInSwarm swarm) {
    return "dockerd em contêineres, "
        + (swarm.form() == dev.workbench.engine.NestedEngines.Form.PRIVILEGED
            ? "--privileged"
            : "com capacidades explícitas, pois este engine recusa --privileged");
  }

  /**
   * Throws {@link QuotaExceeded} unless {@code scope} may start a swarm now: the learner has none
   * in another lesson, and the server has room (a swarm this lesson holds counts as room: starting
   * again replaces it). The site asks before it accepts a run, to answer 429 at once.
   */
  public void requireRoom(Scope scope) {
    swarms.requireRoom(scope, limits.swarms());
  }

  /** Stops the session's swarm if this lesson (any lesson, when null) started it. */
  public void reset(Session session, String lessonId) {
    swarms.reset(session, lessonId);
  }

  /** Stops every session's swarm: the server's shutdown. */
  public void stopAll() {
    swarms.stopAll();
  }

  private StandInSwarm swarm(Scope scope) {
    StandInSwarm swarm = swarms.of(scope.session()).orElse(null);
    if (swarm == null) {
      throw new EngineError(
          "os nós do enxame não estão ligados: rode antes o passo que os liga (swarm.start)");
    }
    return swarm;
  }
}
