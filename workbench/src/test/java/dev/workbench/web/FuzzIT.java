package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route with bad input — malformed and huge bodies, odd Unicode, odd path segments, wrong
 * methods and content types — from a fixed seed, bounded in count and time. Bad input is the
 * learner's or an attacker's problem, never the server's: no answer is a 5xx, and the site still
 * answers afterwards. Runs on the real engine, so a request that does start a step really runs it.
 */
class FuzzIT {
  private static final int REQUESTS = 1_500;
  private static final Duration BUDGET = Duration.ofSeconds(90);
  private static final String TOKEN = "token-do-fuzz";

  private static final List<String> ROUTES =
      List.of(
          "GET /",
          "GET /lessons/{id}",
          "GET /lessons/{id}/assets/{file}",
          "POST /api/lessons/{id}/steps/{step}/runs",
          "GET /api/runs/{run}/events",
          "GET /api/lessons/{id}/progress",
          "POST /api/lessons/{id}/reset",
          "GET /api/panel",
          "GET /api/engine",
          "GET /api/session",
          "GET /api/lessons/{id}/tables/{n}",
          "GET /static/{file}");
  private static final List<String> SEGMENTS =
      List.of(
          "volumes",
          "volumes",
          "criar",
          "jvm17",
          "camada.svg",
          "app.css",
          "0",
          "-1",
          "99999999999999999999",
          "",
          "..",
          "%2e%2e",
          "..%2F..%2Fetc%2Fpasswd",
          "%00",
          "%ff%fe",
          "%",
          "%zz",
          "a%2Fb",
          "a;b",
          "a?b",
          "%20",
          "a\u00e7\u00e3o",
          "%C3%A7%C3%A3o",
          "%F0%9F%90%B3",
          "%E2%80%AE",
          "con",
          "nul.svg",
          "<script>",
          "'%20OR%201=1",
          "x".repeat(300),
          "y".repeat(5_000),
          "%2e%2e%2f%2e%2e%2fpom.xml",
          "assets",
          "lesson.md",
          ".workbench");
  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
  private static final List<String> TYPES =
      List.of(
          "application/json",
          "application/json",
          "application/json; charset=utf-8",
          "application/json; charset=latin1",
          "APPLICATION/JSON",
          "text/plain",
          "",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x");

  @TempDir Path root;
  private Engine engine;
  private Javalin app;
  private String cookie;

  @BeforeEach
  void start() throws Exception {
    engine = TestEngines.require(root.resolve("data"));
    app =
        WebApp.create(
                new WebConfig("127.0.0.1", 0, root.resolve("data"), root, TOKEN),
                TestCourse.write(root),
                engine,
                new StepRunner(engine, root))
            .start();
    RawHttp.Answer first = RawHttp.get(app.port(), "/api/session", auth());
    cookie =
        first.all("Set-Cookie").stream()
            .filter(c -> c.startsWith(Learners.COOKIE))
            .findFirst()
            .orElseThrow()
            .split(";", 2)[0];
  }

  @AfterEach
  void stop() throws IOException {
    String id =
        RawHttp.get(app.port(), "/api/session", with(auth(), "Cookie", cookie))
            .body()
            .replaceAll(".*\"session\":\"([a-z0-9]+)\".*", "$1");
    app.stop();
    engine.removeAll(new Session(id), null);
    engine.close();
  }

  private static Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + TOKEN);
  }

  private static Map<String, String> with(Map<String, String> base, String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(base);
    all.put(name, value);
    return all;
  }

  @Test
  void no_bad_request_gets_a_5xx_and_the_site_keeps_answering() throws Exception {
    Random random = new Random(20261202L);
    long deadline = System.nanoTime() + BUDGET.toNanos();
    List<String> serverErrors = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    int sent = 0;
    while (sent < REQUESTS && System.nanoTime() < deadline) {
      String route = pick(random, ROUTES);
      String method =
          random.nextInt(4) == 0 ? pick(random, METHODS) : route.substring(0, route.indexOf(' '));
      String path = fill(random, route.substring(route.indexOf(' ') + 1));
      Map<String, String> headers = new LinkedHashMap<>();
      if (random.nextInt(10) > 0) {
        headers.put("Authorization", "Bearer " + TOKEN);
      }
      if (random.nextInt(5) > 0) {
        headers.put(
            "Cookie",
            random.nextInt(8) == 0 ? Learners.COOKIE + "=" + pick(random, SEGMENTS) : cookie);
      }
      if (random.nextInt(12) == 0) {
        headers.put(
            "Origin",
            pick(random, List.of("null", "http://evil.example", "http://127.0.0.1:" + app.port())));
      }
      if (random.nextInt(15) == 0) {
        headers.put(
            "Accept",
            pick(random, List.of("text/html", "*/*", "application/json", "\u00e7\u00e3o")));
      }
      String type = pick(random, TYPES);
      if (!type.isEmpty()) {
        headers.put("Content-Type", type);
      }
      if (route.contains("/events")) {
        headers.put("Accept", "text/event-stream");
      }
      byte[] body = method.equals("GET") || method.equals("HEAD") ? null : body(random);
      RawHttp.Answer answer = RawHttp.send(app.port(), method, path, headers, body);
      statuses.merge(answer.status(), 1, Integer::sum);
      if (answer.status() >= 500) {
        serverErrors.add(
            answer.status()
                + " "
                + method
                + " "
                + abbreviate(path)
                + " -> "
                + abbreviate(answer.body()));
      }
      if (answer.status() != 401
          && answer.status() != 404
          && answer.body().contains("at dev.workbench")) {
        serverErrors.add("stack trace in " + method + " " + abbreviate(path));
      }
      sent++;
    }
    System.out.println("fuzz: " + sent + " requests, answers by status " + statuses);
    assertThat(sent).as("requests sent within %s", BUDGET).isGreaterThan(300);
    // the inputs reach past the guard into every kind of answer, so a 5xx anywhere would show
    assertThat(statuses).containsKeys(200, 202, 400, 401, 403, 404, 415);
    assertThat(serverErrors).as("answers that were 5xx").isEmpty();
    assertThat(RawHttp.get(app.port(), "/", with(auth(), "Cookie", cookie)).status())
        .isEqualTo(200);
    assertThat(
            RawHttp.get(app.port(), "/api/lessons/volumes/progress", with(auth(), "Cookie", cookie))
                .status())
        .isEqualTo(200);
  }

  private static String fill(Random random, String template) {
    String path = template;
    while (path.contains("{")) {
      int open = path.indexOf('{');
      int close = path.indexOf('}', open);
      String name = path.substring(open + 1, close);
      // half the time a real lesson and step, so the bad bodies reach the code behind the routes
      String value =
          random.nextBoolean() && name.equals("id")
              ? "volumes"
              : random.nextBoolean() && name.equals("step")
                  ? pick(random, List.of("criar", "jvm17"))
                  : pick(random, SEGMENTS);
      path = path.substring(0, open) + value + path.substring(close + 1);
    }
    if (random.nextInt(10) == 0) {
      path +=
          "?token="
              + pick(random, SEGMENTS)
              + "&"
              + pick(random, SEGMENTS)
              + "="
              + pick(random, SEGMENTS);
    }
    // raw non-ASCII in the request line, as a careless client would send it
    return random.nextInt(20) == 0 ? path + "/a\u00e7\u00e3o\u202e" : path;
  }

  private static byte[] body(Random random) {
    String text =
        switch (random.nextInt(16)) {
          case 0 -> "";
          case 1 -> "{";
          case 2 -> "null";
          case 3 -> "[1,2,3]";
          case 4 -> "{\"params\": null}";
          case 5 -> "{\"params\": {\"NOME\": \"dados\"}}";
          case 6 -> "{\"params\": {\"NOME\": " + random.nextLong() + "}}";
          case 7 -> "{\"params\": {\"NOME\": {\"a\": 1}}}";
          case 8 ->
              "{\"params\": {\"NOME\": \""
                  + "\u00e7\u00e3o\uD83D\uDC33\u202e\\u0000".repeat(50)
                  + "\"}}";
          case 9 -> "{\"params\": {\"NOME\": \"$(rm -rf /)\", \"OUTRO\": \"x\"}}";
          case 10 -> "[".repeat(20_000);
          case 11 -> "{\"params\": {\"NOME\": \"" + "a".repeat(2_000_000) + "\"}}";
          case 12 -> "{\"params\": {}, \"extra\": true}";
          case 13 -> "{\"params\": {\"NOME\": \"../../../../etc\"}}";
          case 14 -> "\"params\"";
          default -> null;
        };
    if (text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    byte[] noise = new byte[random.nextInt(4_096)];
    random.nextBytes(noise); // not UTF-8 at all
    return noise;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
