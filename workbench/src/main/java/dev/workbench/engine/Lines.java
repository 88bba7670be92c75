package dev.workbench.engine;

import java.util.function.Consumer;

/** Reassembles lines from chunks that may split them anywhere (log frames, build streams). */
final class Lines {
  private final StringBuilder pending = new StringBuilder();
  private final Consumer<String> sink;

  Lines(Consumer<String> sink) {
    this.sink = sink;
  }

  synchronized void accept(String chunk) {
    pending.append(chunk);
    int newline;
    while ((newline = pending.indexOf("\n")) >= 0) {
      String line = pending.substring(0, newline);
      pending.delete(0, newline + 1);
      sink.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
  }

  synchronized void flush() {
    if (pending.length() > 0) {
      sink.accept(pending.toString());
      pending.setLength(0);
    }
  }
}
