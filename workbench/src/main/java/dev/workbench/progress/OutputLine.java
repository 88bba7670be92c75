package dev.workbench.progress;

/**
 * One line a learner saw a run print, with the stream it came from as data: {@code out} (the
 * program's standard output), {@code err} (its errors) or {@code info} (the workbench's own notes).
 * Kept apart rather than as a prefix on the text, so a program line that happens to begin like a
 * prefix is never taken for another stream.
 */
public record OutputLine(String stream, String text) {
  public OutputLine {
    stream = stream == null ? "out" : stream;
    text = text == null ? "" : text;
  }

  public static OutputLine out(String text) {
    return new OutputLine("out", text);
  }
}
