package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Docker engine on this machine standing for the cloud's remote host: a {@code dockerd}
 * with its own data root, exec root, pid file, socket and bridge, and no iptables rules; its
 * containers use the host's network. Started and stopped by the workbench; stopping removes
 * everything it held.
 *
 * <p>Never {@code --bridge=none}: a daemon started so deletes {@code docker0}, the first engine's
 * bridge. Two daemons cannot share {@code docker0} either, so the stand-in gets a bridge of its own,
 * made here and deleted when it stops.
 */
final class StandInEngine {
  private static final Duration START_PATIENCE = Duration.ofSeconds(60);
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

  private final Process process;
  private final Path runDir;
  private final Path dataDir;
  private final String bridge;

  private StandInEngine(Process process, Path runDir, Path dataDir, String bridge) {
    this.process = process;
    this.runDir = runDir;
    this.dataDir = dataDir;
    this.bridge = bridge;
  }

  /** The stand-in's own bridge: at most 15 characters, as Linux wants interface names. */
  static String bridgeName(String sessionId) {
    return "wbc" + String.format("%08x", sessionId.hashCode());
  }

  /** Where a session's stand-in keeps its socket, pid file and exec root. */
  static Path runDir(String sessionId) {
    Path run = Path.of("/run");
    Path base = Files.isWritable(run) ? run : Path.of(System.getProperty("java.io.tmpdir"));
    return base.resolve("workbench-cloud").resolve(sessionId);
  }

  /**
   * Starts {@code dockerd} and waits until it answers.
   *
   * @param dataDir the folder for its images and containers (its {@code --data-root}) and its log
   */
  static StandInEngine start(String sessionId, Path dataDir, OutputSink sink) {
    Path runDir = runDir(sessionId);
    String bridge = bridgeName(sessionId);
    try {
      ip("link", "add", bridge, "type", "bridge");
      ip("link", "set", bridge, "up");
      Files.createDirectories(runDir);
      Files.createDirectories(dataDir.resolve("root"));
      Path config = Files.writeString(dataDir.resolve("daemon.json"), "{}\n");
      List<String> command = List.of("dockerd",
          "--data-root", dataDir.resolve("root").toString(),
          "--exec-root", runDir.resolve("exec").toString(),
          "--pidfile", runDir.resolve("docker.pid").toString(),
          "-H", "unix://" + runDir.resolve("docker.sock"),
          "--config-file", config.toString(),
          "--bridge=" + bridge, "--iptables=false", "--ip-masq=false", "--log-level=warn");
      sink.info("engine remoto: " + String.join(" ", command));
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(dataDir.resolve("dockerd.log").toFile())
          .start();
      StandInEngine engine = new StandInEngine(process, runDir, dataDir, bridge);
      engine.awaitSocket();
      return engine;
    } catch (IOException e) {
      deleteBridge(bridge);
      throw new EngineError("não consegui iniciar o engine remoto (dockerd): " + e.getMessage()
          + " — é preciso o dockerd nesta máquina e permissão de root, ou um engine em WORKBENCH_CLOUD_ENGINE", e);
    }
  }

  URI host() {
    return URI.create("unix://" + runDir.resolve("docker.sock"));
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Stops the daemon (and its containers), then removes its folders. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    Unmount.under(runDir);
    Unmount.under(dataDir);
    deleteTree(runDir);
    deleteTree(dataDir);
    deleteBridge(bridge);
  }

  private static void deleteBridge(String bridge) {
    try {
      ip("link", "del", bridge);
    } catch (IOException e) {
      // already gone
    }
  }

  /** Runs {@code ip …}; an existing bridge is fine, any other refusal is an IOException. */
  private static void ip(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    Process ip = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String said = new String(ip.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      if (!ip.waitFor(10, TimeUnit.SECONDS) || ip.exitValue() != 0 && !said.contains("File exists")) {
        throw new IOException(String.join(" ", command) + ": " + said);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrompido", e);
    }
  }

  private void awaitSocket() {
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    Path socket = runDir.resolve("docker.sock");
    while (!Files.exists(socket) || !answers()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String log = tail(dataDir.resolve("dockerd.log"));
        stop();
        throw new EngineError("o engine remoto (dockerd) não subiu" + (process.isAlive() ? " em "
            + START_PATIENCE.toSeconds() + " s" : "") + ": " + log);
      }
      RegistryApi.sleep(200);
    }
  }

  private boolean answers() {
    try (Engine engine = new Engine(host(), dataDir)) {
      return engine.available();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(sem log)";
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
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
