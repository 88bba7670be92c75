package dev.workbench.classifier.cli;

import dev.workbench.classifier.data.ProductCsv;
import dev.workbench.classifier.data.ProductTable;
import dev.workbench.classifier.data.Split;
import dev.workbench.classifier.model.ModelTraining;
import dev.workbench.classifier.model.TrainerChoice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "train",
    description = "Train on a CSV (nome;descricao;categoria), evaluate on a held-out part, save the model.")
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "CSV with nome;descricao;categoria")
  Path data;

  @Option(names = "--model", required = true, description = "where to write the model")
  Path model;

  @Option(names = "--test-fraction", defaultValue = "0.2", description = "held-out part (default ${DEFAULT-VALUE})")
  double testFraction;

  @Option(names = "--seed", defaultValue = "42", description = "split and trainer seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--trainer",
      defaultValue = "naive-bayes",
      description = "naive-bayes or logistic (default ${DEFAULT-VALUE})")
  String trainer;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TrainerChoice choice = TrainerChoice.fromCliName(trainer);
    ProductTable table = ProductCsv.read(data);
    out.printf("rows read: %d%nrows skipped: %d%n", table.read(), table.skipped());
    ModelTraining.Outcome outcome = ModelTraining.train(table, testFraction, seed, choice);
    Split split = outcome.split();
    out.printf("trainer: %s%ntrain rows: %d%nheld-out rows: %d%n", choice.cliName(), split.train().size(), split.test().size());
    out.println(outcome.heldOut().accuracyLine());
    out.println(outcome.heldOut().confusionMatrix());
    outcome.classifier().save(model);
    out.println("model: " + model);
    out.flush();
    return 0;
  }

}
