package dev.workbench.lesson;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean" for typos in keys and names: a misspelt key should cost an author seconds. */
final class Suggestions {
  private Suggestions() {}

  /** {@code " (did you mean 'x'?)"} for the closest option within a couple of edits, else "". */
  static String didYouMean(String wrong, Collection<String> options) {
    int tolerance = Math.max(1, Math.min(3, wrong.length() / 3));
    return options.stream()
        .filter(o -> distance(wrong.toLowerCase(), o.toLowerCase()) <= tolerance)
        .min(Comparator.comparingInt(o -> distance(wrong.toLowerCase(), o.toLowerCase())))
        .map(o -> " (did you mean '" + o + "'?)")
        .orElse("");
  }

  /** Levenshtein distance, one row at a time. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      previous = current;
    }
    return previous[b.length()];
  }
}
