package dev.workbench.classifier.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic, stratified train/held-out split: each category's rows are shuffled with the
 * seed and the first {@code testFraction} of them are held out. Same file, same fraction, same
 * seed: same split, which is how {@code seed} can put in Firestore only products the shipped model
 * never saw.
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
    // TreeMap: categories in a fixed order, so the Random draws do not depend on hash order.
    Map<String, List<Product>> byCategory = new TreeMap<>();
    for (Product p : rows) {
      byCategory.computeIfAbsent(p.categoria(), c -> new ArrayList<>()).add(p);
    }
    Random random = new Random(seed);
    List<Product> train = new ArrayList<>();
    List<Product> test = new ArrayList<>();
    for (List<Product> group : byCategory.values()) {
      List<Product> shuffled = new ArrayList<>(group);
      Collections.shuffle(shuffled, random);
      int held = (int) Math.round(shuffled.size() * testFraction);
      test.addAll(shuffled.subList(0, held));
      train.addAll(shuffled.subList(held, shuffled.size()));
    }
    return new Split(train, test);
  }
}
