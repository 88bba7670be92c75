package dev.workbench.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Session;
import dev.workbench.run.StepResult;
import dev.workbench.run.StepResult.CheckResult;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Learner progress in an embedded H2 file ({@code <dir>/progress.mv.db}), plain JDBC. One row per
 * (session, lesson, step): the last run wins. Opening the store marks runs a killed server left
 * RUNNING as FAILED, since nothing will ever finish them.
 */
public final class ProgressStore implements AutoCloseable {
  /** Output kept per step: the tail, which is where the error usually is. */
  public static final int OUTPUT_CAP = 64 * 1024;

  public static final String INTERRUPTED =
      "interrompido: o workbench parou antes de o passo terminar";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<CheckResult>> CHECKS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};
  private static final TypeReference<List<OutputLine>> LINES = new TypeReference<>() {};

  private final JdbcConnectionPool pool;

  /**
   * Told after each step result and lesson reset is recorded: the one seam through which something
   * outside the site (the class hub's outbox) learns what the learner did, so no route has to
   * remember to tell it.
   */
  public interface Listener {
    void finished(
        Session session,
        String lessonId,
        String stepId,
        StepResult result,
        List<OutputLine> transcript);

    void reset(Session session, String lessonId);
  }

  private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Every write goes through this store, so what it read last is what the file holds: pages read
   * the learner's progress on every request, and the file is asked only after a change.
   */
  private final Map<LessonKey, Map<String, StepProgress>> lessons = new ConcurrentHashMap<>();

  private final Map<String, Map<String, Integer>> passed = new ConcurrentHashMap<>();

  private final Map<LessonKey, Map<String, Answer>> answers = new ConcurrentHashMap<>();

  private record LessonKey(String session, String lesson) {}

  private ProgressStore(JdbcConnectionPool pool) {
    this.pool = pool;
  }

  /** Opens (creating when missing) the store in {@code dir}. */
  public static ProgressStore open(Path dir) {
    Path file = dir.toAbsolutePath().normalize().resolve("progress");
    ProgressStore store = new ProgressStore(Sql.pool(file));
    store.update(
        "CREATE TABLE IF NOT EXISTS step_progress ("
            + " session_id VARCHAR(32) NOT NULL, lesson_id VARCHAR(100) NOT NULL, step_id VARCHAR(100) NOT NULL,"
            + " status VARCHAR(10) NOT NULL, output CLOB, checks CLOB, message VARCHAR(4000), params CLOB,"
            + " updated TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (session_id, lesson_id, step_id))");
    // sessions the site issued: the cookie's secret is kept only as a hash, beside the short name
    // it gave the learner's engine resources (unique, so two secrets never share one)
    store.update(
        "CREATE TABLE IF NOT EXISTS issued_session ("
            + " secret_hash VARCHAR(64) PRIMARY KEY, session_id VARCHAR(32) NOT NULL UNIQUE,"
            + " issued TIMESTAMP WITH TIME ZONE NOT NULL)");
    // a step once passed stays done while a rerun fails; stores made before this column get it
    store.update(
        "ALTER TABLE step_progress ADD COLUMN IF NOT EXISTS passed_once BOOLEAN DEFAULT FALSE NOT NULL");
    store.update("UPDATE step_progress SET passed_once = TRUE WHERE status = 'PASSED'");
    store.update(
        "UPDATE step_progress SET status = 'FAILED', message = ? WHERE status = 'RUNNING'",
        INTERRUPTED);
    // quizzes answered and exercises predicted: the latest answer wins, like a step's latest run
    store.update(
        "CREATE TABLE IF NOT EXISTS question_answer ("
            + " session_id VARCHAR(32) NOT NULL, lesson_id VARCHAR(100) NOT NULL, question_id VARCHAR(100) NOT NULL,"
            + " choice INT NOT NULL, is_right BOOLEAN NOT NULL, updated TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " PRIMARY KEY (session_id, lesson_id, question_id))");
    return store;
  }

  /** Records that a run began: the previous output and checks no longer describe the step. */
  public void started(Session session, String lessonId, String stepId, Map<String, String> params) {
    upsert(session, lessonId, stepId, StepStatus.RUNNING, List.of(), List.of(), "", params);
  }

  /** Records how a run ended; {@code transcript} is what the learner saw, capped to its tail. */
  public void finished(
      Session session,
      String lessonId,
      String stepId,
      StepResult result,
      List<OutputLine> transcript,
      Map<String, String> params) {
    StepStatus status = result.passed() ? StepStatus.PASSED : StepStatus.FAILED;
    upsert(
        session,
        lessonId,
        stepId,
        status,
        tail(transcript),
        result.checks(),
        result.message(),
        params);
    if (result.passed()) {
      update(
          "UPDATE step_progress SET passed_once = TRUE"
              + " WHERE session_id = ? AND lesson_id = ? AND step_id = ?",
          session.id(),
          lessonId,
          stepId);
      forget(session, lessonId);
    }
    for (Listener listener : listeners) {
      listener.finished(
          session, lessonId, stepId, result, transcript == null ? List.of() : transcript);
    }
  }

  /** Adds a listener told of every recorded step result and reset, after the store has it. */
  public void listen(Listener listener) {
    listeners.add(listener);
  }

  /** The learner's progress on each step of a lesson they touched, by step id. */
  public Map<String, StepProgress> lesson(Session session, String lessonId) {
    return lessons.computeIfAbsent(
        new LessonKey(session.id(), lessonId), key -> readLesson(session, lessonId));
  }

  private Map<String, StepProgress> readLesson(Session session, String lessonId) {
    Map<String, StepProgress> steps = new LinkedHashMap<>();
    query(
        "SELECT step_id, status, output, checks, message, params, updated, passed_once FROM step_progress"
            + " WHERE session_id = ? AND lesson_id = ? ORDER BY step_id",
        rs -> {
          StepProgress p = read(rs);
          steps.put(p.stepId(), p);
        },
        session.id(),
        lessonId);
    return Collections.unmodifiableMap(steps);
  }

  /** How many steps the learner passed, by lesson id. */
  public Map<String, Integer> passedByLesson(Session session) {
    return passed.computeIfAbsent(session.id(), id -> readPassed(session));
  }

  private Map<String, Integer> readPassed(Session session) {
    Map<String, Integer> passed = new HashMap<>();
    query(
        "SELECT lesson_id, COUNT(*) FROM step_progress WHERE session_id = ?"
            + " AND (status = 'PASSED' OR passed_once) GROUP BY lesson_id",
        rs -> passed.put(rs.getString(1), rs.getInt(2)),
        session.id());
    return Collections.unmodifiableMap(passed);
  }

  /** The session issued for a cookie secret's hash, if the site issued one. */
  public Optional<Session> issuedSession(String secretHash) {
    List<Session> found = new ArrayList<>(1);
    query(
        "SELECT session_id FROM issued_session WHERE secret_hash = ?",
        rs -> found.add(new Session(rs.getString(1))),
        secretHash);
    return found.stream().findFirst();
  }

  /**
   * Records a newly issued session; false when its id is already another secret's (the caller
   * derives another id and tries again).
   */
  public boolean recordIssuedSession(String secretHash, Session session) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            prepare(
                c,
                "INSERT INTO issued_session (secret_hash, session_id, issued) VALUES (?, ?, ?)",
                secretHash,
                session.id(),
                Timestamp.from(Instant.now()))) {
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
        return false;
      }
      throw new IllegalStateException("o registro de sessões falhou: " + e.getMessage(), e);
    }
  }

  /**
   * Records a quiz's answer or an exercise's prediction; the caller (which knows the lesson) says
   * whether it is right.
   */
  public Answer answered(
      Session session, String lessonId, String questionId, int choice, boolean right) {
    Instant now = Instant.now();
    update(
        "MERGE INTO question_answer (session_id, lesson_id, question_id, choice, is_right, updated)"
            + " KEY (session_id, lesson_id, question_id) VALUES (?, ?, ?, ?, ?, ?)",
        session.id(),
        lessonId,
        questionId,
        choice,
        right,
        Timestamp.from(now));
    forget(session, lessonId);
    return new Answer(questionId, choice, right, now);
  }

  /** The learner's latest answer to each quiz and exercise of a lesson they answered, by id. */
  public Map<String, Answer> answers(Session session, String lessonId) {
    return answers.computeIfAbsent(
        new LessonKey(session.id(), lessonId),
        key -> {
          Map<String, Answer> read = new LinkedHashMap<>();
          query(
              "SELECT question_id, choice, is_right, updated FROM question_answer"
                  + " WHERE session_id = ? AND lesson_id = ? ORDER BY question_id",
              rs ->
                  read.put(
                      rs.getString(1),
                      new Answer(
                          rs.getString(1),
                          rs.getInt(2),
                          rs.getBoolean(3),
                          rs.getTimestamp(4).toInstant())),
              session.id(),
              lessonId);
          return Collections.unmodifiableMap(read);
        });
  }

  /** Forgets the learner's progress on a lesson (the lesson's reset): runs and answers. */
  public void resetLesson(Session session, String lessonId) {
    update(
        "DELETE FROM step_progress WHERE session_id = ? AND lesson_id = ?", session.id(), lessonId);
    update(
        "DELETE FROM question_answer WHERE session_id = ? AND lesson_id = ?",
        session.id(),
        lessonId);
    forget(session, lessonId);
    for (Listener listener : listeners) {
      listener.reset(session, lessonId);
    }
  }

  /**
   * Drops what the caches hold after a write. Removing waits for a read of the same key that is
   * under way (ConcurrentHashMap locks the key while computing it), so a read that began before the
   * write never leaves its older answer behind.
   */
  private void forget(Session session, String lessonId) {
    lessons.remove(new LessonKey(session.id(), lessonId));
    answers.remove(new LessonKey(session.id(), lessonId));
    passed.remove(session.id());
  }

  @Override
  public void close() {
    pool.dispose();
  }

  /**
   * The last lines whose text fits in {@link #OUTPUT_CAP}, after a note that earlier ones were cut.
   */
  static List<OutputLine> tail(List<OutputLine> lines) {
    if (lines == null) {
      return List.of();
    }
    int size = 0;
    int from = lines.size();
    while (from > 0 && size + lines.get(from - 1).text().length() + 1 <= OUTPUT_CAP) {
      from--;
      size += lines.get(from).text().length() + 1;
    }
    if (from == 0) {
      return List.copyOf(lines);
    }
    List<OutputLine> kept = new ArrayList<>(lines.size() - from + 1);
    kept.add(new OutputLine("info", "[…]"));
    kept.addAll(lines.subList(from, lines.size()));
    return kept;
  }

  /**
   * The stored output: a JSON list of lines. A row written before the stream was data holds text
   * with prefixes ("» " a note, "! " an error); read as the page then read it, for those rows only.
   */
  static List<OutputLine> outputOf(String stored) {
    if (stored == null || stored.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(stored, LINES);
    } catch (JsonProcessingException oldRow) {
      List<OutputLine> lines = new ArrayList<>();
      for (String line : stored.split("\n")) {
        lines.add(
            line.startsWith("» ")
                ? new OutputLine("info", line.substring(2))
                : line.startsWith("! ")
                    ? new OutputLine("err", line.substring(2))
                    : OutputLine.out(line));
      }
      return lines;
    }
  }

  private void upsert(
      Session session,
      String lessonId,
      String stepId,
      StepStatus status,
      List<OutputLine> output,
      List<CheckResult> checks,
      String message,
      Map<String, String> params) {
    update(
        "MERGE INTO step_progress (session_id, lesson_id, step_id, status, output, checks, message, params, updated)"
            + " KEY (session_id, lesson_id, step_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        session.id(),
        lessonId,
        stepId,
        status.name(),
        toJson(output),
        toJson(checks),
        message,
        toJson(params == null ? Map.of() : params),
        Timestamp.from(Instant.now()));
    forget(session, lessonId);
  }

  private static StepProgress read(ResultSet rs) throws SQLException {
    Timestamp updated = rs.getTimestamp("updated");
    return new StepProgress(
        rs.getString("step_id"),
        StepStatus.valueOf(rs.getString("status")),
        outputOf(rs.getString("output")),
        fromJson(rs.getString("checks"), CHECKS),
        rs.getString("message"),
        fromJson(rs.getString("params"), PARAMS),
        updated == null ? null : updated.toInstant(),
        rs.getBoolean("passed_once"));
  }

  private void query(String sql, Sql.RowReader reader, Object... args) {
    new Sql(pool, "o registro de progresso").query(sql, reader, args);
  }

  private void update(String sql, Object... args) {
    new Sql(pool, "o registro de progresso").update(sql, args);
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    return Sql.prepare(c, sql, args);
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T fromJson(String text, TypeReference<T> type) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
