package dev.workbench.classifier.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.classifier.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {
  private final List<Product> rows = TestData.shippedTable().rows();

  @Test
  void the_same_seed_gives_the_same_split() {
    assertThat(Split.of(rows, 0.2, 42)).isEqualTo(Split.of(rows, 0.2, 42));
    assertThat(Split.of(rows, 0.2, 42).test()).isNotEqualTo(Split.of(rows, 0.2, 7).test());
  }

  @Test
  void every_category_gives_its_share_to_the_held_out_part() {
    Split s = Split.of(rows, 0.2, 42);
    assertThat(s.train().size() + s.test().size()).isEqualTo(rows.size());
    assertThat(s.test()).doesNotContainAnyElementsOf(s.train());
    for (String c : List.of("game", "maquiagem", "brinquedo", "livro")) {
      long all = rows.stream().filter(p -> p.categoria().equals(c)).count();
      long held = s.test().stream().filter(p -> p.categoria().equals(c)).count();
      assertThat(held).isEqualTo(Math.round(all * 0.2));
    }
  }

  @Test
  void a_fraction_outside_zero_and_one_is_refused() {
    assertThatThrownBy(() -> Split.of(rows, 1.0, 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("testFraction must be > 0 and < 1, found 1.0");
  }
}
