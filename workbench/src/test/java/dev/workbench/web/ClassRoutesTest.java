package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Engine;
import dev.workbench.hub.ClassHub;
import dev.workbench.lesson.Course;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what on a hub: the instructor's token for everything the instructor reads or moves, a
 * learner token only for posting that learner's events and reading the presenter's step, the code
 * for joining, and the site's Host, content-type and Origin rules for all of it.
 */
class ClassRoutesTest {
  private static final String TOKEN = "token-do-instrutor";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path root;
  private Javalin app;
  private Engine engine;
  private ClassHub hub;
  private String base;

  @BeforeEach
  void start() throws Exception {
    Course course = TestCourse.write(root);
    engine =
        new Engine(URI.create("unix://" + root.resolve("no-engine.sock")), root.resolve("data"));
    hub = ClassHub.open(root.resolve("data/class"), "Turma", course);
    app =
        WebApp.create(
                new WebConfig("127.0.0.1", 0, root.resolve("data"), root, TOKEN),
                course,
                engine,
                new StepRunner(engine, root),
                ClassMode.hub(hub))
            .start();
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterEach
  void stop() {
    app.stop();
    engine.close();
  }

  private HttpResponse<String> send(
      String method, String path, String bearer, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String join(String name) throws Exception {
    HttpResponse<String> joined =
        send(
            "POST",
            "/api/class/join",
            null,
            "{\"code\":\"" + hub.info().code() + "\",\"name\":\"" + name + "\"}",
            "Content-Type",
            "application/json");
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    assertThat(joined.headers().allValues("Set-Cookie"))
        .as("no browser session for a workbench")
        .isEmpty();
    return JSON.readTree(joined.body()).path("token").asText();
  }

  private static String event() {
    return "{\"events\":[{\"id\":\""
        + UUID.randomUUID()
        + "\",\"kind\":\"step\",\"lesson\":\"volumes\",\"step\":\"criar\","
        + "\"passed\":true,\"durationMs\":5,\"time\":\""
        + Instant.now()
        + "\"}]}";
  }

  @Test
  void a_learner_token_posts_its_own_events_and_reads_the_presenter_but_nothing_of_the_instructors()
      throws Exception {
    String ana = join("Ana");
    assertThat(
            send("POST", "/api/class/events", ana, event(), "Content-Type", "application/json")
                .statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/api/class/presenter", ana, null).statusCode()).isEqualTo(200);
    for (String path :
        new String[] {
          "/api/class/roster",
          "/api/class/stuck",
          "/api/class/export.csv",
          "/api/class/counts",
          "/instrutor",
          "/apresentar/volumes"
        }) {
      assertThat(send("GET", path, ana, null).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(
            send(
                    "POST",
                    "/api/class/presenter",
                    ana,
                    "{\"lesson\":\"volumes\"}",
                    "Content-Type",
                    "application/json")
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send(
                    "POST",
                    "/api/lessons/volumes/steps/criar/runs",
                    ana,
                    "{}",
                    "Content-Type",
                    "application/json")
                .statusCode())
        .as("a learner token runs nothing on the hub")
        .isEqualTo(401);
    JsonNode roster = JSON.readTree(send("GET", "/api/class/roster", TOKEN, null).body());
    assertThat(
            roster.path("learners").get(0).path("lessons").path("volumes").path("criar").asText())
        .isEqualTo("passed");
  }

  @Test
  void posts_without_a_learner_token_a_json_body_or_from_a_foreign_page_are_refused()
      throws Exception {
    String ana = join("Ana");
    assertThat(
            send("POST", "/api/class/events", null, event(), "Content-Type", "application/json")
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send(
                    "POST",
                    "/api/class/events",
                    "wbl_forged",
                    event(),
                    "Content-Type",
                    "application/json")
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send("POST", "/api/class/events", TOKEN, event(), "Content-Type", "application/json")
                .statusCode())
        .as("the instructor's token is not a learner's")
        .isEqualTo(401);
    assertThat(
            send("POST", "/api/class/events", ana, event(), "Content-Type", "text/plain")
                .statusCode())
        .isEqualTo(415);
    assertThat(
            send(
                    "POST",
                    "/api/class/events",
                    ana,
                    event(),
                    "Content-Type",
                    "application/json",
                    "Origin",
                    "https://evil.example")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            RawHttp.send(
                    app.port(),
                    "POST",
                    "/api/class/join",
                    java.util.Map.of("Host", "evil.example", "Content-Type", "application/json"),
                    "{\"code\":\"" + hub.info().code() + "\",\"name\":\"Eve\"}")
                .status())
        .as("a rebinding page's Host")
        .isEqualTo(403);
    assertThat(
            send(
                    "POST",
                    "/api/class/events",
                    ana,
                    "{\"events\":[{\"id\":\""
                        + UUID.randomUUID()
                        + "\",\"kind\":\"step\",\"lesson\":\"volumes\",\"step\":\"criar\",\"passed\":true,\"time\":\""
                        + Instant.now()
                        + "\",\"params\":{\"NOME\":\"x\"}}]}",
                    "Content-Type",
                    "application/json")
                .statusCode())
        .as("no field beyond an event's")
        .isEqualTo(400);
    assertThat(hub.counts().get("events")).isZero();
  }

  @Test
  void wrong_codes_are_403_in_pt_br_and_an_address_that_keeps_guessing_gets_429() throws Exception {
    HttpResponse<String> wrong = null;
    for (int i = 0; i < 10; i++) {
      wrong =
          send(
              "POST",
              "/api/class/join",
              null,
              "{\"code\":\"AAAA-AAAA\",\"name\":\"Eve\"}",
              "Content-Type",
              "application/json");
      assertThat(wrong.statusCode()).isEqualTo(403);
    }
    assertThat(wrong.body()).contains("Código da turma errado");
    HttpResponse<String> limited =
        send(
            "POST",
            "/api/class/join",
            null,
            "{\"code\":\"" + hub.info().code() + "\",\"name\":\"Eve\"}",
            "Content-Type",
            "application/json");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(hub.roster()).isEmpty();
  }
}
