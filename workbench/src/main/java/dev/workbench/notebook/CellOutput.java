package dev.workbench.notebook;

import dev.workbench.engine.OutputSink;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * What one cell prints, on its way to the learner: counted against the cap and, once the cell is
 * over its limit or finished, silenced, so a stopped snippet's last gasps (a {@code ThreadDeath},
 * lines still in flight) never land in the next cell.
 */
final class CellOutput {
  private final OutputSink sink;
  private final int cap;
  private final String capText;
  private final CompletableFuture<Void> capReached = new CompletableFuture<>();
  private long bytes;
  private boolean closed;

  CellOutput(OutputSink sink, NotebookLimits limits) {
    this.sink = sink;
    this.cap = limits.outputCap();
    this.capText = limits.outputCapText();
  }

  void out(String line) {
    emit(line, false);
  }

  void err(String line) {
    emit(line, true);
  }

  /** The workbench's narration: not the program's output, so not counted. */
  synchronized void info(String line) {
    if (!closed) {
      sink.info(line);
    }
  }

  /** Completes when the cell has printed more than the cap; the kernel then stops the snippet. */
  CompletableFuture<Void> capReached() {
    return capReached;
  }

  boolean overCap() {
    return capReached.isDone();
  }

  /** Nothing more reaches the learner through this cell. */
  synchronized void close() {
    closed = true;
  }

  private synchronized void emit(String line, boolean error) {
    if (closed) {
      return;
    }
    bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
    if (bytes > cap) {
      closed = true;
      sink.err("saída cortada em " + capText);
      capReached.complete(null);
      return;
    }
    if (error) {
      sink.err(line);
    } else {
      sink.out(line);
    }
  }
}
