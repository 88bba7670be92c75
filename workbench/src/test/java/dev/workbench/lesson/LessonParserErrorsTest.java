package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad lesson file is one precise {@code file:line: message}, at the step block or front matter.
 */
class LessonParserErrorsTest {

  @TempDir Path lessons;

  private void assertStepFails(String yaml, String message) {
    Path file = LessonFiles.withStep(lessons, yaml);
    assertThatThrownBy(() -> LessonParser.parse(file))
        .isInstanceOf(LessonFormatError.class)
        .hasMessage(file + ":7: " + message);
  }

  @Test
  void an_unknown_do_lists_the_kinds_and_suggests_the_closest() {
    assertStepFails(
        "id: x\ndo: container.runn\ncli: c",
        "step 'x': 'do' must be one of "
            + String.join(", ", dev.workbench.step.Action.KINDS)
            + "; got 'container.runn'"
            + " (did you mean 'container.run'?)");
  }

  @Test
  void an_unknown_key_is_an_error_with_a_suggestion() {
    assertStepFails(
        "id: sem-volume\ndo: container.run\nname: a\nimage: b\ncomand: [ls]",
        "step 'sem-volume': unknown key 'comand' (did you mean 'command'?)");
  }

  @Test
  void a_key_of_another_kind_is_unknown_and_lists_what_is_allowed() {
    assertStepFails(
        "id: x\ndo: container.stop\nname: a\ndetach: true",
        "step 'x': unknown key 'detach' (allowed: id, do, title, cli, params, expect, group, heroku,"
            + " name)");
  }

  @Test
  void a_missing_id_or_do_or_required_key_is_named() {
    assertStepFails("do: image.list", "step: 'id' is required");
    assertStepFails("id: x\ncli: c", "step 'x': 'do' is required");
    assertStepFails("id: x\ndo: container.run\nname: a", "step 'x': 'image' is required");
  }

  @Test
  void a_yaml_syntax_error_points_at_its_own_line() {
    Path file = LessonFiles.withStep(lessons, "id: x\ndo: image.list\nexpect: [a, b\ncli: c");
    assertThatThrownBy(() -> LessonParser.parse(file))
        .hasMessageStartingWith(
            file + ":11: step: bad YAML: while parsing a flow sequence: expected ',' or ']'");
  }

  @Test
  void a_key_written_twice_is_an_error_at_its_second_line() {
    Path file = LessonFiles.withStep(lessons, "id: x\ndo: image.list\ndo: image.rm");
    assertThatThrownBy(() -> LessonParser.parse(file))
        .hasMessage(file + ":10: step: bad YAML: Duplicate field 'do'");
  }

  @Test
  void command_must_be_a_list_of_strings() {
    assertStepFails(
        "id: x\ndo: container.run\nname: a\nimage: b\ncommand: echo oi",
        "step 'x': 'command' must be a YAML list of strings, e.g. [sh, -c, \"echo hi\"], got 'echo"
            + " oi'");
  }

  @Test
  void wrong_value_types_name_the_key_and_the_expectation() {
    assertStepFails(
        "id: x\ndo: container.run\nname: a\nimage: b\nports: ['80']",
        "step 'x': 'ports' must be a list of whole numbers, e.g. [80], got a list");
    assertStepFails(
        "id: x\ndo: container.run\nname: a\nimage: b\nlimits: {memory: lots}",
        "step 'x': limits: memory must look like 512m or 1g, got 'lots'");
    assertStepFails(
        "id: x\ndo: container.run\nname: a\nimage: b\nlimits: {memory: 4g}",
        "step 'x': limits: memory must be between 16m and 2g, got 4294967296 bytes");
    assertStepFails(
        "id: x\ndo: container.run\nname: a\nimage: b\nmounts: [{volume: v, bind: b, target: /x}]",
        "step 'x': mounts #1: a mount has exactly one of 'volume' (a named volume) or 'bind' (a"
            + " folder of your files)");
  }

  @Test
  void a_bad_check_names_its_position() {
    assertStepFails(
        "id: x\ndo: image.list\nexpect:\n  - exitCode: 0\n  - outptu: a",
        "step 'x': expect #2: unknown key 'outptu' (did you mean 'output'?)");
    assertStepFails(
        "id: x\ndo: image.list\nexpect:\n  - {exitCode: 0, output: a}",
        "step 'x': expect #1: a check has exactly one key (one of "
            + String.join(", ", dev.workbench.step.Check.KEYS)
            + "),"
            + " got [exitCode, output]");
    assertStepFails(
        "id: x\ndo: image.list\nexpect:\n  - container: {name: a, state: up}",
        "step 'x': expect #1: container: 'state' must be one of running, exited, created, absent;"
            + " got 'up'");
  }

  @Test
  void a_parameter_pattern_must_compile() {
    assertStepFails(
        "id: x\ndo: image.list\nparams: {A: {default: a, pattern: '[a'}}",
        "step 'x': params: A: 'pattern' is not a regular expression: Unclosed character class in"
            + " [a");
  }

  @Test
  void a_file_without_front_matter_fails_at_line_1() {
    Path file = LessonFiles.write(lessons, "01-demo", "# Só prosa\n");
    assertThatThrownBy(() -> LessonParser.parse(file))
        .hasMessage(
            file
                + ":1: front matter: a lesson starts with '---', then id, title and order, then"
                + " '---'");
  }

  @Test
  void front_matter_values_are_checked() {
    Path file =
        LessonFiles.write(lessons, "01-demo", "---\nid: demo\ntitle: Demo\norder: quatro\n---\n");
    assertThatThrownBy(() -> LessonParser.parse(file))
        .hasMessage(file + ":1: front matter: 'order' must be a whole number, got 'quatro'");
  }

  @Test
  void a_step_block_inside_a_list_is_an_error_because_it_would_never_run() {
    Path file =
        LessonFiles.write(
            lessons,
            "01-demo",
            LessonFiles.front("demo", 1) + "- item\n\n  ```step\n  id: x\n  ```\n");
    assertThatThrownBy(() -> LessonParser.parse(file))
        .hasMessage(
            file + ":9: step block inside a list or quote: steps must start at the left margin");
  }

  @Test
  void an_unclosed_step_block_is_an_error() {
    Path file =
        LessonFiles.write(
            lessons, "01-demo", LessonFiles.front("demo", 1) + "```step\nid: x\ndo: image.list\n");
    assertThatThrownBy(() -> LessonParser.parse(file))
        .hasMessage(file + ":7: step block is not closed: end it with a line of ```");
  }

  @Test
  void a_malformed_firestore_table_is_one_error_at_its_line() {
    String table = "```firestore-table\ncontainer: firestore\ncollection: produtos\n";
    Path file =
        LessonFiles.write(lessons, "01-demo", LessonFiles.front("demo", 1) + table + "```\n");
    assertThatThrownBy(() -> LessonParser.parse(file))
        .hasMessage(
            file
                + ":7: firestore-table: 'columns' must list 1 to 8 document fields, e.g. [nome,"
                + " descricao, categoria]");
    LessonFiles.write(
        lessons,
        "01-demo",
        LessonFiles.front("demo", 1) + table + "columns: [nome]\nporta: 8080\n```\n");
    assertThatThrownBy(() -> LessonParser.parse(file))
        .hasMessage(file + ":7: firestore-table: unknown key 'porta' (did you mean 'port'?)");
    LessonFiles.write(
        lessons,
        "01-demo",
        LessonFiles.front("demo", 1) + table + "columns: [nome, \"a/b\"]\n```\n");
    assertThatThrownBy(() -> LessonParser.parse(file))
        .hasMessage(
            file
                + ":7: firestore-table: 'columns': 'a/b' is not a field name (letters, digits and '_')");
  }

  @Test
  void swarm_steps_refuse_a_node_count_or_a_node_word_they_cannot_honour() {
    assertStepFails(
        "id: x\ndo: swarm.start\nnodes: 5", "step 'x': nodes must be between 1 and 3, got 5");
    assertStepFails(
        "id: x\ndo: image.list\nexpect:\n  - swarmNode: {name: no-2, availability: drained}",
        "step 'x': expect #1: swarmNode: 'availability' must be one of active, pause, drain; got 'drained'");
    assertStepFails(
        "id: x\ndo: image.list\nexpect:\n  - swarmNode: {name: no-2}",
        "step 'x': expect #1: swarmNode: a swarmNode check needs 'role', 'availability', 'tasks' or more");
    assertStepFails(
        "id: x\ndo: image.list\nexpect:\n  - swarmService: {name: web}",
        "step 'x': expect #1: swarmService: 'replicas' is required");
  }
}
