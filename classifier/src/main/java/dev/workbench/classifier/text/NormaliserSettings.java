package dev.workbench.classifier.text;

/**
 * How text was normalised for a model. {@code version} names the rules (folding, stop-word list,
 * token pattern); a model trained with a version this code does not know is refused rather than
 * silently read with different rules.
 */
public record NormaliserSettings(int version, boolean bigrams) {
  public static final int CURRENT_VERSION = 1;
  public static final NormaliserSettings DEFAULT = new NormaliserSettings(CURRENT_VERSION, true);

  public NormaliserSettings {
    if (version != CURRENT_VERSION) {
      throw new IllegalArgumentException(
          "normaliser version "
              + version
              + " is unknown, this build reads version "
              + CURRENT_VERSION);
    }
  }
}
