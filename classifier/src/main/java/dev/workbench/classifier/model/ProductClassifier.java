package dev.workbench.classifier.model;

import dev.workbench.classifier.ClassifierError;
import dev.workbench.classifier.data.Product;
import dev.workbench.classifier.text.NormaliserSettings;
import dev.workbench.classifier.text.TextNormaliser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A trained Tribuo model together with the text normaliser and the feature set it was trained with.
 * Both travel inside the model's provenance, so a loaded model always reads text the way it learnt
 * it.
 */
public final class ProductClassifier {
  private static final LabelFactory LABELS = new LabelFactory();

  private final Model<Label> model;
  private final Features features;

  ProductClassifier(Model<Label> model, NormaliserSettings settings, FeatureSet features) {
    this.model = model;
    this.features = new Features(new TextNormaliser(settings), features);
  }

  /**
   * Empty when no word of the text is known to the model (only punctuation, or vocabulary never
   * seen in training): a guess from the class priors alone would be written to the database as if
   * it were a prediction, so the caller decides what to do instead.
   */
  public Optional<CategoryPrediction> predict(String text) {
    return features
        .example(text, LabelFactory.UNKNOWN_LABEL)
        .filter(this::hasKnownFeature)
        .map(model::predict)
        .map(p -> new CategoryPrediction(p.getOutput().getLabel(), p.getOutput().getScore()));
  }

  private boolean hasKnownFeature(Example<Label> example) {
    for (var f : example) {
      if (model.getFeatureIDMap().get(f.getName()) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Scores every product with text. A product the model cannot predict (no known word) counts as
   * wrong, in the {@code (none)} column: leaving it out would flatter the accuracy.
   */
  public Evaluation evaluate(List<Product> products) {
    ConfusionMatrix matrix = new ConfusionMatrix();
    for (Product p : products) {
      if (p.hasText()) {
        matrix.add(p.categoria(), predict(p.text()).map(CategoryPrediction::category).orElse(null));
      }
    }
    if (matrix.total() == 0) {
      throw new ClassifierError("no product with usable text to evaluate on");
    }
    return new Evaluation(matrix.accuracy(), matrix.render(), matrix.total());
  }

  static List<Example<Label>> examples(Features features, List<Product> products) {
    List<Example<Label>> out = new ArrayList<>();
    for (Product p : products) {
      features.example(p.text(), LABELS.generateOutput(p.categoria())).ifPresent(out::add);
    }
    return out;
  }

  public Model<Label> tribuoModel() {
    return model;
  }

  public String provenance() {
    return ModelProvenanceText.describe(model);
  }

  /**
   * Written beside the target, then moved: an interrupted save never leaves half a model. Readable
   * by all (0644), like any other build output.
   */
  public void save(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      model.serializeToFile(tmp);
      // A temp file is private (0600); a model is not a secret, and the image copies the file with
      // its mode for a non-root user to read.
      if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ClassifierError("cannot write model " + file + ": " + e.getMessage(), e);
    }
  }

  public static ProductClassifier load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ClassifierError(
          "model file not found: " + file + " (train one with: classifier train)");
    }
    Model<?> loaded;
    try {
      loaded = Model.deserializeFromFile(file);
    } catch (NoSuchFileException e) {
      throw new ClassifierError("model file not found: " + file);
    } catch (IOException | RuntimeException e) {
      throw new ClassifierError(
          "not a Tribuo model file: " + file + " (" + e.getMessage() + ")", e);
    }
    if (!loaded.validate(Label.class)) {
      throw new ClassifierError("model " + file + " does not predict categories (labels)");
    }
    @SuppressWarnings("unchecked") // checked just above with validate(Label.class)
    Model<Label> model = (Model<Label>) loaded;
    return new ProductClassifier(
        model,
        ModelProvenanceText.normaliserSettings(model, file),
        ModelProvenanceText.featureSet(model, file));
  }
}
