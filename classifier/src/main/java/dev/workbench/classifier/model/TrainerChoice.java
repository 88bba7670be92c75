package dev.workbench.classifier.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.IDFTransformation;

/**
 * The trainers {@code train} offers, each with the features it reads. {@code train} picks between
 * them by cross-validation on the training data unless told which one to use; the README has the
 * figures.
 */
public enum TrainerChoice {
  /** The book's choice: multinomial naive Bayes over word counts, alpha 1. No randomness. */
  NAIVE_BAYES("naive-bayes", FeatureSet.WORDS) {
    @Override
    public Trainer<Label> create(long seed) {
      return new MultinomialNaiveBayesTrainer(1.0);
    }
  },
  /**
   * Multinomial logistic regression (a linear model) trained by SGD with AdaGrad, over tf-idf of
   * words, word pairs and character n-grams. Tribuo's {@link TransformTrainer} learns each
   * feature's idf from the training data and keeps it inside the model, so prediction weighs words
   * the same way. The seed orders the examples in each epoch.
   */
  LINEAR("linear", FeatureSet.WORDS_AND_CHARS) {
    @Override
    public Trainer<Label> create(long seed) {
      SGD_LOG.setLevel(Level.WARNING);
      // includeImplicitZeroFeatures: the idf needs to know how many products lack each feature.
      return new TransformTrainer<>(
          new LinearSGDTrainer(
              new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1), EPOCHS, 1000, 1, seed),
          new TransformationMap(List.of(new IDFTransformation())),
          false,
          true);
    }
  };

  static final int EPOCHS = 10;

  /**
   * The SGD trainer logs every thousand examples at INFO; in a notebook cell that buries the
   * figures the learner asked for. Held here so the logger, and its level, outlive this call.
   */
  private static final Logger SGD_LOG = Logger.getLogger("org.tribuo.common.sgd");

  /** AdaGrad's initial rate: 1.0 overshot on tf-idf values, which are larger than raw counts. */
  static final double LEARNING_RATE = 0.1;

  private final String cliName;
  private final FeatureSet features;

  TrainerChoice(String cliName, FeatureSet features) {
    this.cliName = cliName;
    this.features = features;
  }

  public abstract Trainer<Label> create(long seed);

  public String cliName() {
    return cliName;
  }

  public FeatureSet features() {
    return features;
  }

  /** {@code naive-bayes, linear}: for help texts and messages. */
  public static String names() {
    return Arrays.stream(values()).map(TrainerChoice::cliName).collect(Collectors.joining(", "));
  }

  public static TrainerChoice fromCliName(String name) {
    return Arrays.stream(values())
        .filter(c -> c.cliName.equals(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown trainer '" + name + "', expected one of: auto, " + names()));
  }
}
