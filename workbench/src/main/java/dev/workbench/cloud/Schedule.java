package dev.workbench.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recurring run, as a cloud's scheduler (Heroku Scheduler, cron) runs a job: every period, one at
 * a time (a run that overruns delays the next, never overlaps it), each outcome kept for the list.
 */
final class Schedule {
  private static final Pattern EVERY = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
  static final Duration SHORTEST = Duration.ofSeconds(5);

  /**
   * One ended run: when, how long, its exit code (-1: it could not run) and its last output line.
   */
  record Run(int number, Instant started, Duration took, int exitCode, String summary) {}

  private final Duration every;
  private final ScheduledExecutorService timer;
  private final List<Run> runs = new ArrayList<>();

  /**
   * @param job runs the n-th run (1, 2, …) to its end and reports it
   */
  Schedule(Duration every, String name, IntFunction<Run> job) {
    this.every = every;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "workbench-schedule-" + name);
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        () -> record(job), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** {@code 15s}, {@code 2m}, {@code 1h}, {@code 1d}: at least {@link #SHORTEST}. */
  static Duration parse(String every) {
    Matcher m = EVERY.matcher(every.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'every' deve ser um número e uma unidade (s, m, h, d), como 15s ou 1d; veio '"
              + every
              + "'");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException(
          "o intervalo mínimo é " + SHORTEST.toSeconds() + " s; veio '" + every + "'");
    }
    return d;
  }

  Duration every() {
    return every;
  }

  private void record(IntFunction<Run> job) {
    int number;
    synchronized (runs) {
      number = runs.size() + 1;
    }
    Run run = job.apply(number);
    synchronized (runs) {
      runs.add(run);
      runs.notifyAll();
    }
  }

  List<Run> runs() {
    synchronized (runs) {
      return List.copyOf(runs);
    }
  }

  /**
   * Waits until {@code count} runs have ended, or {@code patience} has passed; returns the runs.
   */
  List<Run> awaitRuns(int count, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    synchronized (runs) {
      while (runs.size() < count) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || timer.isShutdown()) {
          break;
        }
        runs.wait(left);
      }
      return List.copyOf(runs);
    }
  }

  /** No new runs; a run under way gets {@code patience} to end, then is interrupted. */
  void stop(Duration patience) {
    timer.shutdown();
    synchronized (runs) {
      runs.notifyAll();
    }
    try {
      if (!timer.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      timer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
