package dev.workbench.lesson;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.Param;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code cell} block is the short form of an editable {@code jshell} step: the same step in
 * memory, errors at the cell's own lines, and the translation rules holding for it as for steps.
 */
class NotebookCellTest {

  @TempDir Path root;

  private Path lessons() {
    return root.resolve("lessons");
  }

  /** Java with what YAML would mangle unquoted: a colon, a {@code #}, a tab, a blank line, ---. */
  private static final String CODE =
      "var x = Map.of(\"a\", 1); // chave: valor #1\n"
          + "\n"
          + "if (x.isEmpty()) {\n"
          + "\tSystem.out.println(\"---\");\n"
          + "}\n"
          + "---\n"
          + "x\n";

  private static final String HEADER =
      "id: contar\ntitle: Célula 1 — contar\nexpect:\n  - exitCode: 0\n  - output: \"x ==> \"\n";

  private static String cell(String header, String code) {
    return "```cell\n" + header + "---\n" + code + "```\n";
  }

  /** The cell as a lesson file whose cell opens at line 7. */
  private Path withCell(String body) {
    return LessonFiles.write(lessons(), "01-demo", LessonFiles.front("demo", 1) + body);
  }

  private Step onlyStep(Path file) {
    List<Step> steps = LessonParser.parse(file).steps();
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  /** A param as comparable values: {@link java.util.regex.Pattern} has no equals of its own. */
  private static List<Object> param(Param p) {
    return List.of(p.name(), p.defaultValue(), p.pattern().pattern(), p.help());
  }

  @Test
  void a_cell_is_the_step_its_long_form_spells_out() {
    Step cell = onlyStep(withCell(cell(HEADER, CODE)));
    String indented =
        CODE.lines().map(l -> l.isEmpty() ? "\n" : "      " + l + "\n").collect(joining());
    Step step =
        onlyStep(
            withCell(
                LessonFiles.step(
                    "id: contar\ndo: jshell\ntitle: Célula 1 — contar\nparams:\n  CODIGO:\n"
                        + "    default: |\n"
                        + indented
                        + "    pattern: \"(?s).{1,8000}\"\n"
                        + "    help: edite e rode de novo\n"
                        + "code: \"${CODIGO}\"\n"
                        + "expect:\n  - exitCode: 0\n  - output: \"x ==> \"")));

    assertThat(cell.action()).isEqualTo(new Action.JShellCell("${CODIGO}"));
    assertThat(cell.params().get("CODIGO").defaultValue()).isEqualTo(CODE);
    assertThat(cell)
        .extracting(Step::id, Step::title, Step::cli, Step::action, Step::expect, Step::line)
        .containsExactly(
            step.id(), step.title(), step.cli(), step.action(), step.expect(), step.line());
    assertThat(cell.expect())
        .containsExactly(new Check.ExitCode(0), new Check.OutputContains("x ==> "));
    assertThat(cell.params().values().stream().map(NotebookCellTest::param))
        .containsExactlyElementsOf(
            step.params().values().stream().map(NotebookCellTest::param).toList());
  }

  @Test
  void blank_lines_around_the_code_are_dropped_and_help_may_be_given() {
    Step cell = onlyStep(withCell(cell(HEADER + "help: mude o mapa\n", "\n\n" + CODE + "\n  \n")));

    assertThat(cell.params().get("CODIGO").defaultValue()).isEqualTo(CODE);
    assertThat(cell.params().get("CODIGO").help()).isEqualTo("mude o mapa");
  }

  @Test
  void without_help_the_code_field_says_edit_and_run_again_in_the_files_language() {
    Path english =
        LessonFiles.writeEnglish(
            lessons(), "01-demo", LessonFiles.front("demo", 1) + cell(HEADER, CODE));

    assertThat(onlyStep(withCell(cell(HEADER, CODE))).params().get("CODIGO").help())
        .isEqualTo("edite e rode de novo");
    assertThat(onlyStep(english).params().get("CODIGO").help()).isEqualTo("edit and run again");
  }

  private void assertCellFails(String body, String message) {
    Path file = withCell(body);
    assertThatThrownBy(() -> LessonParser.parse(file))
        .isInstanceOf(LessonFormatError.class)
        .hasMessage(file + ":" + message);
  }

  @Test
  void a_cell_without_the_line_between_header_and_code_is_an_error_at_its_fence() {
    assertCellFails(
        "```cell\n" + HEADER + "var x = 1;\n```\n",
        "7: cell: no line '---' after the header: write id, title and expect, then a line ---,"
            + " then the Java code");
  }

  @Test
  void a_cell_without_code_is_an_error_at_its_separator_line() {
    // fence 7, header lines 8-12, --- at 13
    assertCellFails(
        cell(HEADER, "\n  \n"),
        "13: cell 'contar': no code after '---': the lines"
            + " below it are the Java code the cell runs");
  }

  @Test
  void bad_yaml_in_the_header_is_reported_at_its_own_line() {
    Path file = withCell(cell("id: contar\ntitle: [a, b\nexpect:\n  - output: x\n", CODE));
    assertThatThrownBy(() -> LessonParser.parse(file))
        .isInstanceOf(LessonFormatError.class)
        .hasMessageStartingWith(file + ":10: cell: bad YAML: while parsing a flow sequence");
  }

  @Test
  void header_keys_of_the_long_form_are_unknown_in_a_cell() {
    assertCellFails(
        cell(HEADER + "do: jshell\n", CODE),
        "7: cell 'contar': unknown key 'do' (allowed: id, title, help, expect)");
  }

  @Test
  void the_step_rules_speak_of_the_cell() {
    assertCellFails(cell("title: sem id\n", CODE), "7: cell: 'id' is required");
    assertCellFails(
        cell("id: Contar\n", CODE),
        "7: cell: 'id' must be lowercase letters, digits and '-', got 'Contar'");
  }

  @Test
  void lint_finds_every_broken_cell_of_a_file_at_its_line() {
    // the second cell opens at line 23: fence 7, header 8-12, --- 13, code 14-20, fence 21
    withCell(cell(HEADER, CODE) + "\n" + "```cell\nid: b\n```\n");
    LessonFiles.translateVerbatim(lessons());

    assertThat(LessonLinter.lint(lessons(), root))
        .extracting(e -> e.file().getFileName().toString(), LessonFormatError::line)
        .contains(tuple("lesson.md", 23), tuple("lesson.en.md", 23));
  }

  @Test
  void a_translated_cell_may_change_its_title_and_help_but_not_its_code() {
    withCell(cell(HEADER, CODE));
    String translated =
        HEADER.replace("Célula 1 — contar", "Cell 1 — count") + "help: change the map\n";
    LessonFiles.writeEnglish(
        lessons(), "01-demo", LessonFiles.front("demo", 1) + cell(translated, CODE));
    assertThat(LessonLinter.lint(lessons(), root)).isEmpty();

    LessonFiles.writeEnglish(
        lessons(), "01-demo", LessonFiles.front("demo", 1) + cell(translated, "var y = 2;\n"));
    assertThat(LessonLinter.lint(lessons(), root))
        .extracting(e -> e.file().getFileName() + ":" + e.line() + ": " + e.problem())
        .containsExactly(
            "lesson.en.md:7: step 'contar': the params (names, defaults, patterns) differs from"
                + " lesson.md:7 (only titles, prose and parameter help are translated)");
  }
}
