package dev.workbench.notebook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The remote JVM's {@code System.out} (or {@code err}) as it arrives: bytes become UTF-8 lines
 * handed on one by one, as they happen. A line that never ends is handed on in pieces, so {@code
 * print} in a loop still reaches the page and the output cap.
 */
final class LineStream extends OutputStream {
  private static final int LONGEST_LINE = 8 * 1024;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final Consumer<String> lines;

  LineStream(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      pending.write(b);
      if (pending.size() >= LONGEST_LINE) {
        emit();
      }
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  /**
   * Hands on a line the snippet left unfinished (a {@code print} without newline) once the cell is
   * over. Not {@link #flush()}: JShell flushes after every chunk it forwards, mid-line.
   */
  synchronized void endLine() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
  }
}
