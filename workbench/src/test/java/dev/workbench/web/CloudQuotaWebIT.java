package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.cloud.CloudConfig;
import dev.workbench.cloud.CloudLimits;
import dev.workbench.engine.Engine;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server-wide cap on clouds, through the site: with room for one cloud, a second learner who
 * starts one is answered 429 in pt-BR before the run starts, and nothing is made for them.
 */
class CloudQuotaWebIT {
  private static final MediaType JSON = MediaType.get("application/json");

  @TempDir Path root;

  @Test
  void the_cloud_past_the_servers_cap_is_a_429_and_nothing_is_made() throws Exception {
    Path source =
        Files.writeString(
            Files.createDirectories(root.resolve("lessons/09-nuvem")).resolve("lesson.md"),
            "---\nid: nuvem\n---\n");
    Step start =
        new Step(
            "ligar",
            "Ligar a nuvem",
            "heroku create",
            Map.of(),
            new Action.CloudStart(),
            List.of(new Check.OutputContains("nuvem ligada")),
            "",
            1);
    Lesson lesson =
        new Lesson("nuvem", "Nuvem", 9, "", source, List.of(new Lesson.Block.StepBlock(start)));
    Engine engine = TestEngines.require(root.resolve("data"));
    StepRunner runner =
        new StepRunner(
            engine, root, CloudConfig.LOCAL.withLimits(CloudLimits.LAPTOP.withClouds(1)));
    Javalin app =
        WebApp.create(
            new WebConfig("127.0.0.1", 0, root.resolve("data"), root, null),
            new Course(List.of(lesson), List.of()),
            engine,
            runner);
    List<Session> learners = new ArrayList<>();
    try {
      JavalinTest.test(
          app,
          (server, client) -> {
            IssuedSession first = IssuedSession.from(client);
            IssuedSession second = IssuedSession.from(client);
            learners.add(first.session());
            learners.add(second.session());

            try (Response started = post(client, first.cookie())) {
              assertThat(started.code()).isEqualTo(202);
            }
            awaitPassed(client, first.cookie());

            try (Response refused = post(client, second.cookie())) {
              assertThat(refused.code()).isEqualTo(429);
              assertThat(refused.body().string()).contains("no máximo 1");
            }
            try (Response progress =
                client.request(
                    "/api/lessons/nuvem/progress", b -> b.header("Cookie", second.cookie()))) {
              assertThat(progress.body().string()).contains("NOT_RUN").doesNotContain("RUNNING");
            }
            assertThat(engine.snapshot(second.session()).containers())
                .as("nothing made for the refused cloud")
                .isEmpty();
            assertThat(engine.snapshot(second.session()).networks()).isEmpty();
          });
    } finally {
      runner.close();
      for (Session learner : learners) {
        engine.removeAll(learner, null);
      }
      engine.close();
    }
  }

  private static Response post(io.javalin.testtools.HttpClient client, String cookie) {
    return client.request(
        "/api/lessons/nuvem/steps/ligar/runs",
        b -> b.header("Cookie", cookie).post(RequestBody.create("{}", JSON)));
  }

  private static void awaitPassed(io.javalin.testtools.HttpClient client, String cookie)
      throws Exception {
    long deadline = System.nanoTime() + 300_000_000_000L;
    String body = "";
    while (System.nanoTime() < deadline) {
      try (Response progress =
          client.request("/api/lessons/nuvem/progress", b -> b.header("Cookie", cookie))) {
        body = progress.body().string();
      }
      if (body.contains("\"passed\":1")) {
        return;
      }
      if (body.contains("FAILED")) {
        break;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the first cloud did not start: " + body);
  }
}
