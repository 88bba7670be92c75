package dev.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Quotas;
import dev.workbench.engine.Session;
import dev.workbench.labs.LabSettings;
import dev.workbench.labs.Labs;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Step;
import dev.workbench.web.WebApp;
import dev.workbench.web.WebConfig;
import io.javalin.Javalin;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bench --learners N}: a class on this machine. N simulated learners, each with a lab of
 * their own ({@code serve --labs}), go through the volumes lesson at once through the real HTTP
 * API, after one learner went through it alone (the reference). Prints what the issue asks: steps
 * passed and failed, cross-talk (a container in a lab, or on this machine's engine, that is not its
 * learner's), the labs' start time, step p99 under load against alone, and memory per lab.
 */
final class LabsBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LESSON = "volumes";

  private final int learners;
  private final Path root;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private String base;

  LabsBench(int learners, Path root) {
    this.learners = learners;
    this.root = root;
  }

  int run() throws Exception {
    Path data = Files.createTempDirectory(Path.of("/tmp"), "wbbench");
    Course course = Course.load(root.resolve("lessons"));
    Lesson lesson =
        course.lessons().stream().filter(l -> l.id().equals(LESSON)).findFirst().orElseThrow();
    Quotas quotas =
        new Quotas(
            Quotas.DEFAULT.containers(),
            Quotas.DEFAULT.images(),
            Quotas.DEFAULT.volumes(),
            Quotas.DEFAULT.networks(),
            Quotas.DEFAULT.runs(),
            Math.max(Quotas.DEFAULT.totalRuns(), learners + 1));
    LabSettings settings = LabSettings.DEFAULT.withCapacity(learners + 1).withQuotas(quotas);
    try (Engine host = new Engine(null, data, quotas)) {
      if (!host.available()) {
        throw new EngineUnavailable(host.host().toString(), null);
      }
      for (String image :
          List.of("workbench/debian:bookworm", "workbench/registry", "workbench/dockerd")) {
        host.images().provide(image, OutputSink.NONE);
      }
      AtomicReference<StepRunner> runnerRef = new AtomicReference<>();
      Labs labs = new Labs(host, settings, root, e -> runnerRef.get().forget(e));
      StepRunner runner = new StepRunner(host, labs, root);
      runnerRef.set(runner);
      Javalin app = null;
      try {
        labs.open(OutputSink.NONE);
        labs.awaitSeeded(Duration.ofMinutes(20)); // the copy of the bases would slow the first labs
        app =
            WebApp.create(
                    new WebConfig("127.0.0.1", 0, data, root, null), course, host, runner, labs)
                .start();
        base = "http://127.0.0.1:" + app.port();

        // the reference: one learner, alone on the machine
        Learner alone = new Learner(session());
        alone.waitForLab();
        alone.runLesson(lesson);

        List<Learner> group = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
          group.add(new Learner(session()));
        }
        long groupStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(learners);
        List<Future<?>> done = new ArrayList<>();
        for (Learner learner : group) {
          done.add(
              pool.submit(
                  () -> {
                    learner.waitForLab();
                    learner.runLesson(lesson);
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double groupSeconds = (System.nanoTime() - groupStart) / 1e9;

        int passed = 0;
        int failed = 0;
        List<Long> loaded = new ArrayList<>();
        List<Long> memory = new ArrayList<>();
        int crossTalk = 0;
        List<String> failures = new ArrayList<>();
        for (Learner learner : group) {
          passed += learner.passed;
          failed += learner.failed;
          failures.addAll(learner.failures);
          loaded.addAll(learner.stepNanos);
          labs.memoryBytes(learner.session).ifPresent(memory::add);
          Engine lab = labs.running(learner.session).orElse(null);
          List<String> names = lab == null ? List.of() : dockerPs(lab.host().toString());
          crossTalk +=
              (int)
                  names.stream()
                      .filter(n -> !n.startsWith("wb-" + learner.session.id() + "-"))
                      .count();
        }
        // nothing of any learner may be on this machine's own engine
        List<String> onHost = dockerPs(null);
        for (Learner learner : group) {
          crossTalk +=
              (int)
                  onHost.stream()
                      .filter(n -> n.startsWith("wb-" + learner.session.id() + "-"))
                      .count();
        }
        List<Double> starts =
            labs.startTimes().stream().map(d -> d.toMillis() / 1000.0).sorted().toList();
        List<Double> waits = group.stream().map(l -> l.labWaitSeconds).sorted().toList();
        double p99Load = percentile(loaded, 0.99) / 1e6;
        double p99Alone = percentile(alone.stepNanos, 0.99) / 1e6;
        System.out.printf("learners: %d%n", learners);
        System.out.printf("steps: %d passed, %d failed%n", passed, failed);
        System.out.printf("cross-talk: %d%n", crossTalk);
        System.out.printf(
            "lab start: median %.1f s (dockerd pronto; p90 %.1f s; %d ligando por vez)%n",
            starts.get(starts.size() / 2),
            starts.get((int) Math.min(starts.size() - 1, Math.ceil(starts.size() * 0.9) - 1)),
            settings.spawnLimit());
        System.out.printf(
            "lab wait: median %.1f s, max %.1f s (do pedido ao laboratório pronto, fila incluída)%n",
            waits.get(waits.size() / 2), waits.get(waits.size() - 1));
        System.out.printf(
            "step p99 under load / alone: %.1f (%.0f ms / %.0f ms)%n",
            p99Load / p99Alone, p99Load, p99Alone);
        System.out.printf(
            "throughput: %.2f steps/s (%d passos em %.0f s, da turma pedindo os laboratórios ao"
                + " último passo)%n",
            (passed + failed) / groupSeconds, passed + failed, groupSeconds);
        System.out.printf(
            "memory per lab: %d MB (mediana depois da lição; máximo %d MB)%n",
            median(memory) >> 20, (memory.isEmpty() ? 0 : Collections.max(memory)) >> 20);
        failures.stream().limit(5).forEach(f -> System.out.println("falhou: " + f));
        return failed == 0 && crossTalk == 0 ? 0 : 1;
      } finally {
        if (app != null) {
          app.stop();
        }
        runner.close();
        labs.close();
        deleteQuietly(data);
      }
    }
  }

  private Session session() throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/session")).build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .map(c -> c.split(";", 2)[0])
            .filter(c -> c.contains("="))
            .findFirst()
            .orElseThrow();
    Session session = new Session(JSON.readTree(r.body()).path("session").asText());
    COOKIES.put(session, cookie);
    return session;
  }

  private static final java.util.Map<Session, String> COOKIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final class Learner {
    final Session session;
    int passed;
    int failed;
    double labWaitSeconds;
    String labFailure = "";
    final List<Long> stepNanos = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    Learner(Session session) {
      this.session = session;
    }

    void waitForLab() throws Exception {
      long start = System.nanoTime();
      send("POST", "/api/lab", "{}");
      while (true) {
        JsonNode status = JSON.readTree(send("GET", "/api/lab", null));
        String state = status.path("state").asText();
        if (state.equals("READY")) {
          break;
        }
        if (state.equals("FAILED")) {
          labFailure = status.path("message").asText(); // its steps fail, and say why
          break;
        }
        Thread.sleep(250);
      }
      labWaitSeconds = (System.nanoTime() - start) / 1e9;
    }

    void runLesson(Lesson lesson) throws Exception {
      for (Step step : lesson.steps()) {
        long start = System.nanoTime();
        String started =
            send("POST", "/api/lessons/" + LESSON + "/steps/" + step.id() + "/runs", "{}");
        String runId = JSON.readTree(started).path("runId").asText();
        String events =
            runId.isEmpty() ? started : send("GET", "/api/runs/" + runId + "/events", null);
        stepNanos.add(System.nanoTime() - start);
        if (events.contains("\"passed\":true")) {
          passed++;
        } else {
          failed++;
          failures.add(
              session.id()
                  + " "
                  + step.id()
                  + ": "
                  + events.substring(Math.max(0, events.length() - 300)).replace('\n', ' '));
        }
      }
    }

    private String send(String method, String path, String body)
        throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Cookie", COOKIES.get(session))
              .header("Accept", path.endsWith("/events") ? "text/event-stream" : "application/json")
              .timeout(Duration.ofMinutes(15));
      if (body != null) {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
          .body();
    }
  }

  /** Every container's name in an engine ({@code docker ps -a}); null is this machine's. */
  private static List<String> dockerPs(String host) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    if (host != null) {
      command.addAll(List.of("-H", host));
    }
    command.addAll(List.of("ps", "-a", "--format", "{{.Names}}"));
    Process ps = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (ps.waitFor() != 0) {
      throw new IllegalStateException("docker ps -a falhou: " + out.strip());
    }
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  private static double percentile(List<Long> values, double p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
  }

  private static long median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // a temp folder left in /tmp
    }
  }
}
