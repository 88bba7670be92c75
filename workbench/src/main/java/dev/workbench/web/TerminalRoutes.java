package dev.workbench.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Session;
import dev.workbench.engine.Toolboxes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal in the page: a WebSocket per open terminal, each a shell in the learner's toolbox
 * ({@link Toolboxes}). The upgrade passes {@link SiteGuard} (Host, token, this site's Origin) and
 * then a per-learner limit, answered 429 like every quota. What the learner types arrives as JSON
 * ({@code {"type":"input","data":"…"}}, {@code {"type":"resize","cols":…,"rows":…}}); the shell's
 * bytes go back as binary messages, and the terminal's own news ("preparing", "ended") as JSON
 * text. A toolbox nobody has a terminal open in for {@link #IDLE} is removed; every terminal and
 * toolbox ends with the server, or with the learner's session ({@link #endSession}).
 */
final class TerminalRoutes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TerminalRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/api/terminal";
  private static final String SESSION = "wb.terminal.session";
  private static final String TEXTS = "wb.terminal.texts";

  /** Terminals one learner may have open at once: one shell, the tab they work in. */
  static final int PER_LEARNER = 1;

  /** How long a toolbox with no terminal open is kept (a reload, a lesson change). */
  static final Duration IDLE = Duration.ofMinutes(10);

  /** The most a learner may paste or type in one message. */
  private static final int INPUT_MAX = 64 * 1024;

  private final Toolboxes toolboxes;
  private final Learners learners;
  private final Map<Session, Set<WsContext>> open = new ConcurrentHashMap<>();
  private final Map<String, Toolboxes.Shell> shells = new ConcurrentHashMap<>();
  private final Map<Session, ScheduledFuture<?>> culls = new ConcurrentHashMap<>();
  private final ExecutorService starting = Executors.newCachedThreadPool(daemon("terminal-start"));
  private final ScheduledExecutorService culling =
      Executors.newSingleThreadScheduledExecutor(daemon("terminal-cull"));

  TerminalRoutes(Toolboxes toolboxes, Learners learners) {
    this.toolboxes = toolboxes;
    this.learners = learners;
  }

  void install(JavalinDefaultRouting router) {
    router.wsBeforeUpgrade(PATH, this::admit);
    router.ws(
        PATH,
        ws -> {
          ws.onConnect(this::connected);
          ws.onMessage(this::typed);
          ws.onClose(this::closed);
          ws.onError(ctx -> closed(ctx.sessionId(), ctx.attribute(SESSION)));
        });
  }

  /** After {@link SiteGuard#checkUpgrade}: who asks, and whether they have room for one more. */
  private void admit(Context ctx) {
    learners.identify(ctx);
    Languages.remember(ctx);
    Session session = Learners.of(ctx);
    // read again by the socket's handlers, which see the upgrade request's attributes
    ctx.attribute(SESSION, session);
    ctx.attribute(TEXTS, Languages.texts(ctx));
    if (open.getOrDefault(session, Set.of()).size() >= PER_LEARNER) {
      throw tooMany();
    }
  }

  private static QuotaExceeded tooMany() {
    return new QuotaExceeded(
        "terminais abertos por aluno",
        PER_LEARNER,
        "Feche o terminal na outra aba ou janela (ou espere alguns segundos depois de fechá-la) e tente de novo.");
  }

  private void connected(WsConnectContext ctx) {
    Session session = ctx.attribute(SESSION);
    Texts texts = ctx.attribute(TEXTS);
    Set<WsContext> mine = open.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet());
    synchronized (mine) {
      if (mine.size() >= PER_LEARNER) { // two upgrades at once: the second goes
        status(ctx, "error", tooMany().getMessage());
        ctx.closeSession(4029, "limite");
        return;
      }
      mine.add(ctx);
    }
    ScheduledFuture<?> cull = culls.remove(session);
    if (cull != null) {
      cull.cancel(false);
    }
    ctx.session.setIdleTimeout(Duration.ofHours(2));
    int cols = size(ctx.queryParam("cols"), 80, 20, 400);
    int rows = size(ctx.queryParam("rows"), 24, 5, 200);
    starting.submit(() -> start(ctx, session, texts, cols, rows));
  }

  private void start(WsContext ctx, Session session, Texts texts, int cols, int rows) {
    try {
      boolean ready = toolboxes.isOpen(session);
      if (!ready) {
        status(ctx, "preparing", texts.get("terminal_preparing"));
      }
      Toolboxes.Toolbox toolbox = toolboxes.open(session, OutputSink.NONE);
      if (!ctx.session.isOpen()) {
        return;
      }
      Toolboxes.Shell shell =
          toolboxes.shell(
              toolbox,
              cols,
              rows,
              bytes -> send(ctx, bytes),
              () -> {
                status(ctx, "ended", texts.get("terminal_ended"));
                ctx.closeSession(1000, "fim");
              });
      shells.put(ctx.sessionId(), shell);
      if (!ctx.session.isOpen()) { // closed while the shell started
        shells.remove(ctx.sessionId());
        shell.close();
        return;
      }
      status(ctx, "ready", texts.get("terminal_ready"));
    } catch (QuotaExceeded e) {
      status(ctx, "error", e.getMessage());
      ctx.closeSession(4029, "limite");
    } catch (EngineUnavailable e) {
      status(ctx, "error", EngineUnavailable.HOW_TO_START);
      ctx.closeSession(1011, "sem engine");
    } catch (RuntimeException e) {
      LOG.error("terminal of {} did not start", session.id(), e);
      status(ctx, "error", texts.get("terminal_failed"));
      ctx.closeSession(1011, "falhou");
    }
  }

  private void typed(WsMessageContext ctx) {
    Toolboxes.Shell shell = shells.get(ctx.sessionId());
    String message = ctx.message();
    if (shell == null || message.length() > INPUT_MAX * 2) {
      return;
    }
    try {
      JsonNode node = JSON.readTree(message);
      String type = node.path("type").asText("");
      if (type.equals("input")) {
        byte[] bytes = node.path("data").asText("").getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= INPUT_MAX) {
          shell.write(bytes);
        }
      } else if (type.equals("resize")) {
        shell.resize(
            size(node.path("cols").asText(), 80, 20, 400),
            size(node.path("rows").asText(), 24, 5, 200));
      }
    } catch (JsonProcessingException e) {
      // not ours: ignored, as a terminal ignores a stray byte
    }
  }

  private void closed(WsCloseContext ctx) {
    closed(ctx.sessionId(), ctx.attribute(SESSION));
  }

  private void closed(String socketId, Session session) {
    if (session == null) {
      return;
    }
    Toolboxes.Shell shell = shells.remove(socketId);
    if (shell != null) {
      shell.close();
    }
    Set<WsContext> mine = open.getOrDefault(session, Set.of());
    synchronized (mine) {
      mine.removeIf(c -> c.sessionId().equals(socketId));
      if (mine.isEmpty() && !culling.isShutdown()) {
        culls.put(
            session, culling.schedule(() -> cull(session), IDLE.toSeconds(), TimeUnit.SECONDS));
      }
    }
  }

  private void cull(Session session) {
    Set<WsContext> mine = open.getOrDefault(session, Set.of());
    synchronized (mine) {
      if (!mine.isEmpty()) {
        return;
      }
      open.remove(session);
    }
    culls.remove(session);
    try {
      toolboxes.close(session);
    } catch (RuntimeException e) {
      LOG.warn("toolbox of {} not removed: {}", session.id(), e.toString());
    }
  }

  /** The learner's session ended: their terminals close and their toolbox goes. */
  void endSession(Session session) {
    for (WsContext ctx : Set.copyOf(open.getOrDefault(session, Set.of()))) {
      ctx.closeSession(1001, "sessão encerrada");
      closed(ctx.sessionId(), session);
    }
    ScheduledFuture<?> cull = culls.remove(session);
    if (cull != null) {
      cull.cancel(false);
    }
    open.remove(session);
    toolboxes.close(session);
  }

  @Override
  public void close() {
    culling.shutdownNow();
    starting.shutdownNow();
    open.values()
        .forEach(
            set ->
                set.forEach(
                    ctx -> {
                      try {
                        ctx.closeSession(1001, "servidor encerrado");
                      } catch (RuntimeException e) {
                        // already closed
                      }
                    }));
    shells.values().forEach(Toolboxes.Shell::close);
    shells.clear();
    toolboxes.closeAll();
  }

  /**
   * One message at a time on a socket: the shell's output and the terminal's news come from two
   * threads.
   */
  private static void send(WsContext ctx, byte[] bytes) {
    synchronized (ctx) {
      try {
        if (ctx.session.isOpen()) {
          ctx.send(ByteBuffer.wrap(bytes));
        }
      } catch (Exception e) { // Jetty's IOException, undeclared through Kotlin
        // the page went away between the look and the send: nobody is left to read it
      }
    }
  }

  private static void status(WsContext ctx, String state, String message) {
    try {
      String json =
          JSON.writeValueAsString(Map.of("type", "status", "state", state, "message", message));
      synchronized (ctx) {
        if (ctx.session.isOpen()) {
          ctx.send(json);
        }
      }
    } catch (Exception e) { // Jetty's IOException, undeclared through Kotlin
      LOG.debug("terminal status not sent: {}", e.toString());
    }
  }

  private static int size(String text, int fallback, int min, int max) {
    try {
      return Math.max(min, Math.min(max, Integer.parseInt(text)));
    } catch (NumberFormatException | NullPointerException e) {
      return fallback;
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
