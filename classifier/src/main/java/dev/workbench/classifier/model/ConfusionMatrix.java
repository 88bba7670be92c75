package dev.workbench.classifier.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of (true category, predicted category), printed as a table: rows are the true category,
 * columns the prediction, {@code (none)} the products the model could not predict. Ours rather than
 * Tribuo's because Tribuo's evaluator has no place for "no prediction".
 */
final class ConfusionMatrix {
  static final String NONE = "(none)";

  private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
  private int total;
  private int correct;

  void add(String truth, String predicted) {
    String column = predicted == null ? NONE : predicted;
    counts.computeIfAbsent(truth, t -> new TreeMap<>()).merge(column, 1, Integer::sum);
    total++;
    if (truth.equals(predicted)) {
      correct++;
    }
  }

  int total() {
    return total;
  }

  double accuracy() {
    return total == 0 ? 0.0 : (double) correct / total;
  }

  String render() {
    TreeSet<String> columns = new TreeSet<>(counts.keySet());
    counts.values().forEach(row -> columns.addAll(row.keySet()));
    boolean anyNone = columns.remove(NONE);
    int width = Math.max(9, columns.stream().mapToInt(String::length).max().orElse(0)) + 2;
    StringBuilder s = new StringBuilder(" ".repeat(width));
    columns.forEach(c -> s.append(String.format("%" + width + "s", c)));
    if (anyNone) {
      s.append(String.format("%" + width + "s", NONE));
    }
    for (var row : counts.entrySet()) {
      s.append('\n').append(String.format("%-" + width + "s", row.getKey()));
      columns.forEach(
          c -> s.append(String.format("%" + width + "d", row.getValue().getOrDefault(c, 0))));
      if (anyNone) {
        s.append(String.format("%" + width + "d", row.getValue().getOrDefault(NONE, 0)));
      }
    }
    return s.toString();
  }
}
