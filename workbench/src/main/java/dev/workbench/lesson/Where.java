package dev.workbench.lesson;

import java.nio.file.Path;

/**
 * Where a piece of a lesson file sits: the file, the line of its block and the words that name it
 * in a message ({@code step 'sem-volume': mounts #1}), so every error reads {@code file:line:
 * what}.
 */
record Where(Path file, int line, String context) {

  Where in(String part) {
    return new Where(file, line, context.isEmpty() ? part : context + ": " + part);
  }

  LessonFormatError error(String message) {
    return new LessonFormatError(
        file, line, context.isEmpty() ? message : context + ": " + message);
  }
}
