package dev.workbench.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.Session;
import dev.workbench.engine.Snapshot;
import dev.workbench.labs.Labs;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.progress.ProgressStore;
import dev.workbench.progress.StepProgress;
import dev.workbench.run.RunEvent;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Param;
import dev.workbench.step.Step;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON the pages call: start a run and follow it, reset a lesson, the engine's picture. */
final class ApiRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Course course;
  private final Engine engine;
  private final StepRunner runner;
  private final ProgressStore store;
  private final Runs runs;
  private final Labs labs;

  ApiRoutes(
      Course course, Engine engine, StepRunner runner, ProgressStore store, Runs runs, Labs labs) {
    this.labs = labs;
    this.course = course;
    this.engine = engine;
    this.runner = runner;
    this.store = store;
    this.runs = runs;
  }

  void install(JavalinDefaultRouting router) {
    router.post("/api/lessons/{id}/steps/{step}/runs", this::startRun);
    // checked before the stream opens, so an unknown run is a plain 404 the page can read
    router.before("/api/runs/{runId}/events", ctx -> ownRun(ctx));
    router.sse("/api/runs/{runId}/events", this::streamRun);
    router.get("/api/lessons/{id}/progress", this::progress);
    router.post("/api/lessons/{id}/reset", this::reset);
    router.get("/api/panel", ctx -> ctx.json(panel(Learners.of(ctx))));
    router.get("/api/engine", this::engineStatus);
    // the short id the learner's containers, networks and volumes are named after (wb-<id>-…)
    router.get("/api/session", ctx -> ctx.json(Map.of("session", Learners.of(ctx).id())));
  }

  /**
   * The learner's resources as their engine sees them. A lab that is not running shows empty: the
   * panel polls, and polling must neither start a lab nor keep one from idling out.
   */
  private Snapshot panel(Session session) {
    if (labs == null) {
      return engine.snapshot(session);
    }
    return labs.running(session)
        .map(lab -> lab.snapshot(session))
        .orElse(new Snapshot(List.of(), List.of(), List.of()));
  }

  private void startRun(Context ctx) {
    Lesson lesson = Lookups.lesson(course, ctx);
    Step step = Lookups.step(lesson, ctx);
    Map<String, String> params = validParams(step, requestedParams(ctx.body()));
    if (labs != null) {
      labs.touch(Learners.of(ctx)); // a learner action: keeps the lab, or asks for one
    }
    // a quota known up front is a 429 with nothing made, not a failed run; a lab still starting
    // is not waited for here (the run waits, and says where the lab is): its engine counts as it
    // creates
    if (labs == null || labs.running(Learners.of(ctx)).isPresent()) {
      runner.admit(lesson, step, Learners.of(ctx), params);
    }
    Run run = runs.start(Learners.of(ctx), lesson, step, params, Languages.of(ctx));
    ctx.status(HttpStatus.ACCEPTED)
        .json(Map.of("runId", run.id(), "events", "/api/runs/" + run.id() + "/events"));
  }

  /** {@code {"params": {"NAME": "value"}}}; an empty body means "the defaults". */
  static Map<String, String> requestedParams(String body) {
    if (body == null || body.isBlank()) {
      return Map.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequestResponse("O corpo do pedido não é um JSON válido.");
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestResponse("O corpo do pedido deve ser um objeto JSON: {\"params\": {…}}.");
    }
    // a value sent beside "params" instead of in it would otherwise run the step with its defaults
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("params")) {
        throw new BadRequestResponse(
            "O corpo do pedido só aceita \"params\"; “"
                + name
                + "” ficou de fora: "
                + "{\"params\": {\""
                + name
                + "\": …}}.");
      }
    }
    JsonNode params = root.path("params");
    if (params.isMissingNode() || params.isNull()) {
      return Map.of();
    }
    if (!params.isObject()) {
      throw new BadRequestResponse("\"params\" deve ser um objeto com os valores dos parâmetros.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new BadRequestResponse("o parâmetro " + field.getKey() + " deve ser um texto");
      }
      values.put(field.getKey(), field.getValue().asText());
    }
    return values;
  }

  /** Refuses unknown names and bad values before anything runs; fills in the defaults. */
  static Map<String, String> validParams(Step step, Map<String, String> requested) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : requested.entrySet()) {
      Param param = step.params().get(entry.getKey());
      if (param == null) {
        throw new BadRequestResponse(
            "O passo " + step.id() + " não tem o parâmetro " + entry.getKey() + ".");
      }
      String problem = param.problemWith(entry.getValue());
      if (problem != null) {
        throw new BadRequestResponse(problem);
      }
      values.put(entry.getKey(), entry.getValue());
    }
    step.params().forEach((name, param) -> values.putIfAbsent(name, param.defaultValue()));
    return values;
  }

  private void ownRun(Context ctx) {
    Run run =
        runs.find(ctx.pathParam("runId"))
            .filter(r -> r.session().equals(Learners.of(ctx)))
            .orElseThrow(
                () -> new NotFoundResponse("Esta execução não existe (ou já foi esquecida)."));
    ctx.attribute("wb.run", run);
  }

  /**
   * Replays the run so far, follows it live, and closes the stream once it has finished. The
   * sending happens here, on the stream's own thread, never on the step's (see {@link Follower}).
   */
  private void streamRun(SseClient client) {
    Run run = client.ctx().attribute("wb.run");
    Texts texts = Languages.texts(client.ctx());
    Follower follower = new Follower();
    try {
      follower.pump(
          run.follow(follower),
          new Follower.Sender() {
            @Override
            public boolean send(RunEvent event) {
              client.sendEvent(EventJson.name(event), json(EventJson.data(event, texts)));
              return !client.terminated();
            }

            @Override
            public boolean heartbeat() {
              client.sendComment("ainda rodando");
              return !client.terminated();
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      run.unsubscribe(follower);
      client.close();
    }
  }

  private void progress(Context ctx) {
    Lesson lesson = Lookups.lesson(course, ctx);
    Session session = Learners.of(ctx);
    Map<String, StepProgress> stored = store.lesson(session, lesson.id());
    Map<String, Object> steps = new LinkedHashMap<>();
    int passed = 0;
    for (Step step : lesson.steps()) {
      StepProgress p = stored.getOrDefault(step.id(), StepProgress.notRun(step.id()));
      boolean running = runs.running(session, lesson.id(), step.id()).isPresent();
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("status", running ? "RUNNING" : p.status().name());
      s.put("message", Languages.texts(ctx).engine(p.message()));
      s.put("checks", EventJson.checks(p.checks()));
      s.put("updated", p.updated() == null ? null : p.updated().toString());
      steps.put(step.id(), s);
      passed +=
          p.done()
              ? 1
              : 0; // a step that passed once stays done while its card shows the latest run
    }
    ctx.json(
        Map.of(
            "lesson",
            lesson.id(),
            "passed",
            passed,
            "total",
            lesson.steps().size(),
            "steps",
            steps));
  }

  private void reset(Context ctx) {
    Lesson lesson = Lookups.lesson(course, ctx);
    Session session = Learners.of(ctx);
    if (runs.anyRunning(session, lesson.id())) {
      throw new ConflictResponse(
          "Espere os passos em andamento terminarem antes de reiniciar a lição.");
    }
    if (labs != null) {
      labs.touch(session);
    }
    runner.resetLesson(session, lesson.id());
    store.resetLesson(session, lesson.id());
    ctx.json(Map.of("reset", lesson.id()));
  }

  private void engineStatus(Context ctx) {
    boolean available = engine.available();
    String message = EngineUnavailable.HOW_TO_START;
    if (available) {
      try {
        message = engine.describe();
      } catch (RuntimeException e) {
        message = "Docker Engine";
      }
    }
    ctx.json(Map.of("available", available, "message", message));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
