package dev.workbench.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
    return write(lessons, folder, Language.PT_BR, content);
  }

  /** {@code lessons/<folder>/lesson.en.md} with {@code content}; returns the translation file. */
  static Path writeEnglish(Path lessons, String folder, String content) {
    return write(lessons, folder, Language.EN, content);
  }

  private static Path write(Path lessons, String folder, Language language, String content) {
    try {
      Path dir = Files.createDirectories(lessons.resolve(folder));
      return Files.writeString(dir.resolve(language.fileName()), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives every lesson without a translation a copy of itself as one: the same steps, surely. */
  static void translateVerbatim(Path lessons) {
    try (Stream<Path> folders = Files.list(lessons)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        Path original = folder.resolve("lesson.md");
        Path translation = folder.resolve("lesson.en.md");
        if (Files.isRegularFile(original) && !Files.exists(translation)) {
          Files.copy(original, translation);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-lesson course whose only step is {@code yaml}, written at line 7. */
  static Path withStep(Path lessons, String yaml) {
    return write(lessons, "01-demo", front("demo", 1) + step(yaml));
  }
}
