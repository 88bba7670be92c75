package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.lesson.Language;
import dev.workbench.run.RunEvent;
import dev.workbench.run.StepResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** verify's verdict lines speak the language it was given ({@code --lang}); pt-BR as before. */
class ConsoleEventsTest {
  @Test
  void a_step_verdict_reads_in_the_language_verify_runs_in() {
    assertThat(printed(Language.EN, StepResult.Status.PASSED)).isEqualTo("  PASSED criar (1.5 s)");
    assertThat(printed(Language.EN, StepResult.Status.FAILED)).isEqualTo("  FAILED criar (1.5 s)");
    assertThat(printed(Language.PT_BR, StepResult.Status.PASSED))
        .isEqualTo("  PASSOU criar (1.5 s)");
    assertThat(printed(Language.PT_BR, StepResult.Status.FAILED))
        .isEqualTo("  FALHOU criar (1.5 s)");
  }

  private static String printed(Language language, StepResult.Status status) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    StepResult result = new StepResult(status, 0, "", List.of(), "", Duration.ofMillis(1500));
    new ConsoleEvents(out, true, language).accept(new RunEvent.Finished("criar", result));
    return bytes.toString(StandardCharsets.UTF_8).stripTrailing();
  }
}
