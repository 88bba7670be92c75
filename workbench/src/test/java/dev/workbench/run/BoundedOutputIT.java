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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A container that prints without pause: the run keeps within its caps, says so, and ends. */
class BoundedOutputIT {
  private static final String IMAGE = "workbench/debian:bookworm";

  @TempDir Path dataDir;
  Engine engine;
  StepRunner runner;
  Session session;

  @BeforeEach
  void connect() {
    engine = TestEngines.require(dataDir);
    engine.images().provide(IMAGE, OutputSink.NONE);
    runner = new StepRunner(engine, TestEngines.projectRoot());
    session = CourseRun.newSession();
  }

  @AfterEach
  void cleanUp() {
    runner.close();
    engine.removeAll(session, null);
    engine.close();
  }

  @Test
  void
      a_container_printing_without_end_keeps_the_run_within_its_caps_and_the_step_still_ends_with_its_checks() {
    // yes prints as fast as it can (a line without end from tr after it); timeout stops it, for the
    // test's sake
    ContainerSpec spec =
        new ContainerSpec(
            "tagarela",
            IMAGE,
            List.of(
                "sh", "-c", "timeout 4 yes; timeout 2 sh -c 'yes | tr -d \"\\n\"'; echo; echo fim"),
            null,
            null,
            null,
            null,
            null,
            null);
    Step step =
        new Step(
            "tagarela",
            "Falar sem parar",
            "docker run tagarela",
            Map.of(),
            new Action.RunContainer(spec, false),
            List.of(new Check.ExitCode(0), new Check.ContainerState("tagarela", "exited")),
            "",
            1);
    Lesson lesson =
        new Lesson("limites", "Limites", 1, "", dataDir.resolve("lesson.md"), List.of());
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();

    StepResult result = runner.run(lesson, step, session, Map.of(), events::add);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(90));
    List<RunEvent.Output> output =
        events.stream()
            .filter(RunEvent.Output.class::isInstance)
            .map(RunEvent.Output.class::cast)
            .toList();
    long bytes =
        output.stream().mapToLong(o -> o.text().getBytes(StandardCharsets.UTF_8).length).sum();
    assertThat(output.size()).isLessThanOrEqualTo(StepRunner.MAX_OUTPUT_EVENTS + 2);
    assertThat(bytes).isLessThanOrEqualTo(StepRunner.MAX_OUTPUT_BYTES + 1_000);
    assertThat(output)
        .filteredOn(o -> o.text().startsWith(StepRunner.OUTPUT_CUT))
        .hasSize(1)
        .allSatisfy(o -> assertThat(o.stream()).isEqualTo("info"));
    assertThat(events).filteredOn(RunEvent.CheckDone.class::isInstance).hasSize(2);
    assertThat(events).last().isInstanceOf(RunEvent.Finished.class);
    assertThat(result.passed()).as(result.message() + " " + result.checks()).isTrue();
    assertThat(result.output().length()).isLessThanOrEqualTo(StepRunner.MAX_OUTPUT_BYTES);
  }
}
