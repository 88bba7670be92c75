package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Quotas;
import dev.workbench.engine.Scope;
import dev.workbench.lesson.Course;
import dev.workbench.run.StepRunner;
import dev.workbench.step.ContainerSpec;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal's WebSocket on the real site and engine: the upgrade passes the site's rules (the
 * token, this site's Origin, required), a second terminal of the same learner is a 429 in pt-BR,
 * the shell's {@code docker ps} shows the learner's own container, and the toolbox ends with the
 * server.
 */
class TerminalWebIT {
  private static final String TOKEN = "segredo-do-teste";

  @TempDir Path root;
  Engine engine;
  StepRunner runner;
  Javalin app;
  String cookie;
  dev.workbench.engine.Session session;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    TestEngines.require(root.resolve("data")).close();
    engine = new Engine(null, root.resolve("data"), Quotas.DEFAULT);
    runner = new StepRunner(engine, root);
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    app =
        WebApp.create(
                new WebConfig("127.0.0.1", 0, root.resolve("data"), root, TOKEN),
                new Course(List.of(), List.of()),
                engine,
                runner)
            .start();
    HttpResponse<String> issued =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/session"))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    cookie =
        issued.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(Learners.COOKIE + "="))
            .findFirst()
            .orElseThrow()
            .split(";", 2)[0];
    session =
        new dev.workbench.engine.Session(
            issued.body().replaceAll(".*\"session\":\"([a-z0-9]+)\".*", "$1"));
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
    engine.removeAll(session, null);
    runner.close();
    engine.close();
  }

  private String base() {
    return "http://127.0.0.1:" + app.port();
  }

  private CompletableFuture<WebSocket> open(Map<String, String> headers, Screen screen) {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    return builder.buildAsync(
        URI.create("ws://127.0.0.1:" + app.port() + "/api/terminal?cols=120&rows=30"), screen);
  }

  private Map<String, String> browser() {
    return Map.of("Origin", base(), "Cookie", cookie, "Authorization", "Bearer " + TOKEN);
  }

  private static int refusedWith(CompletableFuture<WebSocket> attempt) throws InterruptedException {
    try {
      attempt.get(20, TimeUnit.SECONDS);
      throw new AssertionError("the upgrade was accepted");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer to the upgrade", e);
    }
  }

  @Test
  void the_upgrade_needs_the_token_and_this_sites_own_origin() throws Exception {
    assertThat(refusedWith(open(Map.of("Origin", base(), "Cookie", cookie), new Screen())))
        .isEqualTo(401);
    assertThat(
            refusedWith(
                open(Map.of("Cookie", cookie, "Authorization", "Bearer " + TOKEN), new Screen())))
        .as("no Origin")
        .isEqualTo(403);
    assertThat(
            refusedWith(
                open(
                    Map.of(
                        "Origin",
                        "http://127.0.0.1:1",
                        "Cookie",
                        cookie,
                        "Authorization",
                        "Bearer " + TOKEN),
                    new Screen())))
        .as("another port of localhost")
        .isEqualTo(403);
    assertThat(
            refusedWith(
                open(
                    Map.of(
                        "Origin",
                        "https://evil.example",
                        "Cookie",
                        cookie,
                        "Authorization",
                        "Bearer " + TOKEN),
                    new Screen())))
        .isEqualTo(403);
    assertThat(engine.snapshot(session).containers())
        .as("nothing started for a refused upgrade")
        .isEmpty();
  }

  @Test
  void
      the_shell_lists_the_learners_container_a_second_terminal_is_429_and_the_toolbox_ends_with_the_server()
          throws Exception {
    engine.images().provide("workbench/debian:bookworm", OutputSink.NONE);
    Scope lesson = new Scope(session, "volumes");
    engine
        .containers()
        .create(
            lesson,
            new ContainerSpec(
                "efemero",
                "workbench/debian:bookworm",
                List.of("sleep", "120"),
                null,
                List.of(),
                null,
                null,
                null,
                null),
            Map.of());
    Screen screen = new Screen();
    WebSocket socket = open(browser(), screen).get(20, TimeUnit.SECONDS);
    screen.await("\"state\":\"ready\"", Duration.ofMinutes(5));

    socket
        .sendText(
            "{\"type\":\"input\",\"data\":\"docker ps -a --format '{{.Names}}'; echo fim-$((6*7))\\r\"}",
            true)
        .get();

    assertThat(screen.await("fim-42", Duration.ofSeconds(30))).contains(lesson.name("efemero"));
    HttpResponse<String> second =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/terminal"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Cookie", cookie)
                .header("Origin", base())
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refusedWith(open(browser(), new Screen()))).isEqualTo(429);

    app.stop();
    app = null;
    assertThat(engine.snapshot(session).containers())
        .extracting(c -> c.name())
        .as("the toolbox is removed with the server")
        .containsExactly("efemero");
    assertThat(second.statusCode())
        .as("a plain GET of the socket's address is no terminal")
        .isNotEqualTo(200);
  }

  /** What the terminal received: the shell's bytes and the site's status messages, as text. */
  static final class Screen implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      synchronized (this) {
        text.append(data);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      synchronized (this) {
        bytes.writeBytes(chunk);
      }
      socket.request(1);
      return null;
    }

    synchronized String all() {
      return text + bytes.toString(StandardCharsets.UTF_8);
    }

    String await(String marker, Duration within) throws InterruptedException {
      Instant deadline = Instant.now().plus(within);
      while (Instant.now().isBefore(deadline)) {
        String seen = all();
        if (seen.contains(marker)) {
          return seen;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("no " + marker + " in: " + all());
    }
  }
}
