package dev.workbench.labs;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.LearnerEngines;
import dev.workbench.engine.NestedEngines;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Owner;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Docker engine per learner. A lab is a {@code workbench/dockerd} container of this machine's
 * engine, on a network of its own (which the labs' registry joins), with its images and containers
 * in a volume of its own and its learner folder bound at the same path, so bind mounts in it name
 * the files the workbench checks.
 *
 * <p>Every decision is taken under this object's lock, and every slow thing (starting, stopping a
 * dockerd) happens outside it on worker threads; a learner that asks for their engine waits on the
 * lock's condition until their lab is ready. The lifecycle:
 *
 * <ul>
 *   <li>a learner without a lab takes a warm one, or joins the queue; at most {@code spawnLimit}
 *       labs start at once, the rest see their place;
 *   <li>when {@code capacity} labs are running or starting, a learner without one gets {@link
 *       LabsFull};
 *   <li>a lab whose learner did nothing for {@code idleAfter} (their own actions only, never the
 *       page's polling) is stopped, and so is one past {@code maxAge}; its container and volume
 *       stay, and the learner's next step starts it again with everything it held.
 * </ul>
 */
public final class Labs implements LearnerEngines, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Labs.class);
  static final String IMAGE = "workbench/dockerd";

  /** The label that marks the labs' containers, networks and volumes, for the reaper. */
  static final String KIND_LABEL = "workbench.kind";

  static final String KIND = "lab";
  private static final String CONTAINER = "engine";
  private static final String VOLUME = "dados";
  private static final String NETWORK = "rede";
  private static final int SUBNETS = 4096;
  private static final java.util.concurrent.atomic.AtomicInteger nextSubnet =
      new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(SUBNETS));
  private static final Duration START_PATIENCE = Duration.ofSeconds(90);

  /**
   * How long a learner's request waits for their lab (queue included) before it is told to retry.
   */
  private static final Duration WAIT_PATIENCE = Duration.ofMinutes(10);

  private final Engine host;
  private final LabSettings settings;
  private final Path projectRoot;
  private final Path folders;
  private final LabRegistry registry;
  private final Clock clock;
  private final Consumer<Engine> whenStopped;
  private final Map<Session, Lab> byLearner = new HashMap<>();
  private final Deque<Lab> queue = new ArrayDeque<>();
  private final Deque<Lab> warm = new ArrayDeque<>();
  private final List<Lab> all = new ArrayList<>();
  private final Map<Session, Integer> working = new HashMap<>();
  private final List<Duration> startTimes = new ArrayList<>();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "lab-worker");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService culler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "lab-culler");
            t.setDaemon(true);
            return t;
          });
  private int starting;
  private volatile java.util.concurrent.Future<?> seeding;
  private volatile long memoryPerLab;
  private boolean closed;

  /**
   * @param host this machine's engine, where the labs' containers run
   * @param whenStopped told about a lab's engine as it stops (the runner closes its kernels there)
   */
  public Labs(Engine host, LabSettings settings, Path projectRoot, Consumer<Engine> whenStopped) {
    this(host, settings, projectRoot, whenStopped, Clock.systemUTC());
  }

  Labs(
      Engine host,
      LabSettings settings,
      Path projectRoot,
      Consumer<Engine> whenStopped,
      Clock clock) {
    this.host = host;
    this.settings = settings;
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.folders = host.dataDir().resolve("labs");
    this.registry =
        new LabRegistry(host, new Session("labsreg" + Session.random().id().substring(0, 6)));
    this.clock = clock;
    this.whenStopped = whenStopped;
  }

  /** The labels every part of a lab carries besides its scope's: its kind and its owner. */
  static Map<String, String> labels() {
    return Map.of(KIND_LABEL, KIND, Owner.LABEL, Owner.current());
  }

  /**
   * Removes what a killed server's labs left (containers, networks, volumes of a gone owner, and
   * their folders); a live server's stay.
   */
  public static int removeOrphans(Engine host) {
    return host.removeLabelled(
        l -> KIND.equals(l.get(KIND_LABEL)) && Owner.gone(l.get(Owner.LABEL)));
  }

  /**
   * Fills the registry from this machine's base images, starts the warm pool and the culler. The
   * sink hears what is done (serve prints it).
   */
  public void open(OutputSink sink) {
    removeOrphans(host);
    // the small Debian bases first (most lessons build on them); the rest while the class starts
    registry.start(List.of("workbench/debian:bookworm", "workbench/debian:trixie"), sink);
    seeding =
        workers.submit(
            () -> {
              try {
                registry.finish(sink);
              } catch (RuntimeException e) {
                LOG.warn("labs' registry not finished: {}", e.getMessage());
                sink.info(
                    "aviso: o registro dos laboratórios não recebeu todas as imagens base: "
                        + e.getMessage());
              }
            });
    synchronized (this) {
      for (int i = 0; i < settings.warm(); i++) {
        Lab lab = newLab();
        warm.add(lab);
        enqueue(lab);
      }
    }
    long every = Math.max(1, Math.min(15, settings.idleAfter().toSeconds() / 4));
    culler.scheduleWithFixedDelay(this::cull, every, every, TimeUnit.SECONDS);
  }

  /**
   * Waits until every base image is in the registry and it is read-only (a measurement should not
   * share the disk with the seeding); false when that took longer than {@code patience}.
   */
  public boolean awaitSeeded(Duration patience) {
    try {
      if (seeding != null) {
        seeding.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      }
      return true;
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The base images the registry holds for labs. */
  public List<String> seededImages() {
    return registry.seeded();
  }

  public LabSettings settings() {
    return settings;
  }

  /**
   * The learner's engine, started (or started again) and waited for if need be. Not a learner
   * action by itself: the panel asks it too.
   *
   * @throws LabsFull when every lab this machine holds is taken
   */
  @Override
  public Engine of(Session session) {
    long deadline = System.nanoTime() + WAIT_PATIENCE.toNanos();
    synchronized (this) {
      Lab lab = claim(session);
      while (lab.state != LabStatus.State.READY) {
        if (lab.state == LabStatus.State.FAILED) {
          String problem = lab.problem;
          forget(lab);
          throw new EngineError("o seu laboratório não ligou: " + problem);
        }
        if (lab.state == LabStatus.State.STOPPED) {
          restart(lab);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed) {
          throw new LabsFull(settings.capacity(), 60);
        }
        try {
          wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EngineError("interrompido à espera do laboratório", e);
        }
      }
      return lab.engine;
    }
  }

  /** The learner's engine if their lab is running now; never starts one (for the panel). */
  public synchronized Optional<Engine> running(Session session) {
    Lab lab = byLearner.get(session);
    return lab != null && lab.state == LabStatus.State.READY
        ? Optional.of(lab.engine)
        : Optional.empty();
  }

  /**
   * A learner action (a step, a reset, "continuar" on the warning): it keeps the lab from idling
   * out, and asks for a lab (taking a warm one, or a place in the queue) without waiting for it.
   */
  public synchronized LabStatus touch(Session session) {
    Lab lab = claim(session);
    lab.lastAction = clock.instant();
    if (lab.state == LabStatus.State.STOPPED) {
      restart(lab);
    }
    return status(session);
  }

  /**
   * A learner's step is running in their lab: it is never idle meanwhile, however long the step (a
   * build) takes. Pair with {@link #finished}.
   */
  public synchronized void working(Session session) {
    working.merge(session, 1, Integer::sum);
  }

  /** The step ended: the learner's last action is now. */
  public synchronized void finished(Session session) {
    working.computeIfPresent(session, (s, n) -> n > 1 ? n - 1 : null);
    Lab lab = byLearner.get(session);
    if (lab != null) {
      lab.lastAction = clock.instant();
    }
  }

  /** Where the learner's lab is, for their page. */
  public synchronized LabStatus status(Session session) {
    Lab lab = byLearner.get(session);
    if (lab == null) {
      return LabStatus.of(LabStatus.State.NONE);
    }
    if (lab.state == LabStatus.State.QUEUED) {
      int place = 1;
      for (Lab waiting : queue) {
        if (waiting == lab) {
          break;
        }
        place++;
      }
      return new LabStatus(lab.state, place, -1, false, "");
    }
    if (lab.state == LabStatus.State.READY) {
      long left =
          Math.max(
              0,
              settings
                  .idleAfter()
                  .minus(Duration.between(lab.lastAction, clock.instant()))
                  .toSeconds());
      return new LabStatus(lab.state, 0, left, left <= settings.warnBefore().toSeconds(), "");
    }
    return new LabStatus(lab.state, 0, -1, false, lab.problem);
  }

  /** The instructor gives a learner's lab more time before its maximum age stops it. */
  public synchronized void extend(Session session, Duration more) {
    Lab lab = byLearner.get(session);
    if (lab != null) {
      lab.maxAge = lab.maxAge.plus(more);
    }
  }

  /** The memory the learner's lab uses now, if it is running. */
  public Optional<Long> memoryBytes(Session session) {
    Scope scope;
    synchronized (this) {
      Lab lab = byLearner.get(session);
      if (lab == null || lab.state != LabStatus.State.READY) {
        return Optional.empty();
      }
      scope = lab.scope;
    }
    return host.containers().memoryBytes(scope, CONTAINER);
  }

  /** How long each lab's dockerd took to answer, from its start (queue not included), in order. */
  public synchronized List<Duration> startTimes() {
    return List.copyOf(startTimes);
  }

  /** Labs running or starting, warm ones included. */
  public synchronized int inUse() {
    return (int) all.stream().filter(Lab::holdsMemory).count();
  }

  /** The memory the largest lab used when last measured (bytes); 0 before any was. */
  public long memoryPerLab() {
    return memoryPerLab;
  }

  /**
   * Measures one running lab's memory now (a warm one, else the first ready); starts a lab for the
   * purpose when none runs, and stops it after.
   */
  public long measure() {
    Lab lab;
    boolean own = false;
    synchronized (this) {
      lab = all.stream().filter(l -> l.state == LabStatus.State.READY).findFirst().orElse(null);
      if (lab == null && !warm.isEmpty()) {
        lab = warm.peekFirst();
      }
      if (lab == null) {
        lab = newLab();
        warm.add(lab);
        enqueue(lab);
        own = settings.warm() == 0;
      }
      while (lab.state != LabStatus.State.READY && lab.state != LabStatus.State.FAILED) {
        try {
          wait(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return memoryPerLab;
        }
      }
    }
    if (lab.state == LabStatus.State.READY) {
      host.containers().memoryBytes(lab.scope, CONTAINER).ifPresent(this::measured);
    }
    if (own) {
      synchronized (this) {
        warm.remove(lab);
        stopLater(lab, true);
      }
    }
    return memoryPerLab;
  }

  /** Stops a learner's lab now (what idleness does); its data stays. */
  public void stop(Session session) {
    synchronized (this) {
      Lab lab = byLearner.get(session);
      if (lab != null && lab.state == LabStatus.State.READY) {
        stopLater(lab, false);
      }
    }
  }

  /** Stops and removes every lab and the registry: the server's shutdown. */
  @Override
  public void close() {
    List<Lab> labs;
    synchronized (this) {
      closed = true;
      labs = List.copyOf(all);
      notifyAll();
    }
    culler.shutdownNow();
    workers.shutdownNow();
    for (Lab lab : labs) {
      try {
        remove(lab);
      } catch (RuntimeException e) {
        LOG.warn("lab {} not removed: {}", lab.scope.session().id(), e.getMessage());
      }
    }
    try {
      registry.remove();
    } catch (RuntimeException e) {
      LOG.warn("labs' registry not removed: {}", e.getMessage());
    }
  }

  // ---- decisions, under the lock ----

  /**
   * The learner's lab: theirs, a warm one, or a new one in the queue; LabsFull when none can be.
   */
  private Lab claim(Session session) {
    if (closed) {
      throw new LabsFull(settings.capacity(), 60);
    }
    Lab lab = byLearner.get(session);
    if (lab != null) {
      return lab;
    }
    lab = warm.pollFirst();
    if (lab == null) {
      if (inUse() >= settings.capacity()) {
        throw new LabsFull(settings.capacity(), retryAfter());
      }
      lab = newLab();
      enqueue(lab);
    }
    lab.learner = session;
    lab.lastAction = clock.instant();
    lab.assigned = clock.instant();
    byLearner.put(session, lab);
    refillWarm();
    return lab;
  }

  /** The soonest a lab may free up: the idle time left of the lab closest to idling out. */
  private int retryAfter() {
    Instant now = clock.instant();
    return (int)
        all.stream()
            .filter(l -> l.state == LabStatus.State.READY && l.learner != null)
            .mapToLong(
                l -> settings.idleAfter().minus(Duration.between(l.lastAction, now)).toSeconds())
            .filter(s -> s > 0)
            .min()
            .orElse(60);
  }

  private void refillWarm() {
    while (warm.size() < settings.warm() && inUse() < settings.capacity()) {
      Lab lab = newLab();
      warm.add(lab);
      enqueue(lab);
    }
  }

  private Lab newLab() {
    Session identity = new Session("lab" + Session.random().id());
    Lab lab =
        new Lab(new Scope(identity, "lab"), folders.resolve(identity.id()), settings.maxAge());
    all.add(lab);
    return lab;
  }

  private void enqueue(Lab lab) {
    lab.state = LabStatus.State.QUEUED;
    queue.add(lab);
    pump();
  }

  private void restart(Lab lab) {
    if (inUse() >= settings.capacity()) {
      throw new LabsFull(settings.capacity(), retryAfter());
    }
    lab.assigned = clock.instant();
    enqueue(lab);
  }

  /** Starts queued labs while start slots are free; learners' labs before warm ones. */
  private void pump() {
    while (starting < settings.spawnLimit()) {
      Lab next =
          queue.stream()
              .filter(l -> l.learner != null && !l.stopping)
              .findFirst()
              .orElse(queue.stream().filter(l -> !l.stopping).findFirst().orElse(null));
      if (next == null) {
        break;
      }
      queue.remove(next);
      next.state = LabStatus.State.STARTING;
      starting++;
      workers.submit(() -> startNow(next));
    }
    notifyAll();
  }

  private void forget(Lab lab) {
    all.remove(lab);
    warm.remove(lab);
    queue.remove(lab);
    if (lab.learner != null) {
      byLearner.remove(lab.learner, lab);
    }
  }

  /** Idle and too-old labs stop; a stopped lab stays, as the learner left it. */
  void cull() {
    try {
      synchronized (this) {
        Instant now = clock.instant();
        for (Lab lab : List.copyOf(all)) {
          if (lab.state != LabStatus.State.READY
              || lab.learner == null
              || working.containsKey(lab.learner)) {
            continue;
          }
          boolean idle = Duration.between(lab.lastAction, now).compareTo(settings.idleAfter()) >= 0;
          boolean old = Duration.between(lab.assigned, now).compareTo(lab.maxAge) >= 0;
          if (idle || old) {
            LOG.info("lab of {} stops: {}", lab.learner.id(), idle ? "idle" : "max age");
            stopLater(lab, false);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("lab culling failed: {}", e.getMessage());
    }
  }

  private void stopLater(Lab lab, boolean remove) {
    lab.state = LabStatus.State.STOPPED;
    lab.stopping = true;
    Engine engine = lab.engine;
    lab.engine = null;
    if (remove) {
      forget(lab);
    }
    notifyAll();
    workers.submit(
        () -> {
          try {
            if (engine != null) {
              whenStopped.accept(engine);
              engine.close();
            }
            if (remove) {
              remove(lab);
            } else {
              host.nestedEngines().stop(lab.scope, CONTAINER);
            }
          } catch (RuntimeException e) {
            LOG.warn("lab {} did not stop cleanly: {}", lab.scope.session().id(), e.getMessage());
          }
          synchronized (Labs.this) {
            lab.stopping = false;
            pump(); // a slot freed: capacity is counted by state, so a waiting learner may go on
          }
        });
  }

  // ---- slow work, outside the lock ----

  private void startNow(Lab lab) {
    Engine engine = null;
    String problem = "";
    long began = System.nanoTime();
    try {
      engine = lab.created ? restartContainer(lab) : create(lab);
      lab.created = true;
    } catch (RuntimeException e) {
      problem = e.getMessage();
      LOG.warn("lab {} did not start: {}", lab.scope.session().id(), problem);
    }
    Optional<Long> memory = Optional.empty();
    if (engine != null) {
      try {
        memory = host.containers().memoryBytes(lab.scope, CONTAINER);
      } catch (RuntimeException e) {
        // a figure for the capacity print; the lab works without it
      }
    }
    memory.ifPresent(this::measured);
    synchronized (this) {
      starting--;
      if (closed) {
        if (engine != null) {
          engine.close();
        }
      } else if (engine != null) {
        startTimes.add(Duration.ofNanos(System.nanoTime() - began));
        lab.engine = engine;
        lab.state = LabStatus.State.READY;
        lab.started = clock.instant();
      } else {
        lab.state = LabStatus.State.FAILED;
        lab.problem = problem;
        if (lab.learner == null) {
          forget(lab);
          warm.remove(lab);
        }
      }
      pump();
    }
  }

  private synchronized void measured(long bytes) {
    memoryPerLab = Math.max(memoryPerLab, bytes);
  }

  private Engine create(Lab lab) {
    Path api = lab.folder.resolve("api");
    Path data = lab.folder.resolve("data");
    try {
      Files.createDirectories(data);
      Files.writeString(Files.createDirectories(lab.folder).resolve("owner"), Owner.current());
    } catch (IOException e) {
      throw new EngineError(
          "não consegui criar a pasta do laboratório " + lab.folder + ": " + e.getMessage(), e);
    }
    if (NestedEngines.socket(api).getPath().length() > 100) {
      throw new EngineError(
          "a pasta de dados é longa demais para o socket do laboratório: use uma pasta de"
              + " caminho mais curto (--data-dir)");
    }
    createNetwork(lab);
    registry.join(lab.scope, NETWORK);
    NestedEngines.Spec spec =
        new NestedEngines.Spec(
            CONTAINER,
            IMAGE,
            VOLUME,
            NETWORK,
            api,
            List.of("--log-level=warn", "--insecure-registry=" + registry.address()),
            settings.limits(),
            labels(),
            List.of(data),
            List.of(projectRoot));
    host.nestedEngines().start(lab.scope, spec, OutputSink.NONE);
    return awaitApi(lab, data);
  }

  private Engine restartContainer(Lab lab) {
    try {
      Files.deleteIfExists(lab.folder.resolve("api").resolve("docker.sock"));
    } catch (IOException e) {
      // dockerd replaces a stale socket itself
    }
    host.nestedEngines().restart(lab.scope, CONTAINER);
    return awaitApi(lab, lab.folder.resolve("data"));
  }

  private Engine awaitApi(Lab lab, Path data) {
    Path socket = lab.folder.resolve("api").resolve("docker.sock");
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(socket)) {
        Engine engine =
            new Engine(
                NestedEngines.socket(lab.folder.resolve("api")),
                data,
                settings.quotas(),
                registry.address(),
                address(lab));
        if (engine.available()) {
          return engine;
        }
        engine.close();
      }
      boolean alive =
          host.containers()
              .inspect(lab.scope, CONTAINER)
              .map(c -> Boolean.TRUE.equals(c.getState().getRunning()))
              .orElse(false);
      if (!alive) {
        throw new EngineError(
            "o dockerd do laboratório parou ao ligar: "
                + host.nestedEngines().logTail(lab.scope, CONTAINER, 3));
      }
      sleep(200);
    }
    throw new EngineError(
        "o dockerd do laboratório não respondeu em " + START_PATIENCE.toSeconds() + " s");
  }

  /**
   * A /28 of 10.199.0.0/16 for each lab: a class of thirty would exhaust the engine's default
   * address pools (about thirty networks, shared with everything else on the machine). A subnet
   * another network holds is skipped.
   */
  private void createNetwork(Lab lab) {
    for (int tries = 0; tries < SUBNETS; tries++) {
      int index = Math.floorMod(nextSubnet.getAndIncrement(), SUBNETS);
      String subnet = "10.199." + (index >> 4) + "." + ((index & 15) << 4) + "/28";
      try {
        host.storage().createNetwork(lab.scope, NETWORK, labels(), subnet);
        return;
      } catch (EngineError e) {
        if (!e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("overlap")) {
          throw e;
        }
      }
    }
    throw new EngineError("não há sub-rede livre em 10.199.0.0/16 para mais um laboratório");
  }

  /** The lab's address on its own network: where this machine reaches the ports it publishes. */
  private String address(Lab lab) {
    return host.containers()
        .inspect(lab.scope, CONTAINER)
        .map(c -> c.getNetworkSettings().getNetworks().get(lab.scope.name(NETWORK)))
        .map(n -> n.getIpAddress())
        .filter(ip -> ip != null && !ip.isBlank())
        .orElseThrow(() -> new EngineError("o laboratório não tem endereço na sua rede"));
  }

  private void remove(Lab lab) {
    if (host.containers().inspect(lab.scope, CONTAINER).isPresent()) {
      host.containers().remove(lab.scope, CONTAINER);
    }
    if (host.storage().volumeExists(lab.scope, VOLUME)) {
      host.storage().removeVolume(lab.scope, VOLUME);
    }
    if (host.storage().network(lab.scope, NETWORK).isPresent()) {
      try {
        host.storage().removeNetwork(lab.scope, NETWORK);
      } catch (RuntimeException e) {
        // the registry may still be attached: removed with the labels at the next start
      }
    }
    deleteTree(lab.folder);
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // files a lab's root processes made may not be ours to delete; the folder is the
                  // lab's
                }
              });
    } catch (IOException | java.io.UncheckedIOException e) {
      // nothing more to do
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One lab; its fields change only under the lock of {@link Labs}. */
  private static final class Lab {
    final Scope scope;
    final Path folder;
    Session learner;
    LabStatus.State state = LabStatus.State.NONE;
    Engine engine;
    Instant lastAction;
    Instant assigned;
    Instant started;
    Duration maxAge;
    boolean created;

    /** its dockerd is still stopping: it may be queued again, but starts only once stopped */
    boolean stopping;

    String problem = "";

    Lab(Scope scope, Path folder, Duration maxAge) {
      this.scope = scope;
      this.folder = folder;
      this.maxAge = maxAge;
    }

    boolean holdsMemory() {
      return state == LabStatus.State.QUEUED
          || state == LabStatus.State.STARTING
          || state == LabStatus.State.READY;
    }
  }
}
