package dev.workbench.classifier.model;

import java.util.Arrays;
import java.util.Locale;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The trainers the CLI offers. Naive Bayes is the book's choice and this project's default (see the
 * README for the figures); logistic regression is there to compare against.
 */
public enum TrainerChoice {
  /** Multinomial naive Bayes over token counts, Laplace smoothing (alpha 1). No randomness. */
  NAIVE_BAYES("naive-bayes") {
    @Override
    public Trainer<Label> create(long seed) {
      return new MultinomialNaiveBayesTrainer(1.0);
    }
  },
  /** Multinomial logistic regression by SGD (AdaGrad, 10 epochs); the seed orders the examples. */
  LOGISTIC("logistic") {
    @Override
    public Trainer<Label> create(long seed) {
      return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 10, 1000, 1, seed);
    }
  };

  private final String cliName;

  TrainerChoice(String cliName) {
    this.cliName = cliName;
  }

  public abstract Trainer<Label> create(long seed);

  public String cliName() {
    return cliName;
  }

  public static TrainerChoice fromCliName(String name) {
    return Arrays.stream(values())
        .filter(c -> c.cliName.equals(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown trainer '" + name + "', expected naive-bayes or logistic"));
  }
}
