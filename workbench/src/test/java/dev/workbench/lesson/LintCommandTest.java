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

  @Test
  void a_clean_course_prints_its_size_and_exits_0() {
    LessonFiles.write(
        lessons,
        "01-demo",
        LessonFiles.front("demo", 1)
            + LessonFiles.step(
                "id: ver\ndo: image.list\ncli: docker images\nexpect:\n  - output: workbench/"));

    assertThat(lint()).isEqualTo(0);
    assertThat(out.toString()).isEqualTo("1 lições, 1 passos: ok" + System.lineSeparator());
  }

  @Test
  void problems_are_printed_as_file_line_message_and_exit_1() {
    Path file = LessonFiles.withStep(lessons, "id: ver\ndo: image.list\nexpect:\n  - output: x");

    assertThat(lint()).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            file
                + ":7: step 'ver': 'cli' is required: the docker command a learner would type for"
                + " this step")
        .contains("1 problema");
  }
}
