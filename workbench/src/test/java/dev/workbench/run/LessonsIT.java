package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Session;
import dev.workbench.engine.Snapshot;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

  /**
   * The lessons run one after another in one session with nothing reset in between, as a learner
   * goes through the course: lessons that use the same names (producao and nuvem both run a {@code
   * firestore}) must not meet. Then each lesson's reset removes its own and nothing else.
   */
  @TestFactory
  Stream<DynamicContainer>
      every_lesson_passes_step_by_step_and_each_reset_leaves_nothing_of_its_lesson() {
    Course course = Course.load(TestEngines.projectRoot().resolve("lessons"));
    assertThat(course.problems()).as("lesson files that do not parse").isEmpty();
    assertThat(course.lessons())
        .extracting(Lesson::id)
        .containsExactly(
            "problema",
            "imagens",
            "conteineres",
            "volumes",
            "redes",
            "orquestracao",
            "notebook",
            "producao",
            "nuvem");
    Stream<DynamicContainer> lessons =
        course.lessons().stream()
            .map(
                lesson ->
                    dynamicContainer(
                        lesson.id(), lesson.steps().stream().map(step -> runs(lesson, step))));
    Stream<DynamicTest> resets =
        course.lessons().stream().map(LessonsIT::resetLeavesOnlyOtherLessons);
    return Stream.concat(lessons, Stream.of(dynamicContainer("reset", resets)));
  }

  private static DynamicTest runs(Lesson lesson, Step step) {
    return dynamicTest(
        step.id(),
        () -> {
          // an exercise's step with the values its exercise asks for, as verify runs it
          StepResult result =
              runner.run(
                  lesson, step, session, CourseRun.headlessParams(lesson, step), event -> {});
          assertThat(result.passed())
              .as(
                  "%s/%s: %s%nchecks: %s%noutput:%n%s",
                  lesson.id(), step.id(), result.message(), result.checks(), result.output())
              .isTrue();
        });
  }

  private static DynamicTest resetLeavesOnlyOtherLessons(Lesson lesson) {
    return dynamicTest(
        lesson.id(),
        () -> {
          Map<String, Set<String>> before = byLesson(engine.snapshot(session));

          runner.resetLesson(session, lesson.id());

          Map<String, Set<String>> after = byLesson(engine.snapshot(session));
          assertThat(after).as("left of lesson %s", lesson.id()).doesNotContainKey(lesson.id());
          before.remove(lesson.id());
          assertThat(after)
              .as("the other lessons' containers, networks and volumes")
              .isEqualTo(before);
        });
  }

  /** Every container, network and volume of the session, by lesson. */
  private static Map<String, Set<String>> byLesson(Snapshot snapshot) {
    Stream<Map.Entry<String, String>> all =
        Stream.of(
                snapshot.containers().stream()
                    .map(c -> Map.entry(c.lesson(), "container " + c.name())),
                snapshot.networks().stream().map(n -> Map.entry(n.lesson(), "network " + n.name())),
                snapshot.volumes().stream().map(v -> Map.entry(v.lesson(), "volume " + v.name())))
            .flatMap(s -> s)
            .filter(e -> e.getKey() != null);
    return all.collect(
        Collectors.groupingBy(
            Map.Entry::getKey,
            TreeMap::new,
            Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(TreeSet::new))));
  }
}
