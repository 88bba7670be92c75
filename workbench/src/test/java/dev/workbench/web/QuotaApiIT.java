package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Quotas;
import dev.workbench.engine.Session;
import dev.workbench.engine.Snapshot;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Step;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site on the real engine with small quotas: past one, the API answers 429 in pt-BR and makes
 * nothing.
 */
class QuotaApiIT {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String IMAGE = "workbench/debian:bookworm";

  @TempDir Path root;
  private Engine engine;
  private StepRunner runner;
  private String cookie;
  private Session session;

  @AfterEach
  void cleanUp() {
    if (session != null) {
      engine.removeAll(session, null);
    }
    runner.close();
    engine.close();
  }

  private Javalin site(Quotas quotas) throws Exception {
    TestEngines.require(root.resolve("data")).close();
    engine = new Engine(null, root.resolve("data"), quotas);
    engine.images().provide(IMAGE, OutputSink.NONE);
    runner = new StepRunner(engine, root);
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Path source =
        Files.writeString(
            Files.createDirectories(root.resolve("lessons/01-cotas")).resolve("lesson.md"),
            "---\nid: cotas\n---\n");
    Lesson lesson =
        new Lesson(
            "cotas",
            "Cotas",
            1,
            "Limites por aluno.",
            source,
            List.of(
                create("primeiro", "um"),
                create("segundo", "dois"),
                new Lesson.Block.StepBlock(
                    new Step(
                        "dormir",
                        "Dormir",
                        "docker run dorme sleep 4",
                        Map.of(),
                        new Action.RunContainer(container("dorme", "sleep", "4"), false),
                        List.of(new Check.ExitCode(0), new Check.ContainerState("dorme", "exited")),
                        "",
                        3))));
    return WebApp.create(
        new WebConfig("127.0.0.1", 0, root.resolve("data"), root, null),
        new Course(List.of(lesson), List.of()),
        engine,
        runner);
  }

  private static Lesson.Block create(String step, String name) {
    return new Lesson.Block.StepBlock(
        new Step(
            step,
            "Criar " + name,
            "docker create " + name,
            Map.of(),
            new Action.CreateContainer(container(name, "true")),
            List.of(new Check.ContainerState(name, "created")),
            "",
            1));
  }

  private static ContainerSpec container(String name, String... command) {
    return new ContainerSpec(name, IMAGE, List.of(command), null, null, null, null, null, null);
  }

  private Response run(HttpClient client, String step) {
    return client.request(
        "/api/lessons/cotas/steps/" + step + "/runs",
        b -> b.header("Cookie", cookie).post(RequestBody.create("{}", JSON)));
  }

  /** The learner's first visit gives the cookie; then the step starts (202). */
  private Response started(HttpClient client, String step) throws java.io.IOException {
    if (cookie == null) {
      IssuedSession learner = IssuedSession.from(client);
      cookie = learner.cookie();
      session = learner.session();
    }
    Response response = run(client, step);
    assertThat(response.code()).as(step + " starts").isEqualTo(202);
    return response;
  }

  /** Follows the run's events to its end (the stream closes after "finished"). */
  private String finish(HttpClient client, Response started) throws Exception {
    String runId = started.body().string().replaceAll(".*\"runId\":\"([^\"]+)\".*", "$1");
    return client
        .get(
            "/api/runs/" + runId + "/events",
            b -> b.header("Cookie", cookie).header("Accept", "text/event-stream"))
        .body()
        .string();
  }

  private List<String> containers() {
    return engine.snapshot(session).containers().stream()
        .map(Snapshot.ContainerView::name)
        .toList();
  }

  @Test
  void the_container_past_the_learners_limit_is_a_429_in_portuguese_and_nothing_is_created()
      throws Exception {
    JavalinTest.test(
        site(new Quotas(1, 5, 5, 5, 3, 10)),
        (server, client) -> {
          assertThat(finish(client, started(client, "primeiro")))
              .contains("event: finished", "\"passed\":true");

          Response second = run(client, "segundo");

          assertThat(second.code()).isEqualTo(429);
          assertThat(second.body().string())
              .contains(
                  "Limite atingido: contêineres por aluno (no máximo 1)", "reinicie uma lição");
          assertThat(containers()).containsExactly("um");
          assertThat(
                  client
                      .get("/api/lessons/cotas/progress", b -> b.header("Cookie", cookie))
                      .body()
                      .string())
              .contains("\"segundo\":{\"status\":\"NOT_RUN\"");
        });
  }

  @Test
  void a_step_started_while_the_learner_runs_as_many_as_allowed_is_a_429_and_runs_nothing()
      throws Exception {
    JavalinTest.test(
        site(new Quotas(5, 5, 5, 5, 1, 10)),
        (server, client) -> {
          Response sleeping = started(client, "dormir");

          Response meanwhile = run(client, "primeiro");

          assertThat(meanwhile.code()).isEqualTo(429);
          assertThat(meanwhile.body().string())
              .contains("passos rodando ao mesmo tempo por aluno (no máximo 1)", "Espere");
          assertThat(finish(client, sleeping)).contains("\"passed\":true");
          assertThat(containers()).containsExactly("dorme");
          assertThat(finish(client, started(client, "primeiro")))
              .as("once the first has ended")
              .contains("\"passed\":true");
        });
  }

  @Test
  void fifty_requests_at_once_without_a_cookie_start_no_more_runs_than_the_server_allows()
      throws Exception {
    int serverWide = 4;
    JavalinTest.test(
        site(new Quotas(5, 5, 5, 5, 3, serverWide)),
        (server, client) -> {
          java.util.concurrent.ExecutorService pool =
              java.util.concurrent.Executors.newFixedThreadPool(50);
          List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
          java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
          for (int i = 0; i < 50; i++) {
            answers.add(
                pool.submit(
                    () -> {
                      go.await();
                      return client.request(
                          "/api/lessons/cotas/steps/dormir/runs",
                          b -> b.post(RequestBody.create("{}", JSON)));
                    }));
          }
          go.countDown();
          List<String> started = new java.util.ArrayList<>();
          int refused = 0;
          for (java.util.concurrent.Future<Response> answer : answers) {
            Response response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (response.code() == 202) {
              started.add(response.header("Set-Cookie").split(";")[0]);
            } else {
              assertThat(response.code()).isEqualTo(429);
              assertThat(response.body().string()).contains("no máximo " + serverWide);
              refused++;
            }
          }
          pool.shutdown();
          assertThat(started)
              .as("runs started by 50 learners at once")
              .hasSizeLessThanOrEqualTo(serverWide)
              .isNotEmpty();
          assertThat(refused).isEqualTo(50 - started.size());
          List<Session> learners = new java.util.ArrayList<>();
          for (String learner : started) {
            String body =
                client.get("/api/session", b -> b.header("Cookie", learner)).body().string();
            learners.add(new Session(body.replaceAll(".*\"session\":\"([a-z0-9]+)\".*", "$1")));
          }
          Thread.sleep(6_000); // every admitted run has ended by now (each sleeps 4 s)
          int made = 0;
          for (Session learner : learners) {
            made += engine.snapshot(learner).containers().size();
            engine.removeAll(learner, null);
          }
          assertThat(made)
              .as("containers made for the 50 requests")
              .isLessThanOrEqualTo(serverWide);
        });
  }
}
