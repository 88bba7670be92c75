package dev.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Step;
import dev.workbench.web.WebApp;
import dev.workbench.web.WebConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The site under load, measured through its real HTTP API on this machine: a lesson page against a
 * static file of the same server (50 clients at once, rounds alternated so both see the same
 * machine), and how long an output line takes from the container that printed it to an SSE client.
 */
final class SiteBench implements AutoCloseable {
  static final int CLIENTS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BENCH_LESSON = "bench-sse";

  /**
   * Prints its own clock ({@code date +%s%N}: the container shares the host's) a line at a time.
   */
  private static final List<String> CLOCK =
      List.of("sh", "-c", "for i in $(seq 20); do sleep 0.2; date +%s%N; done");

  private final Engine engine;
  private final Javalin app;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String site;
  private String cookie = "";
  private Session session;

  SiteBench(Engine engine, Path root, Path dataDir) {
    this.engine = engine;
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    this.token = HexFormat.of().formatHex(secret);
    Course course = Course.load(root.resolve("lessons"));
    List<Lesson> lessons = new ArrayList<>(course.lessons());
    lessons.add(clockLesson(root));
    this.app =
        WebApp.create(
                new WebConfig("127.0.0.1", 0, dataDir, root, token),
                new Course(lessons, course.problems()),
                engine,
                new StepRunner(engine, root))
            .start();
    this.site = "http://127.0.0.1:" + app.port();
  }

  /** Latencies and throughput of one kind of request under {@link #CLIENTS} clients. */
  record Load(List<Long> nanos, double perSecond) {
    double p99Millis() {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1))
          / 1e6;
    }

    static Load merge(List<Load> rounds) {
      List<Long> all = rounds.stream().flatMap(r -> r.nanos().stream()).toList();
      return new Load(all, rounds.stream().mapToDouble(Load::perSecond).average().orElse(0));
    }
  }

  /** A learner who ran a step, so a lesson page carries progress as a real one does. */
  void learnerWithProgress(String lessonId, String stepId) throws Exception {
    HttpResponse<String> first = send(get("/api/session"));
    cookie =
        first.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("wb_session="))
            .findFirst()
            .orElseThrow()
            .split(";", 2)[0];
    session = new Session(JSON.readTree(first.body()).path("session").asText());
    awaitRun(startRun(lessonId, stepId), line -> {});
  }

  Load load(String path, int requestsPerClient) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      long start = System.nanoTime();
      for (int c = 0; c < CLIENTS; c++) {
        results.add(
            clients.submit(
                () -> {
                  List<Long> nanos = new ArrayList<>(requestsPerClient);
                  for (int i = 0; i < requestsPerClient; i++) {
                    long t = System.nanoTime();
                    HttpResponse<byte[]> answer =
                        http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
                    if (answer.statusCode() != 200) {
                      throw new IllegalStateException(path + " answered " + answer.statusCode());
                    }
                    nanos.add(System.nanoTime() - t);
                  }
                  return nanos;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        all.addAll(result.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Load(all, all.size() / seconds);
    } finally {
      clients.shutdownNow();
    }
  }

  /** Milliseconds from each line the container printed to its arrival at an SSE client. */
  List<Double> sseDelays() throws Exception {
    List<Double> delays = Collections.synchronizedList(new ArrayList<>());
    awaitRun(
        startRun(BENCH_LESSON, "relogio"),
        text -> {
          if (text.matches("\\d{18,20}")) {
            Instant now = Instant.now();
            double nowNanos = now.getEpochSecond() * 1e9 + now.getNano();
            delays.add((nowNanos - Double.parseDouble(text)) / 1e6);
          }
        });
    return delays;
  }

  private String startRun(String lessonId, String stepId) throws Exception {
    HttpResponse<String> started =
        send(
            HttpRequest.newBuilder(
                    URI.create(site + "/api/lessons/" + lessonId + "/steps/" + stepId + "/runs"))
                .header("Authorization", "Bearer " + token)
                .header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    if (started.statusCode() != 202) {
      throw new IllegalStateException("the bench step did not start: " + started.body());
    }
    return JSON.readTree(started.body()).path("events").asText();
  }

  /** Follows a run's SSE stream to its end, handing each output line to {@code lines}. */
  private void awaitRun(String events, java.util.function.Consumer<String> lines) throws Exception {
    HttpResponse<Stream<String>> stream =
        http.send(
            HttpRequest.newBuilder(URI.create(site + events))
                .header("Authorization", "Bearer " + token)
                .header("Cookie", cookie)
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    String event = "";
    for (String line : (Iterable<String>) stream.body()::iterator) {
      if (line.startsWith("event:")) {
        event = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        JsonNode data = JSON.readTree(line.substring(5));
        if (event.equals("output")) {
          lines.accept(data.path("text").asText());
        } else if (event.equals("finished")) {
          if (!data.path("passed").asBoolean()) {
            throw new IllegalStateException(
                "the bench step failed: " + data.path("message").asText());
          }
          return;
        }
      }
    }
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(site + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Cookie", cookie)
        .GET()
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Lesson clockLesson(Path root) {
    Step clock =
        new Step(
            "relogio",
            "Relógio",
            "",
            Map.of(),
            new Action.RunContainer(
                new ContainerSpec(
                    "relogio", BenchCommand.IMAGE, CLOCK, null, null, null, null, null, null),
                false),
            List.of(new Check.ExitCode(0)),
            "",
            0);
    return new Lesson(
        BENCH_LESSON,
        "bench",
        99,
        "",
        root.resolve("lessons"),
        List.of(new Lesson.Block.StepBlock(clock)));
  }

  @Override
  public void close() {
    app.stop();
    if (session != null) {
      engine.removeAll(session, null);
    }
  }
}
