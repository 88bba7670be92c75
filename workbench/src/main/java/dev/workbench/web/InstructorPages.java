package dev.workbench.web;

import dev.workbench.hub.ClassHub;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Step;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instructor's pages on a hub, behind the site's token like every page: {@code /instrutor} (the
 * class live: roster, stuck map, a learner's timeline, CSV) and {@code /apresentar/{id}} (a lesson
 * for the projector, one step card at a time, run on the hub's own engine). Both are skeletons the
 * script fills from the class's JSON, so the live view and the first view are one code path. {@code
 * /instrutor/guia} belongs to the course's instructor kit, not to this class.
 */
final class InstructorPages {
  private final Course course;
  private final ClassHub hub;
  private final Pages pages;

  InstructorPages(Course course, ClassHub hub, Pages pages) {
    this.course = course;
    this.hub = hub;
    this.pages = pages;
  }

  void install(JavalinDefaultRouting router) {
    router.get("/instrutor", this::instructor);
    router.get("/apresentar/{id}", this::presenter);
  }

  private void instructor(Context ctx) {
    Texts texts = Languages.texts(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("page", "instructor");
    model.put("className", hub.info().name());
    model.put("code", hub.info().code());
    List<Map<String, Object>> lessons = new ArrayList<>();
    for (Lesson lesson : course.lessons(texts.language())) {
      lessons.add(Map.of("id", lesson.id(), "title", lesson.title(), "order", lesson.order()));
    }
    model.put("lessons", lessons);
    ctx.html(
        pages.render("instructor", texts.format("ins_title", hub.info().name()), texts, model));
  }

  private void presenter(Context ctx) {
    Texts texts = Languages.texts(ctx);
    Lesson lesson = Lookups.lesson(course, ctx, Languages.of(ctx));
    List<Map<String, Object>> steps = new ArrayList<>();
    int number = 0;
    for (Step step : lesson.steps()) {
      number++;
      Map<String, Object> card = new HashMap<>();
      card.put("id", step.id());
      card.put("title", step.title());
      card.put("cli", step.cli());
      card.put("kind", step.action().kind());
      card.put("number", number);
      card.put("of", texts.format("pre_step_of", number, lesson.steps().size()));
      card.put("first", number == 1);
      steps.add(card);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("page", "presenter");
    model.put("presentLesson", lesson.id());
    model.put("title", lesson.title());
    model.put("steps", steps);
    model.put("className", hub.info().name());
    model.put("code", hub.info().code());
    ctx.html(pages.render("presenter", lesson.title(), texts, model));
  }
}
