package dev.workbench.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.engine.EngineError;
import dev.workbench.engine.Transfers.Credentials;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The registry's HTTP API as {@link RegistryApi} asks it, against the real {@code
 * workbench/registry} image, started by Testcontainers from the local image (no registry to pull
 * from is assumed) and waited for with its own strategy: up once {@code /v2/} asks for credentials.
 */
class RegistryApiIT {
  private static final String USER = "aluno";
  private static final String PASSWORD = "senha-certa";

  @SuppressWarnings("resource") // closed in stop()
  private static final GenericContainer<?> REGISTRY =
      new GenericContainer<>(DockerImageName.parse(LocalRegistry.IMAGE))
          .withImagePullPolicy(image -> false) // built here by bin/workbench images, never pulled
          .withCommand("sh", "-c", LocalRegistry.SERVE)
          .withEnv(
              Map.of(
                  "WB_USER",
                  USER,
                  "WB_PASSWORD",
                  PASSWORD,
                  "REGISTRY_AUTH_HTPASSWD_PATH",
                  "/etc/docker/registry/htpasswd",
                  "REGISTRY_AUTH_HTPASSWD_REALM",
                  "workbench",
                  "REGISTRY_LOG_LEVEL",
                  "warn"))
          .withExposedPorts(5000)
          .waitingFor(
              Wait.forHttp("/v2/")
                  .forPort(5000)
                  .forStatusCode(401)
                  .withStartupTimeout(Duration.ofSeconds(60)));

  private static String registry;

  @BeforeAll
  static void start() {
    REGISTRY.start();
    registry = "127.0.0.1:" + REGISTRY.getMappedPort(5000);
  }

  @AfterAll
  static void stop() {
    REGISTRY.stop();
  }

  private static RegistryApi as(String user, String password) {
    return new RegistryApi(registry, new Credentials(registry, user, password));
  }

  @Test
  void the_right_credentials_are_accepted_and_an_unknown_repository_has_no_tags() {
    RegistryApi api = as(USER, PASSWORD);
    api.awaitUp(Duration.ofSeconds(5));
    api.requireAccepted();
    assertThat(api.tags("nada-aqui")).isEmpty();
  }

  @Test
  void a_wrong_password_is_refused_in_the_learners_words() {
    assertThatThrownBy(() -> as(USER, "senha-errada").requireAccepted())
        .isInstanceOf(EngineError.class)
        .hasMessageContaining("recusou o usuário \"aluno\"")
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void waiting_for_a_registry_that_is_not_there_ends_at_its_deadline_with_why() {
    RegistryApi nobody =
        new RegistryApi("127.0.0.1:1", new Credentials("127.0.0.1:1", USER, PASSWORD));
    assertThatThrownBy(() -> nobody.awaitUp(Duration.ofMillis(700)))
        .isInstanceOf(EngineError.class)
        .hasMessageContaining("não respondeu");
  }
}
