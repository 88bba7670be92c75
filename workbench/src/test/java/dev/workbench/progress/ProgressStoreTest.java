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
    return new StepResult(StepResult.Status.PASSED, 0, output,
        List.of(new CheckResult("o volume dados existe", true, "")), "", Duration.ofSeconds(1));
  }

  @Test
  void a_finished_step_is_still_there_after_reopening_the_store() {
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.started(ANA, "volumes", "criar", Map.of("NOME", "dados"));
      store.finished(ANA, "volumes", "criar", passed("ok\n"), "ok\n", Map.of("NOME", "dados"));
    }
    try (ProgressStore store = ProgressStore.open(dir)) {
      StepProgress step = store.lesson(ANA, "volumes").get("criar");
      assertThat(step.status()).isEqualTo(StepStatus.PASSED);
      assertThat(step.output()).isEqualTo("ok\n");
      assertThat(step.checks()).containsExactly(new CheckResult("o volume dados existe", true, ""));
      assertThat(step.params()).containsEntry("NOME", "dados");
      assertThat(step.updated()).isNotNull();
      assertThat(store.passedByLesson(ANA)).containsEntry("volumes", 1);
    }
  }

  @Test
  void a_step_that_passed_stays_done_while_a_rerun_fails_and_a_reset_forgets_it() {
    StepResult failed = new StepResult(StepResult.Status.FAILED, null, "", List.of(),
        "Já existe um contêiner chamado efemero", Duration.ofSeconds(1));
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.started(ANA, "volumes", "criar", Map.of());
      store.finished(ANA, "volumes", "criar", passed(""), "", Map.of());
      store.started(ANA, "volumes", "criar", Map.of());
      assertThat(store.lesson(ANA, "volumes").get("criar").done()).as("while the rerun runs").isTrue();
      store.finished(ANA, "volumes", "criar", failed, "", Map.of());
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
      store.finished(ANA, "volumes", "criar", passed(""), "", Map.of());
      assertThat(store.lesson(BEL, "volumes")).isEmpty();
      assertThat(store.passedByLesson(BEL)).isEmpty();
    }
  }

  @Test
  void resetting_a_lesson_forgets_only_that_lesson() {
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.finished(ANA, "volumes", "criar", passed(""), "", Map.of());
      store.finished(ANA, "redes", "criar", passed(""), "", Map.of());
      store.resetLesson(ANA, "volumes");
      assertThat(store.lesson(ANA, "volumes")).isEmpty();
      assertThat(store.lesson(ANA, "redes")).containsKey("criar");
    }
  }

  @Test
  void long_output_keeps_its_tail() {
    String line = "x".repeat(99) + "\n";
    String huge = line.repeat(2000) + "o erro está aqui\n";
    try (ProgressStore store = ProgressStore.open(dir)) {
      store.finished(ANA, "volumes", "criar", passed(""), huge, Map.of());
      String kept = store.lesson(ANA, "volumes").get("criar").output();
      assertThat(kept.length()).isLessThanOrEqualTo(ProgressStore.OUTPUT_CAP + 10);
      assertThat(kept).startsWith("[…]\n").endsWith("o erro está aqui\n");
    }
  }
}
