package dev.workbench.classifier.model;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.workbench.classifier.ClassifierError;
import dev.workbench.classifier.data.ProductTable;
import dev.workbench.classifier.data.Split;
import dev.workbench.classifier.text.NormaliserSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * This project's entries in a model's provenance (Tribuo's "instance provenance", given at training
 * time), and the printable summary {@code classifier info} shows.
 */
final class ModelProvenanceText {
  static final String DATA_FILE = "data-file";
  static final String DATA_SHA256 = "data-sha256";
  static final String ROWS_USED = "data-rows-used";
  static final String ROWS_SKIPPED = "data-rows-skipped";
  static final String TRAIN_ROWS = "split-train-rows";
  static final String TEST_FRACTION = "split-test-fraction";
  static final String SPLIT_SEED = "split-seed";
  static final String NORMALISER_VERSION = "normaliser-version";
  static final String NORMALISER_BIGRAMS = "normaliser-bigrams";
  static final String TRAINER = "trainer";
  static final String TRAINER_CHOSEN_BY = "trainer-chosen-by";
  static final String FEATURES = "features";
  static final String CV_PREFIX = "cv-mean-accuracy-";

  private ModelProvenanceText() {}

  static Map<String, Provenance> runProvenance(
      ProductTable table,
      Split split,
      double testFraction,
      long seed,
      NormaliserSettings n,
      TrainerChoice trainer,
      String chosenBy,
      List<ModelTraining.CrossValidation> cv) {
    Map<String, Provenance> run = new LinkedHashMap<>();
    run.put(DATA_FILE, new StringProvenance(DATA_FILE, table.source().getFileName().toString()));
    run.put(DATA_SHA256, new StringProvenance(DATA_SHA256, table.sha256()));
    run.put(ROWS_USED, new IntProvenance(ROWS_USED, table.rows().size()));
    run.put(ROWS_SKIPPED, new IntProvenance(ROWS_SKIPPED, table.skipped()));
    run.put(TRAIN_ROWS, new IntProvenance(TRAIN_ROWS, split.train().size()));
    run.put(TEST_FRACTION, new DoubleProvenance(TEST_FRACTION, testFraction));
    run.put(SPLIT_SEED, new LongProvenance(SPLIT_SEED, seed));
    run.put(NORMALISER_VERSION, new IntProvenance(NORMALISER_VERSION, n.version()));
    run.put(NORMALISER_BIGRAMS, new BooleanProvenance(NORMALISER_BIGRAMS, n.bigrams()));
    run.put(TRAINER, new StringProvenance(TRAINER, trainer.cliName()));
    run.put(TRAINER_CHOSEN_BY, new StringProvenance(TRAINER_CHOSEN_BY, chosenBy));
    run.put(FEATURES, new StringProvenance(FEATURES, trainer.features().id()));
    for (ModelTraining.CrossValidation r : cv) {
      String key = CV_PREFIX + r.trainer().cliName();
      run.put(key, new DoubleProvenance(key, r.mean()));
    }
    return run;
  }

  static NormaliserSettings normaliserSettings(Model<Label> model, Path file) {
    Map<String, ? extends Provenance> run = model.getProvenance().getInstanceProvenance().getMap();
    if (!(run.get(NORMALISER_VERSION) instanceof IntProvenance version)
        || !(run.get(NORMALISER_BIGRAMS) instanceof BooleanProvenance bigrams)) {
      throw new ClassifierError(
          "model "
              + file
              + " does not record its text normaliser; retrain it with classifier train");
    }
    try {
      return new NormaliserSettings(version.getValue(), bigrams.getValue());
    } catch (IllegalArgumentException e) {
      throw new ClassifierError("model " + file + ": " + e.getMessage());
    }
  }

  /**
   * The features the model was trained on. A model that does not record them counts words: models
   * from before the choice existed, and models trained by hand (the notebook lesson's).
   */
  static FeatureSet featureSet(Model<Label> model, Path file) {
    Provenance p = model.getProvenance().getInstanceProvenance().getMap().get(FEATURES);
    if (p == null) {
      return FeatureSet.WORDS;
    }
    String id = String.valueOf(value(p));
    return FeatureSet.byId(id)
        .orElseThrow(
            () ->
                new ClassifierError(
                    "model "
                        + file
                        + " was trained on features '"
                        + id
                        + "' this build does not know; retrain it with classifier train"));
  }

  /** A few lines a learner can read, then Tribuo's full record. */
  static String describe(Model<Label> model) {
    var p = model.getProvenance();
    Map<String, ? extends Provenance> run = p.getInstanceProvenance().getMap();
    StringBuilder s = new StringBuilder();
    s.append("model:       ").append(model.getClass().getSimpleName()).append('\n');
    s.append("trained by:  ").append(p.getTrainerProvenance().getClassName()).append('\n');
    s.append("trained at:  ").append(p.getTrainingTime()).append('\n');
    s.append("version:     tribuo ")
        .append(p.getTribuoVersion())
        .append(", java ")
        .append(p.getJavaVersion())
        .append('\n');
    s.append("categories:  ").append(model.getOutputIDInfo().getDomain()).append('\n');
    s.append("known features: ").append(model.getFeatureIDMap().size()).append('\n');
    new java.util.TreeMap<String, Provenance>(run)
        .forEach((k, v) -> s.append(String.format("%-30s %s%n", k + ":", value(v))));
    s.append("\nfull Tribuo provenance:\n").append(ProvenanceUtil.formattedProvenanceString(p));
    return s.toString();
  }

  private static String value(Provenance v) {
    return v instanceof com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance<?> pp
        ? String.valueOf(pp.getValue())
        : v.toString();
  }
}
