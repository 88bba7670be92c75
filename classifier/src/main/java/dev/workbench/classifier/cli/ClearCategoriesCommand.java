package dev.workbench.classifier.cli;

import dev.workbench.classifier.firestore.CategoryCleaner;
import dev.workbench.classifier.firestore.FirestoreConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "clear-categories",
    description = "Remove categoria from every product, to run classify again.")
final class ClearCategoriesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FirestoreOptions firestore;

  @Override
  public Integer call() {
    try (FirestoreConnection connection = firestore.connect()) {
      int n = new CategoryCleaner(connection.db()).clear(firestore.collection);
      spec.commandLine().getOut().println("cleared: " + n);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
