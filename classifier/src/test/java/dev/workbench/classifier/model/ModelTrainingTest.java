package dev.workbench.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.classifier.ClassifierError;
import dev.workbench.classifier.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainingTest {
  @TempDir Path dir;

  private final ModelTraining.Outcome outcome = TestData.shippedModel();

  @Test
  void naive_bayes_on_the_shipped_data_reaches_085_on_held_out_products() {
    assertThat(outcome.heldOut().accuracy()).isGreaterThanOrEqualTo(0.85);
    assertThat(outcome.heldOut().products()).isEqualTo(outcome.split().test().size());
    assertThat(outcome.heldOut().confusionMatrix())
        .contains("brinquedo", "game", "livro", "maquiagem");
  }

  @Test
  void the_books_example_is_a_toy() {
    assertThat(
            outcome.classifier().predict("Figura Transformers Prime War Deluxe - E9687 - Hasbro"))
        .get()
        .extracting(CategoryPrediction::category)
        .isEqualTo("brinquedo");
  }

  @Test
  void text_with_no_known_word_gets_no_prediction() {
    assertThat(outcome.classifier().predict("xyzzy qwerty")).isEmpty();
    assertThat(outcome.classifier().predict("!!!")).isEmpty();
  }

  @Test
  void provenance_names_the_data_the_split_the_trainer_and_the_normaliser() {
    String p = outcome.classifier().provenance();
    assertThat(p)
        .contains("data-sha256:", TestData.shippedTable().sha256())
        .contains(
            "split-seed:", "split-test-fraction:", "normaliser-version:", "normaliser-bigrams:")
        .contains("MultinomialNaiveBayesTrainer", "alpha = 1.0");
  }

  @Test
  void a_saved_model_loads_with_its_normaliser_and_predicts_the_same() {
    Path file = dir.resolve("m/produtos.model");
    outcome.classifier().save(file);
    ProductClassifier loaded = ProductClassifier.load(file);
    for (var p : outcome.split().test().subList(0, 50)) {
      assertThat(loaded.predict(p.text())).isEqualTo(outcome.classifier().predict(p.text()));
    }
    assertThat(loaded.provenance()).contains(TestData.shippedTable().sha256());
  }

  @Test
  void a_saved_model_is_readable_by_everyone_so_the_images_non_root_user_can_load_it()
      throws IOException {
    Path file = dir.resolve("shared.model");
    outcome.classifier().save(file);
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void the_linear_model_over_tf_idf_reaches_095_on_held_out_products_and_says_how_it_was_made() {
    var linear = ModelTraining.train(TestData.shippedTable(), 0.2, 42, TrainerChoice.LINEAR);
    assertThat(linear.heldOut().accuracy()).isGreaterThanOrEqualTo(0.95);
    assertThat(linear.classifier().provenance())
        .contains("TransformTrainer", "LinearSGDTrainer", "IDFTransformation", "LogMulticlass")
        .containsPattern("(?m)^features: +words\\+chars$")
        .containsPattern("(?m)^trainer: +linear$");
  }

  @Test
  void a_saved_linear_model_reads_text_with_the_features_it_learnt() {
    var linear = ModelTraining.train(TestData.shippedTable(), 0.2, 42, TrainerChoice.LINEAR);
    Path file = dir.resolve("linear.model");
    linear.classifier().save(file);
    ProductClassifier loaded = ProductClassifier.load(file);
    for (var p : linear.split().test().subList(0, 50)) {
      assertThat(loaded.predict(p.text())).isEqualTo(linear.classifier().predict(p.text()));
    }
    assertThat(loaded.evaluate(linear.split().test()).accuracy())
        .isEqualTo(linear.heldOut().accuracy());
  }

  @Test
  void character_grams_let_the_linear_model_place_a_word_it_never_saw() {
    var linear = ModelTraining.train(TestData.shippedTable(), 0.2, 42, TrainerChoice.LINEAR);
    // Neither word is in the data set; most of their 5-grams are.
    assertThat(outcome.classifier().predict("Maquiagens e batonzinhos")).isEmpty();
    assertThat(linear.classifier().predict("Maquiagens e batonzinhos"))
        .get()
        .extracting(CategoryPrediction::category)
        .isEqualTo("maquiagem");
  }

  @Test
  void cross_validation_scores_every_fold_and_the_best_mean_is_trained() {
    var best =
        ModelTraining.trainBest(TestData.shippedTable(), 0.2, 42, 5, java.util.Optional.empty());
    assertThat(best.crossValidation())
        .extracting(ModelTraining.CrossValidation::trainer)
        .containsExactly(TrainerChoice.values());
    for (var cv : best.crossValidation()) {
      assertThat(cv.foldAccuracies()).hasSize(5).allSatisfy(a -> assertThat(a).isGreaterThan(0.9));
    }
    double bestMean =
        best.crossValidation().stream()
            .mapToDouble(ModelTraining.CrossValidation::mean)
            .max()
            .orElseThrow();
    assertThat(best.crossValidation())
        .filteredOn(cv -> cv.trainer() == best.trainer())
        .singleElement()
        .extracting(ModelTraining.CrossValidation::mean)
        .isEqualTo(bestMean);
    assertThat(best.classifier().provenance())
        .contains("cv-mean-accuracy-naive-bayes:", "cv-mean-accuracy-linear:")
        .contains("best mean accuracy in 5-fold cross-validation");
  }

  @Test
  void a_given_trainer_is_used_even_when_another_cross_validates_better() {
    var given =
        ModelTraining.trainBest(
            TestData.shippedTable(), 0.2, 42, 3, java.util.Optional.of(TrainerChoice.NAIVE_BAYES));
    assertThat(given.trainer()).isEqualTo(TrainerChoice.NAIVE_BAYES);
    assertThat(given.crossValidation()).hasSize(TrainerChoice.values().length);
    assertThat(given.classifier().provenance())
        .contains("MultinomialNaiveBayesTrainer", "given (--trainer naive-bayes)");
  }

  @Test
  void a_missing_model_file_is_named() {
    Path missing = dir.resolve("nope.model");
    assertThatThrownBy(() -> ProductClassifier.load(missing))
        .isInstanceOf(ClassifierError.class)
        .hasMessage("model file not found: " + missing + " (train one with: classifier train)");
  }

  @Test
  void a_file_that_is_not_a_model_is_refused() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.model"), "not a model");
    assertThatThrownBy(() -> ProductClassifier.load(junk))
        .isInstanceOf(ClassifierError.class)
        .hasMessageStartingWith("not a Tribuo model file: " + junk);
  }

  @Test
  void an_unknown_trainer_name_is_refused() {
    assertThatThrownBy(() -> TrainerChoice.fromCliName("svm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown trainer 'svm', expected one of: auto, naive-bayes, linear");
  }
}
