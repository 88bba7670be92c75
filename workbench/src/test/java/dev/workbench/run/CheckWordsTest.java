package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.cloud.CloudConfig;
import dev.workbench.cloud.Clouds;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Language;
import dev.workbench.run.StepResult.CheckResult;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.Step;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check's result is said in the learner's language: the same check of the same run reads in
 * English for an English learner and, word for word as before, in pt-BR for the others. The exit
 * code and the output are the step's own, so no engine is needed to evaluate them.
 */
class CheckWordsTest {
  @TempDir Path root;
  private Engine away;
  private Clouds clouds;

  @BeforeEach
  void open() {
    away = new Engine(URI.create("unix://" + root.resolve("no-engine.sock")), root.resolve("data"));
    clouds = new Clouds(away, CloudConfig.LOCAL);
  }

  @AfterEach
  void close() {
    clouds.close();
    away.close();
  }

  @Test
  void a_failed_exit_code_reads_in_english_for_an_english_learner_and_as_before_in_pt_br() {
    assertThat(evaluate(Language.EN, new Check.ExitCode(0), 1, ""))
        .isEqualTo(new CheckResult("exit code 0", false, "exited with 1"));
    assertThat(evaluate(Language.EN, new Check.ExitCode(0), null, ""))
        .isEqualTo(new CheckResult("exit code 0", false, "there was no exit code"));
    assertThat(evaluate(Language.PT_BR, new Check.ExitCode(0), 1, ""))
        .isEqualTo(new CheckResult("código de saída 0", false, "saiu com 1"));
    assertThat(evaluate(Language.PT_BR, new Check.ExitCode(0), null, ""))
        .isEqualTo(new CheckResult("código de saída 0", false, "não houve código de saída"));
  }

  @Test
  void
      the_text_an_output_check_looks_for_is_the_same_in_both_languages_only_the_sentence_changes() {
    // "enxame desligado" is an action's output: the same for every learner, so lessons check it
    Check wanted = new Check.OutputContains("enxame desligado");
    assertThat(evaluate(Language.EN, wanted, 0, "3 nós no ar"))
        .isEqualTo(
            new CheckResult(
                "the output contains \"enxame desligado\"",
                false,
                "it did not appear in the output"));
    assertThat(evaluate(Language.PT_BR, wanted, 0, "3 nós no ar"))
        .isEqualTo(
            new CheckResult("a saída contém \"enxame desligado\"", false, "não apareceu na saída"));
    assertThat(evaluate(Language.EN, wanted, 0, "enxame desligado: nós parados"))
        .isEqualTo(new CheckResult("the output contains \"enxame desligado\"", true, ""));
  }

  private CheckResult evaluate(Language language, Check check, Integer exitCode, String output) {
    Step step = new Step("s", "s", "", Map.of(), new Action.ListContainers(), List.of(), "", 0);
    return new Checks(away, clouds, language)
        .evaluate(
            check,
            new Scope(new Session("words01"), "palavras"),
            Vars.of(step, Map.of()),
            exitCode,
            output);
  }
}
