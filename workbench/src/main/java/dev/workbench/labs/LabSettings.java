package dev.workbench.labs;

import dev.workbench.engine.Quotas;
import dev.workbench.step.Limits;
import java.time.Duration;

/**
 * How hosted labs behave on this machine.
 *
 * @param capacity the most labs running (or starting) at once; past it a new learner gets {@link
 *     LabsFull}
 * @param spawnLimit the most labs starting at once; the others wait in a queue whose place the page
 *     shows (starting a dockerd is the costly part: many at once slow all of them)
 * @param warm labs started before anyone asks, so a first step waits only for a container
 * @param idleAfter a lab with no learner action for this long is stopped (its data stays)
 * @param warnBefore how long before that stop the page warns
 * @param maxAge the longest a lab runs, unless the instructor extends it
 * @param limits memory, CPU and processes of each lab's container
 * @param quotas what a learner may hold in their lab
 */
public record LabSettings(
    int capacity,
    int spawnLimit,
    int warm,
    Duration idleAfter,
    Duration warnBefore,
    Duration maxAge,
    Limits limits,
    Quotas quotas) {
  /** A lab's container: enough for the course's JVM lessons, far less than a learner's laptop. */
  public static final Limits LAB_LIMITS = new Limits(1536L << 20, 1.0, 1024);

  public static final LabSettings DEFAULT =
      new LabSettings(
          30,
          3,
          0,
          Duration.ofMinutes(30),
          Duration.ofMinutes(5),
          Duration.ofHours(4),
          LAB_LIMITS,
          Quotas.DEFAULT);

  public LabSettings {
    if (capacity < 1 || spawnLimit < 1 || warm < 0 || warm > capacity) {
      throw new IllegalArgumentException(
          "labs: capacity and spawn limit at least 1, warm between 0 and capacity");
    }
    if (!warnBefore.isNegative() && warnBefore.compareTo(idleAfter) >= 0) {
      warnBefore = idleAfter.dividedBy(2);
    }
  }

  public LabSettings withCapacity(int newCapacity) {
    return new LabSettings(
        newCapacity,
        spawnLimit,
        Math.min(warm, newCapacity),
        idleAfter,
        warnBefore,
        maxAge,
        limits,
        quotas);
  }

  public LabSettings withWarm(int newWarm) {
    return new LabSettings(
        capacity, spawnLimit, newWarm, idleAfter, warnBefore, maxAge, limits, quotas);
  }

  public LabSettings withSpawnLimit(int newLimit) {
    return new LabSettings(capacity, newLimit, warm, idleAfter, warnBefore, maxAge, limits, quotas);
  }

  public LabSettings withIdle(Duration after, Duration warning) {
    return new LabSettings(capacity, spawnLimit, warm, after, warning, maxAge, limits, quotas);
  }

  public LabSettings withMaxAge(Duration age) {
    return new LabSettings(capacity, spawnLimit, warm, idleAfter, warnBefore, age, limits, quotas);
  }

  public LabSettings withQuotas(Quotas newQuotas) {
    return new LabSettings(
        capacity, spawnLimit, warm, idleAfter, warnBefore, maxAge, limits, newQuotas);
  }
}
