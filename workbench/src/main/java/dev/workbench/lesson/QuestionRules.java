package dev.workbench.lesson;

import dev.workbench.step.Param;
import dev.workbench.step.Step;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a lesson's quizzes and exercises must satisfy together with its steps: ids the learner's
 * progress can store without mixing them up, and exercises whose step exists, comes after the
 * prediction and accepts the values the exercise asks for (verify runs the step with them).
 */
final class QuestionRules {
  private QuestionRules() {}

  static void check(Lesson lesson, Findings findings) {
    Set<String> stepIds = new HashSet<>();
    lesson.steps().forEach(s -> stepIds.add(s.id()));
    Set<String> seen = new HashSet<>();
    Map<String, String> predictedSteps = new HashMap<>();
    List<Lesson.Block> blocks = lesson.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      if (!(blocks.get(i) instanceof Lesson.Block.Question question)) {
        continue;
      }
      String name = kind(question) + " '" + question.id() + "'";
      if (!seen.add(question.id())) {
        findings.add(question.line(), name + ": id already used by an earlier quiz or exercise");
      }
      if (stepIds.contains(question.id())) {
        findings.add(
            question.line(),
            name + ": a step has this id too; quizzes and exercises need ids of their own");
      }
      if (question instanceof Lesson.Block.Exercise exercise) {
        exercise(lesson, blocks, i, exercise, name, predictedSteps, findings);
      }
    }
  }

  static String kind(Lesson.Block.Question question) {
    return question instanceof Lesson.Block.Quiz ? QuestionReader.QUIZ : QuestionReader.EXERCISE;
  }

  private static void exercise(
      Lesson lesson,
      List<Lesson.Block> blocks,
      int at,
      Lesson.Block.Exercise exercise,
      String name,
      Map<String, String> predictedSteps,
      Findings findings) {
    Step step = lesson.step(exercise.step()).orElse(null);
    if (step == null) {
      findings.add(
          exercise.line(),
          name + ": 'step' names '" + exercise.step() + "', which is not a step of this lesson");
      return;
    }
    boolean later =
        blocks.subList(at + 1, blocks.size()).stream()
            .anyMatch(b -> b instanceof Lesson.Block.StepBlock s && s.step() == step);
    if (!later) {
      findings.add(
          exercise.line(),
          name
              + ": step '"
              + step.id()
              + "' comes before the exercise; the prediction is made first, so put the exercise"
              + " above its step");
    }
    String other = predictedSteps.putIfAbsent(step.id(), exercise.id());
    if (other != null) {
      findings.add(
          exercise.line(),
          name + ": exercise '" + other + "' already predicts step '" + step.id() + "'");
    }
    for (Map.Entry<String, String> value : exercise.set().entrySet()) {
      Param param = step.params().get(value.getKey());
      if (param == null) {
        findings.add(
            exercise.line(),
            name
                + ": 'set' names '"
                + value.getKey()
                + "', which is not a parameter of step '"
                + step.id()
                + "' (its params: "
                + String.join(", ", step.params().keySet())
                + ")");
      } else if (param.problemWith(value.getValue()) != null) {
        findings.add(
            exercise.line(),
            name
                + ": 'set' gives "
                + value.getKey()
                + " a value its pattern refuses: '"
                + value.getValue()
                + "'");
      }
    }
  }
}
