package dev.workbench.web;

import dev.workbench.lesson.Course;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Step;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * The lesson and step a path names ({@code {id}}, {@code {step}}), or a 404 in the learner's
 * language: one rule for every route that takes them.
 */
final class Lookups {
  private Lookups() {}

  /** The lesson in pt-BR, whose steps every language shares (lint keeps them equal). */
  static Lesson lesson(Course course, Context ctx) {
    return lesson(course, ctx, Language.PT_BR);
  }

  /** The lesson as written in {@code language} (the English text where there is one). */
  static Lesson lesson(Course course, Context ctx, Language language) {
    String id = ctx.pathParam("id");
    return course
        .find(id, language)
        .orElseThrow(() -> new NotFoundResponse(Languages.texts(ctx).format("msg_no_lesson", id)));
  }

  static Step step(Lesson lesson, Context ctx) {
    String id = ctx.pathParam("step");
    return lesson
        .step(id)
        .orElseThrow(
            () ->
                new NotFoundResponse(Languages.texts(ctx).format("msg_no_step", lesson.id(), id)));
  }
}
