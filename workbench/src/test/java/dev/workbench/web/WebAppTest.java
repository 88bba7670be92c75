package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.lesson.Course;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site on a real server, with an engine that is away: pages must still render, with the banner.
 */
class WebAppTest {
  private static final MediaType JSON = MediaType.get("application/json");

  @TempDir Path root;
  private Engine engine;
  private Javalin app;

  @BeforeEach
  void start() throws Exception {
    Course course = TestCourse.write(root);
    engine =
        new Engine(URI.create("unix://" + root.resolve("no-engine.sock")), root.resolve("data"));
    app =
        WebApp.create(
            new WebConfig("127.0.0.1", 0, root.resolve("data"), root, null),
            course,
            engine,
            new StepRunner(engine, root));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private static Response post(io.javalin.testtools.HttpClient client, String path, String body) {
    return client.request(path, b -> b.post(RequestBody.create(body, JSON)));
  }

  @Test
  void the_index_lists_the_lessons_with_progress_the_engine_banner_and_broken_files() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = client.get("/");
          String html = response.body().string();
          assertThat(response.code()).isEqualTo(200);
          assertThat(html)
              .contains(
                  "Docker na prática",
                  "Volumes",
                  "Num volume, o arquivo fica.",
                  "/lessons/volumes",
                  "0/3 passos");
          assertThat(html).contains(EngineUnavailable.HOW_TO_START);
          assertThat(html)
              .contains("lessons/09-quebrada/lesson.md:3: falta o campo &#39;title&#39;");
          assertThat(html).doesNotContain("Exception", "at dev.workbench");
        });
  }

  @Test
  void the_first_visit_gets_a_session_cookie_scripts_cannot_read() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String cookie = client.get("/").header("Set-Cookie");
          assertThat(cookie)
              .matches("wb_session=[A-Za-z0-9_-]{22}; .*")
              .contains("HttpOnly", "SameSite=Strict");
        });
  }

  @Test
  void a_lesson_page_renders_prose_steps_side_by_side_and_pictures_from_its_folder() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = client.get("/lessons/volumes");
          String html = response.body().string();
          assertThat(response.code()).isEqualTo(200);
          assertThat(html)
              .contains(
                  "<table>", "<h2 id=\"por-que", "src=\"/lessons/volumes/assets/camada.svg\"");
          assertThat(html)
              .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
              .doesNotContain("<script>alert(1)");
          assertThat(html)
              .contains(
                  "id=\"step-criar\"",
                  "docker volume create ${NOME}",
                  "name=\"NOME\" value=\"dados\"",
                  "step-row grouped",
                  "id=\"step-jvm21\"",
                  "Reiniciar lição",
                  "id=\"panel\"");
          assertThat(html).contains(EngineUnavailable.HOW_TO_START);
        });
  }

  @Test
  void an_unknown_lesson_is_a_friendly_404_page() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = client.get("/lessons/nope", b -> b.header("Accept", "text/html"));
          assertThat(response.code()).isEqualTo(404);
          assertThat(response.header("Content-Type")).startsWith("text/html");
          assertThat(response.body().string())
              .contains("Página não encontrada", "nope", "Ver as lições");
        });
  }

  @Test
  void an_unknown_address_is_the_same_404_page() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = client.get("/nada/aqui", b -> b.header("Accept", "text/html"));
          assertThat(response.code()).isEqualTo(404);
          assertThat(response.body().string())
              .contains("Página não encontrada")
              .doesNotContain("Endpoint");
        });
  }

  @Test
  void a_lesson_picture_is_served_from_its_folder() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = client.get("/lessons/volumes/assets/camada.svg");
          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Content-Type")).startsWith("image/svg+xml");
          assertThat(response.body().string()).contains("<svg");
        });
  }

  @Test
  void nothing_but_pictures_of_the_lesson_folder_is_served() {
    JavalinTest.test(
        app,
        (server, client) -> {
          assertThat(client.get("/lessons/volumes/assets/../../pom.xml").code()).isEqualTo(404);
          assertThat(client.get("/lessons/volumes/assets/..%2F..%2F..%2Fpom.xml").code())
              .isIn(400, 404);
          assertThat(
                  client.get("/lessons/volumes/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpom.xml").code())
              .isIn(400, 404);
          assertThat(client.get("/lessons/volumes/assets/lesson.md").code()).isEqualTo(404);
          assertThat(client.get("/lessons/volumes/assets/nao-existe.svg").code()).isEqualTo(404);
          assertThat(client.get("/lessons/nope/assets/camada.svg").code()).isEqualTo(404);
        });
  }

  @Test
  void a_refused_parameter_is_a_400_with_the_reason_and_runs_nothing() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response =
              post(
                  client,
                  "/api/lessons/volumes/steps/criar/runs",
                  "{\"params\": {\"NOME\": \"$(rm -rf /)\"}}");
          assertThat(response.code()).isEqualTo(400);
          assertThat(response.body().string()).contains("\"error\"", "valor inválido para NOME");
          assertThat(client.get("/api/lessons/volumes/progress").body().string())
              .doesNotContain("RUNNING", "FAILED");
        });
  }

  @Test
  void a_parameter_the_step_does_not_have_is_a_400() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response =
              post(
                  client,
                  "/api/lessons/volumes/steps/criar/runs",
                  "{\"params\": {\"OUTRO\": \"x\"}}");
          assertThat(response.code()).isEqualTo(400);
          assertThat(response.body().string()).contains("não tem o parâmetro OUTRO");
        });
  }

  @Test
  void a_value_beside_params_instead_of_in_it_is_a_400_not_a_run_with_the_defaults() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response =
              post(client, "/api/lessons/volumes/steps/criar/runs", "{\"NOME\": \"meu-volume\"}");
          assertThat(response.code()).isEqualTo(400);
          assertThat(response.body().string()).contains("só aceita", "NOME");
          assertThat(client.get("/api/lessons/volumes/progress").body().string())
              .doesNotContain("RUNNING", "FAILED");
        });
  }

  @Test
  void a_malformed_body_is_a_400() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response =
              post(client, "/api/lessons/volumes/steps/criar/runs", "{\"params\": ");
          assertThat(response.code()).isEqualTo(400);
          assertThat(response.body().string()).contains("JSON válido");
          assertThat(post(client, "/api/lessons/volumes/steps/criar/runs", "[1]").code())
              .isEqualTo(400);
          assertThat(
                  post(
                          client,
                          "/api/lessons/volumes/steps/criar/runs",
                          "{\"params\": {\"NOME\": {}}}")
                      .code())
              .isEqualTo(400);
        });
  }

  @Test
  void an_unknown_step_or_lesson_is_a_404_in_json() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response step = post(client, "/api/lessons/volumes/steps/nope/runs", "{}");
          assertThat(step.code()).isEqualTo(404);
          assertThat(step.header("Content-Type")).startsWith("application/json");
          assertThat(step.body().string()).contains("não tem o passo");
          assertThat(post(client, "/api/lessons/nope/steps/criar/runs", "{}").code())
              .isEqualTo(404);
          assertThat(client.get("/api/runs/nope/events").code()).isEqualTo(404);
        });
  }

  @Test
  void the_panel_says_how_to_start_the_engine_when_it_is_away() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response panel = client.get("/api/panel");
          assertThat(panel.code()).isEqualTo(503);
          assertThat(panel.body().string()).contains(EngineUnavailable.HOW_TO_START);
          assertThat(client.get("/api/engine").body().string()).contains("\"available\":false");
        });
  }

  @Test
  void a_run_with_the_engine_away_streams_to_a_failed_finish_and_is_recorded() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response first = client.get("/");
          String session = first.header("Set-Cookie").split(";")[0];
          Response started =
              client.request(
                  "/api/lessons/volumes/steps/criar/runs",
                  b ->
                      b.header("Cookie", session)
                          .post(
                              RequestBody.create(
                                  "{\"params\": {\"NOME\": \"meus-dados\"}}", JSON)));
          assertThat(started.code()).isEqualTo(202);
          String runId = started.body().string().replaceAll(".*\"runId\":\"([^\"]+)\".*", "$1");

          String events =
              client
                  .get(
                      "/api/runs/" + runId + "/events",
                      b -> b.header("Cookie", session).header("Accept", "text/event-stream"))
                  .body()
                  .string();
          assertThat(events).contains("event: finished", "\"passed\":false");
          assertThat(client.get("/api/runs/" + runId + "/events").code())
              .as("another learner cannot follow this run")
              .isEqualTo(404);

          String progress =
              client
                  .get("/api/lessons/volumes/progress", b -> b.header("Cookie", session))
                  .body()
                  .string();
          assertThat(progress).contains("\"criar\":{\"status\":\"FAILED\"");
          String page =
              client.get("/lessons/volumes", b -> b.header("Cookie", session)).body().string();
          assertThat(page).contains("name=\"NOME\" value=\"meus-dados\"", "status-failed");
        });
  }

  @Test
  void resetting_a_lesson_with_the_engine_away_is_a_503_that_says_how_to_start_it() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response reset = post(client, "/api/lessons/volumes/reset", "");
          assertThat(reset.code()).isEqualTo(503);
          assertThat(reset.body().string()).contains(EngineUnavailable.HOW_TO_START);
        });
  }

  @Test
  void a_live_table_is_a_frame_on_the_lesson_page_that_polls_its_own_address() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String html = client.get("/lessons/producao").body().string();
          assertThat(html)
              .contains(
                  "data-table=\"/api/lessons/producao/tables/0\"",
                  "<th>nome</th><th>categoria</th>",
                  "Lendo o emulador");
          assertThat(client.get("/lessons/volumes").body().string()).doesNotContain("data-table");
        });
  }

  @Test
  void a_live_table_with_the_engine_away_is_a_calm_waiting_answer_not_an_error() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = client.get("/api/lessons/producao/tables/0");
          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Cache-Control")).isEqualTo("no-store");
          assertThat(response.body().string())
              .contains(
                  "\"state\":\"waiting\"",
                  EngineUnavailable.HOW_TO_START,
                  "\"columns\":[\"nome\",\"categoria\"]",
                  "\"rows\":[]");
        });
  }

  @Test
  void an_unknown_lesson_or_table_is_a_404_in_json_without_a_trace() {
    JavalinTest.test(
        app,
        (server, client) -> {
          for (String path :
              new String[] {
                "/api/lessons/producao/tables/1",
                "/api/lessons/producao/tables/x",
                "/api/lessons/producao/tables/-1",
                "/api/lessons/producao/tables/99999999999",
                "/api/lessons/volumes/tables/0",
                "/api/lessons/nope/tables/0"
              }) {
            Response response = client.get(path);
            assertThat(response.code()).as(path).isEqualTo(404);
            assertThat(response.body().string())
                .as(path)
                .contains("\"error\"")
                .doesNotContain("Exception", "at dev.");
          }
        });
  }

  @Test
  void a_code_parameter_is_a_text_area_with_its_lines_and_a_short_one_stays_an_input() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String html = client.get("/lessons/producao").body().string();
          assertThat(html)
              .contains(
                  "<textarea name=\"CODIGO\" rows=\"3\"",
                  ">\nvar a &#x3D; 1;\nSystem.out.println(a + &quot;&lt;b&gt;&quot;);\n</textarea>",
                  "<input name=\"APP\" value=\"classificador\"");
          assertThat(html).doesNotContain("<input name=\"CODIGO\"");
        });
  }

  @Test
  void a_multi_line_value_travels_in_the_run_request_and_comes_back_intact() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String session = client.get("/").header("Set-Cookie").split(";")[0];
          Response started =
              client.request(
                  "/api/lessons/producao/steps/firestore/runs",
                  b ->
                      b.header("Cookie", session)
                          .post(
                              RequestBody.create(
                                  "{\"params\": {\"CODIGO\": \"int x;\\n\\tx = 2;\"}}", JSON)));
          assertThat(started.code()).isEqualTo(202);
          String page =
              client.get("/lessons/producao", b -> b.header("Cookie", session)).body().string();
          assertThat(page).contains(">\nint x;\n\tx &#x3D; 2;</textarea>");
        });
  }

  @Test
  void a_heroku_line_is_shown_labelled_above_the_docker_line() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String html = client.get("/lessons/producao").body().string();
          int heroku = html.indexOf("heroku run worker --app ${APP}");
          assertThat(heroku).isPositive();
          assertThat(html.indexOf("docker run --name firestore")).isGreaterThan(heroku);
          assertThat(html).contains("Heroku CLI", "<span class=\"cli-label\">docker</span>");
          assertThat(client.get("/lessons/volumes").body().string())
              .doesNotContain("Heroku CLI", "cli-label");
        });
  }
}
