package dev.workbench.web;

import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Step;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Map;

/**
 * "Conferir": a learner who did a step in a terminal asks the workbench to check the engine's state
 * without running the step. It is a run in every other way — the same stream to follow, the same
 * limits, the same record in their progress — whose work is {@link StepRunner#check}.
 */
final class CheckRoutes {
  private final Course course;
  private final StepRunner runner;
  private final Runs runs;

  CheckRoutes(Course course, StepRunner runner, Runs runs) {
    this.course = course;
    this.runner = runner;
    this.runs = runs;
  }

  void install(JavalinDefaultRouting router) {
    router.post("/api/lessons/{id}/steps/{step}/check", this::check);
  }

  private void check(Context ctx) {
    Lesson lesson = Lookups.lesson(course, ctx);
    Step step = Lookups.step(lesson, ctx);
    // the values the learner typed name what the checks look for (${TEXTO} in a file, a name)
    Map<String, String> params = ApiRoutes.validParams(step, ApiRoutes.requestedParams(ctx.body()));
    Run run = runs.start(Learners.of(ctx), lesson, step, params, Languages.of(ctx), runner::check);
    ctx.status(HttpStatus.ACCEPTED)
        .json(Map.of("runId", run.id(), "events", "/api/runs/" + run.id() + "/events"));
  }
}
