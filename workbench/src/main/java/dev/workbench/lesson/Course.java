package dev.workbench.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every lesson of the course in order, plus the files that failed to parse: a malformed lesson is
 * reported, never a reason for the site to stop.
 */
public record Course(List<Lesson> lessons, List<LessonFormatError> problems) {

  public Course {
    lessons = List.copyOf(lessons);
    problems = List.copyOf(problems);
  }

  /**
   * Reads every lesson under {@code lessonsDir} ({@code NN-id/lesson.md}), sorted by order. A
   * lesson whose id is already taken is left out (links and progress would be ambiguous); a
   * repeated order is reported and kept.
   */
  public static Course load(Path lessonsDir) {
    List<Lesson> lessons = new ArrayList<>();
    List<LessonFormatError> problems = new ArrayList<>();
    for (Path folder : lessonFolders(lessonsDir)) {
      Path file = folder.resolve("lesson.md");
      if (!Files.isRegularFile(file)) {
        problems.add(
            new LessonFormatError(
                file, 1, "missing: each NN-id folder holds its lesson in lesson.md"));
        continue;
      }
      Lesson lesson = LessonParser.parse(file, problems);
      if (lesson != null) {
        lessons.add(lesson);
      }
    }
    List<Lesson> unique = withoutRepeatedIds(lessons, problems);
    reportRepeatedOrders(unique, problems);
    unique.sort(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id));
    return new Course(unique, problems);
  }

  public Optional<Lesson> find(String id) {
    return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  private static List<Path> lessonFolders(Path lessonsDir) {
    if (!Files.isDirectory(lessonsDir)) {
      throw new IllegalArgumentException("não há pasta de lições em " + lessonsDir);
    }
    try (Stream<Path> entries = Files.list(lessonsDir)) {
      return entries
          .filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("\\d+-.+"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Lesson> withoutRepeatedIds(
      List<Lesson> lessons, List<LessonFormatError> problems) {
    Map<String, Lesson> byId = new HashMap<>();
    List<Lesson> unique = new ArrayList<>();
    for (Lesson lesson : lessons) {
      Lesson first = byId.putIfAbsent(lesson.id(), lesson);
      if (first == null) {
        unique.add(lesson);
      } else {
        problems.add(
            new LessonFormatError(
                lesson.source(),
                1,
                "front matter: id '"
                    + lesson.id()
                    + "' is already used by "
                    + folderAndFile(first)));
      }
    }
    return unique;
  }

  private static void reportRepeatedOrders(List<Lesson> lessons, List<LessonFormatError> problems) {
    Map<Integer, Lesson> byOrder = new HashMap<>();
    for (Lesson lesson : lessons) {
      Lesson first = byOrder.putIfAbsent(lesson.order(), lesson);
      if (first != null) {
        problems.add(
            new LessonFormatError(
                lesson.source(),
                1,
                "front matter: order "
                    + lesson.order()
                    + " is already used by "
                    + folderAndFile(first)));
      }
    }
  }

  private static String folderAndFile(Lesson lesson) {
    Path source = lesson.source();
    return source.getParent() == null
        ? source.toString()
        : source.getParent().getFileName() + "/" + source.getFileName();
  }
}
