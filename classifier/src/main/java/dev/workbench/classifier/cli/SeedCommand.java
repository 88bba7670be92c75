package dev.workbench.classifier.cli;

import dev.workbench.classifier.data.ProductCsv;
import dev.workbench.classifier.data.ProductTable;
import dev.workbench.classifier.data.Split;
import dev.workbench.classifier.firestore.FirestoreConnection;
import dev.workbench.classifier.firestore.Seeder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "seed",
    description =
        "Put uncategorised products in Firestore, taken from the dataset's held-out part.")
final class SeedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FirestoreOptions firestore;

  @Option(names = "--count", required = true)
  int count;

  @Option(names = "--data", description = "dataset CSV (default: the one inside the jar)")
  Path data;

  @Override
  public Integer call() {
    ProductTable table = data == null ? ProductCsv.readBundled() : ProductCsv.read(data);
    // The split train uses by default: these are products the shipped model never saw.
    var heldOut = Split.of(table.rows(), Split.DEFAULT_TEST_FRACTION, Split.DEFAULT_SEED).test();
    try (FirestoreConnection connection = firestore.connect()) {
      int n = new Seeder(connection.db()).seed(firestore.collection, heldOut, count);
      spec.commandLine().getOut().println("seeded: " + n);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
