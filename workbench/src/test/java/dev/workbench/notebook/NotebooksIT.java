package dev.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JShells whose snippets run in real kernel containers on the real engine. Each test is its
 * own learner, so its own notebook, closed when the test ends (the server holds only a few).
 */
class NotebooksIT {
  @TempDir static Path dataDir;
  @TempDir static Path projectRoot;
  static Engine engine;
  static Notebooks notebooks;
  static final Set<Scope> used = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void open() {
    engine = TestEngines.require(dataDir);
    notebooks = new Notebooks(engine, projectRoot);
  }

  @AfterEach
  void closeThisLearnersNotebook() {
    used.forEach(scope -> notebooks.close(scope.session(), scope.lesson()));
  }

  @AfterAll
  static void closeAll() {
    notebooks.close();
    used.forEach(scope -> engine.removeAll(scope.session(), null));
    engine.close();
  }

  /** The cell's lines as the learner sees them, "out: …" or "err: …". */
  static final class Lines implements OutputSink {
    final List<String> lines = new ArrayList<>();

    public synchronized void out(String line) {
      lines.add("out: " + line);
    }

    public synchronized void err(String line) {
      lines.add("err: " + line);
    }

    public void info(String line) {}

    public void progress(String label, long current, long total) {}

    synchronized List<String> all() {
      return List.copyOf(lines);
    }

    synchronized List<String> errors() {
      return lines.stream().filter(l -> l.startsWith("err: ")).toList();
    }
  }

  private static Scope learner(String id) {
    Scope scope = new Scope(new Session(id), "notebook");
    used.add(scope);
    return scope;
  }

  private static Lines run(Notebooks notebooks, Scope scope, String code, int expectedExit) {
    Lines lines = new Lines();
    assertThat(notebooks.run(scope, code, lines))
        .as("exit code of %s; output %s", code, lines.all())
        .isEqualTo(expectedExit);
    return lines;
  }

  @Test
  void a_later_cell_sees_the_variables_of_earlier_cells() {
    Scope ana = learner("ana00001");
    Lines first = run(notebooks, ana, "int x = 41;\nSystem.out.println(\"olá, notebook\");", 0);
    assertThat(first.all()).containsExactly("out: x ==> 41", "out: olá, notebook");

    Lines second = run(notebooks, ana, "x + 1", 0);
    assertThat(second.all()).singleElement().asString().endsWith(" ==> 42");
  }

  @Test
  void a_later_import_keeps_the_values_of_earlier_variables() {
    // the notebook lesson's first cells: the import recompiles the earlier snippets, which must be
    // redefined in place, not loaded anew with every variable reset to null
    try (Notebooks withClassifier = new Notebooks(engine, TestEngines.projectRoot())) {
      Scope jo = learner("joao0001");
      run(
          withClassifier,
          jo,
          """
          import dev.workbench.classifier.data.*;
          import java.nio.file.*;
          import java.util.*;
          import java.util.stream.*;
          var tabela = ProductCsv.read(Path.of(System.getProperty("workbench.data")));
          var produtos = tabela.rows();
          var porCategoria = produtos.stream()
              .collect(Collectors.groupingBy(
                  Product::categoria, TreeMap::new, Collectors.counting()));
          """,
          0);
      Lines later =
          run(
              withClassifier,
              jo,
              "import java.text.Normalizer;\nimport dev.workbench.classifier.text.*;\n"
                  + "produtos.size() > 0",
              0);
      assertThat(later.all()).singleElement().asString().endsWith(" ==> true");
    }
  }

  @Test
  void a_cell_holds_several_snippets_and_a_call_chain_may_span_lines() {
    Lines lines =
        run(
            notebooks,
            learner("bia00001"),
            """
            import java.util.stream.*;
            var nomes = Stream.of("b", "a", "c")
                .sorted()
                .collect(Collectors.joining(","));
            String grito(String s) { return s.toUpperCase(); }
            grito(nomes)
            """,
            0);
    assertThat(lines.all()).containsExactly("out: nomes ==> \"a,b,c\"", "out: $1 ==> \"A,B,C\"");
  }

  @Test
  void a_compile_error_is_reported_with_its_cell_line_and_fails_the_cell() {
    Lines lines =
        run(notebooks, learner("caio0001"), "int a = 1;\n\nString s = a.nope();\nint c = 3;", 1);
    assertThat(lines.errors().get(0))
        .isEqualTo("err: linha 3: erro de compilação: int cannot be dereferenced");
    assertThat(lines.errors()).contains("err:     String s = a.nope();");
    assertThat(lines.all())
        .as("the cell stops at the failing snippet")
        .noneMatch(l -> l.contains("c ==>"));
  }

  @Test
  void an_exception_is_one_error_line_with_its_class_and_message() {
    Lines lines = run(notebooks, learner("dani0001"), "int n = 2;\nInteger.parseInt(\"dois\");", 1);
    assertThat(lines.errors())
        .containsExactly(
            "err: linha 2: exceção java.lang.NumberFormatException: For input string: \"dois\"");
  }

  @Test
  void an_endless_loop_is_stopped_at_the_time_limit_and_the_next_cell_still_runs() {
    try (Notebooks quick =
        new Notebooks(
            engine, projectRoot, NotebookLimits.DEFAULT.withCellTimeout(Duration.ofSeconds(5)))) {
      Scope eva = learner("eva00001");
      Lines loop = run(quick, eva, "while (true) {}", 1);
      assertThat(loop.errors()).contains("err: a célula passou de 5 s e foi interrompida");

      assertThat(run(quick, eva, "1 + 1", 0).all()).singleElement().asString().endsWith(" ==> 2");
    }
  }

  @Test
  void endless_printing_is_cut_at_the_output_cap_and_the_next_cell_still_runs() {
    Scope fabio = learner("fabio001");
    Lines flood = run(notebooks, fabio, "for (int i = 0; ; i++) System.out.println(i);", 1);
    assertThat(flood.errors()).containsExactly("err: saída cortada em 64 KiB");
    long printed =
        flood.all().stream()
            .filter(l -> l.startsWith("out: "))
            .mapToLong(l -> l.substring(5).getBytes(StandardCharsets.UTF_8).length + 1)
            .sum();
    assertThat(printed).isLessThanOrEqualTo(64 * 1024);
    assertThat(flood.all()).startsWith("out: 0", "out: 1", "out: 2");

    assertThat(run(notebooks, fabio, "\"ainda aqui\"", 0).all())
        .singleElement()
        .asString()
        .endsWith(" ==> \"ainda aqui\"");
  }

  @Test
  void system_exit_ends_only_the_notebook_jvm_and_the_next_cell_gets_a_new_one() {
    Scope gil = learner("gil00001");
    run(notebooks, gil, "int antes = 1;", 0);
    Lines exit = run(notebooks, gil, "System.exit(0);", 1);
    assertThat(exit.errors())
        .containsExactly("err: a JVM do notebook terminou; a próxima célula começa outra");

    assertThat(run(notebooks, gil, "2 * 21", 0).all())
        .singleElement()
        .asString()
        .endsWith(" ==> 42");
    Lines gone = run(notebooks, gil, "antes", 1);
    assertThat(gone.errors().get(0))
        .startsWith("err: linha 1: erro de compilação: cannot find symbol");
  }

  @Test
  void closing_a_lesson_notebook_removes_its_container_and_forgets_its_variables() {
    Scope hugo = learner("hugo0001");
    run(notebooks, hugo, "int guardado = 5;", 0);
    assertThat(engine.containers().inspect(hugo, "jshell")).isPresent();
    notebooks.close(hugo.session(), hugo.lesson());
    assertThat(engine.containers().inspect(hugo, "jshell")).isEmpty();
    assertThat(run(notebooks, hugo, "guardado", 1).errors()).isNotEmpty();
  }

  @Test
  void an_idle_notebook_is_closed_and_its_container_removed() throws InterruptedException {
    try (Notebooks shortLived =
        new Notebooks(
            engine, projectRoot, NotebookLimits.DEFAULT.withIdleAfter(Duration.ofSeconds(2)))) {
      Scope iris = learner("iris0001");
      run(shortLived, iris, "int guardado = 7;", 0);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (engine.containers().inspect(iris, "jshell").isPresent()
          && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(engine.containers().inspect(iris, "jshell"))
          .as("the idle notebook's container")
          .isEmpty();
      assertThat(run(shortLived, iris, "guardado", 1).errors()).isNotEmpty();
    }
  }

  @Test
  void workbench_files_is_the_sessions_own_folder_that_host_file_checks_read() throws Exception {
    Scope ines = learner("ines0001");
    run(
        notebooks,
        ines,
        """
        var pasta = java.nio.file.Path.of(System.getProperty("workbench.files"), "notebook");
        java.nio.file.Files.createDirectories(pasta);
        java.nio.file.Files.writeString(pasta.resolve("nota.txt"), "ção");
        """,
        0);
    Path file = engine.storage().sessionFile(ines, "notebook/nota.txt");
    assertThat(file).hasContent("ção");
  }
}
