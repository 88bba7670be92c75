package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {
  private final Wait quick = Wait.upTo(Duration.ofSeconds(5)).every(Duration.ofMillis(5));

  @Test
  void looks_again_until_the_check_gives_a_value() {
    AtomicInteger looks = new AtomicInteger();
    Optional<String> value =
        quick.until(() -> looks.incrementAndGet() < 3 ? Optional.empty() : Optional.of("up"));
    assertThat(value).contains("up");
    assertThat(looks).hasValue(3);
  }

  @Test
  void gives_up_empty_at_the_deadline_having_looked_at_least_once() {
    AtomicInteger looks = new AtomicInteger();
    assertThat(quick.withTimeout(Duration.ZERO).untilTrue(() -> looks.incrementAndGet() < 0))
        .isFalse();
    assertThat(looks).hasValue(1);
    assertThat(quick.withTimeout(Duration.ofMillis(50)).until(Optional::empty)).isEmpty();
  }

  @Test
  void an_error_from_the_check_ends_the_wait_at_once() {
    AtomicInteger looks = new AtomicInteger();
    assertThatThrownBy(
            () ->
                quick.untilTrue(
                    () -> {
                      looks.incrementAndGet();
                      throw new IllegalStateException("never");
                    }))
        .hasMessage("never");
    assertThat(looks).hasValue(1);
  }

  @Test
  void an_interrupted_wait_ends_as_an_engine_error_and_keeps_the_interrupt() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> quick.until(Optional::empty)).isInstanceOf(EngineError.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
