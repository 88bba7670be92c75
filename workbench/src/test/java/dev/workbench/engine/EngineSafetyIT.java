package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.workbench.TestEngines;
import dev.workbench.run.CourseRun;
import dev.workbench.engine.Session;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Limits;
import dev.workbench.step.Mount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    engine.containers().create(scope, new ContainerSpec("limitado", "workbench/debian:bookworm", List.of("true"),
        null, null, null, List.of(80), null, null), Map.of());
    InspectContainerResponse c = engine.containers().inspect(scope, "limitado").orElseThrow();
    assertThat(c.getName()).isEqualTo("/" + scope.name("limitado"));
    assertThat(c.getConfig().getLabels()).containsEntry(Scope.SESSION_LABEL, scope.session().id())
        .containsEntry(Scope.LESSON_LABEL, "seguranca");
    assertThat(c.getHostConfig().getMemory()).isEqualTo(Limits.DEFAULT.memoryBytes());
    assertThat(c.getHostConfig().getNanoCPUs()).isEqualTo(1_000_000_000L);
    assertThat(c.getHostConfig().getPidsLimit()).isEqualTo(Limits.DEFAULT.pids());
    assertThat(c.getHostConfig().getPortBindings().getBindings().values())
        .allSatisfy(bindings -> assertThat(bindings[0].getHostIp()).isEqualTo("127.0.0.1"));
  }

  @Test
  void bind_mounts_reach_only_the_sessions_own_files() {
    assertThatThrownBy(() -> engine.containers().create(scope, new ContainerSpec("fuga", "workbench/debian:bookworm",
        List.of("true"), null, List.of(new Mount.Bind("../../etc", "/x", false)), null, null, null, null), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.containers().create(scope, new ContainerSpec("socket", "workbench/debian:bookworm",
        List.of("true"), null, List.of(new Mount.Bind("x", "/var/run/docker.sock", false)), null, null, null, null), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    engine.containers().create(scope, new ContainerSpec("minha", "workbench/debian:bookworm", List.of("true"), null,
        List.of(new Mount.Bind("dados", "/dados", false)), null, null, null, null), Map.of());
    String source = engine.containers().inspect(scope, "minha").orElseThrow().getHostConfig().getBinds()[0].getPath();
    assertThat(Path.of(source)).startsWith(dataDir.toAbsolutePath());
  }

  @Test
  void removing_a_lesson_removes_its_containers_networks_and_volumes() {
    engine.storage().createNetwork(scope, "rede");
    engine.storage().createVolume(scope, "dados");
    engine.containers().create(scope, new ContainerSpec("app", "workbench/debian:bookworm", List.of("true"), null,
        List.of(new Mount.Volume("dados", "/dados", false)), "rede", null, null, null), Map.of());
    assertThat(engine.snapshot(scope.session()).containers()).extracting(Snapshot.ContainerView::name).contains("app");

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
      engine.containers().create(lesson, new ContainerSpec("firestore", "workbench/debian:bookworm", List.of("true"),
          null, null, "banco", null, null, null), Map.of());
    }
    assertThat(engine.snapshot(scope.session()).containers())
        .extracting(Snapshot.ContainerView::name, Snapshot.ContainerView::lesson, Snapshot.ContainerView::networks)
        .containsExactlyInAnyOrder(
            tuple("firestore", "seguranca", List.of("banco")), tuple("firestore", "outra", List.of("banco")));

    engine.removeAll(scope.session(), "seguranca");

    assertThat(engine.containers().inspect(scope, "firestore")).isEmpty();
    assertThat(engine.containers().inspect(other, "firestore")).isPresent();
    assertThat(engine.snapshot(scope.session()).networks()).extracting(Snapshot.NetworkView::lesson)
        .containsExactly("outra");
  }
}
