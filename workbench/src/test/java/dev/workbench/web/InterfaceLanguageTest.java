package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Language;
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

/**
 * The interface in pt-BR and English over the real course (an engine that is away is enough: pages
 * render without one): which language a request gets, that it is remembered, and that the page, its
 * lessons and its script's words all follow it.
 */
class InterfaceLanguageTest {
  @TempDir Path data;
  private Engine engine;
  private Javalin app;

  @BeforeEach
  void start() {
    Path root = Workbench.projectRoot();
    Course course = Course.load(root.resolve("lessons"));
    engine = new Engine(URI.create("unix://" + data.resolve("no-engine.sock")), data);
    app =
        WebApp.create(
            new WebConfig("127.0.0.1", 0, data, root, null),
            course,
            engine,
            new StepRunner(engine, root));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void both_bundles_have_the_same_keys() throws java.io.IOException {
    assertThat(keys("messages_en.properties"))
        .as("keys in English")
        .containsExactlyInAnyOrderElementsOf(keys("messages.properties"));
    assertThat(Texts.of(Language.EN).get("course")).isEqualTo("Docker in Practice");
    assertThat(Texts.of(Language.PT_BR).get("course")).isEqualTo("Docker na prática");
  }

  /** A bundle file's own keys, without the parent's an English bundle would inherit. */
  private static java.util.Set<String> keys(String file) throws java.io.IOException {
    java.util.Properties properties = new java.util.Properties();
    try (var in = InterfaceLanguageTest.class.getResourceAsStream("/web/i18n/" + file)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties.stringPropertyNames();
  }

  @Test
  void accept_language_picks_the_preferred_of_the_two_languages() {
    assertThat(Languages.fromAcceptLanguage(null)).isEqualTo(Language.PT_BR);
    assertThat(Languages.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Language.EN);
    assertThat(Languages.fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8,pt-BR;q=0.7"))
        .isEqualTo(Language.EN);
    assertThat(Languages.fromAcceptLanguage("pt-BR,pt;q=0.9,en;q=0.8")).isEqualTo(Language.PT_BR);
    assertThat(Languages.fromAcceptLanguage("fr-FR")).isEqualTo(Language.PT_BR);
    assertThat(Languages.fromAcceptLanguage("en;q=0")).isEqualTo(Language.PT_BR);
  }

  @Test
  void lang_in_the_address_shows_the_english_lesson_and_sets_a_strict_cookie() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = client.get("/lessons/volumes?lang=en");
          String html = response.body().string();
          assertThat(html)
              .contains(
                  "<html lang=\"en\">",
                  "Docker in Practice",
                  "Lesson 4",
                  "Run</span>",
                  "href=\"?lang=pt-BR\"",
                  "\"run_again\":\"Run again\"");
          assertThat(html).doesNotContain("Rodar de novo", "Lição 4");
          assertThat(response.headers("Set-Cookie"))
              .anySatisfy(
                  cookie ->
                      assertThat(cookie)
                          .startsWith("wb_lang=en;")
                          .contains("SameSite=Strict", "Path=/"));
        });
  }

  @Test
  void the_cookie_is_remembered_and_beats_accept_language() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String html =
              client
                  .get(
                      "/",
                      b ->
                          b.header("Cookie", "wb_lang=pt-BR").header("Accept-Language", "en-US,en"))
                  .body()
                  .string();
          assertThat(html)
              .contains("<html lang=\"pt-BR\">", "Docker na prática", "href=\"?lang=en\"");
        });
  }

  @Test
  void without_a_choice_the_browser_language_decides() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String english =
              client.get("/", b -> b.header("Accept-Language", "en-GB,en;q=0.9")).body().string();
          assertThat(english).contains("<html lang=\"en\">", "Course progress", "steps done");
          String portuguese =
              client.get("/", b -> b.header("Accept-Language", "pt-BR")).body().string();
          assertThat(portuguese)
              .contains("<html lang=\"pt-BR\">", "Progresso no curso", "passos concluídos");
        });
  }

  @Test
  void error_pages_speak_the_chosen_language() {
    JavalinTest.test(
        app,
        (server, client) -> {
          Response missing =
              client.get("/lessons/nope?lang=en", b -> b.header("Accept", "text/html"));
          assertThat(missing.code()).isEqualTo(404);
          assertThat(missing.body().string())
              .contains("Page not found", "There is no lesson called “nope”.", "See the lessons");
          Response json = client.get("/nada?lang=en", b -> b.header("Accept", "application/json"));
          assertThat(json.body().string()).contains("We could not find this page.");
        });
  }

  @Test
  void step_cards_head_one_level_below_the_prose_they_follow_and_name_their_fields() {
    JavalinTest.test(
        app,
        (server, client) -> {
          String html = client.get("/lessons/notebook?lang=pt-BR").body().string();
          assertThat(html)
              .doesNotContain("<h2 class=\"step-title\"")
              .contains("<h3 class=\"step-title\"");
          assertThat(html)
              .containsPattern(
                  "<span class=\"param-name\">CODIGO</span><span class=\"visually-hidden\"> em “[^”]+”");
        });
  }
}
