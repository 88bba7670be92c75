package dev.workbench.classifier.model;

import dev.workbench.classifier.text.TextNormaliser;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/** Text to a Tribuo example: the normaliser a model was trained with and the features it counts. */
record Features(TextNormaliser normaliser, FeatureSet set) {
  /** Empty when the text has no usable token: Tribuo refuses an example without features. */
  Optional<Example<Label>> example(String text, Label label) {
    return set.example(normaliser, text, label);
  }
}
