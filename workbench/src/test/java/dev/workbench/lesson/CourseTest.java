package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseTest {

  @TempDir Path lessons;

  @Test
  void loads_lesson_folders_sorted_by_order_and_ignores_other_files() throws IOException {
    LessonFiles.write(lessons, "01-segunda", LessonFiles.front("segunda", 2));
    LessonFiles.write(lessons, "02-primeira", LessonFiles.front("primeira", 1));
    Files.writeString(lessons.resolve("README.md"), "# O formato\n");
    Files.createDirectories(lessons.resolve("assets"));

    Course course = Course.load(lessons);

    assertThat(course.lessons()).extracting(Lesson::id).containsExactly("primeira", "segunda");
    assertThat(course.problems()).isEmpty();
    assertThat(course.find("segunda")).isPresent();
  }

  @Test
  void keeps_the_good_lessons_when_one_is_broken() {
    LessonFiles.write(lessons, "01-boa", LessonFiles.front("boa", 1));
    Path broken =
        LessonFiles.write(
            lessons,
            "02-quebrada",
            LessonFiles.front("quebrada", 2) + LessonFiles.step("id: x\ndo: nada"));

    Course course = Course.load(lessons);

    assertThat(course.lessons()).extracting(Lesson::id).containsExactly("boa");
    assertThat(course.problems())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.file()).isEqualTo(broken);
              assertThat(e.line()).isEqualTo(7);
            });
  }

  @Test
  void a_repeated_id_drops_the_later_lesson_and_a_repeated_order_is_reported() {
    LessonFiles.write(lessons, "01-a", LessonFiles.front("a", 1));
    Path sameId = LessonFiles.write(lessons, "02-a", LessonFiles.front("a", 2));
    Path sameOrder = LessonFiles.write(lessons, "03-b", LessonFiles.front("b", 1));

    Course course = Course.load(lessons);

    assertThat(course.lessons()).extracting(Lesson::id).containsExactly("a", "b");
    assertThat(course.problems())
        .extracting(LessonFormatError::getMessage)
        .containsExactly(
            sameId + ":1: front matter: id 'a' is already used by 01-a/lesson.md",
            sameOrder + ":1: front matter: order 1 is already used by 01-a/lesson.md");
  }

  @Test
  void a_lesson_folder_without_lesson_md_is_a_problem() throws IOException {
    Files.createDirectories(lessons.resolve("05-redes"));

    assertThat(Course.load(lessons).problems())
        .extracting(LessonFormatError::problem)
        .containsExactly("missing: each NN-id folder holds its lesson in lesson.md");
  }
}
