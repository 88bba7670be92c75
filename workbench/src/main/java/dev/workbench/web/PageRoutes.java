package dev.workbench.web;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.lesson.LessonFormatError;
import dev.workbench.progress.ProgressStore;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The pages a browser asks for: the course index, a lesson, a lesson's pictures. */
final class PageRoutes {
  private static final Pattern ASSET =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.(svg|png|jpe?g|gif)");
  private static final Map<String, String> TYPES =
      Map.of(
          "svg",
          "image/svg+xml",
          "png",
          "image/png",
          "jpg",
          "image/jpeg",
          "jpeg",
          "image/jpeg",
          "gif",
          "image/gif");

  private final Course course;
  private final ProgressStore store;
  private final Runs runs;
  private final Pages pages;
  private final Markdown markdown = new Markdown();
  private final LessonPages lessonPages;
  private final EngineBanner banner;

  PageRoutes(Course course, Engine engine, ProgressStore store, Runs runs, Pages pages) {
    this.course = course;
    this.store = store;
    this.runs = runs;
    this.pages = pages;
    this.lessonPages = new LessonPages(pages);
    this.banner = new EngineBanner(engine);
  }

  void install(JavalinDefaultRouting router) {
    router.get("/", this::index);
    router.get("/lessons/{id}", this::lesson);
    router.get("/lessons/{id}/assets/{file}", this::asset);
  }

  private void index(Context ctx) {
    Session session = Learners.of(ctx);
    Texts texts = Languages.texts(ctx);
    List<Map<String, Object>> lessons = new ArrayList<>();
    int totalSteps = 0;
    int totalPassed = 0;
    boolean anyQuestions = false;
    for (Lesson lesson : course.lessons(texts.language())) {
      // steps, quizzes and exercises count alike (Tally); ids are the same in every language
      Tally tally =
          Tally.of(lesson, store.lesson(session, lesson.id()), store.answers(session, lesson.id()));
      int total = tally.total();
      int done = tally.done();
      totalSteps += total;
      totalPassed += done;
      Map<String, Object> item = new HashMap<>();
      item.put("id", lesson.id());
      item.put("title", lesson.title());
      item.put("summary", lesson.summary());
      item.put("order", lesson.order());
      item.put("passed", done);
      item.put("total", total);
      item.put("percent", percent(done, total));
      boolean asks = !lesson.questions().isEmpty();
      anyQuestions |= asks;
      item.put("stepsText", texts.format(asks ? "lesson_items" : "lesson_steps", done, total));
      item.put("progressLabel", texts.format("lesson_progress_label", lesson.title()));
      item.put("complete", total > 0 && done == total);
      item.put("started", done > 0 && done < total);
      lessons.add(item);
    }
    Map<String, Object> model = engineStatus();
    model.put("lessons", lessons);
    model.put("hasLessons", !lessons.isEmpty());
    model.put("problems", course.problems().stream().map(PageRoutes::problem).toList());
    model.put("hasProblems", !course.problems().isEmpty());
    model.put("coursePercent", percent(totalPassed, totalSteps));
    model.put("coursePassed", totalPassed);
    model.put("courseTotal", totalSteps);
    model.put(
        "courseProgressText",
        texts.format(anyQuestions ? "items_done" : "steps_done", totalPassed, totalSteps));
    ctx.html(pages.render("index", null, texts, model));
  }

  private void lesson(Context ctx) {
    Texts texts = Languages.texts(ctx);
    Lesson lesson = Lookups.lesson(course, ctx, Languages.of(ctx));
    List<Lesson> lessons = course.lessons(texts.language());
    Session session = Learners.of(ctx);
    Map<String, Object> model = engineStatus();
    model.put("lessonId", lesson.id());
    model.put("title", lesson.title());
    model.put("summary", lesson.summary());
    model.put("order", lesson.order());
    model.put("crumb", texts.format("crumb_lesson", lesson.order()));
    int index = lessons.indexOf(lesson);
    if (index > 0) {
      model.put("previous", link(lessons.get(index - 1)));
    }
    if (index + 1 < lessons.size()) {
      model.put("next", link(lessons.get(index + 1)));
    }
    ctx.html(
        lessonPages.render(
            lesson,
            model,
            markdown,
            store.lesson(session, lesson.id()),
            stepId -> runs.running(session, lesson.id(), stepId).map(Run::id).orElse(null),
            texts));
  }

  /** Only pictures, only from the lesson's own folder: the name cannot climb out of it. */
  private void asset(Context ctx) {
    Lesson lesson = Lookups.lesson(course, ctx, Languages.of(ctx));
    String file = ctx.pathParam("file");
    if (!ASSET.matcher(file).matches()
        || lesson.source() == null
        || lesson.source().getParent() == null) {
      throw new NotFoundResponse();
    }
    Path folder = lesson.source().toAbsolutePath().normalize().getParent();
    Path asset = folder.resolve(file).normalize();
    if (!asset.getParent().equals(folder) || !Files.isRegularFile(asset)) {
      throw new NotFoundResponse();
    }
    String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    ctx.contentType(TYPES.get(extension));
    // a lesson's SVG opened on its own must not run scripts with the site's cookies
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    ctx.header("Cache-Control", "max-age=300");
    try {
      ctx.result(Files.readAllBytes(asset));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> engineStatus() {
    Map<String, Object> model = new HashMap<>();
    model.put("engineDown", banner.engineDown());
    model.put("howToStart", EngineUnavailable.HOW_TO_START);
    return model;
  }

  private static Map<String, Object> link(Lesson lesson) {
    return Map.of("id", lesson.id(), "title", lesson.title());
  }

  private static Map<String, Object> problem(LessonFormatError e) {
    return Map.of("text", e.getMessage());
  }

  private static int percent(int done, int total) {
    return total == 0 ? 0 : Math.round(100f * done / total);
  }
}
