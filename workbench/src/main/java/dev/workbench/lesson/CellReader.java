package dev.workbench.lesson;

import dev.workbench.step.Action;
import dev.workbench.step.Kinds;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notebook cell: a fenced block {@code cell} whose body is a short YAML header ({@code id},
 * {@code title}, {@code expect}, optionally {@code help}), a line {@code ---}, then the Java code
 * as the learner will see it. It is the short form of a {@code jshell} step whose code the learner
 * edits, and it is read as that step: the header and the code become the long form's keys (an
 * editable parameter {@value #PARAM} whose default is the code, run as {@code code: "${CODIGO}"})
 * and {@link StepReader} reads them. So a cell is a step to the web page, the API, progress,
 * verify, lint and the translation rules, and the step's rules are written once.
 */
final class CellReader {
  private CellReader() {}

  static final String INFO = "cell";

  static final List<String> KEYS = List.of("id", "title", "help", "expect");

  /** The parameter that holds the code: the field the page shows and a learner's runs store. */
  static final String PARAM = "CODIGO";

  /** Any text, line breaks included, up to 8000 characters: room for a cell, not for a program. */
  static final String PATTERN = "(?s).{1,8000}";

  private static final String SEPARATOR = "---";

  /**
   * @param body the text between the fences
   * @param line the line of the opening fence; the body starts on the next one
   */
  static Step read(String body, Path file, int line) {
    Where where = new Where(file, line, INFO);
    List<String> lines = body.lines().toList();
    int separator = separator(lines);
    if (separator < 0) {
      throw where.error(
          "no line '---' after the header: write id, title and expect, then a line ---, then the"
              + " Java code");
    }
    String headerText = String.join("\n", lines.subList(0, separator));
    Fields header =
        Fields.of(Yaml.read(headerText, where, line + 1), where, "the header (id, title, expect)");
    if (header.raw("id") instanceof String id) {
      header = header.named(INFO + " '" + id + "'");
    }
    header.allowOnly(KEYS);
    String code = code(lines.subList(separator + 1, lines.size()));
    if (code.isEmpty()) {
      int separatorLine = line + 1 + separator;
      throw new Where(file, separatorLine, header.where().context())
          .error("no code after '---': the lines below it are the Java code the cell runs");
    }
    return StepReader.read(longForm(header, code, Language.ofFile(file)), where);
  }

  /** The keys a {@code step} block would spell out for this cell. */
  private static Map<String, Object> longForm(Fields header, String code, Language language) {
    Map<String, Object> param = new LinkedHashMap<>();
    param.put("default", code);
    param.put("pattern", PATTERN);
    param.put("help", header.has("help") ? header.raw("help") : defaultHelp(language));
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("id", header.raw("id"));
    step.put("do", Kinds.name(Action.JShellCell.class));
    step.put("title", header.raw("title"));
    step.put("params", Map.of(PARAM, param));
    step.put("code", "${" + PARAM + "}");
    step.put("expect", header.raw("expect"));
    step.values().removeIf(value -> value == null);
    return step;
  }

  /** What the code field says when a cell gives no {@code help}: the same for every cell. */
  static String defaultHelp(Language language) {
    return switch (language) {
      case PT_BR -> "edite e rode de novo";
      case EN -> "edit and run again";
    };
  }

  /** The index of the line {@code ---}, or -1: the first one, so the code may hold others. */
  private static int separator(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).stripTrailing().equals(SEPARATOR)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The code as written, without blank lines around it, ending with a line break as a YAML {@code
   * |} block does; empty when there is none.
   */
  private static String code(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return from == to ? "" : String.join("\n", lines.subList(from, to)) + "\n";
  }
}
