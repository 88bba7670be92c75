package dev.workbench.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How long to wait for something that is starting (a server in a just-started container, a
 * registry, an emulator, a remote engine, an exit status) and how often to look: the one
 * wait-and-retry loop, in the shape of a Testcontainers wait strategy (a check, a deadline, an
 * interval, {@link #withTimeout} to change the deadline). What counts as "not yet" is the check's
 * to say: it answers empty, or false, and catches the errors that mean "not up yet" itself, so an
 * error that means "never" still ends the wait at once.
 *
 * @param timeout how long to keep looking before giving up
 * @param interval the pause between two looks
 */
public record Wait(Duration timeout, Duration interval) {
  public Wait {
    if (timeout.isNegative() || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("a wait needs a timeout >= 0 and an interval > 0");
    }
  }

  /** Up to {@code timeout}, looking every quarter of a second. */
  public static Wait upTo(Duration timeout) {
    return new Wait(timeout, Duration.ofMillis(250));
  }

  public Wait withTimeout(Duration newTimeout) {
    return new Wait(newTimeout, interval);
  }

  public Wait every(Duration newInterval) {
    return new Wait(timeout, newInterval);
  }

  /**
   * Looks until {@code check} gives a value, at least once, however short the timeout; empty when
   * the deadline passed first. An interrupted wait ends as an {@link EngineError}, the interrupt
   * kept.
   */
  public <T> Optional<T> until(Supplier<Optional<T>> check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = check.get();
      if (value.isPresent()) {
        return value;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      try {
        Thread.sleep(Math.max(1, Math.min(interval.toMillis(), left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineError("interrompido", e);
      }
    }
  }

  /**
   * {@link #until} for a yes/no check: true once it holds, false when the deadline passed first.
   */
  public boolean untilTrue(BooleanSupplier holds) {
    return until(() -> holds.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.<Boolean>empty())
        .isPresent();
  }
}
