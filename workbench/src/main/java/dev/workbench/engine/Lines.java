package dev.workbench.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reassembles lines from chunks that may split them anywhere (log frames, build streams, a
 * process's output). Bytes are kept until the newline and only then decoded, so a character split
 * between two frames arrives whole. A line longer than {@link #MAX_LINE} bytes is cut there: its
 * first part goes on with a mark, the rest is dropped up to the next newline, so a program that
 * prints without a newline cannot grow the buffer without end.
 */
final class Lines {
  /** Longer than any line a person reads; what a lesson's checks look for fits well within it. */
  static final int MAX_LINE = 16 * 1024;

  static final String CUT = " … [linha cortada]";

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final Consumer<String> sink;
  private boolean skipping;

  Lines(Consumer<String> sink) {
    this.sink = sink;
  }

  synchronized void accept(String chunk) {
    byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
    accept(bytes, 0, bytes.length);
  }

  synchronized void accept(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int start = offset;
    while (start < end) {
      int newline = start;
      while (newline < end && bytes[newline] != '\n') {
        newline++;
      }
      if (!skipping) {
        int take = Math.min(newline - start, MAX_LINE - pending.size());
        pending.write(bytes, start, take);
        if (take < newline - start) {
          emit(CUT);
          skipping = true;
        }
      }
      if (newline == end) {
        return;
      }
      if (!skipping) {
        emit("");
      }
      skipping = false;
      start = newline + 1;
    }
  }

  synchronized void flush() {
    if (!skipping && pending.size() > 0) {
      emit("");
    }
    pending.reset();
    skipping = false;
  }

  private void emit(String suffix) {
    String line = pending.toString(StandardCharsets.UTF_8);
    if (suffix.isEmpty() && line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    pending.reset();
    sink.accept(line + suffix);
  }
}
