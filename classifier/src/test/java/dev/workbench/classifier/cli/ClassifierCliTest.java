package dev.workbench.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifierCliTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ClassifierCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void train_then_evaluate_then_predict() {
    Path model = dir.resolve("produtos.model");
    Run train = run("train", "--data", "data/produtos.csv", "--model", model.toString());
    assertThat(train.exit()).isZero();
    assertThat(train.out())
        .contains("rows read: ", "rows skipped: 0", "cross-validation: 5 folds")
        .containsPattern(
            "(?m)^  naive-bayes +mean accuracy 0\\.\\d{4} \\(folds( 0\\.\\d{4}){5}\\)$")
        .containsPattern("(?m)^  linear +mean accuracy 0\\.\\d{4} \\(folds( 0\\.\\d{4}){5}\\)$")
        .containsPattern("(?m)^trainer: (naive-bayes|linear) \\(best in cross-validation\\)$")
        .containsPattern("accuracy: 0\\.\\d{4}");
    assertThat(model).isRegularFile();

    Run evaluate = run("evaluate", "--model", model.toString(), "--data", "data/produtos.csv");
    assertThat(evaluate.out()).containsPattern("(?m)^accuracy: 0\\.\\d{4}$");

    Run predict =
        run(
            "predict",
            "--model",
            model.toString(),
            "Figura Transformers Prime War Deluxe - E9687 - Hasbro");
    assertThat(predict.out()).startsWith("brinquedo ");

    assertThat(run("info", "--model", model.toString()).out())
        .contains("data-sha256:", "split-seed:", "trainer-chosen-by:", "cv-mean-accuracy-linear:");
  }

  @Test
  void a_missing_model_is_one_line_on_stderr_and_exit_1() {
    Run r = run("predict", "--model", dir.resolve("x.model").toString(), "batom");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: model file not found: "
                + dir.resolve("x.model")
                + " (train one with: classifier train)"
                + System.lineSeparator());
  }

  @Test
  void a_malformed_csv_names_its_line_without_a_stack_trace() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("bad.csv"), "nome;descricao;categoria\nA;b;livro\n\"x\"y;b;livro\n");
    Run r = run("train", "--data", csv.toString(), "--model", dir.resolve("m").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: " + csv + ":3: malformed CSV").doesNotContain("\tat ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void wrong_usage_exits_2() {
    assertThat(run("train", "--data", "x.csv").exit()).isEqualTo(2);
    assertThat(
            run("train", "--data", "data/produtos.csv", "--model", "m", "--test-fraction", "1.5")
                .exit())
        .isEqualTo(2);
  }
}
