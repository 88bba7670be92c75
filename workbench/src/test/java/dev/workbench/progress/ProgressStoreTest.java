package dev.workbench.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.Session;
import dev.workbench.run.StepResult;
import dev.workbench.run.StepResult.CheckResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
  private static final Session ANA = new Session("ana1");
  private static final Session BEL = new Session("bel2");

  @TempDir Path dir;

  private static StepResult passed(String output) {
    return new StepResult(
        StepResult.Status.PASSED,
        0,
        output,
        List.of(new CheckResult("o volume dados existe", true, "")),
        "",
        Duration.ofSeconds(1));
  }

  @Test
  void a_finished_step_is_still_there_after_reopening_the_store() {
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.started(ANA, "volumes", "criar", Map.of("NOME", "dados"));
      store.finished(
          ANA,
          "volumes",
          "criar",
          passed("ok\n"),
          List.of(OutputLine.out("ok")),
          Map.of("NOME", "dados"));
    }
    try (ProgressStore store = ProgressStore.open(dir)) {
      StepProgress step = store.lesson(ANA, "volumes").get("criar");
      assertThat(step.status()).isEqualTo(StepStatus.PASSED);
      assertThat(step.output()).containsExactly(OutputLine.out("ok"));
      assertThat(step.checks()).containsExactly(new CheckResult("o volume dados existe", true, ""));
      assertThat(step.params()).containsEntry("NOME", "dados");
      assertThat(step.updated()).isNotNull();
      assertThat(store.passedByLesson(ANA)).containsEntry("volumes", 1);
    }
  }

  @Test
  void a_step_that_passed_stays_done_while_a_rerun_fails_and_a_reset_forgets_it() {
    StepResult failed =
        new StepResult(
            StepResult.Status.FAILED,
            null,
            "",
            List.of(),
            "Já existe um contêiner chamado efemero",
            Duration.ofSeconds(1));
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.started(ANA, "volumes", "criar", Map.of());
      store.finished(ANA, "volumes", "criar", passed(""), List.of(), Map.of());
      store.started(ANA, "volumes", "criar", Map.of());
      assertThat(store.lesson(ANA, "volumes").get("criar").done())
          .as("while the rerun runs")
          .isTrue();
      store.finished(ANA, "volumes", "criar", failed, List.of(), Map.of());
    }
    try (ProgressStore store = ProgressStore.open(dir)) {
      StepProgress step = store.lesson(ANA, "volumes").get("criar");
      assertThat(step.status()).as("the card shows the latest run").isEqualTo(StepStatus.FAILED);
      assertThat(step.done()).isTrue();
      assertThat(store.passedByLesson(ANA)).containsEntry("volumes", 1);
      store.resetLesson(ANA, "volumes");
      assertThat(store.passedByLesson(ANA)).doesNotContainKey("volumes");
    }
  }

  @Test
  void a_step_left_running_by_a_killed_server_reads_back_as_interrupted() {
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.started(ANA, "volumes", "criar", Map.of());
    }
    try (ProgressStore store = ProgressStore.open(dir)) {
      StepProgress step = store.lesson(ANA, "volumes").get("criar");
      assertThat(step.status()).isEqualTo(StepStatus.FAILED);
      assertThat(step.message()).contains("interrompido");
    }
  }

  @Test
  void each_session_sees_only_its_own_progress() {
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.finished(ANA, "volumes", "criar", passed(""), List.of(), Map.of());
      assertThat(store.lesson(BEL, "volumes")).isEmpty();
      assertThat(store.passedByLesson(BEL)).isEmpty();
    }
  }

  @Test
  void resetting_a_lesson_forgets_only_that_lesson() {
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.finished(ANA, "volumes", "criar", passed(""), List.of(), Map.of());
      store.finished(ANA, "redes", "criar", passed(""), List.of(), Map.of());
      store.resetLesson(ANA, "volumes");
      assertThat(store.lesson(ANA, "volumes")).isEmpty();
      assertThat(store.lesson(ANA, "redes")).containsKey("criar");
    }
  }

  @Test
  void long_output_keeps_its_tail() {
    List<OutputLine> huge = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      huge.add(OutputLine.out("x".repeat(99)));
    }
    huge.add(new OutputLine("err", "o erro está aqui"));
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.finished(ANA, "volumes", "criar", passed(""), huge, Map.of());
      List<OutputLine> kept = store.lesson(ANA, "volumes").get("criar").output();
      assertThat(kept.stream().mapToInt(l -> l.text().length() + 1).sum())
          .isLessThanOrEqualTo(ProgressStore.OUTPUT_CAP + 10);
      assertThat(kept.get(0)).isEqualTo(new OutputLine("info", "[…]"));
      assertThat(kept.get(kept.size() - 1)).isEqualTo(new OutputLine("err", "o erro está aqui"));
    }
  }

  @Test
  void a_program_line_that_begins_like_a_prefix_keeps_its_own_stream() {
    List<OutputLine> printed =
        List.of(
            OutputLine.out("! isto é saída normal do programa"),
            OutputLine.out("» e isto também"),
            new OutputLine("err", "isto é um erro"),
            new OutputLine("info", "nota do workbench"));
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.finished(ANA, "volumes", "criar", passed(""), printed, Map.of());
    }
    try (ProgressStore store = ProgressStore.open(dir)) {
      assertThat(store.lesson(ANA, "volumes").get("criar").output())
          .containsExactlyElementsOf(printed);
    }
  }

  @Test
  void a_row_stored_before_streams_were_data_is_still_read() {
    assertThat(ProgressStore.outputOf("» nota\n! erro\nsaída\n"))
        .containsExactly(
            new OutputLine("info", "nota"), new OutputLine("err", "erro"), OutputLine.out("saída"));
    assertThat(ProgressStore.outputOf("[…]\nsaída\n"))
        .containsExactly(OutputLine.out("[…]"), OutputLine.out("saída"));
  }
}
