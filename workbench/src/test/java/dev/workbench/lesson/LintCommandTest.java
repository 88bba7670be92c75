package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.cli.WorkbenchCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code workbench lint}: one line per problem and exit 1, or a count and exit 0. */
class LintCommandTest {

  @TempDir Path lessons;

  private final StringWriter out = new StringWriter();

  private int lint() {
    CommandLine cli = WorkbenchCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute("lint", "--lessons", lessons.toString());
  }

  private static final String STEP =
      LessonFiles.step("id: ver\ndo: image.list\ncli: docker images\nexpect:\n  - output: x");

  @Test
  void a_clean_course_prints_its_size_and_exits_0() {
    LessonFiles.write(lessons, "01-demo", LessonFiles.front("demo", 1) + "Olá.\n\n" + STEP);
    LessonFiles.writeEnglish(lessons, "01-demo", LessonFiles.front("demo", 1) + "Hi.\n\n" + STEP);

    assertThat(lint()).isEqualTo(0);
    assertThat(out.toString())
        .isEqualTo(
            "1 lições, 1 passos: ok (1 também em inglês, com os mesmos passos)"
                + System.lineSeparator());
  }

  @Test
  void a_missing_translation_and_a_step_only_in_english_are_printed_at_their_lines() {
    LessonFiles.write(lessons, "01-demo", LessonFiles.front("demo", 1) + STEP);
    LessonFiles.write(lessons, "02-outra", LessonFiles.front("outra", 2) + STEP);
    Path english =
        LessonFiles.writeEnglish(
            lessons, "01-demo", LessonFiles.front("demo", 1) + STEP + STEP.replace("ver", "mais"));

    assertThat(lint()).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            english
                + ":14: step 'mais' is not in lesson.md: both languages have the same steps, with"
                + " the same ids",
            lessons.resolve("02-outra").resolve("lesson.md")
                + ":1: missing translation: write lesson.en.md beside lesson.md, with the same"
                + " steps (ids, actions, params and checks) in English",
            "2 problemas");
  }

  @Test
  void problems_are_printed_as_file_line_message_and_exit_1() {
    Path file =
        LessonFiles.withStep(
            lessons, "id: ver\ndo: image.provide\nimage: workbench/nginx\nexpect:\n  - output: x");
    LessonFiles.translateVerbatim(lessons);

    assertThat(lint()).isEqualTo(1);
    assertThat(out.toString())
        .contains(file + ":7: step 'ver': 'cli' is required for a image.provide step")
        .contains("1 problema");
  }
}
