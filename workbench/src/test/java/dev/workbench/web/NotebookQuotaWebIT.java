package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.Step;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner with a notebook open in one lesson who runs a cell of another is answered 429, in
 * pt-BR, before anything runs: no run starts and no second kernel container is made.
 */
class NotebookQuotaWebIT {
  private static final MediaType JSON = MediaType.get("application/json");

  @TempDir Path root;

  @Test
  void a_cell_that_would_open_a_second_notebook_gets_429_and_starts_nothing() throws Exception {
    Course course = new Course(List.of(lesson("um", 1), lesson("dois", 2)), List.of());
    Engine engine = TestEngines.require(root.resolve("data"));
    StepRunner runner = new StepRunner(engine, root);
    Javalin app =
        WebApp.create(
            new WebConfig("127.0.0.1", 0, root.resolve("data"), root, null),
            course,
            engine,
            runner);
    Session[] learner = new Session[1];
    try {
      JavalinTest.test(
          app,
          (server, client) -> {
            IssuedSession issued = IssuedSession.from(client);
            String cookie = issued.cookie();
            learner[0] = issued.session();
            try (Response started = post(client, "um", cookie)) {
              assertThat(started.code()).isEqualTo(202);
            }
            awaitPassed(client, "um", cookie);

            try (Response refused = post(client, "dois", cookie)) {
              assertThat(refused.code()).isEqualTo(429);
              assertThat(refused.body().string())
                  .contains("notebooks abertos por aluno")
                  .contains("lição um");
            }
            try (Response progress =
                client.request("/api/lessons/dois/progress", b -> b.header("Cookie", cookie))) {
              assertThat(progress.body().string()).contains("NOT_RUN").doesNotContain("RUNNING");
            }
            assertThat(engine.containers().inspect(new Scope(learner[0], "dois"), "jshell"))
                .isEmpty();
          });
    } finally {
      runner.close();
      if (learner[0] != null) {
        engine.removeAll(learner[0], null);
      }
      engine.close();
    }
  }

  private static Lesson lesson(String id, int order) throws Exception {
    Path source = Files.createTempFile("lesson-" + id, ".md");
    Step cell =
        new Step(
            "celula",
            "Uma célula",
            "jshell> 1",
            Map.of(),
            new Action.JShellCell("1 + 1"),
            List.of(new Check.ExitCode(0)),
            "",
            10);
    return new Lesson(
        id, "Lição " + id, order, "uma célula", source, List.of(new Lesson.Block.StepBlock(cell)));
  }

  private static Response post(
      io.javalin.testtools.HttpClient client, String lesson, String cookie) {
    return client.request(
        "/api/lessons/" + lesson + "/steps/celula/runs",
        b -> b.header("Cookie", cookie).post(RequestBody.create("{}", JSON)));
  }

  private static void awaitPassed(
      io.javalin.testtools.HttpClient client, String lesson, String cookie) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    String body = "";
    while (System.nanoTime() < deadline) {
      try (Response progress =
          client.request("/api/lessons/" + lesson + "/progress", b -> b.header("Cookie", cookie))) {
        body = progress.body().string();
      }
      if (body.contains("\"passed\":1")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the first cell did not pass: " + body);
  }
}
