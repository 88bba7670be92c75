package dev.workbench.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.classifier.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bench end to end: it starts its own emulator unless FIRESTORE_EMULATOR_HOST names one. */
class BenchIT {
  @TempDir Path dir;

  @Test
  void bench_prints_both_rates_the_ratio_where_the_time_went_and_what_it_verified() {
    Path model = dir.resolve("produtos.model");
    TestData.shippedModel().classifier().save(model);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ClassifierCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("bench", "--count", "300", "--model", model.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .containsPattern("(?m)^warm-up: both ways on 300 products each first, untimed$")
        .containsPattern(
            "(?m)^naive: \\d+ docs/s \\(\\d+ written in [\\d.]+ s; verified (\\d+)/300 categorised\\)$")
        .containsPattern(
            "(?m)^batched: \\d+ docs/s \\(\\d+ written in [\\d.]+ s; verified (\\d+)/300 categorised\\)$")
        .containsPattern(
            "(?m)^batched breakdown: scan [\\d.]+ s \\(\\d+ quer(y|ies), first document after [\\d.]+"
                + " s, [\\d.]+ s waiting for a free commit slot\\), predict [\\d.]+ s of CPU over \\d+ threads \\(\\d+ us/product\\),"
                + " commit [\\d.]+ s summed over \\d+ threads \\(\\d+ batch(es)?\\), [\\d.]+ s after the last"
                + " document arrived$")
        .containsPattern("(?m)^ratio: [\\d.]+$");
  }
}
