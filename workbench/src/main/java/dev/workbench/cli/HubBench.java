package dev.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.hub.ClassEvent;
import dev.workbench.hub.ClassHub;
import dev.workbench.hub.HubClient;
import dev.workbench.hub.HubUnreachable;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Step;
import dev.workbench.web.ClassMode;
import dev.workbench.web.WebApp;
import dev.workbench.web.WebConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A class of N learners against a real hub, through the hub's HTTP API only: each learner joins
 * with the code and gets its own token, then reports a step result every 5 to 15 seconds (a busy
 * class: most steps take a learner longer) and a heartbeat every 10, resending what was not
 * acknowledged as an outbox does. The instructor's view is the hub's live stream, read as the page
 * reads it; each event's delay is from the step's end (the event's time) to its arrival there.
 */
final class HubBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);

  private final int learners;
  private final Duration length;
  private final Path dataDir;
  private final Path root;

  HubBench(int learners, Duration length, Path dataDir, Path root) {
    this.learners = learners;
    this.length = length;
    this.dataDir = dataDir;
    this.root = root;
  }

  /** What the run measured. */
  record Result(
      int learners,
      int sent,
      int received,
      int duplicated,
      double p99Millis,
      double medianMillis) {}

  Result run() throws Exception {
    Files.createDirectories(dataDir);
    Course course = Course.load(root.resolve("lessons"));
    List<String[]> steps = new ArrayList<>();
    for (Lesson lesson : course.lessons()) {
      for (Step step : lesson.steps()) {
        steps.add(new String[] {lesson.id(), step.id()});
      }
    }
    String token = Session.random().id() + Session.random().id();
    ClassHub hub = ClassHub.open(dataDir.resolve("class"), "bench", course);
    try (Engine engine = new Engine(dataDir)) {
      Javalin app =
          WebApp.create(
                  new WebConfig("127.0.0.1", 0, dataDir, root, token),
                  course,
                  engine,
                  new StepRunner(engine, root),
                  ClassMode.hub(hub))
              .start();
      try {
        return measure(
            URI.create("http://127.0.0.1:" + app.port()), token, hub.info().code(), steps);
      } finally {
        app.stop();
      }
    }
  }

  private Result measure(URI base, String token, String code, List<String[]> steps)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    List<Double> delays = new CopyOnWriteArrayList<>();
    Thread view = instructorView(http, base, token, seen, delays);

    HubClient client = new HubClient(base, http);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < learners; i++) {
      tokens.add(join(client, code, "Aluno " + (i + 1)));
    }
    AtomicInteger sent = new AtomicInteger();
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(32);
    List<Learner> all = new ArrayList<>();
    Random random = new Random(42);
    Instant end = Instant.now().plus(length);
    for (String learnerToken : tokens) {
      Learner learner =
          new Learner(client, learnerToken, steps, new Random(random.nextLong()), sent, end);
      all.add(learner);
      pool.schedule(() -> learner.next(pool), 1 + random.nextInt(10_000), TimeUnit.MILLISECONDS);
      pool.scheduleAtFixedRate(
          learner::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }
    Thread.sleep(length.toMillis());
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    // what was not acknowledged goes again, as an outbox would send it after the hub came back
    Instant drain = Instant.now().plusSeconds(30);
    for (Learner learner : all) {
      while (!learner.flush() && Instant.now().isBefore(drain)) {
        Thread.sleep(200);
      }
    }
    Instant settle = Instant.now().plusSeconds(10);
    while (seen.size() < sent.get() && Instant.now().isBefore(settle)) {
      Thread.sleep(100);
    }
    Thread.sleep(500);
    view.interrupt();
    List<Double> sorted = new ArrayList<>(delays);
    Collections.sort(sorted);
    int duplicated = seen.values().stream().mapToInt(n -> n - 1).sum();
    return new Result(
        learners,
        sent.get(),
        seen.size(),
        duplicated,
        sorted.isEmpty()
            ? Double.NaN
            : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
        sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2));
  }

  /** Joins as a learner; a 429 from the join limit is waited out, as a person would try again. */
  private static String join(HubClient client, String code, String name)
      throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return client.join(code, name).token();
      } catch (HubUnreachable e) {
        if (attempt > 60) {
          throw e;
        }
        Thread.sleep(1_000);
      }
    }
  }

  /** The hub's live stream, as the instructor's page reads it: ids counted, delays taken. */
  private static Thread instructorView(
      HttpClient http, URI base, String token, Map<String, Integer> seen, List<Double> delays)
      throws InterruptedException {
    AtomicInteger ready = new AtomicInteger();
    Thread thread =
        new Thread(
            () -> {
              try {
                HttpResponse<Stream<String>> stream =
                    http.send(
                        HttpRequest.newBuilder(base.resolve("/api/class/live"))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "text/event-stream")
                            .build(),
                        HttpResponse.BodyHandlers.ofLines());
                String event = "";
                for (String line : (Iterable<String>) stream.body()::iterator) {
                  if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                    if (event.equals("hello")) {
                      ready.set(1);
                    }
                  } else if (line.startsWith("data:") && event.equals("change")) {
                    Instant now = Instant.now();
                    JsonNode change = JSON.readTree(line.substring(5));
                    JsonNode e = change.path("event");
                    if (change.path("kind").asText().equals("event") && e.hasNonNull("id")) {
                      seen.merge(e.path("id").asText(), 1, Integer::sum);
                      delays.add(
                          Duration.between(Instant.parse(e.path("time").asText()), now).toNanos()
                              / 1e6);
                    }
                  }
                  if (Thread.currentThread().isInterrupted()) {
                    return;
                  }
                }
              } catch (IOException | InterruptedException e) {
                // the bench is over
              }
            },
            "hub-bench-view");
    thread.setDaemon(true);
    thread.start();
    for (int i = 0; i < 100 && ready.get() == 0; i++) {
      Thread.sleep(50);
    }
    return thread;
  }

  /**
   * One simulated learner: its own token, its place in the course, what the hub has not
   * acknowledged.
   */
  private static final class Learner {
    private final HubClient client;
    private final String token;
    private final List<String[]> steps;
    private final Random random;
    private final AtomicInteger sent;
    private final Instant end;
    private final List<ClassEvent> unacknowledged = new ArrayList<>();
    private int at;

    Learner(
        HubClient client,
        String token,
        List<String[]> steps,
        Random random,
        AtomicInteger sent,
        Instant end) {
      this.client = client;
      this.token = token;
      this.steps = steps;
      this.random = random;
      this.sent = sent;
      this.end = end;
    }

    void next(ScheduledExecutorService pool) {
      if (Instant.now().isAfter(end)) {
        return;
      }
      String[] step = steps.get(at % steps.size());
      boolean passed = random.nextInt(4) != 0; // one run in four fails, and is run again
      at += passed ? 1 : 0;
      ClassEvent event =
          new ClassEvent(
              UUID.randomUUID().toString(),
              ClassEvent.STEP,
              step[0],
              step[1],
              passed,
              passed
                  ? List.of()
                  : List.of(
                      new ClassEvent.FailedCheck("contêiner app está running", "está ausente")),
              passed ? null : "! docker: Error response from daemon: No such container: app",
              800L + random.nextInt(3000),
              Instant.now().toString());
      synchronized (this) {
        unacknowledged.add(event);
        sent.incrementAndGet();
      }
      flush();
      if (!pool.isShutdown()) {
        pool.schedule(() -> next(pool), 5_000 + random.nextInt(10_000), TimeUnit.MILLISECONDS);
      }
    }

    void heartbeat() {
      synchronized (this) {
        if (!unacknowledged.isEmpty()) {
          return;
        }
      }
      try {
        client.post(token, List.of());
      } catch (RuntimeException e) {
        // the next one will do
      }
    }

    /** Sends what waits; true when nothing does any more. */
    synchronized boolean flush() {
      if (unacknowledged.isEmpty()) {
        return true;
      }
      try {
        client.post(token, List.copyOf(unacknowledged));
        unacknowledged.clear();
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
