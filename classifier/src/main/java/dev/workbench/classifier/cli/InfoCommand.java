package dev.workbench.classifier.cli;

import dev.workbench.classifier.model.ProductClassifier;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info", description = "Print a model's provenance: data, trainer, settings, seed.")
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true)
  Path model;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(ProductClassifier.load(model).provenance());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
