package dev.workbench.hub;

import dev.workbench.engine.Session;
import dev.workbench.progress.OutputLine;
import dev.workbench.progress.ProgressStore;
import dev.workbench.progress.Sql;
import dev.workbench.run.StepResult;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A learner's side of the class: the membership (which hub, with which token) and the outbox. Every
 * step result and lesson reset is written here first, in an embedded H2 file under the data dir,
 * and a sender thread posts what is waiting, with its ids, until the hub acknowledges it; only then
 * is it deleted. A hub that was down gets the events later; a workbench that restarted sends what
 * it had not delivered; a post whose answer was lost is sent again and the hub drops the copy by
 * id. An empty post every {@link #HEARTBEAT} says the learner is still here.
 */
public final class Outbox implements ProgressStore.Listener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  static final Duration HEARTBEAT = Duration.ofSeconds(10);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  static final int BATCH = 200;

  /** How fresh the presenter's step must be before the hub is asked again. */
  private static final Duration PRESENTER_FRESH = Duration.ofMillis(800);

  /** Whether and where this workbench is in a class, for the learner's own page. */
  public record Status(
      boolean joined, String hub, String className, String name, int pending, String problem) {}

  private final JdbcConnectionPool pool;
  private final Function<URI, HubClient> clients;
  private final Object wake = new Object();
  private volatile Membership membership;
  private volatile HubClient client;
  private volatile String problem = "";
  private volatile boolean closed;

  /**
   * Set under {@link #wake} by a new event, so one written while the sender was busy is not missed.
   */
  private boolean dirty;

  private Thread sender;
  private volatile Optional<ClassHub.Presenter> presenter = Optional.empty();
  private volatile Instant presenterAsked = Instant.EPOCH;

  record Membership(URI hub, String token, String learnerId, String name, String className) {}

  private Outbox(JdbcConnectionPool pool, Function<URI, HubClient> clients) {
    this.pool = pool;
    this.clients = clients;
  }

  /** Opens the outbox under {@code dir} (creating it when missing) and starts sending. */
  public static Outbox open(Path dir) {
    return open(dir, HubClient::new);
  }

  static Outbox open(Path dir, Function<URI, HubClient> clients) {
    Path file = dir.toAbsolutePath().normalize().resolve("outbox");
    JdbcConnectionPool pool = Sql.pool(file);
    ClassHub.update(
        pool, "CREATE TABLE IF NOT EXISTS membership (k VARCHAR(40) PRIMARY KEY, v VARCHAR(2000))");
    ClassHub.update(
        pool,
        "CREATE TABLE IF NOT EXISTS outbox (seq BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " event_id VARCHAR(64) NOT NULL UNIQUE, body CLOB NOT NULL)");
    Outbox outbox = new Outbox(pool, clients);
    outbox.membership = outbox.readMembership();
    outbox.sender = new Thread(outbox::sendLoop, "class-outbox");
    outbox.sender.setDaemon(true);
    outbox.sender.start();
    return outbox;
  }

  /**
   * Joins the class at {@code hub} with {@code code}; when this workbench already belongs to that
   * hub, keeps its membership (and token) instead, so a restart with the same flags is no new
   * learner. Throws {@link WrongCode}, {@link HubUnreachable} or IllegalArgumentException with a
   * pt-BR sentence; the workbench works alone either way.
   */
  public Status join(String hubAddress, String code, String name) {
    URI hub = HubClient.address(hubAddress);
    Membership now = membership;
    if (now != null && now.hub().equals(hub)) {
      return status();
    }
    ClassHub.Joined joined = client(hub).join(code, name);
    Membership fresh =
        new Membership(hub, joined.token(), joined.learnerId(), joined.name(), joined.className());
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      exec(c, "DELETE FROM membership");
      // events written for another class belong to it, not to this one
      exec(c, "DELETE FROM outbox");
      for (Map.Entry<String, String> entry :
          Map.of(
                  "hub",
                  hub.toString(),
                  "token",
                  joined.token(),
                  "learner",
                  joined.learnerId(),
                  "name",
                  joined.name(),
                  "class",
                  joined.className())
              .entrySet()) {
        exec(c, "INSERT INTO membership (k, v) VALUES (?, ?)", entry.getKey(), entry.getValue());
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("a turma não pôde ser guardada: " + e.getMessage(), e);
    }
    membership = fresh;
    problem = "";
    nudge();
    return status();
  }

  public Status status() {
    Membership m = membership;
    return m == null
        ? new Status(false, null, null, null, pending(), "")
        : new Status(true, m.hub().toString(), m.className(), m.name(), pending(), problem);
  }

  /** Where the instructor is, asked of the hub at most about once a second whoever asks. */
  public Optional<ClassHub.Presenter> presenter() {
    Membership m = membership;
    if (m == null) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    if (Duration.between(presenterAsked, now).compareTo(PRESENTER_FRESH) > 0) {
      presenterAsked = now;
      try {
        presenter = client(m.hub()).presenter(m.token());
      } catch (RuntimeException e) {
        LOG.debug("presenter not read: {}", e.getMessage());
      }
    }
    return presenter;
  }

  // ---- what the learner did ----

  @Override
  public void finished(
      Session session,
      String lessonId,
      String stepId,
      StepResult result,
      List<OutputLine> transcript) {
    // the instructor reads the lines as the learner saw them; which stream each came from stays
    // here
    String text =
        transcript.stream()
            .map(OutputLine::text)
            .collect(java.util.stream.Collectors.joining("\n"));
    add(ClassEvent.of(lessonId, stepId, result, text, Instant.now()));
  }

  @Override
  public void reset(Session session, String lessonId) {
    add(ClassEvent.reset(lessonId, Instant.now()));
  }

  /** Writes the event to the outbox when this workbench is in a class; never throws at the step. */
  void add(ClassEvent event) {
    if (membership == null) {
      return;
    }
    try {
      ClassHub.update(
          pool,
          "INSERT INTO outbox (event_id, body) VALUES (?, ?)",
          event.id(),
          ClassHub.write(event));
      nudge();
    } catch (RuntimeException e) {
      LOG.error("could not keep a class event", e);
    }
  }

  public int pending() {
    int[] count = {0};
    query("SELECT COUNT(*) FROM outbox", rs -> count[0] = rs.getInt(1));
    return count[0];
  }

  // ---- sending ----

  private void nudge() {
    synchronized (wake) {
      dirty = true;
      wake.notifyAll();
    }
  }

  private void sendLoop() {
    Duration backoff = Duration.ofMillis(500);
    Instant lastPost = Instant.EPOCH;
    while (!closed) {
      Membership m = membership;
      boolean ok = true;
      if (m != null) {
        try {
          List<ClassEvent> waiting = waiting();
          if (!waiting.isEmpty()
              || Duration.between(lastPost, Instant.now()).compareTo(HEARTBEAT) >= 0) {
            client(m.hub()).post(m.token(), waiting);
            lastPost = Instant.now();
            delete(waiting);
            problem = "";
            if (waiting.size() == BATCH) {
              continue; // more waiting: send them now
            }
          }
        } catch (RuntimeException e) {
          ok = false;
          problem = e.getMessage() == null ? e.toString() : e.getMessage();
          LOG.debug("class events not delivered yet: {}", problem);
        }
      }
      if (ok) {
        backoff = Duration.ofMillis(500);
        long untilHeartbeat =
            Math.max(1, HEARTBEAT.minus(Duration.between(lastPost, Instant.now())).toMillis());
        synchronized (wake) {
          try {
            // a new event wakes the sender at once; one written while it was sending is not missed
            if (!dirty) {
              wake.wait(untilHeartbeat);
            }
            dirty = false;
          } catch (InterruptedException e) {
            return;
          }
        }
      } else {
        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        sleep(backoff);
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  private List<ClassEvent> waiting() {
    List<ClassEvent> events = new ArrayList<>();
    query(
        "SELECT body FROM outbox ORDER BY seq LIMIT " + BATCH,
        rs -> events.add(ClassHub.read(rs.getString(1))));
    return events;
  }

  private void delete(List<ClassEvent> delivered) {
    if (delivered.isEmpty()) {
      return;
    }
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE event_id = ?")) {
      for (ClassEvent event : delivered) {
        ps.setString(1, event.id());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      // left in the outbox, they go again; the hub drops the copies by id
      LOG.warn("delivered class events not cleared: {}", e.getMessage());
    }
  }

  /** One client per hub, kept: each holds a connection pool and threads. */
  private HubClient client(URI hub) {
    HubClient current = client;
    if (current == null || !current.hub().equals(hub)) {
      current = clients.apply(hub);
      client = current;
    }
    return current;
  }

  private Membership readMembership() {
    Map<String, String> values = new HashMap<>();
    query("SELECT k, v FROM membership", rs -> values.put(rs.getString(1), rs.getString(2)));
    if (!values.containsKey("token")) {
      return null;
    }
    return new Membership(
        URI.create(values.get("hub")),
        values.get("token"),
        values.get("learner"),
        values.get("name"),
        values.get("class"));
  }

  @Override
  public void close() {
    closed = true;
    if (sender != null) {
      sender.interrupt();
      try {
        sender.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pool.dispose();
  }

  private void query(String sql, Sql.RowReader reader) {
    new Sql(pool, "a caixa de saída da turma").query(sql, reader);
  }

  private static void exec(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = Sql.prepare(c, sql, args)) {
      ps.executeUpdate();
    }
  }
}
