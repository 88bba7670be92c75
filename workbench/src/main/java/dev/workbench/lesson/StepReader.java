package dev.workbench.lesson;

import dev.workbench.step.Action;
import dev.workbench.step.Param;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** One {@code step} block's YAML → a {@link Step}: the common keys here, the rest by kind. */
final class StepReader {
  private StepReader() {}

  static final List<String> COMMON =
      List.of("id", "do", "title", "cli", "params", "expect", "group", "heroku");

  static final Pattern ID = Pattern.compile("[a-z0-9-]+");

  /** Parameters become environment variables too, so their names must be valid ones. */
  static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * @param body the YAML between the fences
   * @param line the line of the opening fence; the body starts on the next one
   */
  static Step read(String body, Path file, int line) {
    Where where = new Where(file, line, "step");
    return read(Yaml.read(body, where, line + 1), where);
  }

  /**
   * A step from YAML already read: a step block's, or the long form a {@link CellReader cell}
   * stands for. Messages name the step by {@code where}'s context and its id ({@code cell 'x'}).
   */
  static Step read(Object yaml, Where where) {
    int line = where.line();
    Fields anonymous = Fields.of(yaml, where, "the " + where.context() + " block");
    String id = anonymous.text("id");
    if (!ID.matcher(id).matches()) {
      throw where.error("'id' must be lowercase letters, digits and '-', got '" + id + "'");
    }
    Fields step = anonymous.named(where.context() + " '" + id + "'");
    ActionReader.Kind kind = ActionReader.kind(step.text("do"), step.where());
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(kind.keys());
    step.allowOnly(allowed);
    Action action = kind.read().apply(step);
    // no cli: the command shown is the action's own, where that is exact (ShownCommands)
    String cli = step.has("cli") ? step.text("cli", "") : ShownCommands.of(action).orElse("");
    return new Step(
        id,
        step.text("title", ""),
        cli,
        params(step),
        action,
        CheckReader.read(step),
        step.text("group", ""),
        line,
        step.text("heroku", ""));
  }

  /** {@code NAME: default} or {@code NAME: {default, pattern, help}}. */
  private static Map<String, Param> params(Fields step) {
    Fields params = step.fields("params");
    Map<String, Param> read = new LinkedHashMap<>();
    for (String name : params.keys()) {
      if (!PARAM_NAME.matcher(name).matches()) {
        throw params
            .where()
            .error(
                "'" + name + "' is not a parameter name: use letters, digits and '_', e.g. TEXTO");
      }
      read.put(name, param(name, params));
    }
    return read;
  }

  private static Param param(String name, Fields params) {
    if (!(params.raw(name) instanceof Map<?, ?>)) {
      return new Param(name, params.text(name, ""), null, null);
    }
    Fields param = params.fields(name).allowOnly(List.of("default", "pattern", "help"));
    String pattern = param.text("pattern", null);
    try {
      return new Param(
          name,
          param.text("default", ""),
          pattern == null ? null : Pattern.compile(pattern),
          param.text("help", ""));
    } catch (PatternSyntaxException e) {
      throw param
          .where()
          .error("'pattern' is not a regular expression: " + e.getDescription() + " in " + pattern);
    }
  }
}
