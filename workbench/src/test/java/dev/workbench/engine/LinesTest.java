package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines from chunks: whole characters, and no line longer than the cap, however long the input. */
class LinesTest {
  private final List<String> lines = new ArrayList<>();
  private final Lines splitter = new Lines(lines::add);

  @Test
  void a_character_split_between_two_chunks_arrives_whole() {
    byte[] text = "ação\n".getBytes(StandardCharsets.UTF_8);
    splitter.accept(Arrays.copyOfRange(text, 0, 2), 0, 2);
    splitter.accept(Arrays.copyOfRange(text, 2, text.length), 0, text.length - 2);

    assertThat(lines).containsExactly("ação");
  }

  @Test
  void a_line_without_a_newline_is_cut_at_the_cap_and_the_rest_dropped_up_to_the_next_line() {
    byte[] chunk = "y".repeat(4096).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 1000; i++) {
      splitter.accept(chunk, 0, chunk.length);
    }
    splitter.accept("\nseguinte\r\nfim");
    splitter.flush();

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).hasSize(Lines.MAX_LINE + Lines.CUT.length()).endsWith(Lines.CUT);
    assertThat(lines.subList(1, 3)).containsExactly("seguinte", "fim");
  }

  @Test
  void a_line_of_exactly_the_cap_is_not_cut() {
    splitter.accept("x".repeat(Lines.MAX_LINE) + "\n");

    assertThat(lines).containsExactly("x".repeat(Lines.MAX_LINE));
  }
}
