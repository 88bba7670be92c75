package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.NestedEngines;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Owner;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Transfers;
import dev.workbench.engine.Wait;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * One session's swarm hosts: engines in containers of the learner's engine ({@code no-1} … {@code
 * no-N}, host names included), on a network of their own, each with its images in a volume and its
 * API on a unix socket in a folder of the data dir, and also on its own default socket, so {@code
 * docker exec no-1 docker node ls} works as on a real host. The lesson makes them a swarm with the
 * real {@code docker} CLI run on them; the learner's own engine never enters swarm mode.
 */
final class StandInSwarm {
  static final String IMAGE = StandInEngine.IMAGE;
  static final String NETWORK = "enxame-rede";

  /**
   * The {@code workbench.kind} of every part, so the next start removes what a killed server left.
   */
  static final String KIND = "swarm";

  /** The port managers listen on for joining nodes, Docker's default. */
  static final int MANAGER_PORT = 2377;

  private static final Duration START_PATIENCE = Duration.ofSeconds(60);
  private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration COPY_TIMEOUT = Duration.ofMinutes(10);
  private static final String OWNER_FILE = "owner";

  final Scope scope;
  private final Engine local;
  private final Path folder;
  private final List<Engine> hosts;
  private final NestedEngines.Form form;

  private StandInSwarm(
      Engine local, Scope scope, Path folder, List<Engine> hosts, NestedEngines.Form form) {
    this.local = local;
    this.scope = scope;
    this.folder = folder;
    this.hosts = hosts;
    this.form = form;
  }

  /** The logical name (and host name) of the n-th host, from 1. */
  static String host(int n) {
    return "no-" + n;
  }

  static Map<String, String> labels() {
    return Map.of(StandInEngine.KIND_LABEL, KIND, Owner.LABEL, Owner.current());
  }

  /** Where swarms keep their hosts' folders, one per session, under the data dir. */
  static Path folders(Engine local) {
    return local.dataDir().resolve("swarm");
  }

  /**
   * Starts {@code nodes} hosts, waits until each answers, and copies {@code images} (the session's)
   * into each. The hosts boot and load at the same time, as separate machines would: the images are
   * saved once while the engines start, then every host loads them as soon as it answers. What a
   * failed start made is removed before the error goes on.
   */
  static StandInSwarm start(
      Engine local, Scope scope, int nodes, List<String> images, Limits limits, OutputSink sink) {
    Path folder = folders(local).resolve(scope.session().id());
    if (NestedEngines.socket(folder.resolve(host(nodes))).getPath().length() > 100) {
      throw new EngineError(
          "a pasta de dados é longa demais para os sockets dos nós do enxame ("
              + folder
              + "): use uma pasta de dados de caminho mais curto (--data-dir)");
    }
    local.images().provide(IMAGE, sink);
    remove(local, scope);
    List<Engine> hosts = new ArrayList<>();
    ExecutorService saver = Executors.newSingleThreadExecutor();
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(OWNER_FILE), Owner.current());
      local.storage().createNetwork(scope, NETWORK, labels());
      NestedEngines.Form form = null;
      for (int n = 1; n <= nodes; n++) {
        // the host's own default socket too: the docker CLI run on the host needs no -H
        NestedEngines.Spec spec =
            new NestedEngines.Spec(
                host(n),
                IMAGE,
                host(n) + "-dados",
                NETWORK,
                folder.resolve(host(n)),
                List.of("--log-level=warn", "-H", "unix:///var/run/docker.sock"),
                limits,
                labels());
        form = local.nestedEngines().start(scope, spec, sink);
        hosts.add(new Engine(NestedEngines.socket(folder.resolve(host(n))), local.dataDir()));
      }
      StandInSwarm swarm = new StandInSwarm(local, scope, folder, List.copyOf(hosts), form);
      Future<Transfers.Saved> saved =
          saver.submit(
              () -> images.isEmpty() ? null : new Transfers(local).save(scope, images, folder));
      try {
        atOnce(nodes, n -> swarm.ready(n, saved, images, sink));
      } finally {
        deleteSaved(saved);
      }
      return swarm;
    } catch (IOException e) {
      hosts.forEach(Engine::close);
      remove(local, scope);
      throw new EngineError(
          "não consegui criar a pasta dos nós do enxame " + folder + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      hosts.forEach(Engine::close);
      remove(local, scope);
      throw e;
    } finally {
      saver.shutdownNow();
    }
  }

  /** Waits until host {@code n} answers, then loads the saved images into it. */
  private void ready(int n, Future<Transfers.Saved> saving, List<String> images, OutputSink sink) {
    awaitApi(n);
    sink.out(host(n) + ": " + hosts.get(n - 1).describe() + " no ar");
    Transfers.Saved saved = waitFor(saving);
    if (saved != null) {
      saved.loadInto(hosts.get(n - 1), COPY_TIMEOUT);
      sink.out(
          host(n) + ": docker save " + String.join(" ", images) + " | docker load (sem registro)");
    }
  }

  /**
   * Runs {@code task} for hosts 1 … {@code count} at once, as on separate machines, and waits for
   * every one to end (none is left running), then throws the first failure.
   */
  private static void atOnce(int count, IntConsumer task) {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int n = 1; n <= count; n++) {
        int host = n;
        running.add(pool.submit(() -> task.accept(host)));
      }
      RuntimeException first = null;
      for (Future<?> one : running) {
        try {
          waitFor(one);
        } catch (RuntimeException e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T waitFor(Future<T> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new EngineError("falhou ao ligar os nós do enxame: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    }
  }

  /** The saved images are no longer needed once every host has loaded them (or failed to). */
  private static void deleteSaved(Future<Transfers.Saved> saved) {
    try {
      Transfers.Saved file = saved.get();
      if (file != null) {
        file.close();
      }
    } catch (ExecutionException e) {
      // nothing was saved
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the file goes with the swarm's folder
    }
  }

  int size() {
    return hosts.size();
  }

  /** How the engine allowed the hosts' containers: privileged, or with explicit capabilities. */
  NestedEngines.Form form() {
    return form;
  }

  /** The first host: where {@code docker swarm init} is run, the manager the checks ask. */
  Engine manager() {
    return hosts.get(0);
  }

  /**
   * The other hosts join the first one's swarm as workers, each with the real {@code docker swarm
   * join} run on it; a host already in the swarm is left as it is.
   */
  void join(OutputSink sink) {
    if (hosts.size() < 2) {
      throw new EngineError("este enxame tem um nó só: não há quem juntar a ele");
    }
    if (!manager().swarm().managing()) {
      throw new EngineError(
          host(1) + " ainda não gerencia um enxame: rode antes o passo do docker swarm init");
    }
    String token = manager().swarm().workerToken();
    String address = host(1) + ":" + MANAGER_PORT;
    // the workers join at once, as separate machines would; each waits for its own certificate
    atOnce(hosts.size() - 1, w -> joinAsWorker(w + 1, token, address, sink));
  }

  private void joinAsWorker(int n, String token, String address, OutputSink sink) {
    if (hosts.get(n - 1).swarm().member()) {
      sink.out(host(n) + ": já está no enxame");
      return;
    }
    sink.info(
        host(n)
            + ": docker swarm join --token "
            + token.substring(0, Math.min(token.length(), 16))
            + "… "
            + address);
    int code =
        local
            .containers()
            .exec(
                scope,
                host(n),
                List.of("docker", "swarm", "join", "--token", token, address),
                Map.of(),
                sink,
                JOIN_TIMEOUT);
    if (code != 0) {
      throw new EngineError(
          host(n) + " não entrou no enxame (docker swarm join saiu com " + code + ")");
    }
  }

  /**
   * Removes every host at once ({@code docker rm -f}): a stand-in keeps nothing worth a graceful
   * stop, and stopping three engines that each stop their tasks first takes long on a busy machine.
   */
  void stop() {
    try {
      hosts.forEach(Engine::close);
      // every host's docker rm -f at once: each kills an engine with its tasks, and its volume
      // goes with it; one after another this took long on a busy machine
      atOnce(hosts.size(), this::removeHost);
    } finally {
      remove(local, scope);
    }
  }

  private void removeHost(int n) {
    try {
      local.containers().remove(scope, host(n));
      local.storage().removeVolume(scope, host(n) + "-dados");
    } catch (EngineError | EngineUnavailable e) {
      // already gone, or left to the sweep that follows
    }
  }

  /** Removes what a swarm of this scope left: hosts, volumes, network, folder. */
  static void remove(Engine local, Scope scope) {
    local.removeLabelled(
        labels ->
            KIND.equals(labels.get(StandInEngine.KIND_LABEL))
                && scope.session().id().equals(labels.get(Scope.SESSION_LABEL))
                && scope.lesson().equals(labels.get(Scope.LESSON_LABEL)));
    StandInEngine.deleteTree(folders(local).resolve(scope.session().id()));
  }

  /** Deletes the folders of swarms whose owning process is gone; returns how many. */
  static int removeOrphanFolders(Engine local) {
    return StandInEngine.removeOrphanFolders(folders(local), OWNER_FILE);
  }

  private void awaitApi(int n) {
    Path socket = folder.resolve(host(n)).resolve("docker.sock");
    boolean[] alive = {true};
    boolean up =
        Wait.upTo(START_PATIENCE)
            .every(Duration.ofMillis(200))
            .untilTrue(
                () -> {
                  if (Files.exists(socket) && hosts.get(n - 1).available()) {
                    return true;
                  }
                  alive[0] =
                      local
                          .containers()
                          .inspect(scope, host(n))
                          .map(c -> Boolean.TRUE.equals(c.getState().getRunning()))
                          .orElse(false);
                  // a node whose dockerd died will never answer: stop looking at once
                  return !alive[0];
                });
    if (!up || !alive[0]) {
      String log = local.nestedEngines().logTail(scope, host(n), 3);
      throw new EngineError(
          "o nó "
              + host(n)
              + " (dockerd num contêiner) não subiu"
              + (alive[0] ? " em " + START_PATIENCE.toSeconds() + " s" : "")
              + ": "
              + log);
    }
  }
}
