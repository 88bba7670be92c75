package dev.workbench.web;

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
 * The instructor's kit: {@code /instrutor/guia} lists the lessons with the time each takes in class
 * (front matter {@code minutes}); {@code /instrutor/guia/{id}} is one lesson's answer keys (every
 * quiz and exercise with its right option, its explanation and, for an exercise, the values it asks
 * for and the checks that prove it) and its command sheet (every step's command in order), which
 * prints on its own (the print stylesheet hides the site around it). Read-only and built from the
 * lesson files alone; like every page it passes SiteGuard (token, host, same origin).
 */
final class InstructorGuide {
  static final String PATH = "/instrutor/guia";

  private final Course course;
  private final Pages pages;
  private final Markdown markdown = new Markdown();

  InstructorGuide(Course course, Pages pages) {
    this.course = course;
    this.pages = pages;
  }

  void install(JavalinDefaultRouting router) {
    router.get(PATH, this::guide);
    router.get(PATH + "/{id}", this::lesson);
  }

  private void guide(Context ctx) {
    Texts texts = Languages.texts(ctx);
    List<Map<String, Object>> lessons = new ArrayList<>();
    int minutes = 0;
    for (Lesson lesson : course.lessons(texts.language())) {
      Map<String, Object> item = new HashMap<>();
      item.put("id", lesson.id());
      item.put("order", lesson.order());
      item.put("title", lesson.title());
      item.put("minutes", minutes(lesson, texts));
      item.put("steps", lesson.steps().size());
      item.put(
          "quizzes",
          lesson.questions().stream().filter(Lesson.Block.Quiz.class::isInstance).count());
      item.put(
          "exercises",
          lesson.questions().stream().filter(Lesson.Block.Exercise.class::isInstance).count());
      lessons.add(item);
      minutes += lesson.minutes();
    }
    Map<String, Object> model = new HashMap<>();
    model.put("lessons", lessons);
    model.put("total", texts.format("guide_total", minutes / 60, minutes % 60));
    ctx.html(pages.render("guide", texts.get("guide_title"), texts, model));
  }

  private void lesson(Context ctx) {
    Texts texts = Languages.texts(ctx);
    Lesson lesson = Lookups.lesson(course, ctx, Languages.of(ctx));
    Map<String, Object> model = new HashMap<>();
    model.put("id", lesson.id());
    model.put("order", lesson.order());
    model.put("title", lesson.title());
    model.put("summary", lesson.summary());
    model.put("minutes", minutes(lesson, texts));
    List<Map<String, Object>> keys = new ArrayList<>();
    for (Lesson.Block.Question question : lesson.questions()) {
      keys.add(key(lesson, question, texts));
    }
    model.put("keys", keys);
    model.put("hasKeys", !keys.isEmpty());
    List<Map<String, Object>> commands = new ArrayList<>();
    int number = 0;
    for (Step step : lesson.steps()) {
      Map<String, Object> command = new HashMap<>();
      command.put("number", ++number);
      command.put("title", step.title().isEmpty() ? step.id() : step.title());
      command.put("cli", step.cli());
      command.put("heroku", step.heroku());
      List<Map<String, Object>> params = new ArrayList<>();
      step.params()
          .values()
          .forEach(p -> params.add(Map.of("name", p.name(), "value", p.defaultValue())));
      command.put("params", params);
      command.put("hasParams", !params.isEmpty());
      commands.add(command);
    }
    model.put("commands", commands);
    ctx.html(
        pages.render(
            "guide-lesson",
            texts.format("guide_lesson_title", lesson.order(), lesson.title()),
            texts,
            model));
  }

  private Map<String, Object> key(Lesson lesson, Lesson.Block.Question question, Texts texts) {
    Map<String, Object> key = new HashMap<>();
    boolean exercise = question instanceof Lesson.Block.Exercise;
    key.put("id", question.id());
    key.put("kind", texts.get(exercise ? "exercise_heading" : "quiz_heading"));
    key.put("question", markdown.renderInline(question.question(), lesson.id()));
    List<Map<String, Object>> options = new ArrayList<>();
    for (int i = 0; i < question.options().size(); i++) {
      options.add(
          Map.of(
              "html", markdown.renderInline(question.options().get(i), lesson.id()),
              "right", question.right(i + 1)));
    }
    key.put("options", options);
    key.put("answer", texts.format("guide_answer", question.answer()));
    key.put("explanation", markdown.render(question.explanation(), lesson.id()));
    if (question instanceof Lesson.Block.Exercise e) {
      Step step = lesson.step(e.step()).orElseThrow();
      key.put("isExercise", true);
      key.put("step", step.title().isEmpty() ? step.id() : step.title());
      List<Map<String, Object>> set = new ArrayList<>();
      e.set().forEach((name, value) -> set.add(Map.of("name", name, "value", value)));
      key.put("set", set);
      key.put("hasSet", !set.isEmpty());
      key.put("checks", step.expect().stream().map(Object::toString).toList());
    }
    return key;
  }

  private static String minutes(Lesson lesson, Texts texts) {
    return lesson.minutes() == 0
        ? texts.get("guide_no_time")
        : texts.format("guide_minutes", lesson.minutes());
  }
}
