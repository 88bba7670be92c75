package dev.workbench.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes lesson folders for tests: a front matter, then whatever body the test needs. */
final class LessonFiles {
  private LessonFiles() {}

  /** Five lines of front matter and a blank line: a step written right after starts on line 7. */
  static String front(String id, int order) {
    return "---\nid: " + id + "\ntitle: Demo\norder: " + order + "\n---\n\n";
  }

  static String step(String yaml) {
    return "```step\n" + yaml.strip() + "\n```\n";
  }

  /** {@code lessons/<folder>/lesson.md} with {@code content}; returns the lesson file. */
  static Path write(Path lessons, String folder, String content) {
    try {
      Path dir = Files.createDirectories(lessons.resolve(folder));
      return Files.writeString(dir.resolve("lesson.md"), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-lesson course whose only step is {@code yaml}, written at line 7. */
  static Path withStep(Path lessons, String yaml) {
    return write(lessons, "01-demo", front("demo", 1) + step(yaml));
  }
}
