package dev.workbench.classifier.cli;

import dev.workbench.classifier.data.ProductCsv;
import dev.workbench.classifier.data.Split;
import dev.workbench.classifier.emulator.FirestoreEmulator;
import dev.workbench.classifier.firestore.Bench;
import dev.workbench.classifier.firestore.FirestoreConnection;
import dev.workbench.classifier.firestore.FirestoreTarget;
import dev.workbench.classifier.model.ProductClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    description =
        "The book's way (one awaited update per product) against batched writes, on the emulator.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--count",
      defaultValue = "10000",
      description = "products per way (default ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--model", description = "model file (default: as classify)")
  Path model;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ProductClassifier classifier = ProductClassifier.load(ModelLocation.resolve(model));
    var heldOut =
        Split.of(ProductCsv.readBundled().rows(), Split.DEFAULT_TEST_FRACTION, Split.DEFAULT_SEED)
            .test();
    String given = System.getenv("FIRESTORE_EMULATOR_HOST");
    // Never against a real project: the bench writes 2 x count documents.
    FirestoreEmulator started = given == null || given.isBlank() ? FirestoreEmulator.start() : null;
    String host = started != null ? started.hostPort() : given.strip();
    try (FirestoreConnection c =
        FirestoreConnection.open(FirestoreTarget.emulator(host, FirestoreTarget.DEFAULT_PROJECT))) {
      out.println("emulator: " + host + (started != null ? " (started for this run)" : ""));
      out.flush();
      Bench.Report r =
          new Bench(c.db(), classifier).run(heldOut, count, "bench-" + System.currentTimeMillis());
      out.printf(
          Locale.ROOT, "warm-up: both ways on %d products each first, untimed%n", r.warmUp());
      for (Bench.Way w : new Bench.Way[] {r.naive(), r.batched()}) {
        out.printf(
            Locale.ROOT,
            "%s: %.0f docs/s (%d written in %.2f s; verified %d/%d categorised)%n",
            w.name(),
            w.docsPerSecond(),
            w.written(),
            w.elapsed().toNanos() / 1e9,
            w.after().categorised(),
            w.after().products());
      }
      out.println(r.breakdownLine());
      out.printf(Locale.ROOT, "ratio: %.1f%n", r.ratio());
      out.flush();
    } finally {
      if (started != null) {
        started.close();
      }
    }
    return 0;
  }
}
