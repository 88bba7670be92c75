package dev.workbench.labs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapacityTest {
  private static final long MB = 1L << 20;

  @Test
  void labs_take_four_fifths_of_the_free_memory_divided_by_what_one_lab_was_measured_to_use() {
    assertThat(new Capacity(140 * MB, 20_000 * MB).labs()).isEqualTo(114);
    assertThat(new Capacity(1024 * MB, 2048 * MB).labs()).isEqualTo(1);
  }

  @Test
  void a_lab_not_yet_measured_holds_no_promise() {
    assertThat(new Capacity(0, 20_000 * MB).labs()).isZero();
  }

  @Test
  void this_machine_reports_some_free_memory() {
    assertThat(Capacity.availableMemory()).isPositive();
  }
}
