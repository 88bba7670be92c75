package dev.workbench.lesson;

import java.nio.file.Path;
import java.util.List;

/** Where the rules of one lesson file report: each finding at the line it is about. */
final class Findings {
  private final Path file;
  private final List<LessonFormatError> sink;

  Findings(Path file, List<LessonFormatError> sink) {
    this.file = file;
    this.sink = sink;
  }

  Path file() {
    return file;
  }

  void add(int line, String message) {
    sink.add(new LessonFormatError(file, line, message));
  }
}
