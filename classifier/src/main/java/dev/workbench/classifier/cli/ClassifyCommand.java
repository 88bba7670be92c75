package dev.workbench.classifier.cli;

import dev.workbench.classifier.firestore.ClassifyJob;
import dev.workbench.classifier.firestore.FirestoreConnection;
import dev.workbench.classifier.model.ProductClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "classify",
    description = "The production job: categorise every product in Firestore that has no category.")
final class ClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FirestoreOptions firestore;

  @Option(
      names = "--model",
      description = "model file (default: $MODEL_PATH, else /app/model/produtos.model)")
  Path model;

  @Option(
      names = "--batch-size",
      defaultValue = "500",
      description = "writes per commit, at most 500 (default ${DEFAULT-VALUE})")
  int batchSize;

  @Option(
      names = "--parallel",
      defaultValue = "4",
      description = "commits in flight at once (default ${DEFAULT-VALUE})")
  int parallel;

  @Option(
      names = "--page-size",
      defaultValue = "20000",
      description = "documents per read (default ${DEFAULT-VALUE})")
  int pageSize;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ClassifyJob.Settings settings =
        ClassifyJob.Settings.defaults()
            .withCollection(firestore.collection)
            .withBatchSize(batchSize)
            .withParallelCommits(parallel)
            .withPageSize(pageSize);
    ProductClassifier classifier = ProductClassifier.load(ModelLocation.resolve(model));
    try (FirestoreConnection connection = firestore.connect()) {
      out.println(
          "firestore: " + connection.description() + ", collection " + firestore.collection);
      out.flush();
      ClassifyJob.Result r =
          new ClassifyJob(connection.db(), classifier, settings, ClassifyJob.Progress.NONE).run();
      out.printf(
          Locale.ROOT,
          "read: %d%ncategorised: %d%nskipped: %d%nseconds: %.2f%n",
          r.read(),
          r.categorised(),
          r.skipped(),
          r.elapsed().toNanos() / 1e9);
      out.println("breakdown: " + r.timings().line(settings.parallelCommits()));
      out.flush();
    }
    return 0;
  }
}
