package dev.workbench.classifier.model;

import dev.workbench.classifier.text.TextNormaliser;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Text to a Tribuo example: one feature per distinct token, valued by its count (what multinomial
 * naive Bayes models). Unigrams are named {@code w=...} and bigrams {@code b=...} so a token can
 * never collide with a pair.
 */
final class Features {
  private final TextNormaliser normaliser;

  Features(TextNormaliser normaliser) {
    this.normaliser = normaliser;
  }

  /** Empty when the text has no usable token: Tribuo refuses an example without features. */
  Optional<Example<Label>> example(String text, Label label) {
    Map<String, Double> counts = new TreeMap<>();
    for (String token : normaliser.tokens(text)) {
      String name = (token.indexOf('_') >= 0 ? "b=" : "w=") + token;
      counts.merge(name, 1.0, Double::sum);
    }
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    String[] names = counts.keySet().toArray(String[]::new);
    double[] values = counts.values().stream().mapToDouble(Double::doubleValue).toArray();
    return Optional.of(new ArrayExample<>(label, names, values));
  }
}
