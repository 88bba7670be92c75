package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine's refusals, as a learner reads them on the card: in pt-BR, with the command that
 * fixes them and the learner's own names (no session prefix); and "Conferir" checking the state a
 * terminal left, without running anything.
 */
class CommonErrorsIT {
  private static final String IMAGE = "workbench/debian:bookworm";

  @TempDir Path dataDir;
  Engine engine;
  StepRunner runner;
  Session session;
  Lesson lesson;

  @BeforeEach
  void connect() {
    engine = TestEngines.require(dataDir);
    engine.images().provide(IMAGE, OutputSink.NONE);
    runner = new StepRunner(engine, TestEngines.projectRoot());
    session = CourseRun.newSession();
    lesson = new Lesson("erros", "Erros", 1, "", dataDir.resolve("lesson.md"), List.of());
  }

  @AfterEach
  void cleanUp() {
    runner.close();
    engine.removeAll(session, null);
    engine.close();
  }

  @Test
  void starting_a_container_that_does_not_exist_says_so_in_pt_br_with_docker_ps_a() {
    Step start = new Step("ligar", "", "docker start fantasma", Map.of(),
        new Action.StartContainer("fantasma"), List.of(new Check.ContainerState("fantasma", "running")), "", 1);

    StepResult result = runner.run(lesson, start, session, Map.of(), e -> {});

    assertThat(result.passed()).isFalse();
    assertThat(result.message())
        .startsWith("O contêiner fantasma não existe")
        .contains("`docker ps -a`")
        .doesNotContain("wb-");
  }

  @Test
  void running_an_image_that_does_not_exist_says_so_in_pt_br_and_how_to_make_it() {
    ContainerSpec spec = new ContainerSpec("orfao", "imagem-que-nao-existe", List.of("true"),
        null, null, null, null, null, null);
    Step run = new Step("rodar", "", "docker run --name orfao imagem-que-nao-existe", Map.of(),
        new Action.RunContainer(spec, false), List.of(new Check.ContainerState("orfao", "exited")), "", 1);

    StepResult result = runner.run(lesson, run, session, Map.of(), e -> {});

    assertThat(result.passed()).isFalse();
    // the runner asks before the engine refuses; either way the learner reads it in pt-BR
    assertThat(result.message()).containsIgnoringCase("a imagem imagem-que-nao-existe não existe")
        .doesNotContain("No such image", "wb-");
  }

  @Test
  void conferir_reads_the_state_only_and_leaves_out_checks_of_the_run_itself() {
    ContainerSpec spec = new ContainerSpec("feito-no-terminal", IMAGE, List.of("true"),
        null, null, null, null, null, null);
    Step create = new Step("criar", "", "docker create --name feito-no-terminal " + IMAGE, Map.of(),
        new Action.CreateContainer(spec),
        List.of(new Check.ExitCode(0), new Check.ContainerState("feito-no-terminal", "created")), "", 1);

    StepResult before = runner.check(lesson, create, session, Map.of(), e -> {});
    assertThat(before.passed()).isFalse();
    assertThat(engine.containers().inspect(new dev.workbench.engine.Scope(session, lesson.id()),
        "feito-no-terminal")).as("Conferir creates nothing").isEmpty();

    engine.containers().create(new dev.workbench.engine.Scope(session, lesson.id()), spec, Map.of());
    StepResult after = runner.check(lesson, create, session, Map.of(), e -> {});
    assertThat(after.passed()).isTrue();
    assertThat(after.checks()).hasSize(1).allMatch(StepResult.CheckResult::passed);

    Step onlyOutput = new Step("so-saida", "", "docker images", Map.of(), new Action.ListImages(),
        List.of(new Check.OutputContains("x")), "", 1);
    assertThat(runner.check(lesson, onlyOutput, session, Map.of(), e -> {}).message())
        .isEqualTo(StepRunner.ONLY_BY_RUNNING);
  }
}
