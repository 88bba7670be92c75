package dev.workbench.web;

import dev.workbench.lesson.Lesson;
import dev.workbench.progress.Answer;
import dev.workbench.progress.StepProgress;
import java.util.Map;

/**
 * How much of a lesson a learner has done, the one rule the index, the lesson page and the API
 * count by: a step once passed (or "Conferido"), a quiz answered (the explanation teaches either
 * way), an exercise whose prediction was made and whose step then passed.
 */
record Tally(int done, int total) {

  static Tally of(Lesson lesson, Map<String, StepProgress> steps, Map<String, Answer> answers) {
    int done = 0;
    for (var step : lesson.steps()) {
      StepProgress p = steps.get(step.id());
      done += p != null && p.done() ? 1 : 0;
    }
    for (Lesson.Block.Question question : lesson.questions()) {
      done += done(question, steps, answers) ? 1 : 0;
    }
    return new Tally(done, lesson.steps().size() + lesson.questions().size());
  }

  static boolean done(
      Lesson.Block.Question question,
      Map<String, StepProgress> steps,
      Map<String, Answer> answers) {
    Answer answer = answers.get(question.id());
    if (answer == null) {
      return false;
    }
    if (question instanceof Lesson.Block.Exercise exercise) {
      StepProgress step = steps.get(exercise.step());
      return step != null && step.done();
    }
    return true;
  }

  int percent() {
    return total == 0 ? 0 : Math.round(100f * done / total);
  }
}
