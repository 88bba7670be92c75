package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quiz} and {@code exercise} blocks: parsed into questions in page order, and every mistake
 * an author can make reported by lint at the block's line, in either language.
 */
class QuestionFormatTest {

  @TempDir Path root;

  private Path lessons() {
    return root.resolve("lessons");
  }

  private static final String QUIZ =
      "```quiz\nid: camadas\nquestion: Quantas camadas?\noptions:\n  - Uma\n  - Uma por instrução"
          + " que muda arquivos\nanswer: 2\nexplanation: Cada RUN, COPY ou ADD faz uma.\n```\n";

  private static final String EXERCISE =
      "```exercise\nid: prever\nstep: rodar\nset: {TEXTO: tchau}\nquestion: O que aparece?\n"
          + "options: [oi, tchau]\nanswer: 2\nexplanation: O valor que você deu.\n```\n";

  private static final String RUN =
      "```step\nid: rodar\ndo: container.run\ncli: docker run --name a x\nname: a\nimage: x\n"
          + "params:\n  TEXTO: oi\ncommand: [echo, \"${TEXTO}\"]\nexpect:\n"
          + "  - output: \"${TEXTO}\"\n```\n";

  private static String lesson(String... blocks) {
    return LessonFiles.front("demo", 1) + "Texto.\n\n" + String.join("\n", blocks);
  }

  private List<String> lint() {
    return LessonLinter.lint(lessons(), root).stream()
        .map(e -> e.file().getFileName() + ":" + e.line() + ": " + e.problem())
        .toList();
  }

  private void both(String... blocks) {
    LessonFiles.write(lessons(), "01-demo", lesson(blocks));
    LessonFiles.writeEnglish(lessons(), "01-demo", lesson(blocks));
  }

  @Test
  void a_quiz_and_an_exercise_become_questions_in_page_order() {
    both(QUIZ, EXERCISE, RUN);

    assertThat(lint()).isEmpty();
    Lesson lesson = Course.load(lessons()).lessons().get(0);
    assertThat(lesson.questions()).hasSize(2);
    Lesson.Block.Quiz quiz = (Lesson.Block.Quiz) lesson.questions().get(0);
    assertThat(quiz.id()).isEqualTo("camadas");
    assertThat(quiz.options()).containsExactly("Uma", "Uma por instrução que muda arquivos");
    assertThat(quiz.right(2)).isTrue();
    assertThat(quiz.right(1)).isFalse();
    assertThat(quiz.line()).isEqualTo(9);
    Lesson.Block.Exercise exercise = lesson.exerciseFor("rodar").orElseThrow();
    assertThat(exercise.set()).isEqualTo(Map.of("TEXTO", "tchau"));
    assertThat(exercise.explanation()).isEqualTo("O valor que você deu.");
  }

  @Test
  void the_lesson_minutes_come_from_the_front_matter() {
    String text = lesson(QUIZ).replace("order: 1\n", "order: 1\nminutes: 25\n");
    LessonFiles.write(lessons(), "01-demo", text);
    LessonFiles.writeEnglish(lessons(), "01-demo", text.replace("minutes: 25", "minutes: 30"));

    assertThat(Course.load(lessons()).lessons().get(0).minutes()).isEqualTo(25);
    assertThat(lint())
        .containsExactly(
            "lesson.en.md:1: front matter: minutes 30 differs from lesson.md's 25: the lesson takes"
                + " as long in either language");
  }

  @Test
  void a_malformed_quiz_is_reported_at_its_line_with_what_to_write() {
    both(QUIZ.replace("answer: 2", "answer: 3"));
    assertThat(lint())
        .contains(
            "lesson.md:9: quiz 'camadas': 'answer' must be the number of the right option, 1"
                + " to 2, got 3");

    both(QUIZ.replace("options:\n  - Uma\n", "options:\n"));
    assertThat(lint())
        .contains(
            "lesson.md:9: quiz 'camadas': 'options' must list 2 to 6 answers (items"
                + " starting with '- '), got 1");

    both(QUIZ.replace("explanation:", "explicacao:"));
    assertThat(lint())
        .anyMatch(f -> f.startsWith("lesson.md:9: quiz 'camadas': unknown key" + " 'explicacao'"));
  }

  @Test
  void an_exercise_must_predict_a_later_step_of_the_lesson_with_its_own_params() {
    both(RUN, EXERCISE);
    assertThat(lint())
        .contains(
            "lesson.md:22: exercise 'prever': step 'rodar' comes before the exercise; the"
                + " prediction is made first, so put the exercise above its step");

    both(EXERCISE.replace("step: rodar", "step: sumiu"), RUN);
    assertThat(lint())
        .contains(
            "lesson.md:9: exercise 'prever': 'step' names 'sumiu', which is not a step of"
                + " this lesson");

    both(EXERCISE.replace("TEXTO: tchau", "FRASE: tchau"), RUN);
    assertThat(lint())
        .contains(
            "lesson.md:9: exercise 'prever': 'set' names 'FRASE', which is not a parameter"
                + " of step 'rodar' (its params: TEXTO)");

    both(EXERCISE.replace("TEXTO: tchau", "TEXTO: \"a$b\""), RUN);
    assertThat(lint())
        .contains(
            "lesson.md:9: exercise 'prever': 'set' gives TEXTO a value its pattern refuses:"
                + " 'a$b'");
  }

  @Test
  void ids_are_unique_among_quizzes_exercises_and_steps() {
    both(QUIZ, QUIZ.replace("Quantas", "Quais"), QUIZ.replace("id: camadas", "id: rodar"), RUN);

    assertThat(lint())
        .contains(
            "lesson.md:19: quiz 'camadas': id already used by an earlier quiz or exercise",
            "lesson.md:29: quiz 'rodar': a step has this id too; quizzes and exercises need ids of"
                + " their own");
  }

  @Test
  void a_quiz_inside_a_list_is_an_error() {
    both("- item\n\n  " + QUIZ.replace("\n", "\n  "));

    assertThat(lint())
        .anyMatch(
            f ->
                f.endsWith(
                    "quiz block inside a list or quote: it must start at the left" + " margin"));
  }

  @Test
  void a_translation_has_the_same_quizzes_and_exercises_translating_only_words() {
    LessonFiles.write(lessons(), "01-demo", lesson(QUIZ, EXERCISE, RUN));
    LessonFiles.writeEnglish(
        lessons(),
        "01-demo",
        lesson(
            QUIZ.replace("Quantas camadas?", "How many layers?").replace("Uma\n", "One\n"),
            EXERCISE.replace("O que aparece?", "What shows?"),
            RUN));
    assertThat(lint()).isEmpty();

    LessonFiles.writeEnglish(lessons(), "01-demo", lesson(EXERCISE, RUN));
    assertThat(lint())
        .containsExactly(
            "lesson.md:9: quiz 'camadas' is not in lesson.en.md: both languages have the same"
                + " quizzes and exercises, with the same ids");

    LessonFiles.writeEnglish(
        lessons(),
        "01-demo",
        lesson(QUIZ.replace("answer: 2", "answer: 1"), EXERCISE.replace("tchau}", "adeus}"), RUN));
    assertThat(lint())
        .containsExactly(
            "lesson.en.md:9: quiz 'camadas': 'answer' differs from lesson.md:9 (only the question,"
                + " options and explanation are translated)",
            "lesson.en.md:19: exercise 'prever': 'set' differs from lesson.md:19 (only the"
                + " question, options and explanation are translated)");

    LessonFiles.writeEnglish(lessons(), "01-demo", lesson(EXERCISE, QUIZ, RUN));
    assertThat(lint())
        .containsExactly(
            "lesson.en.md:9: exercise 'prever' comes in another place than in lesson.md (there,"
                + " 'camadas' comes here): keep quizzes and exercises in the same order");
  }
}
