package dev.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.ApiLearner.StepEnd;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Owner;
import dev.workbench.engine.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code serve} while a learner has a cloud, a notebook kernel and lesson
 * containers running: nothing the dead server owned may outlive it. The next start removes every
 * stand-in engine, registry, cloud network and volume and kernel container the killed one left, and
 * keeps the learner's own lesson work.
 */
class ServeCrashIT {
  private static final String TOKEN = "token-do-crash-" + Session.random().id();

  @TempDir Path dataDir;
  private final List<Process> servers = new ArrayList<>();
  private Session session;

  @AfterEach
  void stop() throws Exception {
    for (Process server : servers) {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    try (Engine engine = TestEngines.require(dataDir)) {
      if (session != null) {
        engine.removeAll(session, null);
      }
    }
  }

  @Test
  void a_killed_server_leaves_no_cloud_or_kernel_behind_after_the_next_start() throws Exception {
    TestEngines.require(dataDir).close();
    int port = freePort();
    Process first = serve(port);
    ApiLearner learner = ApiLearner.issued(port, TOKEN);
    session = learner.session();

    assertThat(learner.run("nuvem", "rede-banco")).matches(StepEnd::passed, "passed");
    assertThat(learner.run("nuvem", "firestore")).matches(StepEnd::passed, "passed");
    assertThat(learner.run("nuvem", "ligar")).matches(StepEnd::passed, "passed");
    assertThat(learner.run("notebook", "carregar")).matches(StepEnd::passed, "passed");
    // this learner's owned containers only: other tests (or servers) on the same engine own theirs
    List<String> owned =
        docker(
            "ps",
            "-aq",
            "--filter",
            "label=workbench.session=" + session.id(),
            "--filter",
            "label=" + Owner.LABEL);
    assertThat(docker("ps", "-q", "--filter", "label=workbench.session=" + session.id()))
        .as("the cloud, the kernel and the lesson's emulator are running")
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(owned)
        .as("the cloud's engine and registry and the kernel carry their owner")
        .isNotEmpty();

    first.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(docker("ps", "-aq", "--filter", "label=workbench.session=" + session.id()))
        .as("a killed server removes nothing itself")
        .containsAll(owned);

    serve(port);
    List<String> left =
        docker(
            "ps",
            "-aq",
            "--filter",
            "label=workbench.session=" + session.id(),
            "--filter",
            "label=" + Owner.LABEL);
    assertThat(left)
        .as("stand-in engine, registry and kernel containers of the killed server")
        .isEmpty();
    assertThat(
            docker(
                "volume",
                "ls",
                "-q",
                "--filter",
                "label=workbench.session=" + session.id(),
                "--filter",
                "label=" + Owner.LABEL))
        .isEmpty();
    assertThat(
            docker(
                "network",
                "ls",
                "-q",
                "--filter",
                "label=workbench.session=" + session.id(),
                "--filter",
                "label=" + Owner.LABEL))
        .isEmpty();
    assertThat(
            docker(
                "ps",
                "-q",
                "--filter",
                "label=workbench.session=" + session.id(),
                "--filter",
                "label=workbench.lesson=nuvem",
                "--filter",
                "name=firestore"))
        .as("the learner's own lesson container is their work, and stays")
        .hasSize(1);
  }

  /** {@code bin/workbench serve} as a learner starts it, on the jar the build just made. */
  private Process serve(int port) throws Exception {
    Path root = TestEngines.projectRoot();
    Path jar = root.resolve("workbench/target/workbench.jar");
    assertThat(jar).as("the build packages the jar before the integration tests").isRegularFile();
    Path log = Files.createTempFile(dataDir, "serve", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dworkbench.root=" + root,
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                String.valueOf(port),
                "--data-dir",
                dataDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("WORKBENCH_TOKEN", TOKEN);
    Process process = builder.start();
    servers.add(process);
    // a bounded wait for the line serve prints once it answers; the assertion is on that line
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!Files.readString(log, StandardCharsets.UTF_8).contains("Workbench em")
        && process.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .as("serve started and printed its address")
        .contains("Workbench em");
    return process;
  }

  private static List<String> docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0)
        .as("%s: %s", command, out)
        .isTrue();
    return out.lines().filter(line -> !line.isBlank()).toList();
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
