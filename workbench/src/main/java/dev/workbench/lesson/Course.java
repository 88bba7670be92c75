package dev.workbench.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every lesson of the course in order, plus the files that failed to parse: a malformed lesson is
 * reported, never a reason for the site to stop.
 */
public record Course(List<Lesson> lessons, List<LessonFormatError> problems) {

  public Course {
    lessons = List.copyOf(lessons);
    problems = List.copyOf(problems);
  }

  /** Reads every lesson under {@code lessonsDir} ({@code NN-id/lesson.md}), sorted by order. */
  public static Course load(Path lessonsDir) {
    throw new UnsupportedOperationException("TODO");
  }

  public Optional<Lesson> find(String id) {
    return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
  }
}
