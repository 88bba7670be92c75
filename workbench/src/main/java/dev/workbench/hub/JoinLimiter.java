package dev.workbench.hub;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How often the join endpoint answers. Two limits, for two dangers: wrong codes per address
 * (someone trying codes: {@link #MAX_WRONG} in {@link #WRONG_WINDOW}) and joins in all (a flood
 * filling the roster: a bucket of {@link #BURST} refilled at {@link #PER_SECOND} a second, room for
 * a whole class joining at once behind one router).
 */
public final class JoinLimiter {
  static final int MAX_WRONG = 10;
  static final Duration WRONG_WINDOW = Duration.ofMinutes(10);
  static final int BURST = 600;
  static final int PER_SECOND = 30;

  /** Addresses remembered; past it the oldest is forgotten, so the map cannot grow without end. */
  private static final int ADDRESSES = 10_000;

  private final LongSupplier nanos;
  private final Map<String, Deque<Long>> wrong =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
          return size() > ADDRESSES;
        }
      };
  private double tokens = BURST;
  private long refilled;

  public JoinLimiter() {
    this(System::nanoTime);
  }

  JoinLimiter(LongSupplier nanos) {
    this.nanos = nanos;
    this.refilled = nanos.getAsLong();
  }

  /** True when a join from {@code address} may be tried now; takes one place from the bucket. */
  public synchronized boolean allow(String address) {
    long now = nanos.getAsLong();
    Deque<Long> failures = wrong.get(address);
    if (failures != null) {
      while (!failures.isEmpty() && now - failures.peekFirst() > WRONG_WINDOW.toNanos()) {
        failures.pollFirst();
      }
      if (failures.size() >= MAX_WRONG) {
        return false;
      }
    }
    tokens = Math.min(BURST, tokens + (now - refilled) / 1e9 * PER_SECOND);
    refilled = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** Counts a wrong code against the address. */
  public synchronized void wrongCode(String address) {
    wrong.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(nanos.getAsLong());
  }
}
