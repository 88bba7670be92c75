package dev.workbench.classifier.cli;

import dev.workbench.classifier.data.ProductCsv;
import dev.workbench.classifier.data.ProductTable;
import dev.workbench.classifier.model.Evaluation;
import dev.workbench.classifier.model.ProductClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", description = "Score a saved model on every usable row of a CSV.")
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true)
  Path model;

  @Option(names = "--data", required = true)
  Path data;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ProductClassifier classifier = ProductClassifier.load(model);
    ProductTable table = ProductCsv.read(data);
    Evaluation e = classifier.evaluate(table.rows());
    out.printf(
        "rows read: %d%nrows skipped: %d%nrows scored: %d%n",
        table.read(), table.skipped(), e.products());
    out.println(e.accuracyLine());
    out.println(e.confusionMatrix());
    out.flush();
    return 0;
  }
}
