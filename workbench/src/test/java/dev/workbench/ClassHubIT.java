package dev.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class as it runs in a room: the instructor's hub and two learners' workbenches, three {@code
 * serve} processes with three ports and three data dirs. Both learners join, pass one step and fail
 * another; the hub's roster and stuck map show it, with the failing check and what the engine
 * showed. Then the hub stops; the learners go on (one is even killed and started again), the hub
 * comes back, and every event arrives, once.
 */
class ClassHubIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "token-do-instrutor-" + Session.random().id();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final Pattern CODE =
      Pattern.compile("(?m)^turma: Turma IT — código ([A-Z0-9]{4}-[A-Z0-9]{4})$");

  @TempDir Path hubDir;
  @TempDir Path anaDir;
  @TempDir Path biaDir;
  private final List<Process> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Process server : servers) {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void two_learners_report_to_the_hub_and_nothing_is_lost_or_doubled_when_the_hub_restarts()
      throws Exception {
    TestEngines.require(hubDir).close();
    int hubPort = freePort();
    Served hub = serve(hubPort, hubDir, "--class", "Turma IT");
    assertThat(hub.output())
        .as("serve --class prints the class, the instructor's view and the learners' command")
        .containsPattern(
            "(?m)^instrutor: http://127\\.0\\.0\\.1:"
                + hubPort
                + "/instrutor\\?token="
                + TOKEN
                + "$")
        .containsPattern(
            "(?m)^alunos: bin/workbench serve --join http://127\\.0\\.0\\.1:"
                + hubPort
                + " --code [A-Z0-9-]{9} --name \"SEU NOME\"$");
    Matcher code = CODE.matcher(hub.output());
    assertThat(code.find()).as(hub.output()).isTrue();
    String join = "http://127.0.0.1:" + hubPort;

    int anaPort = freePort();
    int biaPort = freePort();
    Served ana = serve(anaPort, anaDir, "--join", join, "--code", code.group(1), "--name", "Ana");
    Served bia =
        serve(
            biaPort,
            biaDir,
            "--join",
            join,
            "--code",
            code.group(1).toLowerCase(),
            "--name",
            "Bia");
    assertThat(ana.output()).contains("turma: “Turma IT” como Ana");
    assertThat(
            serve(
                    freePort(),
                    Files.createTempDirectory(hubDir, "eve"),
                    "--join",
                    join,
                    "--code",
                    "AAAA-AAAA",
                    "--name",
                    "Eve")
                .output())
        .as("a wrong code is said in pt-BR and the workbench runs alone")
        .contains("turma: Código da turma errado")
        .contains("Workbench em");

    ApiLearner anaApi = ApiLearner.issued(anaPort, TOKEN);
    ApiLearner biaApi = ApiLearner.issued(biaPort, TOKEN);
    for (ApiLearner learner : List.of(anaApi, biaApi)) {
      assertThat(learner.run("conteineres", "base").status()).isEqualTo("PASSED");
      assertThat(learner.run("conteineres", "listar-criadas").status()).isEqualTo("FAILED");
    }

    JsonNode roster =
        await(
            hubPort,
            "/api/class/roster",
            r ->
                r.path("learners").size() == 2
                    && all(
                        r,
                        l ->
                            l.path("lessons")
                                .path("conteineres")
                                .path("listar-criadas")
                                .asText()
                                .equals("failed")));
    for (JsonNode learner : roster.path("learners")) {
      assertThat(learner.path("name").asText()).isIn("Ana", "Bia");
      assertThat(learner.path("online").asBoolean()).isTrue();
      assertThat(learner.path("lessons").path("conteineres").path("base").asText())
          .isEqualTo("passed");
      assertThat(learner.path("lessons").path("conteineres").path("criar-1").asText())
          .isEqualTo("not-run");
    }
    JsonNode stuck = step(get(hubPort, "/api/class/stuck"), "conteineres", "listar-criadas");
    assertThat(stuck.path("failing").asInt()).isEqualTo(2);
    assertThat(stuck.path("passed").asInt()).isZero();
    assertThat(stuck.path("topCount").asInt()).isEqualTo(2);
    assertThat(stuck.path("topCheck").asText()).contains("maquina-");
    assertThat(stuck.path("topDetail").asText()).as("what the engine showed").contains("ausente");
    assertThat(step(get(hubPort, "/api/class/stuck"), "conteineres", "base").path("passed").asInt())
        .isEqualTo(2);

    // the hub goes away; the learners go on, and Ana's workbench is killed and started again
    hub.process().destroy();
    assertThat(hub.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(anaApi.run("conteineres", "listar-criadas").status()).isEqualTo("FAILED");
    assertThat(biaApi.run("conteineres", "base").status()).isEqualTo("PASSED");
    HttpResponse<String> reset =
        HTTP.send(
            biaApi
                .request("/api/lessons/conteineres/reset")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    ana.process().destroyForcibly();
    assertThat(ana.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    Served anaAgain = serve(anaPort, anaDir);
    assertThat(anaAgain.output())
        .as("the membership survives the learner's restart")
        .contains("turma: “Turma IT”");

    serve(hubPort, hubDir, "--class", "Turma IT");
    JsonNode counts = await(hubPort, "/api/class/counts", c -> c.path("events").asInt() >= 7);
    Thread.sleep(
        2_000); // a resend would come within the outbox's backoff: give it the time to show
    counts = get(hubPort, "/api/class/counts");
    assertThat(counts.path("events").asInt())
        .as("2 + 2 before the stop, 3 while the hub was away")
        .isEqualTo(7);
    assertThat(counts.path("learners").asInt()).isEqualTo(2);

    roster = get(hubPort, "/api/class/roster");
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    roster.path("learners").forEach(l -> byName.put(l.path("name").asText(), l));
    assertThat(byName.get("Bia").path("lessons").path("conteineres").path("base").asText())
        .as("Bia's reset came after her last pass")
        .isEqualTo("not-run");
    assertThat(
            byName.get("Ana").path("lessons").path("conteineres").path("listar-criadas").asText())
        .isEqualTo("failed");
    Set<String> ids = new HashSet<>();
    int events = 0;
    for (JsonNode learner : roster.path("learners")) {
      JsonNode timeline =
          get(hubPort, "/api/class/learners/" + learner.path("id").asText() + "/timeline");
      for (JsonNode event : timeline.path("events")) {
        ids.add(event.path("id").asText());
        events++;
        assertThat(event.has("params"))
            .as("no parameter values leave the learner's machine")
            .isFalse();
        if (event.path("kind").asText().equals("step") && !event.path("passed").asBoolean()) {
          // what the learner saw at the end (a listing of no containers prints nothing, so it may
          // be empty)
          assertThat(event.has("output")).as("a failed step carries its last lines").isTrue();
          assertThat(event.path("failedChecks").get(0).path("detail").asText()).contains("ausente");
        }
      }
    }
    assertThat(events).isEqualTo(7);
    assertThat(ids).as("each event once").hasSize(7);
    assertThat(byName.get("Ana").path("id").asText()).isNotEmpty();

    // the learner's token posts only its own events; it reads nothing of the instructor's
    HttpResponse<String> noToken =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(join + "/api/class/roster"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(anaAgain.process().isAlive()).isTrue();
  }

  private static boolean all(JsonNode roster, Predicate<JsonNode> test) {
    for (JsonNode learner : roster.path("learners")) {
      if (!test.test(learner)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode step(JsonNode stuck, String lesson, String step) {
    for (JsonNode s : stuck.path("steps")) {
      if (s.path("lesson").asText().equals(lesson) && s.path("step").asText().equals(step)) {
        return s;
      }
    }
    throw new AssertionError("no " + lesson + "/" + step + " in the stuck map: " + stuck);
  }

  private JsonNode await(int port, String path, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode last;
    do {
      last = get(port, path);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(300);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(path + " never showed what was expected: " + last);
  }

  private static JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(request(port, path).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  record Served(Process process, Path log) {
    String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  /**
   * {@code bin/workbench serve} as the instructor or a learner starts it, on the jar the build
   * made.
   */
  private Served serve(int port, Path dataDir, String... more) throws Exception {
    Path root = TestEngines.projectRoot();
    Path jar = root.resolve("workbench/target/workbench.jar");
    assertThat(jar).as("the build packages the jar before the integration tests").isRegularFile();
    Path log = Files.createTempFile(hubDir, "serve", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dworkbench.root=" + root,
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                String.valueOf(port),
                "--data-dir",
                dataDir.toString()));
    command.addAll(List.of(more));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("WORKBENCH_TOKEN", TOKEN);
    Process process = builder.start();
    servers.add(process);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!Files.readString(log, StandardCharsets.UTF_8).contains("Abra com o token")
        && process.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(300); // the class lines follow the address
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .as("serve started and printed its address")
        .contains("Workbench em");
    return new Served(process, log);
  }

  /** A request with the instructor's token, as the instructor's view makes it. */
  private static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TOKEN);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
