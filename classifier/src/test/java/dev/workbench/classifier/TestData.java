package dev.workbench.classifier;

import dev.workbench.classifier.data.ProductCsv;
import dev.workbench.classifier.data.ProductTable;
import dev.workbench.classifier.model.ModelTraining;
import dev.workbench.classifier.model.TrainerChoice;
import java.nio.file.Path;

/** The shipped dataset and a model trained on it the way {@code train} does by default. */
public final class TestData {
  public static final Path SHIPPED_CSV = Path.of("data/produtos.csv");
  private static ModelTraining.Outcome shipped;

  private TestData() {}

  public static ProductTable shippedTable() {
    return ProductCsv.read(SHIPPED_CSV);
  }

  public static synchronized ModelTraining.Outcome shippedModel() {
    if (shipped == null) {
      shipped = ModelTraining.train(shippedTable(), 0.2, 42, TrainerChoice.NAIVE_BAYES);
    }
    return shipped;
  }
}
