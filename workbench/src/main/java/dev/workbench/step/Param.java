package dev.workbench.step;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value a learner may edit before running a step; referenced as {@code ${NAME}} in the step's
 * strings and exported as an environment variable to the step's containers.
 */
public record Param(String name, String defaultValue, Pattern pattern, String help) {

  /** Printable text without control characters or shell-hostile quoting surprises, 200 at most. */
  public static final Pattern DEFAULT_PATTERN =
      Pattern.compile("[\\p{L}\\p{N} .,:;!?@#%+=_()\\[\\]/'-]{0,200}");

  public Param {
    Objects.requireNonNull(name, "name");
    defaultValue = defaultValue == null ? "" : defaultValue;
    pattern = pattern == null ? DEFAULT_PATTERN : pattern;
    help = help == null ? "" : help;
  }

  /** The reason {@code value} is refused, or null when it is acceptable. */
  public String problemWith(String value) {
    if (value == null) {
      return "o parâmetro " + name + " está vazio";
    }
    if (!pattern.matcher(value).matches()) {
      return "valor inválido para " + name + ": use até 200 caracteres comuns (padrão " + pattern.pattern() + ")";
    }
    return null;
  }
}
