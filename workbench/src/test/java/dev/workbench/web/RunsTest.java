package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Quotas;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import dev.workbench.progress.OutputLine;
import dev.workbench.progress.ProgressStore;
import dev.workbench.progress.StepStatus;
import dev.workbench.run.RunEvent;
import dev.workbench.run.StepResult;
import dev.workbench.step.Step;
import io.javalin.http.ConflictResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on worker threads, one at a time per step and learner, replayed to late followers. */
class RunsTest {
  private static final Session ANA = new Session("ana1");

  @TempDir Path root;

  @Test
  void a_second_run_of_a_running_step_is_refused_and_a_late_follower_gets_the_whole_run()
      throws Exception {
    Course course = TestCourse.write(root);
    Lesson lesson = course.find("volumes").orElseThrow();
    Step step = lesson.step("criar").orElseThrow();
    CountDownLatch release = new CountDownLatch(1);
    try (ProgressStore store = ProgressStore.open(root.resolve("progress"));
        Runs runs =
            new Runs(
                (l, s, session, params, language, events) -> {
                  events.accept(new RunEvent.Started(s.id(), s.cli()));
                  events.accept(
                      new RunEvent.Output(s.id(), "out", "criado: " + params.get("NOME")));
                  await(release);
                  StepResult result =
                      new StepResult(
                          StepResult.Status.PASSED, 0, "", List.of(), "", Duration.ofMillis(5));
                  events.accept(new RunEvent.Finished(s.id(), result));
                  return result;
                },
                store)) {
      Run run = runs.start(ANA, lesson, step, Map.of("NOME", "dados"), Language.PT_BR);
      assertThat(store.lesson(ANA, "volumes").get("criar").status()).isEqualTo(StepStatus.RUNNING);
      assertThatThrownBy(
              () -> runs.start(ANA, lesson, step, Map.of("NOME", "dados"), Language.PT_BR))
          .isInstanceOf(ConflictResponse.class);

      release.countDown();
      List<RunEvent> seen = new CopyOnWriteArrayList<>();
      CountDownLatch finished = new CountDownLatch(1);
      run.subscribe(
          e -> {
            seen.add(e);
            if (e instanceof RunEvent.Finished) {
              finished.countDown();
            }
          });
      assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(seen).hasSize(3).first().isInstanceOf(RunEvent.Started.class);
      assertThat(store.lesson(ANA, "volumes").get("criar").status()).isEqualTo(StepStatus.PASSED);
      assertThat(store.lesson(ANA, "volumes").get("criar").output())
          .containsExactly(OutputLine.out("criado: dados"));
      assertThat(runs.running(ANA, "volumes", "criar")).isEmpty();
    }
  }

  @Test
  void a_runner_that_throws_still_ends_the_run_as_failed() throws Exception {
    Course course = TestCourse.write(root);
    Lesson lesson = course.find("volumes").orElseThrow();
    Step step = lesson.step("criar").orElseThrow();
    try (ProgressStore store = ProgressStore.open(root.resolve("progress"));
        Runs runs =
            new Runs(
                (l, s, session, params, language, events) -> {
                  throw new IllegalStateException("bug");
                },
                store)) {
      Run run = runs.start(ANA, lesson, step, Map.of(), Language.PT_BR);
      CountDownLatch finished = new CountDownLatch(1);
      run.subscribe(e -> finished.countDown());
      assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(store.lesson(ANA, "volumes").get("criar").status()).isEqualTo(StepStatus.FAILED);
      assertThat(store.lesson(ANA, "volumes").get("criar").message())
          .contains("erro interno")
          .doesNotContain("bug");
    }
  }

  @Test
  void a_learner_past_their_concurrent_runs_and_a_server_past_its_own_get_quota_exceeded()
      throws Exception {
    Course course = TestCourse.write(root);
    Lesson lesson = course.find("volumes").orElseThrow();
    CountDownLatch release = new CountDownLatch(1);
    Session bia = new Session("bia1");
    try (ProgressStore store = ProgressStore.open(root.resolve("progress"));
        Runs runs =
            new Runs(
                (l, s, session, params, language, events) -> {
                  await(release);
                  StepResult result =
                      new StepResult(StepResult.Status.PASSED, 0, "", List.of(), "", Duration.ZERO);
                  events.accept(new RunEvent.Finished(s.id(), result));
                  return result;
                },
                store,
                new Quotas(10, 10, 10, 10, 2, 3))) {
      runs.start(ANA, lesson, lesson.step("criar").orElseThrow(), Map.of(), Language.PT_BR);
      runs.start(ANA, lesson, lesson.step("jvm17").orElseThrow(), Map.of(), Language.PT_BR);
      assertThatThrownBy(
              () ->
                  runs.start(
                      ANA, lesson, lesson.step("jvm21").orElseThrow(), Map.of(), Language.PT_BR))
          .isInstanceOf(QuotaExceeded.class)
          .hasMessageContaining("passos rodando ao mesmo tempo por aluno (no máximo 2)")
          .hasMessageContaining("Espere");
      assertThat(runs.running(ANA, "volumes", "jvm21")).isEmpty();

      runs.start(bia, lesson, lesson.step("criar").orElseThrow(), Map.of(), Language.PT_BR);
      assertThatThrownBy(
              () ->
                  runs.start(
                      bia, lesson, lesson.step("jvm17").orElseThrow(), Map.of(), Language.PT_BR))
          .isInstanceOf(QuotaExceeded.class)
          .hasMessageContaining("no laboratório (no máximo 3)");

      release.countDown();
      for (int i = 0; i < 100 && runs.running(ANA, "volumes", "criar").isPresent(); i++) {
        Thread.sleep(50);
      }
      assertThat(
              runs.start(ANA, lesson, lesson.step("jvm21").orElseThrow(), Map.of(), Language.PT_BR))
          .isNotNull();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
