package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.workbench.TestEngines;
import dev.workbench.run.CourseRun;
import dev.workbench.step.ContainerSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's toolbox on the real engine: locked down (no network, no capability, not root, no
 * engine socket), one per learner, and its shell's {@code docker ps} lists the learner's own
 * container through the guarded socket.
 */
class ToolboxesIT {
  @TempDir Path dataDir;
  Engine engine;
  Toolboxes toolboxes;
  Session session;

  @BeforeEach
  void open() {
    TestEngines.require(dataDir).close();
    engine = new Engine(null, dataDir, Quotas.DEFAULT);
    toolboxes = new Toolboxes(engine, LearnerEngines.shared(engine));
    session = CourseRun.newSession();
  }

  @AfterEach
  void close() {
    toolboxes.closeAll();
    engine.removeAll(session, null);
    engine.close();
  }

  @Test
  void the_toolbox_is_locked_down_and_never_holds_the_engines_socket() {
    Toolboxes.Toolbox toolbox = toolboxes.open(session, OutputSink.NONE);

    InspectContainerResponse box = engine.docker().inspectContainerCmd(toolbox.id()).exec();
    assertThat(box.getHostConfig().getNetworkMode()).isEqualTo("none");
    assertThat(box.getHostConfig().getCapDrop()).extracting(Enum::name).containsExactly("ALL");
    assertThat(box.getHostConfig().getPrivileged()).isFalse();
    assertThat(box.getHostConfig().getReadonlyRootfs()).isTrue();
    assertThat(box.getHostConfig().getMemory()).isEqualTo(Toolboxes.LIMITS.memoryBytes());
    assertThat(box.getHostConfig().getPidsLimit()).isEqualTo(Toolboxes.LIMITS.pids());
    assertThat(box.getConfig().getUser()).isNotEmpty().doesNotStartWith("0").isNotEqualTo("root");
    assertThat(box.getConfig().getLabels())
        .containsEntry(Scope.SESSION_LABEL, session.id())
        .containsEntry(Kernels.KIND_LABEL, Toolboxes.KIND)
        .containsKey(Owner.LABEL);
    assertThat(box.getMounts())
        .allSatisfy(
            m ->
                assertThat(String.valueOf(m.getSource()))
                    .doesNotContain("docker.sock")
                    .startsWith(dataDir.toRealPath().toString()));
    assertThat(toolboxes.open(session, OutputSink.NONE).id())
        .as("one per learner")
        .isEqualTo(toolbox.id());
  }

  @Test
  void a_shell_in_the_toolbox_runs_docker_ps_and_sees_the_learners_own_container()
      throws Exception {
    Scope lesson = new Scope(session, "volumes");
    engine.images().provide("workbench/debian:bookworm", OutputSink.NONE);
    engine
        .containers()
        .create(
            lesson,
            new ContainerSpec(
                "efemero",
                "workbench/debian:bookworm",
                List.of("sleep", "60"),
                null,
                List.of(),
                null,
                null,
                null,
                null),
            Map.of());
    Toolboxes.Toolbox toolbox = toolboxes.open(session, OutputSink.NONE);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    CountDownLatch ended = new CountDownLatch(1);
    Toolboxes.Shell shell =
        toolboxes.shell(
            toolbox,
            120,
            30,
            bytes -> {
              synchronized (screen) {
                screen.writeBytes(bytes);
              }
            },
            ended::countDown);

    shell.write(
        "docker ps -a --format '{{.Names}}'; id -u; echo fim-$((40+2))\n"
            .getBytes(StandardCharsets.UTF_8));

    String text = waitFor(screen, "fim-42");
    assertThat(text).contains(lesson.name("efemero")).doesNotContain("\nroot");
    // docker run -it through the guarded socket: a TTY of its own, attached both ways
    shell.write(
        "docker run -it --rm workbench/debian:bookworm sh -c 'tty; echo dentro-$((1+1))'\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(waitFor(screen, "dentro-2")).contains("/dev/pts/");
    // typed while the CLI of docker run -it still tears down, an "exit" is its input, not bash's:
    // again
    for (int i = 0; i < 6 && ended.getCount() > 0; i++) {
      shell.write("exit\n".getBytes(StandardCharsets.UTF_8));
      ended.await(5, TimeUnit.SECONDS);
    }
    assertThat(ended.getCount()).as("the stream ends with the shell").isZero();
  }

  @Test
  void a_closed_toolbox_is_gone_with_its_folder() {
    Toolboxes.Toolbox toolbox = toolboxes.open(session, OutputSink.NONE);

    toolboxes.close(session);

    assertThatThrownBy(() -> engine.docker().inspectContainerCmd(toolbox.id()).exec())
        .isInstanceOf(com.github.dockerjava.api.exception.NotFoundException.class);
    assertThat(toolbox.folder()).doesNotExist();
  }

  private static String waitFor(ByteArrayOutputStream screen, String marker)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      synchronized (screen) {
        String text = screen.toString(StandardCharsets.UTF_8);
        if (text.contains(marker)) {
          return text;
        }
      }
      Thread.sleep(100);
    }
    synchronized (screen) {
      throw new AssertionError("no " + marker + " in: " + screen.toString(StandardCharsets.UTF_8));
    }
  }
}
