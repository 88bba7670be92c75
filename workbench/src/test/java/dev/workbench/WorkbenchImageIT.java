package dev.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top-level Dockerfile, as an instructor uses it: {@code docker build}, then {@code docker run}
 * with the engine's socket and the data dir mounted, a published port and a token. Off loopback the
 * site answers only with the token.
 */
class WorkbenchImageIT {
  private static final String TOKEN = "token-do-teste-" + Session.random().id();
  private static final String SUFFIX = Session.random().id();
  private static final String IMAGE = "workbench-image-it:" + SUFFIX;
  private static final String CONTAINER = "workbench-image-it-" + SUFFIX;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  @TempDir static Path dataDir;
  static Path root;
  static int port;

  @BeforeAll
  static void buildAndRun() throws Exception {
    root = TestEngines.projectRoot();
    for (String artifact :
        List.of(
            "workbench/target/workbench.jar",
            "classifier/target/classifier.jar",
            "classifier/target/model/produtos.model")) {
      assertThat(root.resolve(artifact))
          .as("the image copies %s: run mvn package first", artifact)
          .isRegularFile();
    }
    try (Engine engine = TestEngines.require(dataDir)) {
      engine.images().provide("workbench/jdk:17", OutputSink.NONE);
    }
    docker(Duration.ofMinutes(20), "build", "-t", IMAGE, ".");
    // the data dir at the same path on both sides: the host's engine resolves bind mounts
    String data = dataDir.toAbsolutePath().toString();
    docker(
        Duration.ofMinutes(1),
        "run",
        "-d",
        "--name",
        CONTAINER,
        "--label",
        "workbench.test=image",
        "-v",
        "/var/run/docker.sock:/var/run/docker.sock",
        "-v",
        data + ":" + data,
        "-p",
        "127.0.0.1::7070",
        "-e",
        "WORKBENCH_TOKEN=" + TOKEN,
        IMAGE,
        "serve",
        "--host",
        "0.0.0.0",
        "--port",
        "7070",
        "--data-dir",
        data);
    String published =
        docker(Duration.ofSeconds(30), "port", CONTAINER, "7070")
            .strip()
            .lines()
            .findFirst()
            .orElseThrow();
    port = Integer.parseInt(published.substring(published.lastIndexOf(':') + 1));
  }

  @AfterAll
  static void removeContainerAndImage() throws Exception {
    dockerQuietly("rm", "-f", CONTAINER);
    dockerQuietly("rmi", IMAGE);
  }

  @Test
  void the_site_answers_with_the_token_and_refuses_without_it() throws Exception {
    HttpResponse<String> withToken = awaitAnswer("/?token=" + TOKEN);
    // the token is exchanged for a cookie and the address bar is cleaned with a redirect
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(302);
    assertThat(withToken.headers().firstValue("Location")).hasValue("/");
    String cookie =
        withToken.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("wb_token="))
            .findFirst()
            .orElseThrow()
            .split(";", 2)[0];
    HttpResponse<String> withCookie = get("/", null, cookie);
    assertThat(withCookie.statusCode()).as(withCookie.body()).isEqualTo(200);
    HttpResponse<String> bearer = get("/", "Bearer " + TOKEN);
    assertThat(bearer.statusCode()).isEqualTo(200);

    HttpResponse<String> without = get("/", null);
    assertThat(without.statusCode()).isEqualTo(401);
    assertThat(without.body()).contains("token");
  }

  @Test
  void inside_the_image_it_reaches_the_host_engine_through_the_socket() throws Exception {
    awaitAnswer("/?token=" + TOKEN);
    String logs = docker(Duration.ofSeconds(30), "logs", CONTAINER);
    for (int i = 0;
        i < 40 && !logs.contains("?token=");
        i++) { // the banner follows the server's start
      Thread.sleep(250);
      logs = docker(Duration.ofSeconds(30), "logs", CONTAINER);
    }
    assertThat(logs)
        .contains("Workbench em http://")
        .contains("?token=" + TOKEN)
        .doesNotContain(EngineUnavailableText.TEXT);
  }

  /** What serve prints when it cannot reach an engine. */
  private static final class EngineUnavailableText {
    static final String TEXT = "O Docker Engine não respondeu";
  }

  private static HttpResponse<String> awaitAnswer(String path) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        return get(path, null);
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "the workbench in the container did not answer in 60 s:\n"
                  + docker(Duration.ofSeconds(30), "logs", CONTAINER),
              e);
        }
        Thread.sleep(500);
      }
    }
  }

  private static HttpResponse<String> get(String path, String authorization)
      throws IOException, InterruptedException {
    return get(path, authorization, null);
  }

  private static HttpResponse<String> get(String path, String authorization, String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "text/html");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The docker CLI in the project root, as the README tells instructors to type it. */
  private static String docker(Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("workbench-image-it", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(ended && process.exitValue() == 0)
          .as("%s%n%s", String.join(" ", command), output)
          .isTrue();
      return output;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void dockerQuietly(String... args) throws InterruptedException {
    try {
      docker(Duration.ofMinutes(1), args);
    } catch (IOException | AssertionError e) {
      // already gone
    }
  }
}
