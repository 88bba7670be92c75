package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Snapshot;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every lesson, step by step, through the same runner as the site, against the real engine. */
class LessonsIT {
  @TempDir static Path dataDir;
  static Engine engine;
  static StepRunner runner;
  static Session session;

  @BeforeAll
  static void connect() {
    engine = TestEngines.require(dataDir);
    runner = new StepRunner(engine, TestEngines.projectRoot());
    session = CourseRun.newSession();
  }

  @AfterAll
  static void cleanUp() {
    if (engine != null) {
      runner.close();
      engine.removeAll(session, null);
      engine.close();
    }
  }

  @TestFactory
  Stream<DynamicContainer> every_lesson_passes_step_by_step_and_leaves_nothing_behind() {
    Course course = Course.load(TestEngines.projectRoot().resolve("lessons"));
    assertThat(course.problems()).as("lesson files that do not parse").isEmpty();
    assertThat(course.lessons()).extracting(Lesson::id)
        .containsExactly("problema", "imagens", "conteineres", "volumes", "redes", "orquestracao", "notebook",
            "producao", "nuvem");
    return course.lessons().stream().map(lesson -> dynamicContainer(lesson.id(),
        Stream.concat(lesson.steps().stream().map(step -> runs(lesson, step)), Stream.of(resetLeavesNothing(lesson)))));
  }

  private static DynamicTest runs(Lesson lesson, Step step) {
    return dynamicTest(step.id(), () -> {
      StepResult result = runner.run(lesson, step, session, Map.of(), event -> {});
      assertThat(result.passed()).as("%s/%s: %s%nchecks: %s%noutput:%n%s", lesson.id(), step.id(), result.message(),
          result.checks(), result.output()).isTrue();
    });
  }

  private static DynamicTest resetLeavesNothing(Lesson lesson) {
    return dynamicTest("reset leaves nothing labelled with the lesson", () -> {
      runner.resetLesson(session, lesson.id());
      Snapshot left = engine.snapshot(session);
      assertThat(left.containers().stream().filter(c -> lesson.id().equals(c.lesson())).collect(Collectors.toList()))
          .isEmpty();
      assertThat(left.networks().stream().filter(n -> lesson.id().equals(n.lesson())).collect(Collectors.toList()))
          .isEmpty();
      assertThat(left.volumes().stream().filter(v -> lesson.id().equals(v.lesson())).collect(Collectors.toList()))
          .isEmpty();
    });
  }
}
