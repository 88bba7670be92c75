package dev.workbench.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code quiz} or {@code exercise} block's YAML → {@link Lesson.Block.Quiz} or {@link
 * Lesson.Block.Exercise}. What refers to the rest of the lesson (the exercise's step, its
 * parameters) is checked by {@link QuestionRules}, once the whole lesson is read.
 */
final class QuestionReader {
  private QuestionReader() {}

  static final String QUIZ = "quiz";
  static final String EXERCISE = "exercise";

  static final List<String> QUIZ_KEYS =
      List.of("id", "question", "options", "answer", "explanation");
  static final List<String> EXERCISE_KEYS =
      List.of("id", "step", "set", "question", "options", "answer", "explanation");

  static final int MIN_OPTIONS = 2;
  static final int MAX_OPTIONS = 6;

  /**
   * @param kind {@link #QUIZ} or {@link #EXERCISE}, the block's info string
   * @param body the YAML between the fences
   * @param line the line of the opening fence; the body starts on the next one
   */
  static Lesson.Block.Question read(String kind, String body, Path file, int line) {
    Where where = new Where(file, line, kind);
    Fields anonymous = Fields.of(Yaml.read(body, where, line + 1), where, "the " + kind + " block");
    String id = anonymous.text("id");
    if (!StepReader.ID.matcher(id).matches()) {
      throw where.error("'id' must be lowercase letters, digits and '-', got '" + id + "'");
    }
    Fields block = anonymous.named(kind + " '" + id + "'");
    block.allowOnly(kind.equals(QUIZ) ? QUIZ_KEYS : EXERCISE_KEYS);
    String question = required(block, "question");
    List<String> options = block.texts("options");
    if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
      throw block
          .where()
          .error(
              "'options' must list "
                  + MIN_OPTIONS
                  + " to "
                  + MAX_OPTIONS
                  + " answers (items starting with '- '), got "
                  + options.size());
    }
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).isBlank()) {
        throw block.where().error("'options' #" + (i + 1) + " is empty");
      }
    }
    if (!block.has("answer")) {
      throw block
          .where()
          .error("'answer' is required: the number of the right option, counted from 1");
    }
    int answer = block.whole("answer");
    if (answer < 1 || answer > options.size()) {
      throw block
          .where()
          .error(
              "'answer' must be the number of the right option, 1 to "
                  + options.size()
                  + ", got "
                  + answer);
    }
    String explanation = required(block, "explanation");
    if (kind.equals(QUIZ)) {
      return new Lesson.Block.Quiz(id, question, options, answer, explanation, line);
    }
    String step = block.text("step");
    if (!StepReader.ID.matcher(step).matches()) {
      throw block
          .where()
          .error("'step' must be the id of a step of this lesson, got '" + step + "'");
    }
    Map<String, String> set = block.textMap("set");
    return new Lesson.Block.Exercise(id, step, set, question, options, answer, explanation, line);
  }

  private static String required(Fields block, String key) {
    String text = block.text(key);
    if (text.isBlank()) {
      throw block.where().error("'" + key + "' is empty");
    }
    return text.strip();
  }
}
