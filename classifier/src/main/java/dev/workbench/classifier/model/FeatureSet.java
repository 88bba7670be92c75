package dev.workbench.classifier.model;

import dev.workbench.classifier.text.TextNormaliser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * What a model counts in a text. The set travels in the model's provenance ({@code features}), so a
 * loaded model is always given the features it learnt from; a model that does not say (an older
 * one, or one a notebook trained by hand) counts words, as every model did before.
 *
 * <p>Names never collide: unigrams are {@code w=...}, bigrams {@code b=...}, character n-grams
 * {@code c=...}.
 */
public enum FeatureSet {
  /** Word and bigram counts: what multinomial naive Bayes models. */
  WORDS("words", "counts of words and word pairs") {
    @Override
    void add(List<String> tokens, Map<String, Double> counts) {
      countWords(tokens, counts);
    }
  },
  /**
   * Words and pairs plus the character 5-grams of each word (with ^ and $ marking its ends), for a
   * tf-idf weighting (the trainer adds the idf part). Character n-grams give an unseen word credit
   * for its parts: "maquiagens" shares "^maqu", "quiag", "iagem" with "maquiagem", and a typo loses
   * a few grams, not the whole word. Five, not three to five: on this data shorter grams added
   * noise in cross-validation (README).
   */
  WORDS_AND_CHARS("words+chars", "words, word pairs and character 5-grams of each word") {
    @Override
    void add(List<String> tokens, Map<String, Double> counts) {
      countWords(tokens, counts);
      for (String token : tokens) {
        if (token.indexOf('_') < 0) {
          String padded = "^" + token + "$";
          for (int n = MIN_CHARS; n <= MAX_CHARS; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
              counts.merge("c=" + padded.substring(i, i + n), 1.0, Double::sum);
            }
          }
        }
      }
    }
  };

  static final int MIN_CHARS = 5;
  static final int MAX_CHARS = 5;

  private final String id;
  private final String description;

  FeatureSet(String id, String description) {
    this.id = id;
    this.description = description;
  }

  abstract void add(List<String> tokens, Map<String, Double> counts);

  /** The name stored in a model's provenance. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  static Optional<FeatureSet> byId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }

  /** Empty when the text has no usable token: Tribuo refuses an example without features. */
  Optional<Example<Label>> example(TextNormaliser normaliser, String text, Label label) {
    Map<String, Double> counts = new TreeMap<>();
    add(normaliser.tokens(text), counts);
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    String[] names = counts.keySet().toArray(String[]::new);
    double[] values = counts.values().stream().mapToDouble(Double::doubleValue).toArray();
    return Optional.of(new ArrayExample<>(label, names, values));
  }

  private static void countWords(List<String> tokens, Map<String, Double> counts) {
    for (String token : tokens) {
      counts.merge((token.indexOf('_') >= 0 ? "b=" : "w=") + token, 1.0, Double::sum);
    }
  }
}
