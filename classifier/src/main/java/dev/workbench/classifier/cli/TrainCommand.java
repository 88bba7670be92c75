package dev.workbench.classifier.cli;

import dev.workbench.classifier.data.ProductCsv;
import dev.workbench.classifier.data.ProductTable;
import dev.workbench.classifier.data.Split;
import dev.workbench.classifier.model.ModelTraining;
import dev.workbench.classifier.model.TrainerChoice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "train",
    description =
        "Cross-validate each trainer on the training part of a CSV (nome;descricao;categoria), train"
            + " the best, evaluate it on the held-out part, save the model.")
final class TrainCommand implements Callable<Integer> {
  static final String AUTO = "auto";

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "CSV with nome;descricao;categoria")
  Path data;

  @Option(names = "--model", required = true, description = "where to write the model")
  Path model;

  @Option(
      names = "--test-fraction",
      defaultValue = "0.2",
      description = "held-out part (default ${DEFAULT-VALUE})")
  double testFraction;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "split, fold and trainer seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "cross-validation folds on the training part (default ${DEFAULT-VALUE})")
  int folds;

  @Option(
      names = "--trainer",
      defaultValue = AUTO,
      description =
          "auto (the best in cross-validation), naive-bayes or linear (default ${DEFAULT-VALUE})")
  String trainer;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<TrainerChoice> given =
        trainer.equalsIgnoreCase(AUTO)
            ? Optional.empty()
            : Optional.of(TrainerChoice.fromCliName(trainer));
    ProductTable table = ProductCsv.read(data);
    out.printf("rows read: %d%nrows skipped: %d%n", table.read(), table.skipped());
    out.flush();
    ModelTraining.Outcome outcome =
        ModelTraining.trainBest(table, testFraction, seed, folds, given);
    Split split = outcome.split();
    out.printf(
        "cross-validation: %d folds of the %d training rows, seed %d%n",
        folds, split.train().size(), seed);
    outcome.crossValidation().forEach(cv -> out.println("  " + cv.line()));
    out.printf(
        "trainer: %s (%s)%ntrain rows: %d%nheld-out rows: %d%n",
        outcome.trainer().cliName(),
        given.isPresent() ? "given" : "best in cross-validation",
        split.train().size(),
        split.test().size());
    out.println(outcome.heldOut().accuracyLine());
    out.println(outcome.heldOut().confusionMatrix());
    outcome.classifier().save(model);
    out.println("model: " + model);
    out.flush();
    return 0;
  }
}
