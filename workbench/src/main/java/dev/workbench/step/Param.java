package dev.workbench.step;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A value a learner may edit before running a step; referenced as {@code ${NAME}} in the step's
 * strings and exported as an environment variable to the step's containers.
 */
public record Param(String name, String defaultValue, Pattern pattern, String help) {

  /** Printable text without control characters or shell-hostile quoting surprises, 200 at most. */
  public static final Pattern DEFAULT_PATTERN =
      Pattern.compile("[\\p{L}\\p{N} .,:;!?@#%+=_()\\[\\]/'-]{0,200}");

  /** {@link #DEFAULT_PATTERN} in words, for the learner: change the two together. */
  static final String DEFAULT_RULE =
      "use letras, números, espaço e . , : ; ! ? @ # % + = _ ( ) [ ] / ' - (até 200 caracteres)";

  public Param {
    Objects.requireNonNull(name, "name");
    defaultValue = defaultValue == null ? "" : defaultValue;
    pattern = pattern == null ? DEFAULT_PATTERN : pattern;
    help = help == null ? "" : help;
  }

  /** The reason {@code value} is refused, or null when it is acceptable; names what to change. */
  public String problemWith(String value) {
    if (value == null) {
      return "o parâmetro " + name + " está vazio";
    }
    if (pattern.matcher(value).matches()) {
      return null;
    }
    String refused =
        value
            .codePoints()
            .filter(c -> !accepts(Character.toString(c)))
            .distinct()
            .limit(5)
            .mapToObj(Param::shown)
            .collect(Collectors.joining(" "));
    String rule =
        pattern == DEFAULT_PATTERN
            ? DEFAULT_RULE
            : "o valor deve seguir o padrão " + pattern.pattern();
    return "valor inválido para "
        + name
        + ": "
        + (refused.isEmpty() ? "" : "não aceita " + refused + "; ")
        + rule;
  }

  /**
   * Whether the pattern takes this character at all: alone, or after the default value (a pattern
   * with a minimum length refuses every character alone).
   */
  private boolean accepts(String character) {
    return pattern.matcher(character).matches()
        || !defaultValue.isEmpty() && pattern.matcher(defaultValue + character).matches();
  }

  /** A refused character as a learner can see it: quoted, or its code when it is invisible. */
  private static String shown(int c) {
    return Character.isISOControl(c) || Character.isWhitespace(c) && c != ' '
        ? String.format("U+%04X", c)
        : "“" + Character.toString(c) + "”";
  }
}
