package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.progress.OutputLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The step card shows each stored line in the stream it came from, whatever its text begins with.
 */
class OutputLinesTest {
  @Test
  void a_program_line_beginning_with_an_error_mark_is_shown_as_output() {
    assertThat(
            LessonView.lines(
                List.of(OutputLine.out("! não sou erro"), new OutputLine("err", "sou erro"))))
        .containsExactly(
            Map.of("stream", "out", "text", "! não sou erro"),
            Map.of("stream", "err", "text", "sou erro"));
  }
}
