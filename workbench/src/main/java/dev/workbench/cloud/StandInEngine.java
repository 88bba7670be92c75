package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.NestedEngines;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Owner;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Wait;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cloud's remote host: a Docker engine in a container of the learner's engine
 * (Docker-in-Docker, {@code workbench/dockerd}), on a network of the cloud's own, with its images
 * in a volume and its API on a unix socket in a folder of the data dir. Nothing of it runs on this
 * machine outside the learner's engine: no daemon, bridge or root process of its own on the host.
 * Stopping it removes the container, its volume and its folder.
 */
final class StandInEngine {
  static final String IMAGE = "workbench/dockerd";

  /** Logical names of the parts, as the learner's panel shows them. */
  static final String CONTAINER = "nuvem-remoto";

  static final String VOLUME = "nuvem-remoto-dados";
  static final String NETWORK = "nuvem-rede";

  /** The labels every part of a cloud carries besides the scope's: its kind and its owner. */
  static final String KIND_LABEL = "workbench.kind";

  static final String KIND = "cloud";

  private static final Duration START_PATIENCE = Duration.ofSeconds(60);

  /** The file in a cloud's folder naming the process that owns it (see {@link Owner}). */
  private static final String OWNER_FILE = "owner";

  private final Engine local;
  private final Scope scope;
  private final Path folder;
  private final NestedEngines.Form form;

  private StandInEngine(Engine local, Scope scope, Path folder, NestedEngines.Form form) {
    this.local = local;
    this.scope = scope;
    this.folder = folder;
    this.form = form;
  }

  static Map<String, String> labels() {
    return Map.of(KIND_LABEL, KIND, Owner.LABEL, Owner.current());
  }

  /** Where a session's clouds keep their folders (the engine's socket), under the data dir. */
  static Path folders(Engine local) {
    return local.dataDir().resolve("cloud");
  }

  /**
   * Makes the cloud's network, which the registry joins too; the stand-in joins it as it starts.
   */
  static void createNetwork(Engine local, Scope scope) {
    if (local.storage().network(scope, NETWORK).isEmpty()) {
      local.storage().createNetwork(scope, NETWORK, labels());
    }
  }

  /**
   * Starts the engine's container and waits until its API answers.
   *
   * @param insecureRegistries registries it may use over plain HTTP (the cloud's own, by name)
   */
  static StandInEngine start(
      Engine local, Scope scope, List<String> insecureRegistries, Limits limits, OutputSink sink) {
    Path folder = folders(local).resolve(scope.session().id());
    URI socket = NestedEngines.socket(folder);
    if (socket.getPath().length() > 100) {
      throw new EngineError(
          "a pasta de dados é longa demais para o socket do engine remoto ("
              + socket.getPath()
              + "): use uma pasta de dados de caminho mais curto (--data-dir)");
    }
    local.images().provide(IMAGE, sink);
    remove(local, scope);
    createNetwork(local, scope);
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(OWNER_FILE), Owner.current());
    } catch (IOException e) {
      throw new EngineError(
          "não consegui criar a pasta do engine remoto " + folder + ": " + e.getMessage(), e);
    }
    List<String> args = new java.util.ArrayList<>(List.of("--log-level=warn"));
    insecureRegistries.forEach(r -> args.add("--insecure-registry=" + r));
    NestedEngines.Spec spec =
        new NestedEngines.Spec(CONTAINER, IMAGE, VOLUME, NETWORK, folder, args, limits, labels());
    StandInEngine engine;
    try {
      engine =
          new StandInEngine(local, scope, folder, local.nestedEngines().start(scope, spec, sink));
    } catch (RuntimeException e) {
      remove(local, scope);
      throw e;
    }
    engine.awaitApi();
    return engine;
  }

  URI host() {
    return NestedEngines.socket(folder);
  }

  /** How the engine allowed the container: privileged, or with explicit capabilities. */
  NestedEngines.Form form() {
    return form;
  }

  boolean alive() {
    return local
        .containers()
        .inspect(scope, CONTAINER)
        .map(c -> Boolean.TRUE.equals(c.getState().getRunning()))
        .orElse(false);
  }

  /**
   * Stops the engine as a host going down would ({@code docker stop}: it stops its containers
   * first); the container and its data stay until {@link #remove}.
   */
  void halt() {
    if (alive()) {
      local.nestedEngines().stop(scope, CONTAINER);
    }
  }

  /** Stops the engine, then removes its container, volume and folder. */
  void stop() {
    try {
      halt();
    } finally {
      remove(local, scope);
    }
  }

  /** Removes what a stand-in of this scope left: container, volume, folder (the network stays). */
  static void remove(Engine local, Scope scope) {
    if (local.containers().inspect(scope, CONTAINER).isPresent()) {
      local.containers().remove(scope, CONTAINER);
    }
    if (local.storage().volumeExists(scope, VOLUME)) {
      local.storage().removeVolume(scope, VOLUME);
    }
    deleteTree(folders(local).resolve(scope.session().id()));
  }

  /** Deletes the folders of clouds whose owning process is gone; returns how many. */
  static int removeOrphanFolders(Engine local) {
    return removeOrphanFolders(folders(local), OWNER_FILE);
  }

  /**
   * Deletes the folders under {@code root} whose owner (named in each folder's {@code ownerFile})
   * is a process that has ended; returns how many. Shared with the swarms' folders.
   */
  static int removeOrphanFolders(Path root, String ownerFile) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int removed = 0;
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.toList()) {
        if (Owner.gone(ownerOf(folder, ownerFile))) {
          deleteTree(folder);
          removed++;
        }
      }
    } catch (IOException e) {
      // nothing to list
    }
    return removed;
  }

  private static String ownerOf(Path folder, String ownerFile) {
    try {
      return Files.readString(folder.resolve(ownerFile)).strip();
    } catch (IOException e) {
      return null;
    }
  }

  private void awaitApi() {
    // up, or a dockerd that died: either ends the wait (no use looking until the deadline)
    boolean up =
        Wait.upTo(START_PATIENCE)
            .every(Duration.ofMillis(200))
            .until(
                () ->
                    answers()
                        ? Optional.of(true)
                        : alive() ? Optional.<Boolean>empty() : Optional.of(false))
            .orElse(false);
    if (!up) {
      String log = local.nestedEngines().logTail(scope, CONTAINER, 3);
      boolean wasAlive = alive();
      stop();
      throw new EngineError(
          "o engine remoto (dockerd num contêiner) não subiu"
              + (wasAlive ? " em " + START_PATIENCE.toSeconds() + " s" : "")
              + ": "
              + log);
    }
  }

  private boolean answers() {
    if (!Files.exists(folder.resolve("docker.sock"))) {
      return false;
    }
    try (Engine engine = new Engine(host(), local.dataDir())) {
      return engine.available();
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // a busy file stays; the next start of this session reuses the folder
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // nothing more to do
    }
  }
}
