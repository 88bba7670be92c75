package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.lesson.LessonParser;
import dev.workbench.run.StepResult;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live table against a real Firestore emulator in a learner's container: waiting before the step
 * that starts it, then the documents as they are written, and nothing of it for another learner.
 */
class LiveTableIT {
  private static final String LESSON =
      """
      ---
      id: tabela
      title: Tabela
      order: 1
      ---

      ```step
      id: firestore
      do: container.run
      title: Ligar o emulador do Firestore
      cli: docker run -d --name firestore -p 127.0.0.1::8080 workbench/firestore-emulator
      name: firestore
      image: workbench/firestore-emulator
      ports: [8080]
      detach: true
      limits: { memory: 768m }
      expect:
        - container: { name: firestore, state: running }
      ```

      ```firestore-table
      container: firestore
      collection: produtos
      columns: [nome, categoria]
      ```
      """;

  @TempDir Path root;
  private Engine engine;
  private StepRunner runner;
  private Javalin app;
  private Session session;

  @BeforeEach
  void start() throws Exception {
    engine = TestEngines.require(root.resolve("data"));
    Path file = Files.createDirectories(root.resolve("lessons/01-tabela")).resolve("lesson.md");
    Lesson lesson = LessonParser.parse(Files.writeString(file, LESSON));
    runner = new StepRunner(engine, root);
    app =
        WebApp.create(
            new WebConfig("127.0.0.1", 0, root.resolve("data"), root, null),
            new Course(List.of(lesson), List.of()),
            engine,
            runner);
  }

  @AfterEach
  void stop() {
    runner.close();
    if (session != null) {
      engine.removeAll(session, null);
    }
    engine.close();
  }

  @Test
  void the_table_waits_for_the_emulator_then_shows_the_documents_of_this_learner_only() {
    JavalinTest.test(
        app,
        (server, client) -> {
          IssuedSession learner = IssuedSession.from(client);
          session = learner.session();
          String cookie = learner.cookie();
          String table = "/api/lessons/tabela/tables/0";
          assertThat(get(client, table, cookie))
              .contains("\"state\":\"waiting\"", "rode o passo 1", "Ligar o emulador do Firestore");

          Lesson lesson = LessonParser.parse(root.resolve("lessons/01-tabela/lesson.md"));
          StepResult started =
              runner.run(lesson, lesson.steps().get(0), session, Map.of(), event -> {});
          assertThat(started.passed()).as(started.message() + "\n" + started.output()).isTrue();
          String empty = until(client, table, cookie, "\"state\":\"ok\"", Duration.ofSeconds(90));
          assertThat(empty).contains("Nenhum documento em produtos ainda.");

          int port =
              engine
                  .containers()
                  .hostPort(new Scope(session, "tabela"), "firestore", 8080)
                  .orElseThrow();
          write(port, "p2", "{\"nome\": {\"stringValue\": \"Batom vermelho\"}}");
          write(
              port,
              "p1",
              "{\"nome\": {\"stringValue\": \"Boneca\"}, \"categoria\": {\"stringValue\": \"brinquedo\"}}");

          String rows = until(client, table, cookie, "2 produtos", Duration.ofSeconds(20));
          assertThat(rows)
              .contains(
                  "\"summary\":\"2 produtos, 1 com categoria\"",
                  "\"rows\":[{\"id\":\"p1\",\"cells\":[\"Boneca\",\"brinquedo\"]},{\"id\":\"p2\",\"cells\":[\"Batom vermelho\",null]}]");
          assertThat(get(client, table, IssuedSession.from(client).cookie()))
              .as("another learner has no emulator of theirs")
              .contains("\"state\":\"waiting\"")
              .doesNotContain("Boneca");
        });
  }

  private static String get(io.javalin.testtools.HttpClient client, String path, String cookie)
      throws Exception {
    try (Response response = client.get(path, b -> b.header("Cookie", cookie))) {
      assertThat(response.code()).isEqualTo(200);
      return response.body().string();
    }
  }

  private static String until(
      io.javalin.testtools.HttpClient client,
      String path,
      String cookie,
      String wanted,
      Duration timeout)
      throws Exception {
    Instant end = Instant.now().plus(timeout);
    String body = get(client, path, cookie);
    while (!body.contains(wanted) && Instant.now().isBefore(end)) {
      Thread.sleep(500);
      body = get(client, path, cookie);
    }
    assertThat(body).as("within %s", timeout).contains(wanted);
    return body;
  }

  /** Writes a document through the emulator's REST API, as the classifier's seed would. */
  private static void write(int port, String id, String fields) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/v1/projects/demo-workbench/databases/(default)/documents/produtos?documentId="
                        + id))
            .header("Authorization", "Bearer owner")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"fields\": " + fields + "}"))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
