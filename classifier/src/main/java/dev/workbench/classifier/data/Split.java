package dev.workbench.classifier.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic, stratified train/held-out split: each category's rows are shuffled with the seed
 * and the first {@code testFraction} of them are held out. Same file, same fraction, same seed:
 * same split, which is how {@code seed} can put in Firestore only products the shipped model never
 * saw.
 */
public record Split(List<Product> train, List<Product> test) {
  public static final double DEFAULT_TEST_FRACTION = 0.2;
  public static final long DEFAULT_SEED = 42L;

  public Split {
    train = List.copyOf(train);
    test = List.copyOf(test);
  }

  public static Split of(List<Product> rows, double testFraction, long seed) {
    if (!(testFraction > 0.0 && testFraction < 1.0)) {
      throw new IllegalArgumentException("testFraction must be > 0 and < 1, found " + testFraction);
    }
    List<Product> train = new ArrayList<>();
    List<Product> test = new ArrayList<>();
    for (List<Product> shuffled : shuffledByCategory(rows, seed)) {
      int held = (int) Math.round(shuffled.size() * testFraction);
      test.addAll(shuffled.subList(0, held));
      train.addAll(shuffled.subList(held, shuffled.size()));
    }
    return new Split(train, test);
  }

  /**
   * k-fold cross-validation: {@code k} splits whose test parts are disjoint and together cover
   * every row once. Stratified the same way: each category's shuffled rows are dealt to the folds
   * in turn, so every fold has about the same mix of categories.
   */
  public static List<Split> folds(List<Product> rows, int k, long seed) {
    if (k < 2 || k > rows.size()) {
      throw new IllegalArgumentException(
          "folds must be between 2 and the number of rows (" + rows.size() + "), found " + k);
    }
    List<List<Product>> fold = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      fold.add(new ArrayList<>());
    }
    int next = 0;
    for (List<Product> shuffled : shuffledByCategory(rows, seed)) {
      for (Product p : shuffled) {
        fold.get(next).add(p);
        next = (next + 1) % k;
      }
    }
    List<Split> splits = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      List<Product> train = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        if (j != i) {
          train.addAll(fold.get(j));
        }
      }
      splits.add(new Split(train, fold.get(i)));
    }
    return splits;
  }

  /** Each category's rows shuffled with the seed, categories in a fixed order. */
  private static List<List<Product>> shuffledByCategory(List<Product> rows, long seed) {
    // TreeMap: categories in a fixed order, so the Random draws do not depend on hash order.
    Map<String, List<Product>> byCategory = new TreeMap<>();
    for (Product p : rows) {
      byCategory.computeIfAbsent(p.categoria(), c -> new ArrayList<>()).add(p);
    }
    Random random = new Random(seed);
    List<List<Product>> groups = new ArrayList<>();
    for (List<Product> group : byCategory.values()) {
      List<Product> shuffled = new ArrayList<>(group);
      Collections.shuffle(shuffled, random);
      groups.add(shuffled);
    }
    return groups;
  }
}
