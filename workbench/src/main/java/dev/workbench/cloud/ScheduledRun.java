package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Workers;
import java.time.Duration;
import java.time.Instant;

/**
 * One run of a schedule: a fresh container from the released image (a one-off dyno, a cron job's
 * process), run to its end, its outcome kept, the container removed.
 */
final class ScheduledRun {
  private final Engine remote;
  private final Scope scope;
  private final Cloud.Release release;
  private final int number;

  ScheduledRun(Engine remote, Scope scope, Cloud.Release release, int number) {
    this.remote = remote;
    this.scope = scope;
    this.release = release;
    this.number = number;
  }

  Schedule.Run run() {
    Instant started = Instant.now();
    String name = release.name() + "-" + number;
    Workers workers = new Workers(remote);
    Tail last = new Tail();
    try {
      workers.create(
          scope, name, release.reference().toString(), release.env(), release.hostNetwork());
      int code = workers.runAttached(scope, name, last, Cloud.RUN_TIMEOUT);
      return new Schedule.Run(
          number, started, Duration.between(started, Instant.now()), code, last.text());
    } catch (RuntimeException e) {
      return new Schedule.Run(
          number,
          started,
          Duration.between(started, Instant.now()),
          -1,
          "não rodou: " + e.getMessage());
    } finally {
      try {
        workers.remove(scope, name);
      } catch (RuntimeException e) {
        // the engine is gone or the container never existed: nothing to remove
      }
    }
  }

  /** Keeps the last lines the run printed, joined: the job's own summary. */
  private static final class Tail implements OutputSink {
    private final java.util.ArrayDeque<String> lines = new java.util.ArrayDeque<>();

    public synchronized void out(String line) {
      if (!line.isBlank()) {
        lines.addLast(line.strip());
        if (lines.size() > 4) {
          lines.removeFirst();
        }
      }
    }

    public void err(String line) {
      out(line);
    }

    public void info(String line) {}

    public void progress(String label, long current, long total) {}

    synchronized String text() {
      return String.join(", ", lines);
    }
  }
}
