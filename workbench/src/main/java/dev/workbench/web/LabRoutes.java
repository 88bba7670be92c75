package dev.workbench.web;

import dev.workbench.engine.Session;
import dev.workbench.labs.LabStatus;
import dev.workbench.labs.Labs;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learner's hosted lab ({@code serve --labs}) as their page sees it: its state, their place in
 * the queue, the warning before it stops for idleness, and "continuar", which is a learner action.
 * Opening a lesson asks for a lab (taking a warm one, or a place in the queue): when the machine is
 * full that page is the 503 that says so.
 */
final class LabRoutes {
  private final Labs labs;

  LabRoutes(Labs labs) {
    this.labs = labs;
  }

  void install(JavalinDefaultRouting router) {
    router.before(
        "/lessons/{id}",
        ctx -> {
          if (ctx.method().name().equals("GET")) {
            labs.touch(Learners.of(ctx));
          }
        });
    router.get("/api/lab", ctx -> answer(ctx, labs.status(Learners.of(ctx))));
    router.post("/api/lab", ctx -> answer(ctx, labs.touch(Learners.of(ctx))));
  }

  private static void answer(Context ctx, LabStatus status) {
    ctx.header("Cache-Control", "no-store");
    ctx.json(json(status, Languages.texts(ctx)));
  }

  /** The status with its sentence in the learner's language (the page shows it as it is). */
  static Map<String, Object> json(LabStatus status, Texts texts) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("state", status.state().name());
    out.put("place", status.place());
    out.put("idleSecondsLeft", status.idleSecondsLeft());
    out.put("warn", status.warn());
    out.put(
        "message",
        switch (status.state()) {
          case NONE -> texts.get("lab_none");
          case QUEUED -> texts.format("lab_queued", status.place());
          case STARTING -> texts.get("lab_starting");
          case READY ->
              status.warn()
                  ? texts.format(
                      "lab_idle_warning", Math.max(1, (status.idleSecondsLeft() + 59) / 60))
                  : texts.get("lab_ready");
          case STOPPED -> texts.get("lab_stopped");
          case FAILED -> texts.format("lab_failed", status.problem());
        });
    return out;
  }

  static Session learner(Context ctx) {
    return Learners.of(ctx);
  }
}
