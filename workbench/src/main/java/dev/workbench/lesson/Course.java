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
 *
 * @param lessons the pt-BR lessons ({@code lesson.md}), which define the course: ids, order, steps
 * @param english the English translations ({@code lesson.en.md}) by lesson id; a lesson without a
 *     valid translation has no entry here (lint reports it) and is shown in pt-BR
 */
public record Course(
    List<Lesson> lessons, Map<String, Lesson> english, List<LessonFormatError> problems) {

  public Course {
    lessons = List.copyOf(lessons);
    english = Map.copyOf(english);
    problems = List.copyOf(problems);
  }

  /** A course in pt-BR only. */
  public Course(List<Lesson> lessons, List<LessonFormatError> problems) {
    this(lessons, Map.of(), problems);
  }

  /**
   * Reads every lesson under {@code lessonsDir} ({@code NN-id/lesson.md}, and its translation
   * {@code NN-id/lesson.en.md} when there is one), sorted by order. A lesson whose id is already
   * taken is left out (links and progress would be ambiguous); a repeated order is reported and
   * kept. A translation must keep its lesson's id, or it is reported and left out.
   */
  public static Course load(Path lessonsDir) {
    List<Lesson> lessons = new ArrayList<>();
    Map<Path, Lesson> translations = new HashMap<>();
    List<LessonFormatError> problems = new ArrayList<>();
    for (Path folder : lessonFolders(lessonsDir)) {
      Path file = folder.resolve(Language.PT_BR.fileName());
      if (!Files.isRegularFile(file)) {
        problems.add(
            new LessonFormatError(
                file, 1, "missing: each NN-id folder holds its lesson in lesson.md"));
        continue;
      }
      Lesson lesson = LessonParser.parse(file, problems);
      Path translated = folder.resolve(Language.EN.fileName());
      Lesson english =
          Files.isRegularFile(translated) ? LessonParser.parse(translated, problems) : null;
      if (lesson != null) {
        lessons.add(lesson);
        if (english != null && sameId(lesson, english, problems)) {
          translations.put(file, english);
        }
      }
    }
    List<Lesson> unique = withoutRepeatedIds(lessons, problems);
    reportRepeatedOrders(unique, problems);
    unique.sort(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id));
    Map<String, Lesson> english = new HashMap<>();
    for (Lesson lesson : unique) {
      Lesson translation = translations.get(lesson.source());
      if (translation != null) {
        english.put(lesson.id(), translation);
      }
    }
    return new Course(unique, english, problems);
  }

  public Optional<Lesson> find(String id) {
    return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The lesson in {@code language}; in pt-BR when it has no English translation. */
  public Optional<Lesson> find(String id, Language language) {
    return find(id).map(lesson -> in(lesson, language));
  }

  /** Every lesson in course order, each in {@code language} where it is translated. */
  public List<Lesson> lessons(Language language) {
    return lessons.stream().map(lesson -> in(lesson, language)).toList();
  }

  private Lesson in(Lesson lesson, Language language) {
    return language == Language.EN ? english.getOrDefault(lesson.id(), lesson) : lesson;
  }

  private static boolean sameId(
      Lesson lesson, Lesson translation, List<LessonFormatError> problems) {
    if (lesson.id().equals(translation.id())) {
      return true;
    }
    problems.add(
        new LessonFormatError(
            translation.source(),
            1,
            "front matter: id '"
                + translation.id()
                + "' differs from lesson.md's '"
                + lesson.id()
                + "': a translation keeps its lesson's id"));
    return false;
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
