package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.engine.Engine;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the site lets in, on a real server bound to loopback with a token: the requests any web page
 * could send from the learner's browser are refused before anything runs or is stored.
 */
class SiteGuardTest {
  private static final String TOKEN = "segredo-do-teste-123";
  private static final String RUN = "/api/lessons/volumes/steps/criar/runs";
  private static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + TOKEN);

  @TempDir Path root;
  private Engine engine;
  private Javalin app;
  private int port;

  @BeforeEach
  void start() throws Exception {
    engine =
        new Engine(URI.create("unix://" + root.resolve("no-engine.sock")), root.resolve("data"));
    WebConfig web =
        new WebConfig("127.0.0.1", 0, root.resolve("data"), root, TOKEN, Set.of("aula.local"));
    app = WebApp.create(web, TestCourse.write(root), engine, new StepRunner(engine, root)).start();
    port = app.port();
  }

  @AfterEach
  void stop() {
    app.stop();
    engine.close();
  }

  private Map<String, String> with(Map<String, String> base, String... pairs) {
    Map<String, String> headers = new java.util.LinkedHashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      headers.put(pairs[i], pairs[i + 1]);
    }
    return headers;
  }

  /** The learner's progress on the test lesson, read with the token: proof that nothing ran. */
  private String progress() throws Exception {
    return RawHttp.get(port, "/api/lessons/volumes/progress", BEARER).body();
  }

  @Test
  void a_foreign_host_name_is_refused_before_a_session_is_issued_or_a_step_runs() throws Exception {
    String before = progress();
    RawHttp.Answer answer =
        RawHttp.send(
            port,
            "POST",
            RUN,
            with(BEARER, "Host", "evil.example:" + port, "Content-Type", "application/json"),
            "{}");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).contains("127.0.0.1");
    assertThat(answer.all("Set-Cookie")).noneMatch(c -> c.startsWith(Learners.COOKIE));
    assertThat(RawHttp.get(port, "/", with(BEARER, "Host", "evil.example")).status())
        .isEqualTo(403);
    assertThat(progress()).isEqualTo(before).doesNotContain("RUNNING", "FAILED", "PASSED");
  }

  @Test
  void loopback_names_on_any_port_and_names_given_with_allow_host_are_answered() throws Exception {
    for (String host :
        new String[] {
          "localhost:" + port, "127.0.0.1:9999", "[::1]:" + port, "LOCALHOST", "aula.local:" + port
        }) {
      assertThat(RawHttp.get(port, "/api/engine", with(BEARER, "Host", host)).status())
          .as(host)
          .isEqualTo(200);
    }
    assertThat(
            RawHttp.get(port, "/api/engine", with(BEARER, "Host", "localhost.evil.example"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void a_write_from_another_origin_is_refused_even_with_the_token() throws Exception {
    String before = progress();
    for (String origin :
        new String[] {"https://evil.example", "http://127.0.0.1:" + (port + 1), "null"}) {
      RawHttp.Answer answer =
          RawHttp.send(
              port,
              "POST",
              RUN,
              with(BEARER, "Origin", origin, "Content-Type", "application/json"),
              "{}");
      assertThat(answer.status()).as(origin).isEqualTo(403);
      assertThat(answer.body()).contains("outro site");
    }
    RawHttp.Answer crossSite =
        RawHttp.send(
            port,
            "POST",
            RUN,
            with(BEARER, "Sec-Fetch-Site", "cross-site", "Content-Type", "application/json"),
            "{}");
    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(progress()).isEqualTo(before).doesNotContain("RUNNING", "FAILED", "PASSED");
  }

  @Test
  void a_write_from_the_site_itself_passes_the_guard() throws Exception {
    RawHttp.Answer answer =
        RawHttp.send(
            port,
            "POST",
            "/api/lessons/volumes/reset",
            with(
                BEARER,
                "Origin",
                "http://127.0.0.1:" + port,
                "Content-Type",
                "application/json; charset=utf-8"),
            "{}");
    // the reset itself needs the engine, which is away here: its 503, not the guard's 403 or 415
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body()).contains("Docker Engine");
  }

  @Test
  void a_write_that_is_not_json_is_415_and_runs_nothing() throws Exception {
    String before = progress();
    for (String type :
        new String[] {
          "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; b=x"
        }) {
      RawHttp.Answer answer =
          RawHttp.send(port, "POST", RUN, with(BEARER, "Content-Type", type), "{}");
      assertThat(answer.status()).as(type).isEqualTo(415);
      assertThat(answer.body()).contains("application/json");
    }
    assertThat(RawHttp.send(port, "POST", RUN, BEARER, "{}").status())
        .as("no content type")
        .isEqualTo(415);
    assertThat(progress()).isEqualTo(before).doesNotContain("RUNNING", "FAILED", "PASSED");
  }

  @Test
  void without_the_token_the_api_is_401_in_json_and_a_browser_gets_the_token_page()
      throws Exception {
    RawHttp.Answer api =
        RawHttp.send(port, "POST", RUN, Map.of("Content-Type", "application/json"), "{}");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.body()).contains("\"error\"");
    RawHttp.Answer page = RawHttp.get(port, "/", Map.of("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(401);
    assertThat(page.body()).contains("Token de acesso", "name=\"token\"");
    assertThat(RawHttp.get(port, "/?token=errado", Map.of()).status()).isEqualTo(401);
    assertThat(RawHttp.get(port, "/api/engine", Map.of("Authorization", "Bearer errado")).status())
        .isEqualTo(401);
    assertThat(RawHttp.get(port, "/api/engine", Map.of("Authorization", TOKEN)).status())
        .isEqualTo(401);
    assertThat(RawHttp.get(port, "/api/engine", Map.of("Authorization", "token " + TOKEN)).status())
        .isEqualTo(200);
    assertThat(progress()).doesNotContain("RUNNING", "FAILED", "PASSED");
  }

  @Test
  void a_site_that_is_no_hub_asks_the_hubs_server_to_server_routes_for_its_token_like_any_other()
      throws Exception {
    // this site is a learner's own (no --class): only a hub lets learners' workbenches call these
    // without the site's token
    Map<String, String> json = Map.of("Content-Type", "application/json");
    RawHttp.Answer other = RawHttp.send(port, "POST", RUN, json, "{}");
    assertThat(other.status()).isEqualTo(401);
    Map<String, RawHttp.Answer> answers =
        Map.of(
            "POST /api/class/join",
            RawHttp.send(
                port,
                "POST",
                "/api/class/join",
                json,
                "{\"code\": \"AAAA-AAAA\", \"name\": \"Eve\"}"),
            "POST /api/class/events",
            RawHttp.send(port, "POST", "/api/class/events", json, "{\"events\": []}"),
            "GET /api/class/presenter",
            RawHttp.get(port, "/api/class/presenter", Map.of()));
    answers.forEach(
        (request, answer) -> {
          assertThat(answer.status()).as(request).isEqualTo(401);
          assertThat(answer.body()).as(request).isEqualTo(other.body());
          assertThat(answer.all("Set-Cookie"))
              .as(request)
              .noneMatch(c -> c.startsWith(Learners.COOKIE));
        });
  }

  @Test
  void the_token_in_the_address_becomes_a_strict_cookie_and_leaves_the_address_bar()
      throws Exception {
    RawHttp.Answer answer =
        RawHttp.get(port, "/lessons/volumes?token=" + TOKEN + "&lang=en", Map.of());
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.header("Location")).isEqualTo("/lessons/volumes?lang=en");
    String cookie =
        answer.all("Set-Cookie").stream()
            .filter(c -> c.startsWith(SiteGuard.TOKEN_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly", "SameSite=Strict").doesNotContain(TOKEN);
    String pair = cookie.split(";")[0];
    assertThat(RawHttp.get(port, "/lessons/volumes", Map.of("Cookie", pair)).status())
        .isEqualTo(200);
    // API clients keep sending it on any request, with no redirect
    assertThat(RawHttp.get(port, "/api/engine?token=" + TOKEN, Map.of()).status()).isEqualTo(200);
  }

  @Test
  void pages_forbid_inline_script_framing_and_sniffing() throws Exception {
    for (String path : new String[] {"/", "/lessons/volumes", "/nada"}) {
      RawHttp.Answer answer = RawHttp.get(port, path, BEARER);
      assertThat(answer.header("Content-Security-Policy"))
          .as(path)
          .contains("script-src 'self';", "frame-ancestors 'none'")
          .doesNotContain("unsafe-eval");
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      // a JSON data block (the interface's words) is never run: only other script tags count
      Matcher inline =
          Pattern.compile(
                  "<script(?![^>]*\\b(src=|type=\"application/json\"))[^>]*>|\\son[a-z]+=\"",
                  Pattern.CASE_INSENSITIVE)
              .matcher(answer.body());
      assertThat(inline.find()).as("inline script in %s", path).isFalse();
    }
    assertThat(SiteGuard.CONTENT_SECURITY_POLICY).contains("script-src 'self';");
  }

  @Test
  void sessions_are_issued_by_the_server_and_a_forged_cookie_gets_a_new_one() throws Exception {
    RawHttp.Answer first = RawHttp.get(port, "/api/session", BEARER);
    String cookie =
        first.all("Set-Cookie").stream()
            .filter(c -> c.startsWith(Learners.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .matches(Learners.COOKIE + "=[A-Za-z0-9_-]{22}; .*")
        .contains("HttpOnly", "SameSite=Strict");
    String id = first.body().replaceAll(".*\"session\":\"([a-z0-9]+)\".*", "$1");
    assertThat(id).matches("[0-9a-f]{8}");

    RawHttp.Answer again =
        RawHttp.get(port, "/api/session", with(BEARER, "Cookie", cookie.split(";")[0]));
    assertThat(again.body()).contains(id);
    assertThat(again.all("Set-Cookie")).noneMatch(c -> c.startsWith(Learners.COOKIE));

    for (String forged : new String[] {"AAAAAAAAAAAAAAAAAAAAAA", id, "../../etc"}) {
      RawHttp.Answer answer =
          RawHttp.get(port, "/api/session", with(BEARER, "Cookie", Learners.COOKIE + "=" + forged));
      assertThat(answer.all("Set-Cookie"))
          .as(forged)
          .anyMatch(c -> c.startsWith(Learners.COOKIE + "="));
      assertThat(answer.body()).doesNotContain(id);
    }
  }

  @Test
  void no_token_is_only_allowed_on_loopback() {
    assertThatThrownBy(() -> new WebConfig("0.0.0.0", 0, root, root, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token");
    assertThat(new WebConfig("127.0.0.1", 0, root, root, null).token()).isNull();
  }

  @Test
  void host_names_and_origins_are_compared_by_name_and_port() {
    assertThat(SiteGuard.hostName("LocalHost:7070")).isEqualTo("localhost");
    assertThat(SiteGuard.hostName("[::1]:7070")).isEqualTo("[::1]");
    assertThat(SiteGuard.sameOrigin("http://localhost:7070", "localhost:7070")).isTrue();
    assertThat(SiteGuard.sameOrigin("http://localhost", "localhost:80")).isTrue();
    assertThat(SiteGuard.sameOrigin("http://localhost:7071", "localhost:7070")).isFalse();
    assertThat(SiteGuard.sameOrigin("http://127.0.0.1:7070", "localhost:7070")).isFalse();
    assertThat(SiteGuard.sameOrigin("file://", "localhost:7070")).isFalse();
    assertThat(SiteGuard.sameOrigin("http://[::1]:7070", "[::1]:7070")).isTrue();
  }
}
