package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson's English translation tells the same lesson: lint reports it missing, a step that only
 * one language has, steps out of order, and any step whose behaviour (action, cli, params, checks)
 * differs, each at its file and line.
 */
class TranslationLintTest {

  @TempDir Path root;

  private Path lessons() {
    return root.resolve("lessons");
  }

  private static final String RUN =
      "id: rodar\ndo: container.run\ncli: docker run --name a x\nname: a\nimage: x\n"
          + "params:\n  TEXTO: {default: oi, help: A frase}\n"
          + "command: [echo, \"${TEXTO}\"]\nexpect:\n  - output: \"${TEXTO}\"";
  private static final String LIST =
      "id: ver\ndo: image.list\ncli: docker images\nexpect:\n  - output: x";

  private Path original(String... steps) {
    return LessonFiles.write(lessons(), "01-demo", lesson("Uma lição.", steps));
  }

  private Path english(String... steps) {
    return LessonFiles.writeEnglish(lessons(), "01-demo", lesson("A lesson.", steps));
  }

  /** The front matter, a line of prose and a blank line: the first step starts at line 9. */
  private static String lesson(String prose, String... steps) {
    StringBuilder text = new StringBuilder(LessonFiles.front("demo", 1) + prose + "\n\n");
    for (String step : steps) {
      text.append(LessonFiles.step(step)).append('\n');
    }
    return text.toString();
  }

  /** Findings as {@code file-name:line: message}. */
  private List<String> lint() {
    return LessonLinter.lint(lessons(), root).stream()
        .map(e -> e.file().getFileName() + ":" + e.line() + ": " + e.problem())
        .toList();
  }

  @Test
  void a_translation_with_the_same_steps_and_other_words_is_clean() {
    original(RUN, LIST);
    english(
        RUN.replace("help: A frase", "help: The sentence")
            .replace("id: rodar", "id: rodar\ntitle: Run it"),
        LIST);

    assertThat(lint()).isEmpty();
    assertThat(Course.load(lessons()).find("demo", Language.EN).orElseThrow().source())
        .hasFileName("lesson.en.md");
  }

  @Test
  void a_lesson_without_lesson_en_md_is_reported_at_its_first_line() {
    original(LIST);

    assertThat(lint())
        .containsExactly(
            "lesson.md:1: missing translation: write lesson.en.md beside lesson.md, with the same"
                + " steps (ids, actions, params and checks) in English");
    assertThat(Course.load(lessons()).find("demo", Language.EN).orElseThrow().source())
        .as("an untranslated lesson is shown in pt-BR")
        .hasFileName("lesson.md");
  }

  @Test
  void a_step_in_one_language_only_is_reported_where_it_is() {
    original(LIST, RUN);
    english(LIST, RUN.replace("id: rodar", "id: run"));

    assertThat(lint())
        .containsExactly(
            "lesson.en.md:17: step 'run' is not in lesson.md: both languages have the same steps,"
                + " with the same ids",
            "lesson.md:17: step 'rodar' is not in lesson.en.md: both languages have the same"
                + " steps, with the same ids");
  }

  @Test
  void steps_out_of_order_are_reported_at_the_first_one_out_of_place() {
    original(LIST, RUN);
    english(RUN, LIST);

    assertThat(lint())
        .containsExactly(
            "lesson.en.md:9: step 'rodar' comes in another place than in lesson.md (there, step"
                + " 'ver' comes here): keep the steps in the same order");
  }

  @Test
  void a_step_whose_behaviour_differs_is_reported_with_what_differs_and_the_original_line() {
    original(LIST, RUN);
    english(
        LIST,
        RUN.replace("command: [echo", "command: [printf")
            .replace("- output: \"${TEXTO}\"", "- output: hello")
            .replace("default: oi", "default: hi"));

    assertThat(lint())
        .containsExactly(
            "lesson.en.md:17: step 'rodar': the action ('do' and its keys), the checks ('expect'),"
                + " the params (names, defaults, patterns) differ from lesson.md:17 (only titles,"
                + " prose and parameter help are translated)");
  }

  @Test
  void a_translated_command_line_is_a_difference_too() {
    original(LIST);
    english(LIST.replace("cli: docker images", "cli: docker image ls"));

    assertThat(lint())
        .containsExactly(
            "lesson.en.md:9: step 'ver': 'cli' differs from lesson.md:9 (only titles, prose and"
                + " parameter help are translated)");
  }

  @Test
  void a_translation_keeps_the_lessons_id_and_order() {
    original(LIST);
    LessonFiles.writeEnglish(
        lessons(), "01-demo", LessonFiles.front("demo", 2) + LessonFiles.step(LIST));
    LessonFiles.write(
        lessons(), "02-outra", LessonFiles.front("outra", 3) + LessonFiles.step(LIST));
    LessonFiles.writeEnglish(
        lessons(), "02-outra", LessonFiles.front("other", 3) + LessonFiles.step(LIST));

    assertThat(lint())
        .containsExactly(
            "lesson.en.md:1: front matter: order 2 differs from lesson.md's 1: a translation keeps"
                + " its lesson's order",
            "lesson.en.md:1: front matter: id 'other' differs from lesson.md's 'outra': a"
                + " translation keeps its lesson's id");
  }
}
