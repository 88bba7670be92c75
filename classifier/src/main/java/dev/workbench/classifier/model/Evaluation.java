package dev.workbench.classifier.model;

/**
 * How a model did on labelled products it was given: accuracy, the confusion matrix as Tribuo
 * prints it (rows: true category, columns: predicted), and how many products were scored.
 */
public record Evaluation(double accuracy, String confusionMatrix, int products) {
  public String accuracyLine() {
    return String.format(java.util.Locale.ROOT, "accuracy: %.4f", accuracy);
  }
}
