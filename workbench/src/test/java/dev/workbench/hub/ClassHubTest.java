package dev.workbench.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.TestEngines;
import dev.workbench.lesson.Course;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassHubTest {
  private static final Course COURSE = Course.load(TestEngines.projectRoot().resolve("lessons"));

  @TempDir Path dir;

  private static ClassEvent step(
      String lesson, String step, boolean passed, ClassEvent.FailedCheck... failed) {
    return new ClassEvent(
        UUID.randomUUID().toString(),
        ClassEvent.STEP,
        lesson,
        step,
        passed,
        List.of(failed),
        passed ? null : "saída\nerro",
        120L,
        Instant.now().toString());
  }

  @Test
  void a_wrong_code_joins_nobody_and_any_spelling_of_the_right_one_does() {
    try (ClassHub hub = ClassHub.open(dir, "Turma A", COURSE)) {
      assertThatThrownBy(() -> hub.join("AAAA-AAAA", "Ana"))
          .isInstanceOf(WrongCode.class)
          .hasMessageContaining("Código da turma errado");
      ClassHub.Joined ana =
          hub.join(hub.info().code().toLowerCase().replace("-", " "), "  Ana \u0007 ");
      assertThat(ana.name()).isEqualTo("Ana");
      assertThat(hub.learnerFor(ana.token())).contains(ana.learnerId());
      assertThat(hub.learnerFor("wbl_forged")).isEmpty();
      assertThat(hub.roster()).extracting(ClassHub.RosterRow::name).containsExactly("Ana");
    }
  }

  @Test
  void an_event_sent_twice_is_kept_once_and_the_class_survives_a_restart() {
    ClassEvent passed = step("conteineres", "base", true);
    ClassEvent failed =
        step(
            "conteineres",
            "listar-criadas",
            false,
            new ClassEvent.FailedCheck("contêiner maquina-1 está created", "está ausente"));
    String code;
    String token;
    try (ClassHub hub = ClassHub.open(dir, "Turma A", COURSE)) {
      code = hub.info().code();
      ClassHub.Joined ana = hub.join(code, "Ana");
      token = ana.token();
      assertThat(hub.receive(ana.learnerId(), List.of(passed, failed)))
          .isEqualTo(new ClassHub.Receipt(2, 0));
      assertThat(hub.receive(ana.learnerId(), List.of(failed)))
          .isEqualTo(new ClassHub.Receipt(0, 1));
    }
    try (ClassHub hub = ClassHub.open(dir, "Turma A", COURSE)) {
      assertThat(hub.info().code()).isEqualTo(code);
      String ana = hub.learnerFor(token).orElseThrow();
      assertThat(hub.receive(ana, List.of(passed))).isEqualTo(new ClassHub.Receipt(0, 1));
      assertThat(hub.counts().get("events")).isEqualTo(2L);
      ClassHub.RosterRow row = hub.roster().get(0);
      assertThat(row.lessons().get("conteineres"))
          .containsEntry("base", "passed")
          .containsEntry("listar-criadas", "failed")
          .containsEntry("criar-1", "not-run");
      assertThat(hub.timeline(ana).orElseThrow().events())
          .extracting(ClassEvent::id)
          .containsExactly(passed.id(), failed.id());
    }
    assertThatThrownBy(() -> ClassHub.open(dir, "Turma B", COURSE)).hasMessageContaining("Turma A");
  }

  @Test
  void the_stuck_map_names_the_check_most_failing_learners_share() {
    try (ClassHub hub = ClassHub.open(dir, "Turma A", COURSE)) {
      ClassEvent.FailedCheck absent =
          new ClassEvent.FailedCheck("contêiner app está running", "está ausente");
      ClassEvent.FailedCheck exited =
          new ClassEvent.FailedCheck("contêiner app está running", "está parado");
      for (int i = 0; i < 3; i++) {
        hub.receive(
            hub.join(hub.info().code(), "Aluno " + i).learnerId(),
            List.of(step("redes", "servidor", false, absent)));
      }
      hub.receive(
          hub.join(hub.info().code(), "Bia").learnerId(),
          List.of(step("redes", "servidor", false, exited)));
      String carla = hub.join(hub.info().code(), "Carla").learnerId();
      hub.receive(
          carla,
          List.of(step("redes", "servidor", false, absent), step("redes", "servidor", true)));
      hub.join(hub.info().code(), "Davi");

      ClassHub.StuckStep app =
          hub.stuckMap().stream()
              .filter(s -> s.lesson().equals("redes") && s.step().equals("servidor"))
              .findFirst()
              .orElseThrow();
      assertThat(app.passed()).isEqualTo(1);
      assertThat(app.failing()).isEqualTo(4);
      assertThat(app.notRun()).isEqualTo(1);
      assertThat(app.topDetail()).isEqualTo("está ausente");
      assertThat(app.topCount()).isEqualTo(3);
    }
  }

  @Test
  void a_reset_forgets_the_lesson_and_the_csv_quotes_what_a_spreadsheet_would_run() {
    try (ClassHub hub = ClassHub.open(dir, "Turma A", COURSE)) {
      String ana = hub.join(hub.info().code(), "=HYPERLINK(\"x\")").learnerId();
      hub.receive(ana, List.of(step("conteineres", "base", true)));
      assertThat(hub.csv()).contains("\"'=HYPERLINK(\"\"x\"\")\",conteineres,base,passed");
      hub.receive(ana, List.of(ClassEvent.reset("conteineres", Instant.now())));
      assertThat(hub.roster().get(0).lessons().get("conteineres")).containsEntry("base", "not-run");
    }
  }

  @Test
  void events_that_are_not_the_hubs_are_named_as_such() {
    assertThat(
            new ClassEvent("x", "step", "a", "b", true, null, null, 1L, Instant.now().toString())
                .problem())
        .contains("id");
    assertThat(
            new ClassEvent(
                    UUID.randomUUID().toString(),
                    "shell",
                    "a",
                    "b",
                    true,
                    null,
                    null,
                    1L,
                    Instant.now().toString())
                .problem())
        .contains("tipo");
    assertThat(
            new ClassEvent(
                    UUID.randomUUID().toString(),
                    "step",
                    "../etc",
                    "b",
                    true,
                    null,
                    null,
                    1L,
                    Instant.now().toString())
                .problem())
        .contains("lição");
    assertThat(
            new ClassEvent(
                    UUID.randomUUID().toString(),
                    "step",
                    "a",
                    "b",
                    false,
                    null,
                    "x".repeat(10_000),
                    1L,
                    Instant.now().toString())
                .problem())
        .contains("grande");
    assertThat(step("a", "b", true).problem()).isNull();
  }

  @Test
  void the_join_limit_stops_code_guessing_from_one_address_and_a_flood_from_all() {
    AtomicLong clock = new AtomicLong();
    JoinLimiter limiter = new JoinLimiter(clock::get);
    for (int i = 0; i < JoinLimiter.MAX_WRONG; i++) {
      assertThat(limiter.allow("10.0.0.9")).isTrue();
      limiter.wrongCode("10.0.0.9");
    }
    assertThat(limiter.allow("10.0.0.9")).isFalse();
    assertThat(limiter.allow("10.0.0.8")).isTrue();
    clock.addAndGet(JoinLimiter.WRONG_WINDOW.toNanos() + 1);
    assertThat(limiter.allow("10.0.0.9")).isTrue();
    int allowed = 0;
    for (int i = 0; i < JoinLimiter.BURST + 50; i++) {
      allowed += limiter.allow("10.0.1." + (i % 200)) ? 1 : 0;
    }
    assertThat(allowed).isLessThanOrEqualTo(JoinLimiter.BURST);
  }
}
