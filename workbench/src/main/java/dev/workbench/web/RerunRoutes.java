package dev.workbench.web;

import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.progress.ProgressStore;
import dev.workbench.progress.StepProgress;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Step;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Map;

/**
 * "Remover e rodar de novo": when a rerun found its container name taken (by the container of an
 * earlier run), the page asks here to remove that container, as {@code docker rm -f NAME} would,
 * and then runs the step again as usual. The name comes from the step and the values of its last
 * run, never from the request.
 */
final class RerunRoutes {
  private final Course course;
  private final StepRunner runner;
  private final ProgressStore store;
  private final Runs runs;

  RerunRoutes(Course course, StepRunner runner, ProgressStore store, Runs runs) {
    this.course = course;
    this.runner = runner;
    this.store = store;
    this.runs = runs;
  }

  void install(JavalinDefaultRouting router) {
    router.post("/api/lessons/{id}/steps/{step}/clear", this::clear);
  }

  private void clear(Context ctx) {
    Texts texts = Languages.texts(ctx);
    Lesson lesson = Lookups.lesson(course, ctx);
    Step step = Lookups.step(lesson, ctx);
    Session session = Learners.of(ctx);
    if (runs.running(session, lesson.id(), step.id()).isPresent()) {
      throw new ConflictResponse(texts.get("msg_step_running"));
    }
    StepProgress last = store.lesson(session, lesson.id()).get(step.id());
    Map<String, String> params = last == null ? Map.of() : last.params();
    String name =
        runner
            .removeItsContainer(lesson, step, session, params)
            .orElseThrow(() -> new NotFoundResponse(texts.get("msg_no_container")));
    ctx.json(Map.of("removed", name, "command", "docker rm -f " + name));
  }
}
