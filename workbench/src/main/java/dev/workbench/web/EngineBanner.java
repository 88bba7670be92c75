package dev.workbench.web;

import dev.workbench.engine.Engine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether pages show the "no Docker" banner. Asking the engine costs a fresh connection (a pooled
 * one would keep answering for a stopping engine), far more than rendering a page, so pages use an
 * answer at most a second old: one request asks again while the others use the last answer. The
 * page's script asks {@code /api/engine} itself and corrects the banner within seconds anyway.
 */
final class EngineBanner {
  private static final long MAX_AGE_NANOS = 1_000_000_000L;

  private final Engine engine;
  private final AtomicBoolean asking = new AtomicBoolean();
  private volatile boolean available;
  private volatile long askedAt;
  private volatile boolean asked;

  EngineBanner(Engine engine) {
    this.engine = engine;
  }

  boolean engineDown() {
    if (!asked) {
      ask(); // the first page waits for a real answer
    } else if (System.nanoTime() - askedAt > MAX_AGE_NANOS && asking.compareAndSet(false, true)) {
      try {
        ask();
      } finally {
        asking.set(false);
      }
    }
    return !available;
  }

  private void ask() {
    available = engine.available();
    askedAt = System.nanoTime();
    asked = true;
  }
}
