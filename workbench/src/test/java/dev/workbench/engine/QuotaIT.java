package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.TestEngines;
import dev.workbench.run.CourseRun;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Mount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real engine, with small quotas: the one past the limit is refused and nothing is
 * made.
 */
class QuotaIT {
  private static final String IMAGE = "workbench/debian:bookworm";

  @TempDir Path dataDir;
  Engine engine;
  Scope scope;

  @BeforeEach
  void connect() {
    TestEngines.require(dataDir).close();
    engine = new Engine(null, dataDir, new Quotas(2, 1, 1, 1, 1, 1));
    engine.images().provide(IMAGE, OutputSink.NONE);
    scope = new Scope(CourseRun.newSession(), "cotas");
  }

  @AfterEach
  void cleanUp() {
    engine.removeAll(scope.session(), null);
    engine.close();
  }

  private ContainerSpec container(String name, Mount... mounts) {
    return new ContainerSpec(
        name, IMAGE, List.of("true"), null, List.of(mounts), null, null, null, null);
  }

  @Test
  void the_container_past_the_limit_is_refused_in_portuguese_and_nothing_of_it_is_made() {
    engine.containers().create(scope, container("um"), Map.of());
    engine.containers().create(scope.inLesson("outra"), container("dois"), Map.of());

    assertThatThrownBy(
            () ->
                engine
                    .containers()
                    .create(
                        scope,
                        container("tres", new Mount.Volume("dados", "/dados", false)),
                        Map.of()))
        .isInstanceOf(QuotaExceeded.class)
        .hasMessage(
            "Limite atingido: contêineres por aluno (no máximo 2). Remova contêineres que não usa mais,"
                + " ou reinicie uma lição para apagar tudo o que ela criou.");

    assertThat(engine.containers().inspect(scope, "tres")).isEmpty();
    assertThat(engine.storage().volumeExists(scope, "dados"))
        .as("the refused container's volume")
        .isFalse();
    assertThat(engine.snapshot(scope.session()).containers()).hasSize(2);
  }

  @Test
  void a_learners_networks_volumes_and_images_past_their_limits_are_refused() {
    engine.storage().createNetwork(scope, "rede");
    assertThatThrownBy(() -> engine.storage().createNetwork(scope, "outra-rede"))
        .isInstanceOf(QuotaExceeded.class)
        .hasMessageContaining("redes por aluno (no máximo 1)");
    assertThat(engine.storage().network(scope, "outra-rede")).isEmpty();

    engine.storage().createVolume(scope, "dados");
    assertThatThrownBy(() -> engine.storage().createVolume(scope, "mais-dados"))
        .isInstanceOf(QuotaExceeded.class)
        .hasMessageContaining("volumes por aluno (no máximo 1)");
    assertThat(engine.storage().volumeExists(scope, "mais-dados")).isFalse();

    engine.containers().create(scope, container("base"), Map.of());
    engine.containers().commit(scope, "base", "foto");
    assertThatThrownBy(() -> engine.containers().commit(scope, "base", "outra-foto"))
        .isInstanceOf(QuotaExceeded.class)
        .hasMessageContaining("imagens por aluno (no máximo 1)");
    assertThat(engine.images().exists(scope.image("outra-foto"))).isFalse();
  }

  @Test
  void another_learners_resources_do_not_count_against_mine() {
    Scope other = new Scope(CourseRun.newSession(), "cotas");
    try {
      engine.containers().create(other, container("um"), Map.of());
      engine.containers().create(other, container("dois"), Map.of());

      engine.containers().create(scope, container("meu"), Map.of());

      assertThat(engine.containers().inspect(scope, "meu")).isPresent();
    } finally {
      engine.removeAll(other.session(), null);
    }
  }

  @Test
  void compose_up_counts_the_services_before_it_starts_any_of_them() throws Exception {
    Path file =
        Files.writeString(
            Files.createDirectories(dataDir.resolve("projeto")).resolve("compose.yml"),
            """
        version: "2.4"
        services:
          a: {image: %1$s, command: ["sleep", "60"], container_name: "${WB_PREFIX}a", labels: {workbench.session: "${WB_SESSION}", workbench.lesson: "${WB_LESSON}"}}
          b: {image: %1$s, command: ["sleep", "60"], container_name: "${WB_PREFIX}b", labels: {workbench.session: "${WB_SESSION}", workbench.lesson: "${WB_LESSON}"}}
          c: {image: %1$s, command: ["sleep", "60"], container_name: "${WB_PREFIX}c", labels: {workbench.session: "${WB_SESSION}", workbench.lesson: "${WB_LESSON}"}}
        """
                .formatted(IMAGE));

    assertThatThrownBy(
            () -> engine.compose().up(scope, file, OutputSink.NONE, Duration.ofMinutes(2)))
        .isInstanceOf(QuotaExceeded.class)
        .hasMessageContaining("contêineres por aluno (no máximo 2)");

    assertThat(engine.snapshot(scope.session()).containers()).isEmpty();
    assertThat(engine.snapshot(scope.session()).networks()).isEmpty();
  }
}
