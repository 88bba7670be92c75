package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.workbench.Workbench;
import dev.workbench.step.Step;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real course in lessons/: every lesson in both languages, telling the same steps. */
class TheCourseTest {

  private final Path root = Workbench.projectRoot();
  private final Course course = Course.load(root.resolve("lessons"));

  @Test
  void every_lesson_has_an_english_translation_with_the_same_steps_in_the_same_order() {
    assertThat(course.problems()).isEmpty();
    assertThat(course.lessons()).hasSize(9);
    for (Lesson original : course.lessons()) {
      Lesson english = course.find(original.id(), Language.EN).orElseThrow();
      assertThat(english.source()).as(original.id()).hasFileName("lesson.en.md");
      assertThat(english.steps())
          .as("steps of %s", original.id())
          .extracting(Step::id, Step::action, Step::expect, Step::cli)
          .containsExactlyElementsOf(
              original.steps().stream()
                  .map(s -> tuple(s.id(), s.action(), s.expect(), s.cli()))
                  .toList());
      assertThat(english.summary())
          .as("summary of %s", original.id())
          .isNotEqualTo(original.summary());
    }
  }

  @Test
  void lint_finds_nothing_in_the_course() {
    assertThat(LessonLinter.lint(course, root)).isEmpty();
  }
}
