package dev.workbench.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.ApiLearner;
import dev.workbench.ApiLearner.StepEnd;
import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Quotas;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Step;
import dev.workbench.web.WebApp;
import dev.workbench.web.WebConfig;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --labs} on the real engine, through the real HTTP API: three learners, each with a
 * dockerd of their own, run the volumes lesson at once. Each lab's {@code docker ps -a} holds only
 * its learner's containers; one learner's reset leaves the others'; a lab stopped for idleness
 * comes back with its containers; the queue says each learner's place while the spawn limit holds
 * them back; a fourth learner on a full machine gets 503 with Retry-After and a page in pt-BR.
 */
class LabsIT {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration IDLE = Duration.ofMinutes(10);

  private Path data;
  private Engine host;
  private Labs labs;
  private StepRunner runner;
  private final MovableClock clock = new MovableClock();

  @AfterEach
  void cleanUp() throws IOException {
    if (runner != null) {
      runner.close();
    }
    if (labs != null) {
      labs.close();
    }
    if (host != null) {
      assertThat(Labs.removeOrphans(host)).as("what a closed Labs left").isZero();
      host.close();
    }
    if (data != null) {
      Labs.deleteTree(data);
    }
  }

  private Javalin site(Course course) throws IOException {
    // a short path: the labs' sockets live under it, and a unix socket path has ~100 characters
    data = Files.createTempDirectory(Path.of("/tmp"), "wblabs");
    host = TestEngines.require(data);
    for (String image : List.of("workbench/debian:bookworm", LabRegistry.IMAGE, Labs.IMAGE)) {
      host.images().provide(image, OutputSink.NONE);
    }
    LabSettings settings =
        LabSettings.DEFAULT
            .withCapacity(3)
            .withSpawnLimit(1)
            .withIdle(IDLE, Duration.ofMinutes(2))
            .withQuotas(Quotas.DEFAULT);
    AtomicReference<StepRunner> forget = new AtomicReference<>();
    labs = new Labs(host, settings, TestEngines.projectRoot(), e -> forget.get().forget(e), clock);
    labs.open(OutputSink.NONE);
    assertThat(labs.seededImages()).contains("workbench/debian:bookworm");
    runner = new StepRunner(host, labs, TestEngines.projectRoot());
    forget.set(runner);
    return WebApp.create(
        new WebConfig("127.0.0.1", 0, data, TestEngines.projectRoot(), null),
        course,
        host,
        runner,
        labs);
  }

  @Test
  void three_learners_each_run_the_volumes_lesson_in_a_lab_of_their_own() throws Exception {
    Course course = Course.load(TestEngines.projectRoot().resolve("lessons"));
    Lesson volumes =
        course.lessons().stream().filter(l -> l.id().equals("volumes")).findFirst().orElseThrow();
    JavalinTest.test(
        site(course),
        (server, tool) -> {
          // a reset removes a lab's containers, which may take longer than okhttp's default 10 s
          // on a busy machine
          HttpClient client =
              new HttpClient(
                  server, new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5)).build());
          List<ApiLearner> learners = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            learners.add(ApiLearner.issued(server.port(), null));
          }

          // the spawn limit is 1: while the first lab starts, the others wait and are told their
          // place
          List<JsonNode> asked = new ArrayList<>();
          for (ApiLearner learner : learners) {
            asked.add(post(client, learner, "/api/lab"));
          }
          assertThat(asked.get(0).path("state").asText()).isEqualTo("STARTING");
          assertThat(asked.get(1).path("message").asText()).contains("Você é o 1º da fila");
          assertThat(asked.get(2).path("message").asText()).contains("Você é o 2º da fila");

          // the fourth learner finds the machine full: 503, Retry-After, a page in pt-BR
          ApiLearner fourth = ApiLearner.issued(server.port(), null);
          try (Response full =
              client.get(
                  "/lessons/volumes",
                  b -> b.header("Cookie", fourth.cookie()).header("Accept", "text/html"))) {
            assertThat(full.code()).isEqualTo(503);
            assertThat(full.header("Retry-After")).matches("\\d+");
            assertThat(full.body().string()).contains("Esta máquina está cheia", "3 laboratórios");
          }

          // three learners, the whole lesson each, at once
          ExecutorService pool = Executors.newFixedThreadPool(3);
          List<Future<List<String>>> runs = new ArrayList<>();
          for (ApiLearner learner : learners) {
            runs.add(pool.submit(() -> runLesson(learner, volumes)));
          }
          for (Future<List<String>> run : runs) {
            assertThat(run.get()).as("steps that did not pass").isEmpty();
          }
          pool.shutdown();

          List<String> expected =
              List.of("efemero", "novo", "da-nova-imagem", "outra-com-pasta", "depois-do-rm");
          for (ApiLearner learner : learners) {
            assertThat(dockerPs(learner.session()))
                .as("docker ps -a in the lab of " + learner.session().id())
                .allMatch(name -> name.startsWith("wb-" + learner.session().id() + "-volumes-"))
                .hasSizeGreaterThanOrEqualTo(expected.size());
          }

          // the first learner resets the lesson: their lab is empty, the others' are untouched
          List<String> secondBefore = dockerPs(learners.get(1).session());
          post(client, learners.get(0), "/api/lessons/volumes/reset");
          assertThat(dockerPs(learners.get(0).session())).isEmpty();
          assertThat(dockerPs(learners.get(1).session()))
              .containsExactlyInAnyOrderElementsOf(secondBefore);
          assertThat(dockerPs(learners.get(2).session()))
              .hasSizeGreaterThanOrEqualTo(expected.size());

          // the second learner is warned before idling out, then their lab stops, keeping its data
          ApiLearner idle = learners.get(1);
          clock.advance(IDLE.minus(Duration.ofMinutes(1)));
          JsonNode warned = get(client, idle, "/api/lab");
          assertThat(warned.path("warn").asBoolean()).isTrue();
          assertThat(warned.path("message").asText()).contains("vai parar em 1 min");
          touchOthers(
              client, learners, idle); // the others act: only the idle one goes past its time
          clock.advance(Duration.ofMinutes(2));
          labs.cull();
          awaitState(client, idle, "STOPPED");
          assertThat(labs.running(idle.session())).isEmpty();
          assertThat(get(client, idle, "/api/lab").path("message").asText())
              .contains("Nada se perdeu");
          assertThat(labs.running(learners.get(2).session()))
              .as("an active learner's lab")
              .isPresent();

          // their next action brings it back as it was
          post(client, idle, "/api/lab");
          awaitState(client, idle, "READY");
          assertThat(dockerPs(idle.session())).containsExactlyInAnyOrderElementsOf(secondBefore);
          String panel = get(client, idle, "/api/panel").toString();
          assertThat(panel)
              .as("the page's panel, from the lab that came back")
              .contains("efemero", "dados"); // le-do-volume: the lesson removes it near its end
        });
  }

  /** Each step in order, through the API; returns the ends of steps that did not pass. */
  private static List<String> runLesson(ApiLearner learner, Lesson lesson) throws Exception {
    List<String> failed = new ArrayList<>();
    for (Step step : lesson.steps()) {
      StepEnd end = learner.run(lesson.id(), step.id());
      if (!end.passed()) {
        failed.add(end.toString());
      }
    }
    return failed;
  }

  private static JsonNode post(HttpClient client, ApiLearner learner, String path)
      throws IOException {
    try (Response r =
        client.request(
            path, b -> b.header("Cookie", learner.cookie()).post(RequestBody.create("{}", JSON)))) {
      String body = r.body().string();
      assertThat(r.code()).as(path + ": " + body).isBetween(200, 299);
      return MAPPER.readTree(body);
    }
  }

  private static JsonNode get(HttpClient client, ApiLearner learner, String path)
      throws IOException {
    try (Response r = client.get(path, b -> b.header("Cookie", learner.cookie()))) {
      return MAPPER.readTree(r.body().string());
    }
  }

  private void touchOthers(HttpClient client, List<ApiLearner> learners, ApiLearner except)
      throws IOException {
    for (ApiLearner learner : learners) {
      if (!learner.equals(except)) {
        post(client, learner, "/api/lab");
      }
    }
  }

  private static void awaitState(HttpClient client, ApiLearner learner, String state)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String seen = "";
    while (System.nanoTime() < deadline) {
      seen = get(client, learner, "/api/lab").path("state").asText();
      if (seen.equals(state)) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the lab stayed " + seen + ", not " + state);
  }

  /** {@code docker ps -a} against the learner's lab, with the docker CLI, as a person would. */
  private List<String> dockerPs(Session learner) throws Exception {
    Engine lab = labs.running(learner).orElseThrow(() -> new AssertionError("no running lab"));
    Process ps =
        new ProcessBuilder(
                "docker", "-H", lab.host().toString(), "ps", "-a", "--format", "{{.Names}}")
            .redirectErrorStream(true)
            .start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ps.waitFor()).as("docker ps -a: " + out).isZero();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  /** The labs' clock, moved by the test: idleness without waiting ten minutes. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
