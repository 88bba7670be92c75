package dev.workbench.run;

import dev.workbench.step.Param;
import dev.workbench.step.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A step's parameter values, checked, and their substitution into the step's strings. */
final class Vars {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private final Map<String, String> values;

  private Vars(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * The values a run uses: what the learner sent, else the defaults. An unknown name or a refused
   * value throws {@link InvalidParameter} before anything runs.
   */
  static Vars of(Step step, Map<String, String> supplied) {
    Map<String, String> given = supplied == null ? Map.of() : supplied;
    for (String name : given.keySet()) {
      if (!step.params().containsKey(name)) {
        throw new InvalidParameter("o passo " + step.id() + " não tem o parâmetro " + name);
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Param param : step.params().values()) {
      String value = given.getOrDefault(param.name(), param.defaultValue());
      String problem = param.problemWith(value);
      if (problem != null) {
        throw new InvalidParameter(problem);
      }
      values.put(param.name(), value);
    }
    return new Vars(values);
  }

  String apply(String text) {
    if (text == null || text.indexOf('$') < 0) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  List<String> apply(List<String> texts) {
    return texts.stream().map(this::apply).toList();
  }

  Map<String, String> apply(Map<String, String> texts) {
    Map<String, String> out = new LinkedHashMap<>();
    texts.forEach((k, v) -> out.put(k, apply(v)));
    return out;
  }

  /** The parameters as environment variables for the step's containers. */
  Map<String, String> asEnv() {
    return values;
  }
}
