package dev.workbench.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.progress.Sql;
import dev.workbench.step.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The instructor's side of a class: who joined, everything they sent, and what the instructor reads
 * from it. Kept in an embedded H2 file ({@code <dir>/hub.mv.db}) as the progress store is; what the
 * views need is rebuilt in memory from it on open, so a restarted hub shows what it showed before.
 * An event id the hub already holds is counted as a duplicate and dropped: that is what lets a
 * learner's outbox resend whatever it is not sure arrived.
 */
public final class ClassHub implements AutoCloseable {
  /**
   * A learner is online while their workbench was heard from this recently (heartbeats are 10 s
   * apart).
   */
  public static final Duration ONLINE = Duration.ofSeconds(35);

  /** Events kept in memory per learner for the timeline; all of them stay in the file. */
  static final int TIMELINE = 300;

  static final int NAME_CHARS = 60;

  static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The class itself: its name, the code that joins it, and when it began. */
  public record ClassInfo(String name, String code, Instant created) {}

  /** What a join hands back to the learner's workbench; the token is shown only this once. */
  public record Joined(String learnerId, String name, String token, String className) {}

  /** Where the presenter is: the lesson and step on the projector. */
  public record Presenter(String lesson, String step, Instant at) {}

  /** Something the instructor's live view should show now. */
  public record Change(
      String kind, String learnerId, String learnerName, ClassEvent event, Instant received) {}

  /** A step as one learner left it: passed (once, since the last reset), failing, and how. */
  record StepState(
      boolean passed, boolean failing, List<ClassEvent.FailedCheck> failedChecks, Instant at) {}

  private static final class Learner {
    final String id;
    final String name;
    final Instant joined;
    volatile Instant lastSeen;
    Instant lastActivity;
    String lesson;
    String step;
    final Map<String, Map<String, StepState>> lessons = new HashMap<>();
    final Deque<ClassEvent> timeline = new ArrayDeque<>();

    Learner(String id, String name, Instant joined) {
      this.id = id;
      this.name = name;
      this.joined = joined;
    }
  }

  private static final String STORE = "o registro da turma";

  private final JdbcConnectionPool pool;
  private final Course course;
  private final ClassInfo info;
  private final Map<String, Learner> learners = new LinkedHashMap<>();
  private final Map<String, Learner> byTokenHash = new HashMap<>();
  private final Set<String> eventIds = new HashSet<>();
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  private volatile Presenter presenter;
  private long received;
  private long duplicates;

  private ClassHub(JdbcConnectionPool pool, Course course, ClassInfo info) {
    this.pool = pool;
    this.course = course;
    this.info = info;
  }

  /**
   * Opens the class kept in {@code dir}, or starts one called {@code name} there. A data dir holds
   * one class: asking for another name there is refused rather than mixing two classes' events.
   */
  public static ClassHub open(Path dir, String name, Course course) {
    String clean = cleanName(name);
    if (clean == null) {
      throw new IllegalArgumentException(
          "o nome da turma deve ter de 1 a " + NAME_CHARS + " caracteres visíveis");
    }
    Path file = dir.toAbsolutePath().normalize().resolve("hub");
    JdbcConnectionPool pool = Sql.pool(file);
    try {
      update(
          pool,
          "CREATE TABLE IF NOT EXISTS class_info (k VARCHAR(40) PRIMARY KEY, v VARCHAR(200))");
      update(
          pool,
          "CREATE TABLE IF NOT EXISTS learner (id VARCHAR(16) PRIMARY KEY, name VARCHAR(100) NOT NULL,"
              + " token_hash VARCHAR(64) NOT NULL UNIQUE, joined TIMESTAMP WITH TIME ZONE NOT NULL)");
      update(
          pool,
          "CREATE TABLE IF NOT EXISTS class_event (seq BIGINT AUTO_INCREMENT, event_id VARCHAR(64) PRIMARY KEY,"
              + " learner_id VARCHAR(16) NOT NULL, body CLOB NOT NULL, received TIMESTAMP WITH TIME ZONE NOT NULL)");
      Map<String, String> stored = new HashMap<>();
      query(
          pool, "SELECT k, v FROM class_info", rs -> stored.put(rs.getString(1), rs.getString(2)));
      ClassInfo info;
      if (stored.containsKey("name")) {
        if (!stored.get("name").equals(clean)) {
          throw new IllegalArgumentException(
              "esta pasta de dados já guarda a turma “"
                  + stored.get("name")
                  + "”: para ela, use --class \""
                  + stored.get("name")
                  + "\"; para uma turma nova, outro --data-dir");
        }
        info = new ClassInfo(clean, stored.get("code"), Instant.parse(stored.get("created")));
      } else {
        info = new ClassInfo(clean, JoinCode.random(), Instant.now());
        update(
            pool,
            "INSERT INTO class_info (k, v) VALUES ('name', ?), ('code', ?), ('created', ?)",
            info.name(),
            info.code(),
            info.created().toString());
      }
      ClassHub hub = new ClassHub(pool, course, info);
      hub.load(stored);
      return hub;
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
  }

  private void load(Map<String, String> stored) {
    if (stored.containsKey("presenter_lesson")) {
      presenter =
          new Presenter(
              stored.get("presenter_lesson"),
              stored.get("presenter_step"),
              Instant.parse(stored.get("presenter_at")));
    }
    query(
        pool,
        "SELECT id, name, token_hash, joined FROM learner ORDER BY joined, id",
        rs -> {
          Learner learner =
              new Learner(rs.getString(1), rs.getString(2), rs.getTimestamp(4).toInstant());
          learners.put(learner.id, learner);
          byTokenHash.put(rs.getString(3), learner);
        });
    query(
        pool,
        "SELECT learner_id, body FROM class_event ORDER BY seq",
        rs -> {
          Learner learner = learners.get(rs.getString(1));
          ClassEvent event = read(rs.getString(2));
          eventIds.add(event.id());
          if (learner != null) {
            apply(learner, event);
          }
        });
    received = eventIds.size();
  }

  public ClassInfo info() {
    return info;
  }

  /**
   * Adds a learner when the code is this class's ({@link WrongCode} otherwise) and hands back their
   * token, kept here only as a hash.
   */
  public synchronized Joined join(String code, String name) {
    if (!MessageDigest.isEqual(
        JoinCode.normalize(code).getBytes(StandardCharsets.UTF_8),
        JoinCode.normalize(info.code()).getBytes(StandardCharsets.UTF_8))) {
      throw new WrongCode();
    }
    String clean = cleanName(name);
    if (clean == null) {
      throw new IllegalArgumentException(
          "Diga o seu nome (de 1 a " + NAME_CHARS + " caracteres) para entrar na turma.");
    }
    String id;
    do {
      byte[] bytes = new byte[4];
      RANDOM.nextBytes(bytes);
      id = HexFormat.of().formatHex(bytes);
    } while (learners.containsKey(id));
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "wbl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Learner learner = new Learner(id, clean, Instant.now());
    update(
        pool,
        "INSERT INTO learner (id, name, token_hash, joined) VALUES (?, ?, ?, ?)",
        id,
        clean,
        sha256(token),
        Timestamp.from(learner.joined));
    learners.put(id, learner);
    byTokenHash.put(sha256(token), learner);
    learner.lastSeen = learner.joined;
    tell(new Change("join", id, clean, null, learner.joined));
    return new Joined(id, clean, token, info.name());
  }

  /** The learner a token belongs to, if it is one this hub issued. */
  public synchronized Optional<String> learnerFor(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Learner learner = byTokenHash.get(sha256(token.strip()));
    return Optional.ofNullable(learner == null ? null : learner.id);
  }

  /** What one post did: events new to the hub, and ids it already had. */
  public record Receipt(int accepted, int duplicates) {}

  /**
   * Keeps the events of one learner's post that the hub does not have yet, all in one transaction;
   * a post is also that learner's heartbeat. Events must be valid ({@link ClassEvent#problem()}).
   */
  public Receipt receive(String learnerId, List<ClassEvent> events) {
    List<Change> changes = new ArrayList<>();
    int accepted = 0;
    int dropped = 0;
    synchronized (this) {
      Learner learner = learners.get(learnerId);
      if (learner == null) {
        throw new IllegalArgumentException("aluno desconhecido");
      }
      Instant now = Instant.now();
      learner.lastSeen = now;
      List<ClassEvent> fresh = new ArrayList<>();
      for (ClassEvent event : events) {
        if (eventIds.contains(event.id())
            || fresh.stream().anyMatch(e -> e.id().equals(event.id()))) {
          dropped++;
        } else {
          fresh.add(event);
        }
      }
      if (!fresh.isEmpty()) {
        store(learnerId, fresh, now);
        for (ClassEvent event : fresh) {
          eventIds.add(event.id());
          apply(learner, event);
          changes.add(new Change("event", learnerId, learner.name, event, now));
        }
      }
      accepted = fresh.size();
      received += accepted;
      duplicates += dropped;
      if (changes.isEmpty()) {
        changes.add(new Change("seen", learnerId, learner.name, null, now));
      }
    }
    changes.forEach(this::tell);
    return new Receipt(accepted, dropped);
  }

  private void store(String learnerId, List<ClassEvent> events, Instant now) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO class_event (event_id, learner_id, body, received) VALUES (?, ?, ?, ?)")) {
        for (ClassEvent event : events) {
          ps.setString(1, event.id());
          ps.setString(2, learnerId);
          ps.setString(3, write(event));
          ps.setTimestamp(4, Timestamp.from(now));
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("o registro da turma falhou: " + e.getMessage(), e);
    }
  }

  private static void apply(Learner learner, ClassEvent event) {
    learner.timeline.addLast(event);
    while (learner.timeline.size() > TIMELINE) {
      learner.timeline.pollFirst();
    }
    if (learner.lastActivity == null || event.instant().isAfter(learner.lastActivity)) {
      learner.lastActivity = event.instant();
    }
    if (ClassEvent.RESET.equals(event.kind())) {
      learner.lessons.remove(event.lesson());
      return;
    }
    learner.lesson = event.lesson();
    learner.step = event.step();
    Map<String, StepState> steps =
        learner.lessons.computeIfAbsent(event.lesson(), l -> new HashMap<>());
    StepState before = steps.get(event.step());
    boolean passed = event.passed() || (before != null && before.passed());
    steps.put(
        event.step(),
        new StepState(passed, !event.passed(), event.failedChecks(), event.instant()));
  }

  // ---- what the instructor reads ----

  /**
   * One learner as the roster shows them. {@code lessons} maps lesson → step →
   * passed/failed/not-run.
   */
  public record RosterRow(
      String id,
      String name,
      boolean online,
      String lastSeen,
      String lastActivity,
      String lesson,
      String step,
      Map<String, Integer> passed,
      Map<String, Map<String, String>> lessons) {}

  public synchronized List<RosterRow> roster() {
    Instant now = Instant.now();
    List<RosterRow> rows = new ArrayList<>();
    for (Learner learner : learners.values()) {
      Map<String, Integer> passed = new LinkedHashMap<>();
      Map<String, Map<String, String>> lessons = new LinkedHashMap<>();
      for (Lesson lesson : course.lessons()) {
        Map<String, StepState> states = learner.lessons.getOrDefault(lesson.id(), Map.of());
        Map<String, String> steps = new LinkedHashMap<>();
        int count = 0;
        for (Step step : lesson.steps()) {
          String status = status(states.get(step.id()));
          steps.put(step.id(), status);
          count += status.equals("passed") ? 1 : 0;
        }
        passed.put(lesson.id(), count);
        lessons.put(lesson.id(), steps);
      }
      rows.add(
          new RosterRow(
              learner.id,
              learner.name,
              online(learner, now),
              text(learner.lastSeen),
              text(learner.lastActivity),
              learner.lesson,
              learner.step,
              passed,
              lessons));
    }
    return rows;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** passed (once since the last reset), failed (its last run, never passed), or not-run. */
  static String status(StepState state) {
    if (state == null) {
      return "not-run";
    }
    return state.passed() ? "passed" : state.failing() ? "failed" : "not-run";
  }

  private static boolean online(Learner learner, Instant now) {
    return learner.lastSeen != null
        && Duration.between(learner.lastSeen, now).compareTo(ONLINE) <= 0;
  }

  /**
   * A step across the class: how many passed it, are failing it (failed and never passed), have not
   * got there, and the failing check most of the failing share, with what the engine showed them.
   */
  public record StuckStep(
      String lesson,
      String step,
      String title,
      int passed,
      int failing,
      int notRun,
      String topCheck,
      String topDetail,
      int topCount) {}

  public synchronized List<StuckStep> stuckMap() {
    List<StuckStep> map = new ArrayList<>();
    for (Lesson lesson : course.lessons()) {
      for (Step step : lesson.steps()) {
        int passed = 0;
        int failing = 0;
        Map<ClassEvent.FailedCheck, Integer> checks = new HashMap<>();
        for (Learner learner : learners.values()) {
          StepState state = learner.lessons.getOrDefault(lesson.id(), Map.of()).get(step.id());
          String status = status(state);
          if (status.equals("passed")) {
            passed++;
          } else if (status.equals("failed")) {
            failing++;
            // one vote per learner and check, however many checks of the same kind failed
            state.failedChecks().stream().distinct().forEach(c -> checks.merge(c, 1, Integer::sum));
          }
        }
        Optional<Map.Entry<ClassEvent.FailedCheck, Integer>> top =
            checks.entrySet().stream()
                .max(
                    Comparator.<Map.Entry<ClassEvent.FailedCheck, Integer>>comparingInt(
                            Map.Entry::getValue)
                        .thenComparing(e -> e.getKey().description(), Comparator.reverseOrder()));
        map.add(
            new StuckStep(
                lesson.id(),
                step.id(),
                step.title(),
                passed,
                failing,
                learners.size() - passed - failing,
                top.map(e -> e.getKey().description()).orElse(null),
                top.map(e -> e.getKey().detail()).orElse(null),
                top.map(Map.Entry::getValue).orElse(0)));
      }
    }
    return map;
  }

  /** A learner's events, oldest first, failed steps with their output; empty for an unknown id. */
  public synchronized Optional<Timeline> timeline(String learnerId) {
    Learner learner = learners.get(learnerId);
    return learner == null
        ? Optional.empty()
        : Optional.of(new Timeline(learner.id, learner.name, List.copyOf(learner.timeline)));
  }

  public record Timeline(String id, String name, List<ClassEvent> events) {}

  /** Events kept and resends dropped since the class began (resends only since this start). */
  public synchronized Map<String, Long> counts() {
    return Map.of("learners", (long) learners.size(), "events", received, "duplicates", duplicates);
  }

  /**
   * The class's progress as CSV, one row per learner and step they touched; a value that a
   * spreadsheet would take for a formula is quoted with a leading apostrophe.
   */
  public synchronized String csv() {
    StringBuilder out =
        new StringBuilder(
            "aluno,licao,passo,situacao,conferencia_falhando,o_engine_mostrou,quando\r\n");
    for (Learner learner : learners.values()) {
      for (Lesson lesson : course.lessons()) {
        Map<String, StepState> states = learner.lessons.getOrDefault(lesson.id(), Map.of());
        for (Step step : lesson.steps()) {
          StepState state = states.get(step.id());
          String status = status(state);
          boolean failing = status.equals("failed") && !state.failedChecks().isEmpty();
          out.append(
                  String.join(
                      ",",
                      cell(learner.name),
                      cell(lesson.id()),
                      cell(step.id()),
                      cell(status),
                      cell(failing ? state.failedChecks().get(0).description() : ""),
                      cell(failing ? state.failedChecks().get(0).detail() : ""),
                      cell(state == null ? "" : state.at().toString())))
              .append("\r\n");
        }
      }
    }
    return out.toString();
  }

  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  // ---- the presenter ----

  public Optional<Presenter> presenter() {
    return Optional.ofNullable(presenter);
  }

  /** Moves the projector to a step of the course; an unknown lesson or step is refused. */
  public void present(String lessonId, String stepId) {
    Lesson lesson =
        course
            .find(lessonId)
            .orElseThrow(() -> new IllegalArgumentException("lição desconhecida: " + lessonId));
    if (stepId != null && lesson.step(stepId).isEmpty()) {
      throw new IllegalArgumentException("a lição " + lessonId + " não tem o passo " + stepId);
    }
    Presenter now = new Presenter(lesson.id(), stepId, Instant.now());
    synchronized (this) {
      update(
          pool,
          "MERGE INTO class_info (k, v) KEY (k) VALUES ('presenter_lesson', ?), ('presenter_step', ?),"
              + " ('presenter_at', ?)",
          now.lesson(),
          now.step(),
          now.at().toString());
      presenter = now;
    }
    tell(new Change("presenter", null, null, null, now.at()));
  }

  // ---- live ----

  public void subscribe(Consumer<Change> listener) {
    listeners.add(listener);
  }

  public void unsubscribe(Consumer<Change> listener) {
    listeners.remove(listener);
  }

  private void tell(Change change) {
    for (Consumer<Change> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        listeners.remove(listener); // a view that broke stops listening; the others go on
      }
    }
  }

  @Override
  public void close() {
    pool.dispose();
  }

  // ---- helpers ----

  /**
   * A name shown to the instructor: trimmed, no control characters, at most {@link #NAME_CHARS}.
   */
  static String cleanName(String name) {
    if (name == null) {
      return null;
    }
    String clean = name.replaceAll("\\p{C}", "").strip().replaceAll("\\s+", " ");
    return clean.isEmpty() || clean.codePointCount(0, clean.length()) > NAME_CHARS ? null : clean;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ClassEvent read(String body) {
    try {
      return JSON.readValue(body, ClassEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("evento guardado ilegível: " + e.getMessage(), e);
    }
  }

  private static void query(
      JdbcConnectionPool pool, String sql, Sql.RowReader reader, Object... args) {
    new Sql(pool, STORE).query(sql, reader, args);
  }

  static void update(JdbcConnectionPool pool, String sql, Object... args) {
    new Sql(pool, STORE).update(sql, args);
  }
}
