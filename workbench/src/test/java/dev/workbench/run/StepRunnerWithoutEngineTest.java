package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Mount;
import dev.workbench.step.Param;
import dev.workbench.step.Step;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a learner sees when the engine is away or a parameter is bad: a message, never a crash. */
class StepRunnerWithoutEngineTest {
  @TempDir Path dataDir;

  private final Lesson lesson =
      new Lesson("volumes", "Volumes", 4, "", Path.of("lesson.md"), List.of());

  private Step runStep(List<Mount> mounts) {
    ContainerSpec spec =
        new ContainerSpec(
            "efemero",
            "workbench/debian:bookworm",
            List.of("true"),
            null,
            mounts,
            null,
            null,
            null,
            null);
    return new Step(
        "escreve",
        "Escreve",
        "docker run …",
        Map.of("PASTA", new Param("PASTA", "dados", null, "")),
        new Action.RunContainer(spec, false),
        List.of(new Check.ExitCode(0)),
        "",
        10);
  }

  private Engine absentEngine() {
    return new Engine(URI.create("unix://" + dataDir.resolve("no-engine.sock")), dataDir);
  }

  @Test
  void a_step_fails_with_how_to_start_the_engine_when_it_is_away() {
    try (Engine engine = absentEngine()) {
      List<RunEvent> events = new ArrayList<>();
      StepResult result =
          new StepRunner(engine, dataDir)
              .run(lesson, runStep(List.of()), new Session("abcd1234"), Map.of(), events::add);
      assertThat(engine.available()).isFalse();
      assertThat(result.passed()).isFalse();
      assertThat(result.message()).startsWith(EngineUnavailable.HOW_TO_START);
      assertThat(events.get(0)).isInstanceOf(RunEvent.Started.class);
      assertThat(events.get(events.size() - 1)).isInstanceOf(RunEvent.Finished.class);
    }
  }

  @Test
  void a_parameter_that_climbs_out_of_the_learners_files_is_refused_before_anything_runs() {
    Step step = runStep(List.of(new Mount.Bind("${PASTA}", "/root", false)));
    try (Engine engine = absentEngine()) {
      List<RunEvent> events = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  new StepRunner(engine, dataDir)
                      .run(
                          lesson,
                          step,
                          new Session("abcd1234"),
                          Map.of("PASTA", "x/../../../etc"),
                          events::add))
          .isInstanceOf(InvalidParameter.class)
          .hasMessageContaining("..");
      assertThat(events).isEmpty();
    }
  }

  @Test
  void an_unknown_parameter_is_refused() {
    try (Engine engine = absentEngine()) {
      assertThatThrownBy(
              () ->
                  new StepRunner(engine, dataDir)
                      .run(
                          lesson,
                          runStep(List.of()),
                          new Session("abcd1234"),
                          Map.of("NOPE", "x"),
                          e -> {}))
          .isInstanceOf(InvalidParameter.class)
          .hasMessageContaining("NOPE");
    }
  }

  @Test
  void a_value_outside_the_parameters_pattern_is_refused() {
    try (Engine engine = absentEngine()) {
      assertThatThrownBy(
              () ->
                  new StepRunner(engine, dataDir)
                      .run(
                          lesson,
                          runStep(List.of()),
                          new Session("abcd1234"),
                          Map.of("PASTA", "a\u0000b"),
                          e -> {}))
          .isInstanceOf(InvalidParameter.class)
          .hasMessageContaining("PASTA");
    }
  }
}
