package dev.workbench.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kind names come from the records, and a table that lacks a record is told which one. */
class KindsTest {
  sealed interface Family {}

  @Kind("one")
  record One() implements Family {}

  sealed interface Sub extends Family {}

  @Kind("two")
  record Two() implements Sub {}

  record Unnamed() implements Family {}

  @Test
  void the_names_are_read_from_the_records_through_sealed_sub_interfaces() {
    assertThat(Kinds.leaves(Family.class)).containsExactly(One.class, Two.class, Unnamed.class);
    assertThat(Kinds.name(Two.class)).isEqualTo("two");
    assertThatThrownBy(() -> Kinds.names(Family.class))
        .hasMessageContaining("Unnamed has no @Kind");
  }

  @Test
  void a_table_missing_a_record_is_told_which_one() {
    assertThat(Kinds.missing(Family.class, Set.of(One.class), "reader"))
        .containsExactly(
            "KindsTest.Two (two) has no reader", "KindsTest.Unnamed (no @Kind) has no reader");
    assertThat(Kinds.missing(Family.class, Set.of(One.class, Two.class, Unnamed.class), "reader"))
        .isEmpty();
  }

  @Test
  void the_lesson_format_lists_every_action_and_check_once() {
    assertThat(Action.KINDS).doesNotHaveDuplicates().contains("image.provide", "cloud.stop");
    assertThat(Action.KINDS).isSorted();
    assertThat(Check.KEYS).doesNotHaveDuplicates().isSorted().contains("exitCode", "output");
    assertThat(new Action.ListImages().kind()).isEqualTo("image.list");
    assertThat(new Check.OutputContains("x").key()).isEqualTo("output");
  }
}
