package dev.workbench.lesson;

import java.nio.file.Path;

/** A lesson file that cannot be read as a lesson; the message reads {@code file:line: problem}. */
public final class LessonFormatError extends RuntimeException {
  private final Path file;
  private final int line;
  private final String problem;

  public LessonFormatError(Path file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String problem() {
    return problem;
  }
}
