package dev.workbench.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.run.StepRunner;
import dev.workbench.web.IssuedSession;
import dev.workbench.web.WebApp;
import dev.workbench.web.WebConfig;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine stops while a learner's step runs: the site stays up, the step fails saying the engine
 * stopped and how to start it (not "exit 1" and a dead container), and the pages show the banner.
 * The engine stopped is a dockerd of the test's own, the stand-in the cloud lesson uses (a dockerd
 * in a container): stopping the machine's engine would stop every other test.
 */
class EngineStopsMidStepIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String learner;
  private static final String LESSON =
      """
      ---
      id: parada
      title: O engine para
      order: 1
      ---
      Um contêiner que termina com erro quando o Docker o manda parar, como faz o compose.

      ```step
      id: dorme
      do: container.run
      title: Dormir um minuto
      cli: docker run --name dorme workbench/debian:bookworm sleep 60
      name: dorme
      image: workbench/debian:bookworm
      command: [sh, -c, "trap 'exit 1' TERM; sleep 60 & wait"]
      expect:
        - exitCode: 0
      ```
      """;

  @TempDir Path root;
  private Engine machine;
  private Scope scope;
  private StandInEngine dockerd;
  private Engine engine;

  @BeforeEach
  void startAnEngineOfOurOwn() throws Exception {
    machine = TestEngines.require(root.resolve("data"));
    machine.images().provide("workbench/debian:bookworm", OutputSink.NONE);
    scope = new Scope(new Session("parada" + Session.random().id()), "parada");
    dockerd =
        StandInEngine.start(
            machine, scope, List.of(), CloudLimits.LAPTOP.engine(), OutputSink.NONE);
    Process load =
        new ProcessBuilder(
                "sh",
                "-c",
                "docker save workbench/debian:bookworm | docker -H " + dockerd.host() + " load")
            .redirectErrorStream(true)
            .start();
    String said = new String(load.getInputStream().readAllBytes());
    assertThat(load.waitFor())
        .as("loading the base image into the test's dockerd: %s", said)
        .isZero();
    engine = new Engine(dockerd.host(), root.resolve("data"));
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    if (dockerd != null) {
      dockerd.stop();
    }
    if (machine != null) {
      machine.removeAll(scope.session(), null);
      machine.close();
    }
  }

  @Test
  void stopping_the_engine_mid_step_fails_the_step_with_how_to_start_it_and_the_site_stays_up()
      throws Exception {
    Path folder = Files.createDirectories(root.resolve("lessons/01-parada"));
    Files.writeString(folder.resolve("lesson.md"), LESSON);
    Course course = Course.load(root.resolve("lessons"));
    Javalin app =
        WebApp.create(
            new WebConfig("127.0.0.1", 0, root.resolve("data"), root, null),
            course,
            engine,
            new StepRunner(engine, root));

    JavalinTest.test(
        app,
        (server, client) -> {
          learner = IssuedSession.from(client).cookie();
          assertThat(post(client, "/api/lessons/parada/steps/dorme/runs").code()).isEqualTo(202);
          awaitStep(client, "RUNNING", "", Duration.ofSeconds(30));
          Thread.sleep(1000); // the container is up and the step waits on it

          Thread stopper = new Thread(dockerd::stop);
          stopper.start();
          JsonNode step = awaitStep(client, "FAILED", "", Duration.ofSeconds(60));
          stopper.join();

          assertThat(step.path("message").asText())
              .contains("O Docker Engine parou no meio do passo")
              .contains("sudo dockerd");
          Response index = get(client, "/");
          assertThat(index.code()).isEqualTo(200);
          assertThat(index.body().string()).contains(EngineUnavailable.HOW_TO_START);
          Response lesson = get(client, "/lessons/parada");
          assertThat(lesson.code()).isEqualTo(200);
          assertThat(lesson.body().string())
              .contains("O Docker Engine parou no meio do passo")
              .doesNotContain("Exception", "at dev.workbench");

          assertThat(post(client, "/api/lessons/parada/steps/dorme/runs").code()).isEqualTo(202);
          JsonNode again =
              awaitStep(client, "FAILED", step.path("updated").asText(), Duration.ofSeconds(30));
          assertThat(again.path("message").asText()).startsWith(EngineUnavailable.HOW_TO_START);
        });
  }

  /** The step once it has {@code status} and an update time other than {@code notAt}. */
  private static JsonNode awaitStep(
      HttpClient client, String status, String notAt, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    JsonNode step = null;
    while (System.nanoTime() < deadline) {
      step =
          JSON.readTree(get(client, "/api/lessons/parada/progress").body().string())
              .path("steps")
              .path("dorme");
      if (step.path("status").asText().equals(status)
          && !step.path("updated").asText().equals(notAt)) {
        return step;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("step dorme never became " + status + "; last seen: " + step);
  }

  private static Response get(HttpClient client, String path) {
    return client.request(path, b -> b.header("Cookie", learner));
  }

  private static Response post(HttpClient client, String path) {
    return client.request(
        path,
        b ->
            b.header("Cookie", learner)
                .post(RequestBody.create("{}", MediaType.get("application/json"))));
  }
}
