package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command run in a container ({@code docker exec}, whose output the engine streams write by
 * write) prints "ação" with the bytes of "ç" split between two writes, so they arrive in two
 * frames. Decoding each frame on its own turns both halves into U+FFFD; the stream, the stored
 * output and the page must all read "ação". (A container's own log would not show this: the
 * engine's log copier joins writes up to the newline.)
 */
class SplitCharacterIT {
  private static final String IMAGE = "workbench/debian:bookworm";

  /** "a", the first byte of "ç"; a pause, so the write is its own frame; the rest of "ção". */
  private static final List<String> PRINT =
      List.of("sh", "-c", "printf 'a\\303'; sleep 1; printf '\\247\\303\\243o\\n'");

  @TempDir Path root;
  private Engine engine;
  private IssuedSession learner;

  @AfterEach
  void stop() {
    if (learner != null) {
      engine.removeAll(learner.session(), null);
    }
    engine.close();
  }

  @Test
  void a_character_split_across_frames_reaches_the_stream_the_store_and_the_page_whole()
      throws Exception {
    engine = TestEngines.require(root.resolve("data"));
    engine.images().provide(IMAGE, OutputSink.NONE);
    Path source =
        Files.writeString(
            Files.createDirectories(root.resolve("lessons/01-acentos")).resolve("lesson.md"),
            "---\nid: acentos\n---\n");
    Step sleep =
        new Step(
            "dormir",
            "Dormir",
            "docker run -d --name acentos debian sleep 120",
            Map.of(),
            new Action.RunContainer(
                new ContainerSpec(
                    "acentos", IMAGE, List.of("sleep", "120"), null, null, null, null, null, null),
                true),
            List.of(new Check.ContainerState("acentos", "running")),
            "",
            1);
    Step print =
        new Step(
            "imprimir",
            "Imprimir",
            "docker exec acentos printf ação",
            Map.of(),
            new Action.ExecInContainer("acentos", PRINT, Map.of()),
            List.of(new Check.OutputContains("ação")),
            "",
            2);
    Lesson lesson =
        new Lesson(
            "acentos",
            "Acentos",
            1,
            "",
            source,
            List.of(new Lesson.Block.StepBlock(sleep), new Lesson.Block.StepBlock(print)));
    Javalin app =
        WebApp.create(
            new WebConfig("127.0.0.1", 0, root.resolve("data"), root, null),
            new Course(List.of(lesson), List.of()),
            engine,
            new StepRunner(engine, root));

    JavalinTest.test(
        app,
        (server, client) -> {
          learner = IssuedSession.from(client);
          assertThat(run(client, "dormir")).contains("\"passed\":true");
          String events = run(client, "imprimir");

          assertThat(events)
              .contains("\"text\":\"ação\"", "\"passed\":true")
              .doesNotContain("\uFFFD");
          String page =
              client
                  .get("/lessons/acentos", b -> b.header("Cookie", learner.cookie()))
                  .body()
                  .string();
          assertThat(page)
              .contains("<span class=\"line out\">ação</span>")
              .doesNotContain("\uFFFD");
        });
  }

  /** Starts a step and returns its whole event stream. */
  private String run(io.javalin.testtools.HttpClient client, String step)
      throws java.io.IOException {
    Response started =
        client.request(
            "/api/lessons/acentos/steps/" + step + "/runs",
            b ->
                b.header("Cookie", learner.cookie())
                    .post(RequestBody.create("{}", MediaType.get("application/json"))));
    assertThat(started.code()).isEqualTo(202);
    String runId = started.body().string().replaceAll(".*\"runId\":\"([^\"]+)\".*", "$1");
    return client
        .get(
            "/api/runs/" + runId + "/events",
            b -> b.header("Cookie", learner.cookie()).header("Accept", "text/event-stream"))
        .body()
        .string();
  }
}
