package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.Engine;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.nio.file.Path;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site bound beyond loopback answers only to whoever has the token. */
class TokenGateTest {
  private static final String TOKEN = "s3gredo-da-turma";

  @TempDir Path root;
  private Engine engine;
  private Javalin app;

  @BeforeEach
  void start() throws Exception {
    engine = new Engine(URI.create("unix://" + root.resolve("no-engine.sock")), root.resolve("data"));
    app = WebApp.create(new WebConfig("127.0.0.1", 0, root.resolve("data"), root, TOKEN), TestCourse.write(root),
        engine, new StepRunner(engine, root));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void without_the_token_a_browser_gets_a_401_page_asking_for_it() {
    JavalinTest.test(app, (server, client) -> {
      Response response = client.get("/", b -> b.header("Accept", "text/html"));
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).contains("Token de acesso", "name=\"token\"");
    });
  }

  @Test
  void without_the_token_the_api_is_a_401_in_json() {
    JavalinTest.test(app, (server, client) -> {
      Response response = client.get("/api/engine");
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).contains("\"error\"");
      assertThat(client.get("/?token=errado").code()).isEqualTo(401);
    });
  }

  @Test
  void the_token_in_the_address_lets_in_once_and_is_kept_in_a_cookie() {
    JavalinTest.test(app, (server, client) -> {
      Response response = client.get("/?token=" + TOKEN);
      assertThat(response.code()).isEqualTo(200);
      String cookie = response.headers("Set-Cookie").stream().filter(c -> c.startsWith("wb_token=")).findFirst()
          .orElseThrow();
      assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
      assertThat(client.get("/lessons/volumes", b -> b.header("Cookie", cookie.split(";")[0])).code()).isEqualTo(200);
    });
  }

  @Test
  void the_token_as_a_bearer_header_lets_in() {
    JavalinTest.test(app, (server, client) -> {
      assertThat(client.get("/api/engine", b -> b.header("Authorization", "Bearer " + TOKEN)).code()).isEqualTo(200);
      assertThat(client.get("/api/engine", b -> b.header("Authorization", "Bearer errado")).code()).isEqualTo(401);
      assertThat(client.get("/api/engine", b -> b.header("Authorization", "token " + TOKEN)).code()).isEqualTo(200);
      assertThat(client.get("/api/engine", b -> b.header("Authorization", TOKEN)).code()).isEqualTo(401);
    });
  }

  @Test
  void the_style_sheet_needs_no_token_so_the_token_page_looks_right() {
    JavalinTest.test(app, (server, client) -> {
      assertThat(client.get("/static/app.css").code()).isEqualTo(200);
    });
  }
}
