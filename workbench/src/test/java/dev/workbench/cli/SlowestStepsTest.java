package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.lesson.Lesson;
import dev.workbench.run.CourseRun.StepOutcome;
import dev.workbench.run.StepResult;
import dev.workbench.step.Action;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowestStepsTest {
  private static StepOutcome took(Lesson lesson, String id, long millis) {
    Step step = new Step(id, id, "", Map.of(), new Action.ListContainers(), List.of(), "", 0);
    StepResult result =
        new StepResult(StepResult.Status.PASSED, 0, "", List.of(), "", Duration.ofMillis(millis));
    return new StepOutcome(lesson, step, result);
  }

  @Test
  void names_the_longest_steps_first_with_their_lesson_and_seconds() {
    Lesson redes = new Lesson("redes", "Redes", 5, "", Path.of("."), List.of());
    Lesson nuvem = new Lesson("nuvem", "Nuvem", 9, "", Path.of("."), List.of());

    List<String> lines =
        SlowestSteps.lines(
            List.of(
                took(redes, "rede", 300),
                took(nuvem, "ligar", 41_250),
                took(redes, "servidor", 2_000),
                took(nuvem, "push", 12_040)),
            3);

    assertThat(lines)
        .containsExactly(
            "  41.3 s  nuvem/ligar", "  12.0 s  nuvem/push", "   2.0 s  redes/servidor");
  }
}
