package dev.workbench.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.hub.ClassEvent;
import dev.workbench.hub.ClassHub;
import dev.workbench.hub.HubUnreachable;
import dev.workbench.hub.JoinLimiter;
import dev.workbench.hub.Outbox;
import dev.workbench.hub.WrongCode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The class's JSON, on both sides. On the hub: the join (a code, rate-limited), learners' event
 * posts and the presenter's step (each needing that learner's own token), and everything the
 * instructor reads or does (the site's token, which is the instructor's). On a learner's workbench:
 * joining from the page, and the presenter's step to follow.
 *
 * <p>The three routes learners' workbenches call ({@link #serverToServer}) are, on a hub only, not
 * asked for the site's token by {@link SiteGuard}, which still checks their Host, content type and
 * Origin; the learner token is checked here, and no browser session is issued for them.
 */
final class ClassRoutes {
  /** Events in one post: an outbox sends at most 200; more is not a learner's workbench. */
  static final int MAX_EVENTS = 500;

  /** Instructor views following the class live at once; each holds a thread. */
  static final int MAX_LIVE = 16;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ClassMode mode;
  private final dev.workbench.lesson.Course course;
  private final Pages pages;
  private final JoinLimiter limiter = new JoinLimiter();
  private final AtomicInteger live = new AtomicInteger();

  ClassRoutes(ClassMode mode, dev.workbench.lesson.Course course, Pages pages) {
    this.mode = mode;
    this.course = course;
    this.pages = pages;
  }

  /** True for the routes a learner's workbench calls on the hub with a learner token or a code. */
  static boolean serverToServer(Context ctx) {
    String path = ctx.path();
    return switch (ctx.method()) {
      case POST -> path.equals("/api/class/join") || path.equals("/api/class/events");
      case GET -> path.equals("/api/class/presenter");
      default -> false;
    };
  }

  void install(JavalinDefaultRouting router) {
    if (mode.hub() != null) {
      ClassHub hub = mode.hub();
      router.post("/api/class/join", ctx -> join(ctx, hub));
      router.post("/api/class/events", ctx -> events(ctx, hub));
      router.get("/api/class/presenter", ctx -> presenter(ctx, hub));
      router.post("/api/class/presenter", ctx -> present(ctx, hub));
      router.get("/api/class/roster", ctx -> roster(ctx, hub));
      router.get("/api/class/stuck", ctx -> ctx.json(Map.of("steps", hub.stuckMap())));
      router.get("/api/class/counts", ctx -> ctx.json(hub.counts()));
      router.get(
          "/api/class/learners/{id}/timeline",
          ctx ->
              ctx.json(
                  hub.timeline(ctx.pathParam("id"))
                      .orElseThrow(
                          () ->
                              new NotFoundResponse(Languages.texts(ctx).get("class_no_learner")))));
      router.get(
          "/api/class/export.csv",
          ctx -> {
            ctx.header("Content-Disposition", "attachment; filename=\"turma.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result("\uFEFF" + hub.csv());
          });
      router.sse("/api/class/live", client -> live(client, hub));
      new InstructorPages(course, hub, pages).install(router);
    }
    if (mode.outbox() != null) {
      Outbox outbox = mode.outbox();
      router.get("/api/class/membership", ctx -> ctx.json(outbox.status()));
      router.post("/api/class/membership", ctx -> joinFromPage(ctx, outbox));
      router.get(
          "/api/class/follow", ctx -> ctx.json(presenterJson(outbox.presenter().orElse(null))));
    }
  }

  // ---- hub: learners' workbenches ----

  private void join(Context ctx, ClassHub hub) {
    Texts texts = Languages.texts(ctx);
    if (!limiter.allow(ctx.ip())) {
      throw new HttpResponseException(
          HttpStatus.TOO_MANY_REQUESTS.getCode(), texts.get("class_join_limit"), Map.of());
    }
    JsonNode body = object(ctx);
    try {
      ClassHub.Joined joined = hub.join(body.path("code").asText(""), body.path("name").asText(""));
      ctx.json(
          Map.of(
              "learner",
              joined.learnerId(),
              "name",
              joined.name(),
              "token",
              joined.token(),
              "class",
              joined.className()));
    } catch (WrongCode e) {
      limiter.wrongCode(ctx.ip());
      throw new HttpResponseException(
          HttpStatus.FORBIDDEN.getCode(), texts.get("class_wrong_code"), Map.of());
    }
  }

  private void events(Context ctx, ClassHub hub) {
    String learner =
        learnerToken(ctx, hub)
            .orElseThrow(
                () -> new UnauthorizedResponse(Languages.texts(ctx).get("class_learner_token")));
    JsonNode events = object(ctx).path("events");
    if (!events.isArray() || events.size() > MAX_EVENTS) {
      throw new BadRequestResponse(
          "\"events\" deve ser uma lista de até " + MAX_EVENTS + " eventos.");
    }
    List<ClassEvent> read = new ArrayList<>();
    for (JsonNode node : events) {
      ClassEvent event;
      try {
        event = JSON.treeToValue(node, ClassEvent.class);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new BadRequestResponse(
            "evento ilegível: só os campos de um evento da turma são aceitos");
      }
      String problem = event == null ? "evento vazio" : event.problem();
      if (problem != null) {
        throw new BadRequestResponse(problem);
      }
      read.add(event);
    }
    ClassHub.Receipt receipt = hub.receive(learner, read);
    ctx.json(Map.of("accepted", receipt.accepted(), "duplicates", receipt.duplicates()));
  }

  private java.util.Optional<String> learnerToken(Context ctx, ClassHub hub) {
    String header = ctx.header("Authorization");
    if (header == null || !header.matches("(?i)Bearer .+")) {
      return java.util.Optional.empty();
    }
    return hub.learnerFor(header.substring(header.indexOf(' ') + 1));
  }

  private void presenter(Context ctx, ClassHub hub) {
    if (!SiteGuard.hadSiteToken(ctx) && learnerToken(ctx, hub).isEmpty()) {
      throw new UnauthorizedResponse(Languages.texts(ctx).get("class_learner_token"));
    }
    ctx.json(presenterJson(hub.presenter().orElse(null)));
  }

  static Map<String, Object> presenterJson(ClassHub.Presenter presenter) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (presenter != null) {
      json.put("lesson", presenter.lesson());
      json.put("step", presenter.step());
      json.put("at", presenter.at() == null ? null : presenter.at().toString());
    }
    return json;
  }

  // ---- hub: the instructor (the site's token) ----

  private void present(Context ctx, ClassHub hub) {
    JsonNode body = object(ctx);
    String step = body.hasNonNull("step") ? body.path("step").asText() : null;
    hub.present(body.path("lesson").asText(""), step);
    ctx.json(presenterJson(hub.presenter().orElse(null)));
  }

  private void roster(Context ctx, ClassHub hub) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("class", hub.info().name());
    json.put("code", hub.info().code());
    json.put("learners", hub.roster());
    ctx.json(json);
  }

  /**
   * Each change as it happens ({@code change}: a join, an event, a heartbeat, the presenter
   * moving), on the stream's own thread; a view too slow to keep up is dropped and reconnects.
   */
  private void live(SseClient client, ClassHub hub) {
    if (live.incrementAndGet() > MAX_LIVE) {
      live.decrementAndGet();
      client.sendEvent("full", "{}");
      client.close();
      return;
    }
    BlockingQueue<ClassHub.Change> queue = new LinkedBlockingQueue<>(50_000);
    boolean[] overflow = {false};
    Consumer<ClassHub.Change> listener =
        change -> {
          if (!queue.offer(change)) {
            overflow[0] = true;
          }
        };
    hub.subscribe(listener);
    try {
      client.sendEvent("hello", "{}");
      while (!client.terminated() && !overflow[0]) {
        ClassHub.Change change = queue.poll(15, TimeUnit.SECONDS);
        if (change == null) {
          client.sendComment("ainda aqui");
          continue;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", change.kind());
        data.put("learner", change.learnerId());
        data.put("name", change.learnerName());
        data.put("event", change.event());
        data.put("received", change.received().toString());
        client.sendEvent("change", JSON.writeValueAsString(data));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } finally {
      hub.unsubscribe(listener);
      live.decrementAndGet();
      client.close();
    }
  }

  // ---- a learner's workbench ----

  private void joinFromPage(Context ctx, Outbox outbox) {
    Texts texts = Languages.texts(ctx);
    JsonNode body = object(ctx);
    try {
      ctx.json(
          outbox.join(
              body.path("hub").asText(""),
              body.path("code").asText(""),
              body.path("name").asText("")));
    } catch (WrongCode e) {
      throw new BadRequestResponse(texts.get("class_wrong_code"));
    } catch (HubUnreachable e) {
      throw new HttpResponseException(
          HttpStatus.BAD_GATEWAY.getCode(),
          texts.format("class_hub_away", body.path("hub").asText("")),
          Map.of());
    }
  }

  private static JsonNode object(Context ctx) {
    try {
      JsonNode body = JSON.readTree(ctx.body());
      if (body == null || !body.isObject()) {
        throw new BadRequestResponse("O corpo do pedido deve ser um objeto JSON.");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw new BadRequestResponse("O corpo do pedido não é um JSON válido.");
    }
  }
}
