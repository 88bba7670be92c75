package dev.workbench.classifier.cli;

import dev.workbench.classifier.ClassifierError;
import dev.workbench.classifier.model.CategoryPrediction;
import dev.workbench.classifier.model.ProductClassifier;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "predict", description = "Print the category of one product text and its score.")
final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true)
  Path model;

  @Parameters(arity = "1..*", paramLabel = "TEXTO", description = "product name and description")
  String[] words;

  @Override
  public Integer call() {
    String text = String.join(" ", words);
    CategoryPrediction p =
        ProductClassifier.load(model)
            .predict(text)
            .orElseThrow(
                () -> new ClassifierError("the model knows no word of the text: \"" + text + "\""));
    spec.commandLine().getOut().printf(Locale.ROOT, "%s %.4f%n", p.category(), p.score());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
