package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.run.RunEvent;
import dev.workbench.run.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A browser that stalls never holds up the step: it falls behind, and is dropped. */
class FollowerTest {
  @Test
  void a_stalled_browser_neither_blocks_the_step_nor_stays_attached() throws Exception {
    Run run = new Run("r1", new dev.workbench.engine.Session("ana1"), "volumes", "criar");
    Follower follower = new Follower();
    CountDownLatch stalled = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread browser =
        browser(
            run,
            follower,
            event -> {
              stalled.countDown();
              await(release); // a browser whose socket no longer takes anything
              return true;
            });

    long start = System.nanoTime();
    run.emit(new RunEvent.Started("criar", "docker volume create dados"));
    assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 5 * Follower.QUEUE; i++) {
      run.emit(new RunEvent.Output("criar", "out", "linha " + i));
    }
    run.emit(
        new RunEvent.Finished(
            "criar",
            new StepResult(StepResult.Status.PASSED, 0, "", List.of(), "", Duration.ZERO)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(follower.dropped()).isTrue();
    release.countDown();
    browser.join(10_000);
    assertThat(browser.isAlive()).isFalse();
  }

  @Test
  void a_browser_that_keeps_up_gets_the_replay_then_every_live_event_in_order() throws Exception {
    Run run = new Run("r2", new dev.workbench.engine.Session("ana1"), "volumes", "criar");
    run.emit(new RunEvent.Started("criar", "docker volume create dados"));
    List<RunEvent> seen = new CopyOnWriteArrayList<>();
    Follower follower = new Follower();
    Thread browser = browser(run, follower, seen::add);
    for (int i = 0; i < 100; i++) {
      run.emit(new RunEvent.Output("criar", "out", "linha " + i));
    }
    run.emit(
        new RunEvent.Finished(
            "criar",
            new StepResult(StepResult.Status.PASSED, 0, "", List.of(), "", Duration.ZERO)));

    browser.join(10_000);
    assertThat(seen).hasSize(102).first().isInstanceOf(RunEvent.Started.class);
    assertThat(seen).last().isInstanceOf(RunEvent.Finished.class);
    assertThat(follower.dropped()).isFalse();
  }

  @Test
  void a_fifth_browser_on_one_run_drops_the_oldest() {
    Run run = new Run("r3", new dev.workbench.engine.Session("ana1"), "volumes", "criar");
    List<Follower> followers = new CopyOnWriteArrayList<>();
    for (int i = 0; i <= Run.MAX_FOLLOWERS; i++) {
      Follower f = new Follower();
      run.follow(f);
      followers.add(f);
    }

    assertThat(followers.get(0).dropped()).isTrue();
    assertThat(followers.subList(1, followers.size())).noneMatch(Follower::dropped);
  }

  /**
   * A browser on its own thread, following the run; {@code send} says whether it is still there.
   */
  private static Thread browser(Run run, Follower follower, Predicate<RunEvent> send) {
    Thread browser =
        new Thread(
            () -> {
              try {
                follower.pump(
                    run.follow(follower),
                    new Follower.Sender() {
                      @Override
                      public boolean send(RunEvent event) {
                        return send.test(event);
                      }

                      @Override
                      public boolean heartbeat() {
                        return true;
                      }
                    });
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    browser.start();
    return browser;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
