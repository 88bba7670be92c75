package dev.workbench.classifier.model;

import dev.workbench.classifier.data.ProductTable;
import dev.workbench.classifier.data.Split;
import dev.workbench.classifier.text.NormaliserSettings;
import dev.workbench.classifier.text.TextNormaliser;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains on the training part of a split and evaluates on the held-out part. What the model saw is
 * recorded in its provenance: the file and its SHA-256, the split (fraction and seed), the trainer
 * with its settings (Tribuo records those itself) and the normaliser settings.
 */
public final class ModelTraining {
  private ModelTraining() {}

  /** The model, its held-out figures, and the split it came from. */
  public record Outcome(ProductClassifier classifier, Evaluation heldOut, Split split) {}

  public static Outcome train(
      ProductTable table, double testFraction, long seed, TrainerChoice trainer) {
    Split split = Split.of(table.rows(), testFraction, seed);
    NormaliserSettings settings = NormaliserSettings.DEFAULT;
    Features features = new Features(new TextNormaliser(settings));
    LabelFactory labels = new LabelFactory();
    String source =
        table.source().getFileName() + " sha256:" + table.sha256() + " (training part of the split)";
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance(source, labels), labels);
    ProductClassifier.examples(features, split.train()).forEach(data::add);
    if (data.size() == 0) {
      throw new IllegalArgumentException("no product with usable text to train on");
    }
    Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> run =
        ModelProvenanceText.runProvenance(table, split, testFraction, seed, settings);
    Model<Label> model = trainer.create(seed).train(data, run);
    ProductClassifier classifier = new ProductClassifier(model, settings);
    return new Outcome(classifier, classifier.evaluate(split.test()), split);
  }
}
