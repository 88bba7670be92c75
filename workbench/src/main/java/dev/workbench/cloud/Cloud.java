package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.NestedEngines;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Transfers;
import dev.workbench.engine.Transfers.Credentials;
import dev.workbench.engine.Transfers.Reference;
import dev.workbench.engine.Workers;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's cloud, once started: the registry's address and the platform's credentials, the
 * remote engine, the released worker and its schedule. Every part is stopped by {@link #stop}.
 */
final class Cloud {
  static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(15);
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  private static final int FIRESTORE_PORT = 8080;

  /** The worker as released: what each run (once, or scheduled) is made from. */
  record Release(String name, Reference reference, Map<String, String> env, boolean hostNetwork) {}

  final Scope scope;

  /** The registry as this machine reaches it: the workbench's checks, the local push. */
  final String registry;

  /**
   * The registry as the remote engine reaches it (the local one by its name on the cloud's
   * network).
   */
  private final String remoteRegistry;

  final Credentials credentials;
  final Engine remote;
  private final Engine local;
  private final StandInEngine standIn;
  private final boolean localRegistry;
  private Release release;
  private Schedule schedule;

  private Cloud(
      Scope scope,
      Engine local,
      String registry,
      String remoteRegistry,
      Credentials credentials,
      boolean localRegistry,
      Engine remote,
      StandInEngine standIn) {
    this.scope = scope;
    this.local = local;
    this.registry = registry;
    this.remoteRegistry = remoteRegistry;
    this.credentials = credentials;
    this.localRegistry = localRegistry;
    this.remote = remote;
    this.standIn = standIn;
  }

  /** Starts the registry and the remote engine the target names (the local ones by default). */
  static Cloud start(
      Engine local, Scope scope, CloudTarget target, CloudLimits limits, OutputSink sink) {
    String registry;
    String remoteRegistry;
    Credentials credentials;
    StandInEngine standIn = null;
    try {
      if (target.localRegistry()) {
        String user = target.user() == null ? "aluno-" + scope.session().id() : target.user();
        String password = target.password() == null ? secret() : target.password();
        StandInEngine.createNetwork(local, scope);
        registry = LocalRegistry.start(local, scope, user, password, limits.registry(), sink);
        remoteRegistry = target.localEngine() ? LocalRegistry.ON_NETWORK : registry;
        credentials = new Credentials(registry, user, password);
        sink.info(
            "registro: "
                + registry
                + " (CNCF distribution num contêiner, usuário "
                + user
                + ", senha com bcrypt)");
      } else {
        registry = target.registryHost();
        remoteRegistry = registry;
        credentials = new Credentials(registry, target.user(), target.password());
        sink.info("registro configurado: " + registry + " (usuário " + target.user() + ")");
      }
      new RegistryApi(registry, credentials).awaitUp(Duration.ofSeconds(20));
      URI host = target.engine();
      if (target.localEngine()) {
        List<String> insecure = target.localRegistry() ? List.of(remoteRegistry) : List.of();
        standIn = StandInEngine.start(local, scope, insecure, limits.engine(), sink);
        host = standIn.host();
      }
      Engine remote = new Engine(host, local.dataDir());
      Cloud cloud =
          new Cloud(
              scope,
              local,
              registry,
              remoteRegistry,
              credentials,
              target.localRegistry(),
              remote,
              standIn);
      sink.info(
          "engine remoto: "
              + host
              + (standIn == null
                  ? " (configurado)"
                  : " (dockerd no contêiner "
                      + StandInEngine.CONTAINER
                      + ", "
                      + describe(standIn.form())
                      + ")"));
      if (!remote.available()) {
        cloud.stop();
        throw remoteDown(host);
      }
      sink.out("nuvem ligada: registro " + registry + ", engine remoto " + remote.describe());
      return cloud;
    } catch (RuntimeException e) {
      removeParts(local, scope, target.localRegistry(), standIn != null || target.localEngine());
      throw e;
    }
  }

  private static String describe(NestedEngines.Form form) {
    return form == NestedEngines.Form.PRIVILEGED
        ? "--privileged"
        : "capacidades explícitas e cgroups próprios, pois este engine recusa --privileged";
  }

  /**
   * Removes the local parts of a session's cloud: the stand-in engine, the registry, their network.
   */
  private static void removeParts(Engine local, Scope scope, boolean registry, boolean engine) {
    try {
      if (engine) {
        StandInEngine.remove(local, scope);
      }
    } finally {
      if (registry) {
        LocalRegistry.stop(local, scope);
      }
      if (local.storage().network(scope, StandInEngine.NETWORK).isPresent()) {
        local.storage().removeNetwork(scope, StandInEngine.NETWORK);
      }
    }
  }

  static EngineError remoteDown(URI host) {
    return new EngineError(
        "o engine remoto ("
            + host
            + ") não respondeu: a máquina da nuvem está desligada ou"
            + " inacessível. Ligue a nuvem de novo (o passo que a liga) ou confira WORKBENCH_CLOUD_ENGINE");
  }

  /** {@code docker login}: the registry must accept these credentials. */
  void login(Credentials given, OutputSink sink) {
    new RegistryApi(registry, given).requireAccepted();
    sink.out("Login Succeeded (" + given.user() + " em " + registry + ")");
  }

  /** The reference the session's image has in the registry, as a registry host names it. */
  Reference reference(String registryHost, String image) {
    return new Reference(registryHost + "/" + repository(image), "latest");
  }

  /**
   * A shared, configured registry gets the session's prefix, so learners never overwrite each
   * other.
   */
  String repository(String image) {
    return localRegistry ? image : scope.name(image);
  }

  void push(String image, Credentials given, OutputSink sink) {
    new RegistryApi(registry, given).requireAccepted();
    Reference reference = reference(registry, image);
    Transfers transfers = new Transfers(local);
    transfers.tag(scope, image, reference);
    sink.info("docker tag " + image + " " + reference);
    try {
      transfers.push(reference, given, sink, TRANSFER_TIMEOUT);
    } catch (EngineError e) {
      String said = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      throw said.contains("unauthorized") || said.contains("authentication required")
          ? new EngineError(RegistryApi.refused(given), e)
          : e;
    }
    sink.out("enviada: " + reference);
  }

  /**
   * The remote engine pulls the image and creates the worker, stopped, ready to run. The stand-in
   * joins the emulator's networks and its workers share its network, so they reach the emulator by
   * name there, as a cloud host reaches a database on its private network; a configured engine gets
   * the port the emulator published on this machine's loopback.
   */
  void release(
      String image, String name, Map<String, String> env, String firestore, OutputSink sink) {
    requireRemote();
    Reference reference = reference(remoteRegistry, image);
    sink.info("engine remoto: docker pull " + reference);
    new Transfers(remote)
        .pull(
            reference,
            new Credentials(remoteRegistry, credentials.user(), credentials.password()),
            sink,
            TRANSFER_TIMEOUT);
    Map<String, String> environment = new LinkedHashMap<>(env);
    if (firestore != null) {
      environment.put("FIRESTORE_EMULATOR_HOST", firestoreAddress(firestore, sink));
    }
    Workers workers = new Workers(remote);
    if (remote.containers().inspect(scope, name).isPresent()) {
      workers.remove(scope, name); // a new release replaces the old worker, as on Heroku
    }
    boolean hostNetwork = standIn != null;
    workers.create(scope, name, reference.toString(), environment, hostNetwork);
    release = new Release(name, reference, Map.copyOf(environment), hostNetwork);
    sink.out(
        "worker "
            + name
            + " criado no engine remoto a partir de "
            + reference
            + " (parado, até rodar)");
  }

  private String firestoreAddress(String firestore, OutputSink sink) {
    boolean running =
        local
            .containers()
            .inspect(scope, firestore)
            .map(c -> Boolean.TRUE.equals(c.getState().getRunning()))
            .orElse(false);
    if (!running) {
      throw new EngineError(
          "o emulador " + firestore + " não está rodando: rode antes o passo que o liga");
    }
    if (standIn != null) {
      local.storage().joinNetworksOf(scope, StandInEngine.CONTAINER, firestore);
      sink.info("engine remoto: ligado às redes de " + firestore + " (docker network connect)");
      return firestore + ":" + FIRESTORE_PORT;
    }
    int port =
        local
            .containers()
            .hostPort(scope, firestore, FIRESTORE_PORT)
            .orElseThrow(
                () ->
                    new EngineError(
                        "o emulador "
                            + firestore
                            + " não está rodando com a porta "
                            + FIRESTORE_PORT
                            + " publicada"));
    return "127.0.0.1:" + port;
  }

  int run(String name, OutputSink sink) {
    requireRemote();
    requireReleased(name);
    return new Workers(remote).runAttached(scope, name, sink, RUN_TIMEOUT);
  }

  void schedule(String name, Duration every, OutputSink sink) {
    requireRemote();
    requireReleased(name);
    unschedule();
    Release released = release;
    schedule =
        new Schedule(
            every, scope.name(name), n -> new ScheduledRun(remote, scope, released, n).run());
    sink.out(
        "agendado: "
            + name
            + " a cada "
            + every.toSeconds()
            + " s (a primeira em "
            + every.toSeconds()
            + " s)");
  }

  Schedule schedule() {
    return schedule;
  }

  /** Stops the schedule, if any; returns the runs it made. */
  int unschedule() {
    if (schedule == null) {
      return 0;
    }
    schedule.stop(RUN_TIMEOUT);
    int made = schedule.runs().size();
    schedule = null;
    return made;
  }

  /**
   * Stops everything: schedule, what the remote engine holds (or the stand-in itself), the
   * registry.
   */
  void stop() {
    unschedule();
    try {
      if (standIn != null) {
        standIn.stop();
      } else if (remote.available()) {
        remote.removeAll(scope.session(), scope.lesson());
      }
    } finally {
      remote.close();
      removeParts(local, scope, localRegistry, false);
    }
  }

  private void requireRemote() {
    if (!remote.available()) {
      throw remoteDown(remote.host());
    }
  }

  private void requireReleased(String name) {
    if (release == null || !release.name().equals(name)) {
      throw new EngineError(
          "o worker " + name + " ainda não foi liberado (release) no engine remoto");
    }
  }

  /** Test hook: stops only the stand-in engine, as a remote host going down would. */
  void stopRemoteEngine() {
    if (standIn != null) {
      standIn.halt();
    }
  }

  private static String secret() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
