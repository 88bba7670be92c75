package dev.workbench.web;

import dev.workbench.run.RunEvent;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One browser following one run. The step's thread only puts events in a bounded queue, never
 * waiting: the sending happens on the follower's own thread, at the browser's pace. A browser that
 * falls {@link #QUEUE} events behind (stalled, or too slow) is dropped; the page's EventSource then
 * reconnects and gets the run replayed from the start.
 */
final class Follower implements Consumer<RunEvent> {
  /**
   * Live events a follower may lag behind by; the replay of what happened before is not counted.
   */
  static final int QUEUE = 1_000;

  /** How often a quiet stream sends a comment: proxies keep it open, a gone browser is noticed. */
  private static final long HEARTBEAT_SECONDS = 15;

  /** Where events go: one SSE message each; false once the browser is gone. */
  interface Sender {
    boolean send(RunEvent event);

    boolean heartbeat();
  }

  private final BlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>(QUEUE);
  private volatile boolean dropped;

  /** Called by the run, on the step's thread: never blocks. */
  @Override
  public void accept(RunEvent event) {
    if (!queue.offer(event)) {
      dropped = true;
    }
  }

  /** Stops this follower (the run has too many, or the browser fell behind). */
  void drop() {
    dropped = true;
  }

  boolean dropped() {
    return dropped;
  }

  /**
   * Sends the replay, then live events as they come, until the run finishes, the browser leaves or
   * this follower is dropped. Runs on the thread serving the stream.
   */
  void pump(List<RunEvent> replay, Sender sender) throws InterruptedException {
    for (RunEvent event : replay) {
      if (dropped || !sender.send(event) || event instanceof RunEvent.Finished) {
        return;
      }
    }
    while (!dropped) {
      RunEvent event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
      if (event == null ? !sender.heartbeat() : !sender.send(event)) {
        return;
      }
      if (event instanceof RunEvent.Finished) {
        return;
      }
    }
  }
}
