package dev.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Kernels;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's cells try to reach what is not theirs — the engine's socket, the server's environment
 * and files, the host's network — and to exhaust the machine; the kernel container stops every
 * attempt, and the server (this test's JVM) keeps answering.
 */
class KernelEscapeIT {
  @TempDir static Path dataDir;
  static Engine engine;
  static Notebooks notebooks;
  static final Scope MALLORY = new Scope(new Session("mallory1"), "notebook");

  @BeforeAll
  static void open() {
    engine = TestEngines.require(dataDir);
    notebooks =
        new Notebooks(
            engine,
            TestEngines.projectRoot(),
            NotebookLimits.DEFAULT.withCellTimeout(Duration.ofSeconds(30)));
  }

  @AfterAll
  static void closeAll() {
    notebooks.close();
    engine.removeAll(MALLORY.session(), null);
    engine.close();
  }

  private static NotebooksIT.Lines run(String code) {
    NotebooksIT.Lines lines = new NotebooksIT.Lines();
    notebooks.run(MALLORY, code, lines);
    return lines;
  }

  private static List<String> printed(NotebooksIT.Lines lines) {
    return lines.all().stream()
        .filter(l -> l.startsWith("out: "))
        .map(l -> l.substring(5))
        .toList();
  }

  @Test
  void the_engine_socket_is_absent() {
    assertThat(
            printed(
                run(
"""
System.out.println("sock " + new java.io.File("/var/run/docker.sock").exists());
System.out.println("run " + new java.io.File("/run/docker.sock").exists());
""")))
        .containsExactly("sock false", "run false");
  }

  @Test
  void the_environment_is_empty_and_holds_nothing_of_the_server() {
    List<String> variables =
        printed(
            run(
                "System.getenv().forEach((k, v) -> System.out.println(\"ENV \" + k + \"=\" + v));"
                    + "\nSystem.out.println(\"fim\");"));
    assertThat(variables).last().isEqualTo("fim");
    assertThat(variables).noneMatch(l -> l.startsWith("ENV WORKBENCH_"));
    for (Map.Entry<String, String> own : System.getenv().entrySet()) {
      assertThat(variables).doesNotContain("ENV " + own.getKey() + "=" + own.getValue());
    }
    assertThat(variables).containsExactly("fim");
  }

  @Test
  void the_projects_files_and_the_hosts_identity_are_out_of_reach() throws IOException {
    Path pom = TestEngines.projectRoot().resolve("pom.xml").toAbsolutePath();
    assertThat(pom).exists();
    String hostname = Files.readString(Path.of("/etc/hostname")).strip();
    List<String> seen =
        printed(
            run(
                "System.out.println(\"pom \" + java.nio.file.Files.exists(java.nio.file.Path.of(\""
                    + pom
                    + "\")));\n"
                    + "System.out.println(\"hostname \" + java.nio.file.Files.readString("
                    + "java.nio.file.Path.of(\"/etc/hostname\")).strip());"));
    assertThat(seen).contains("pom false");
    assertThat(seen)
        .anyMatch(l -> l.startsWith("hostname "))
        .doesNotContain("hostname " + hostname);
  }

  @Test
  void no_connection_reaches_the_host() throws IOException {
    List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
    nonLoopbackAddress().ifPresent(addresses::add);
    for (InetAddress address : addresses) {
      try (ServerSocket listening = new ServerSocket()) {
        listening.bind(new InetSocketAddress(address, 0));
        List<String> seen =
            printed(
                run(
                    "try (var s = new java.net.Socket()) {\n"
                        + "  s.connect(new java.net.InetSocketAddress(\""
                        + address.getHostAddress()
                        + "\", "
                        + listening.getLocalPort()
                        + "), 3000);\n"
                        + "  System.out.println(\"conectou\");\n"
                        + "} catch (java.io.IOException e) {\n"
                        + "  System.out.println(\"recusado: \" + e.getMessage());\n"
                        + "}"));
        assertThat(seen).as("to %s", address).singleElement().asString().startsWith("recusado");
        listening.setSoTimeout(200);
        assertThatThrownBy(listening::accept)
            .as("nothing connected to %s", address)
            .isInstanceOf(SocketTimeoutException.class);
      }
    }
  }

  @Test
  void a_process_runs_as_a_user_that_is_not_root() {
    List<String> seen =
        printed(
            run(
                """
                var p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
                System.out.println("uid " + new String(p.getInputStream().readAllBytes()).strip());
                """));
    List<String> uid = seen.stream().filter(l -> l.startsWith("uid ")).toList();
    assertThat(uid).singleElement().asString().isNotEqualTo("uid 0");
    assertThat(Integer.parseInt(uid.get(0).substring(4))).isPositive();
  }

  @Test
  void the_kernel_container_is_locked_down_and_owned_by_the_learner() {
    run("1");
    InspectContainerResponse kernel = engine.containers().inspect(MALLORY, "jshell").orElseThrow();
    assertThat(kernel.getConfig().getLabels())
        .containsEntry(Scope.SESSION_LABEL, "mallory1")
        .containsEntry(Scope.LESSON_LABEL, "notebook")
        .containsEntry(Kernels.KIND_LABEL, Kernels.KIND);
    assertThat(kernel.getHostConfig().getNetworkMode()).isEqualTo("none");
    assertThat(kernel.getHostConfig().getReadonlyRootfs()).isTrue();
    assertThat(kernel.getHostConfig().getTmpFs()).containsKey("/tmp");
    assertThat(kernel.getHostConfig().getMemory()).isEqualTo(Limits.DEFAULT.memoryBytes());
    assertThat(kernel.getHostConfig().getPidsLimit()).isEqualTo(Limits.DEFAULT.pids());
    assertThat(kernel.getHostConfig().getNanoCPUs()).isPositive();
    assertThat(kernel.getConfig().getUser()).isNotBlank().doesNotStartWith("0:").isNotEqualTo("0");
    assertThat(kernel.getMounts())
        .allSatisfy(m -> assertThat(String.valueOf(m.getSource())).doesNotContain("docker.sock"));
    assertThat(kernel.getMounts())
        .filteredOn(m -> Boolean.TRUE.equals(m.getRW()))
        .singleElement()
        .satisfies(m -> assertThat(m.getSource()).endsWith("/sessions/mallory1/files"));
  }

  @Test
  void endless_allocation_and_endless_forking_are_stopped_and_the_server_keeps_answering()
      throws InterruptedException {
    Heartbeat heartbeat = new Heartbeat();
    try {
      run("int antes = 1;");
      NotebooksIT.Lines memory =
          run(
              """
              var guardados = new java.util.ArrayList<long[]>();
              while (true) guardados.add(new long[1 << 20]);
              """);
      assertThat(memory.errors()).anyMatch(l -> l.contains("esgotou a memória ou os processos"));
      assertThat(run("antes").errors())
          .as("a fresh kernel: the variables are gone")
          .anyMatch(l -> l.contains("cannot find symbol"));

      run("int antes = 2;");
      NotebooksIT.Lines threads =
          run(
              """
              while (true) {
                new Thread(() -> {
                  try { Thread.sleep(600_000); } catch (InterruptedException e) { }
                }).start();
              }
              """);
      assertThat(threads.errors()).anyMatch(l -> l.contains("esgotou a memória ou os processos"));
      assertThat(run("antes").errors()).anyMatch(l -> l.contains("cannot find symbol"));

      NotebooksIT.Lines processes =
          run(
              """
              var n = 0;
              try {
                while (true) { new ProcessBuilder("sleep", "600").start(); n++; }
              } catch (java.io.IOException e) {
                System.out.println("parou em " + n + " processos");
              }
              """);
      assertThat(processes.all()).anyMatch(l -> l.contains("parou em") || l.contains("esgotou"));
      assertThat(printed(run("System.out.println(\"ainda \" + (6 * 7));")))
          .containsExactly("ainda 42");
    } finally {
      heartbeat.stop();
    }
    assertThat(heartbeat.longestGap())
        .as("the server's own threads kept running while the kernel was flooded")
        .isLessThan(Duration.ofSeconds(3));
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : nic.inetAddresses().toList()) {
        if (address instanceof Inet4Address) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }

  /** Ticks every 100 ms on a thread of the test JVM; a long gap means the server stalled. */
  private static final class Heartbeat {
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong last = new AtomicLong(System.nanoTime());
    private final AtomicLong longest = new AtomicLong();

    Heartbeat() {
      ticks.scheduleAtFixedRate(
          () -> {
            long now = System.nanoTime();
            longest.accumulateAndGet(now - last.getAndSet(now), Math::max);
          },
          100,
          100,
          TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
      ticks.shutdownNow();
      ticks.awaitTermination(5, TimeUnit.SECONDS);
    }

    Duration longestGap() {
      return Duration.ofNanos(longest.get());
    }
  }
}
