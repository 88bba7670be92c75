package dev.workbench.cli;

import dev.workbench.run.CourseRun.StepOutcome;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The steps that took longest in a {@code verify}, longest first: where an instructor (or whoever
 * makes the course quicker) looks first. Each step's own time is already on its verdict line; this
 * gathers the few that set the wall time.
 */
final class SlowestSteps {
  private SlowestSteps() {}

  /** One line per step, {@code " 41.2 s orquestracao/enxame-nos"}, at most {@code count}. */
  static List<String> lines(List<StepOutcome> outcomes, int count) {
    return outcomes.stream()
        .sorted(
            Comparator.comparing((StepOutcome o) -> o.result().took())
                .reversed()
                .thenComparing(o -> o.lesson().id())
                .thenComparing(o -> o.step().id()))
        .limit(count)
        .map(
            o ->
                String.format(
                    Locale.ROOT,
                    "%6.1f s  %s/%s",
                    o.result().took().toMillis() / 1000.0,
                    o.lesson().id(),
                    o.step().id()))
        .toList();
  }
}
