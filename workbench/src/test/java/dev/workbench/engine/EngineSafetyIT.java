package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.workbench.TestEngines;
import dev.workbench.run.CourseRun;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Limits;
import dev.workbench.step.Mount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real engine: what every container gets, and what no lesson can reach. */
class EngineSafetyIT {
  @TempDir Path dataDir;
  Engine engine;
  Scope scope;

  @BeforeEach
  void connect() {
    engine = TestEngines.require(dataDir);
    engine.images().provide("workbench/debian:bookworm", OutputSink.NONE);
    Session session = CourseRun.newSession();
    scope = new Scope(session, "seguranca");
  }

  @AfterEach
  void cleanUp() {
    engine.removeAll(scope.session(), null);
    engine.close();
  }

  @Test
  void every_container_is_labelled_limited_and_named_for_its_session() {
    engine
        .containers()
        .create(
            scope,
            new ContainerSpec(
                "limitado",
                "workbench/debian:bookworm",
                List.of("true"),
                null,
                null,
                null,
                List.of(80),
                null,
                null),
            Map.of());
    InspectContainerResponse c = engine.containers().inspect(scope, "limitado").orElseThrow();
    assertThat(c.getName()).isEqualTo("/" + scope.name("limitado"));
    assertThat(c.getConfig().getLabels())
        .containsEntry(Scope.SESSION_LABEL, scope.session().id())
        .containsEntry(Scope.LESSON_LABEL, "seguranca");
    assertThat(c.getHostConfig().getMemory()).isEqualTo(Limits.DEFAULT.memoryBytes());
    assertThat(c.getHostConfig().getNanoCPUs()).isEqualTo(1_000_000_000L);
    assertThat(c.getHostConfig().getPidsLimit()).isEqualTo(Limits.DEFAULT.pids());
    assertThat(c.getHostConfig().getPortBindings().getBindings().values())
        .allSatisfy(bindings -> assertThat(bindings[0].getHostIp()).isEqualTo("127.0.0.1"));
  }

  @Test
  void bind_mounts_reach_only_the_sessions_own_files() {
    assertThatThrownBy(
            () ->
                engine
                    .containers()
                    .create(
                        scope,
                        new ContainerSpec(
                            "fuga",
                            "workbench/debian:bookworm",
                            List.of("true"),
                            null,
                            List.of(new Mount.Bind("../../etc", "/x", false)),
                            null,
                            null,
                            null,
                            null),
                        Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                engine
                    .containers()
                    .create(
                        scope,
                        new ContainerSpec(
                            "socket",
                            "workbench/debian:bookworm",
                            List.of("true"),
                            null,
                            List.of(new Mount.Bind("x", "/var/run/docker.sock", false)),
                            null,
                            null,
                            null,
                            null),
                        Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    engine
        .containers()
        .create(
            scope,
            new ContainerSpec(
                "minha",
                "workbench/debian:bookworm",
                List.of("true"),
                null,
                List.of(new Mount.Bind("dados", "/dados", false)),
                null,
                null,
                null,
                null),
            Map.of());
    String source =
        engine
            .containers()
            .inspect(scope, "minha")
            .orElseThrow()
            .getHostConfig()
            .getBinds()[0]
            .getPath();
    assertThat(Path.of(source)).startsWith(dataDir.toAbsolutePath());
  }

  @Test
  void removing_a_lesson_removes_its_containers_networks_and_volumes() {
    engine.storage().createNetwork(scope, "rede");
    engine.storage().createVolume(scope, "dados");
    engine
        .containers()
        .create(
            scope,
            new ContainerSpec(
                "app",
                "workbench/debian:bookworm",
                List.of("true"),
                null,
                List.of(new Mount.Volume("dados", "/dados", false)),
                "rede",
                null,
                null,
                null),
            Map.of());
    assertThat(engine.snapshot(scope.session()).containers())
        .extracting(Snapshot.ContainerView::name)
        .contains("app");

    engine.removeAll(scope.session(), "seguranca");

    Snapshot left = engine.snapshot(scope.session());
    assertThat(left.containers()).isEmpty();
    assertThat(left.networks()).isEmpty();
    assertThat(left.volumes()).isEmpty();
  }

  @Test
  void two_lessons_of_one_learner_may_use_the_same_names_and_reset_apart() {
    Scope other = scope.inLesson("outra");
    for (Scope lesson : List.of(scope, other)) {
      engine.storage().createNetwork(lesson, "banco");
      engine
          .containers()
          .create(
              lesson,
              new ContainerSpec(
                  "firestore",
                  "workbench/debian:bookworm",
                  List.of("true"),
                  null,
                  null,
                  "banco",
                  null,
                  null,
                  null),
              Map.of());
    }
    assertThat(engine.snapshot(scope.session()).containers())
        .extracting(
            Snapshot.ContainerView::name,
            Snapshot.ContainerView::lesson,
            Snapshot.ContainerView::networks)
        .containsExactlyInAnyOrder(
            tuple("firestore", "seguranca", List.of("banco")),
            tuple("firestore", "outra", List.of("banco")));

    engine.removeAll(scope.session(), "seguranca");

    assertThat(engine.containers().inspect(scope, "firestore")).isEmpty();
    assertThat(engine.containers().inspect(other, "firestore")).isPresent();
    assertThat(engine.snapshot(scope.session()).networks())
        .extracting(Snapshot.NetworkView::lesson)
        .containsExactly("outra");
  }

  @Test
  void a_link_in_the_learners_folder_pointing_to_etc_is_neither_mounted_nor_read()
      throws Exception {
    Path files = Files.createDirectories(engine.storage().sessionFile(scope, "dados").getParent());
    Files.createSymbolicLink(files.resolve("fuga"), Path.of("/etc"));

    assertThatThrownBy(
            () ->
                engine
                    .containers()
                    .create(
                        scope,
                        new ContainerSpec(
                            "fuga",
                            "workbench/debian:bookworm",
                            List.of("true"),
                            null,
                            List.of(new Mount.Bind("fuga", "/x", false)),
                            null,
                            null,
                            null,
                            null),
                        Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("link simbólico");
    assertThatThrownBy(() -> engine.storage().readSessionFile(scope, "fuga/hostname"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("para fora");
    assertThat(engine.containers().inspect(scope, "fuga")).isEmpty();
  }

  @Test
  void removing_a_base_image_is_refused_and_the_image_stays() {
    assertThatThrownBy(() -> engine.images().remove(scope, "workbench/debian:bookworm"))
        .isInstanceOf(EngineError.class)
        .hasMessageContaining("imagem base, compartilhada");

    assertThat(engine.images().exists("workbench/debian:bookworm")).isTrue();
  }

  @Test
  void compose_up_that_waits_for_ever_is_stopped_at_its_time_limit_and_leaves_no_compose_running()
      throws Exception {
    // "lento" stays "starting" (its first health check takes ten minutes), and "espera" waits for
    // it
    Path file =
        Files.writeString(
            Files.createDirectories(dataDir.resolve("projeto")).resolve("compose.yml"),
            """
        version: "2.4"
        services:
          lento:
            image: %1$s
            command: ["sleep", "600"]
            container_name: "${WB_PREFIX}lento"
            healthcheck: {test: ["CMD", "sleep", "600"], interval: 600s, timeout: 600s}
            labels: {workbench.session: "${WB_SESSION}", workbench.lesson: "${WB_LESSON}"}
          espera:
            image: %1$s
            command: ["true"]
            container_name: "${WB_PREFIX}espera"
            depends_on: {lento: {condition: service_healthy}}
            labels: {workbench.session: "${WB_SESSION}", workbench.lesson: "${WB_LESSON}"}
        networks:
          default:
            labels: {workbench.session: "${WB_SESSION}", workbench.lesson: "${WB_LESSON}"}
        """
                .formatted("workbench/debian:bookworm"));
    List<String> output = new CopyOnWriteArrayList<>();
    OutputSink sink =
        new OutputSink() {
          public void out(String line) {
            output.add(line);
          }

          public void err(String line) {
            output.add(line);
          }

          public void info(String line) {}

          public void progress(String label, long current, long total) {}
        };
    // what the limit striking looks like: the learner's message, the first service made, the
    // second never started, no compose process left; how long it took is the machine's business
    assertThatThrownBy(() -> engine.compose().up(scope, file, sink, Duration.ofSeconds(8)))
        .isInstanceOf(EngineError.class)
        .hasMessageContaining("o compose passou do limite de 8 s e foi interrompido");

    assertThat(engine.containers().inspect(scope, "lento"))
        .as("compose had started the first service")
        .isPresent();
    assertThat(engine.containers().inspect(scope, "espera")).isEmpty();
    assertThat(
            ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(Compose.project(scope)))
                .filter(ProcessHandle::isAlive))
        .as("compose processes of this project")
        .isEmpty();
  }
}
