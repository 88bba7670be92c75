package dev.workbench.engine;

/** Where the engine narrates long work as it happens: output lines and progress. */
public interface OutputSink {
  void out(String line);

  void err(String line);

  /** The workbench's own narration (what it is doing and why), not the program's output. */
  void info(String line);

  /** Progress of a build or a pull; {@code total} is 0 when unknown. */
  void progress(String label, long current, long total);

  /**
   * True once the sink takes no more output (a run's cap was reached): whoever feeds it may stop
   * reading the program's output, which then goes unread rather than unbounded.
   */
  default boolean full() {
    return false;
  }

  OutputSink NONE =
      new OutputSink() {
        public void out(String line) {}

        public void err(String line) {}

        public void info(String line) {}

        public void progress(String label, long current, long total) {}
      };
}
