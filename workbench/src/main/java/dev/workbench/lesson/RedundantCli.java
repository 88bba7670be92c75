package dev.workbench.lesson;

import dev.workbench.step.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cli:} lines a lesson no longer needs: one-line values equal to the command the step
 * derives from its action ({@link ShownCommands}). {@code bin/workbench lint --redundant-cli} lists
 * them for {@code strip-cli.sh}, which removes them; run again, it finds none.
 */
public final class RedundantCli {
  private RedundantCli() {}

  /** Where a redundant {@code cli:} line is. */
  public record At(Path file, int line) {}

  /** Every redundant {@code cli:} line of the course, in both languages. */
  public static List<At> in(Course course) {
    List<At> found = new ArrayList<>();
    List<Lesson> all = new ArrayList<>(course.lessons());
    all.addAll(course.english().values());
    for (Lesson lesson : all) {
      List<String> lines;
      try {
        lines = Files.readAllLines(lesson.source());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Step step : lesson.steps()) {
        Optional<String> derived = ShownCommands.of(step.action());
        if (derived.isPresent() && derived.get().equals(step.cli())) {
          cliLine(lines, step.line()).ifPresent(line -> found.add(new At(lesson.source(), line)));
        }
      }
    }
    return found;
  }

  /**
   * The 1-based line of the block's one-line {@code cli:} key, the block opening on {@code fence}.
   */
  private static Optional<Integer> cliLine(List<String> lines, int fence) {
    for (int i = fence; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
      String line = lines.get(i);
      if (line.startsWith("cli:")
          && !line.substring(4).strip().startsWith("|")
          && !line.substring(4).strip().startsWith(">")) {
        return Optional.of(i + 1);
      }
    }
    return Optional.empty();
  }
}
