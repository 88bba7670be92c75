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
  void folds_cover_every_row_once_and_keep_the_category_mix() {
    List<Split> folds = Split.folds(rows, 5, 42);
    assertThat(folds).hasSize(5);
    List<Product> allTest = folds.stream().flatMap(f -> f.test().stream()).toList();
    assertThat(allTest).hasSameSizeAs(rows).containsExactlyInAnyOrderElementsOf(rows);
    for (Split f : folds) {
      assertThat(f.train().size() + f.test().size()).isEqualTo(rows.size());
      assertThat(f.test()).doesNotContainAnyElementsOf(f.train());
      for (String c : List.of("game", "maquiagem", "brinquedo", "livro")) {
        long all = rows.stream().filter(p -> p.categoria().equals(c)).count();
        long inFold = f.test().stream().filter(p -> p.categoria().equals(c)).count();
        assertThat(inFold).isBetween(all / 5 - 1, all / 5 + 1);
      }
    }
  }

  @Test
  void fewer_than_two_folds_is_refused() {
    assertThatThrownBy(() -> Split.folds(rows, 1, 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("folds must be between 2 and the number of rows");
  }

  @Test
  void a_fraction_outside_zero_and_one_is_refused() {
    assertThatThrownBy(() -> Split.of(rows, 1.0, 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("testFraction must be > 0 and < 1, found 1.0");
  }
}
