package dev.workbench.classifier.model;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.workbench.classifier.data.Product;
import dev.workbench.classifier.data.ProductTable;
import dev.workbench.classifier.data.Split;
import dev.workbench.classifier.text.NormaliserSettings;
import dev.workbench.classifier.text.TextNormaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Chooses a trainer, trains on the training part of a split and evaluates on the held-out part.
 *
 * <p>Choosing: each trainer is cross-validated on the training part only (k stratified folds: train
 * on k-1, score the one left out, k times), and the best mean accuracy wins; a tie goes to the
 * simpler model, naive Bayes. The held-out part plays no role in the choice, so its accuracy stays
 * an honest estimate for the chosen model.
 *
 * <p>What the model saw is recorded in its provenance: the file and its SHA-256, the split
 * (fraction and seed), the trainer with its settings (Tribuo records those itself), the features,
 * how the trainer was chosen with each trainer's cross-validated accuracy, and the normaliser
 * settings.
 */
public final class ModelTraining {
  public static final int DEFAULT_FOLDS = 5;

  private ModelTraining() {}

  /** One trainer's k-fold cross-validation: the accuracy on each fold left out. */
  public record CrossValidation(TrainerChoice trainer, List<Double> foldAccuracies) {
    public CrossValidation {
      foldAccuracies = List.copyOf(foldAccuracies);
    }

    public double mean() {
      return foldAccuracies.stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
    }

    /** {@code linear mean accuracy 0.9854 (folds 0.9818 0.9909 ...)} */
    public String line() {
      return String.format(
          Locale.ROOT,
          "%-12s mean accuracy %.4f (folds %s)",
          trainer.cliName(),
          mean(),
          foldAccuracies.stream()
              .map(a -> String.format(Locale.ROOT, "%.4f", a))
              .collect(Collectors.joining(" ")));
    }
  }

  /**
   * The model, its held-out figures, the split it came from, the trainer used and the
   * cross-validation that chose it (empty when the trainer was given).
   */
  public record Outcome(
      ProductClassifier classifier,
      Evaluation heldOut,
      Split split,
      TrainerChoice trainer,
      List<CrossValidation> crossValidation) {
    public Outcome {
      crossValidation = List.copyOf(crossValidation);
    }
  }

  /**
   * Cross-validates every trainer on the training part, then trains the best one (or {@code given},
   * when present) on the whole training part. The cross-validation runs either way, so the figures
   * are there to compare.
   */
  public static Outcome trainBest(
      ProductTable table,
      double testFraction,
      long seed,
      int folds,
      Optional<TrainerChoice> given) {
    Split split = Split.of(table.rows(), testFraction, seed);
    List<CrossValidation> results = new ArrayList<>();
    for (TrainerChoice t : TrainerChoice.values()) {
      results.add(crossValidate(split.train(), t, folds, seed));
    }
    CrossValidation best = results.get(0);
    for (CrossValidation r : results) {
      if (r.mean() > best.mean()) {
        best = r;
      }
    }
    TrainerChoice chosen = given.orElse(best.trainer());
    String how =
        given.isPresent()
            ? "given (--trainer " + chosen.cliName() + ")"
            : "best mean accuracy in " + folds + "-fold cross-validation on the training part";
    return fit(table, split, testFraction, seed, chosen, how, results);
  }

  /** Trains the given trainer without cross-validation. */
  public static Outcome train(
      ProductTable table, double testFraction, long seed, TrainerChoice trainer) {
    Split split = Split.of(table.rows(), testFraction, seed);
    return fit(table, split, testFraction, seed, trainer, "given", List.of());
  }

  /**
   * k folds of {@code rows}, each scored as {@code evaluate} scores (no prediction counts as
   * wrong).
   */
  public static CrossValidation crossValidate(
      List<Product> rows, TrainerChoice trainer, int folds, long seed) {
    List<Double> accuracies = new ArrayList<>();
    for (Split fold : Split.folds(rows, folds, seed)) {
      ProductClassifier c = fitOn(fold.train(), "cross-validation fold", trainer, seed, Map.of());
      accuracies.add(c.evaluate(fold.test()).accuracy());
    }
    return new CrossValidation(trainer, accuracies);
  }

  private static Outcome fit(
      ProductTable table,
      Split split,
      double testFraction,
      long seed,
      TrainerChoice trainer,
      String how,
      List<CrossValidation> cv) {
    Map<String, Provenance> run =
        ModelProvenanceText.runProvenance(
            table, split, testFraction, seed, NormaliserSettings.DEFAULT, trainer, how, cv);
    String source =
        table.source().getFileName()
            + " sha256:"
            + table.sha256()
            + " (training part of the split)";
    ProductClassifier classifier = fitOn(split.train(), source, trainer, seed, run);
    return new Outcome(classifier, classifier.evaluate(split.test()), split, trainer, cv);
  }

  private static ProductClassifier fitOn(
      List<Product> rows,
      String source,
      TrainerChoice trainer,
      long seed,
      Map<String, Provenance> run) {
    NormaliserSettings settings = NormaliserSettings.DEFAULT;
    Features features = new Features(new TextNormaliser(settings), trainer.features());
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance(source, labels), labels);
    ProductClassifier.examples(features, rows).forEach(data::add);
    if (data.size() == 0) {
      throw new IllegalArgumentException("no product with usable text to train on");
    }
    Model<Label> model = trainer.create(seed).train(data, run);
    return new ProductClassifier(model, settings, trainer.features());
  }
}
