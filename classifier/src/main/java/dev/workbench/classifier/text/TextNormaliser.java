package dev.workbench.classifier.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns product text into the tokens the model counts. "Máscara de Cílios À Prova d'Água" becomes
 * {@code mascara cilios prova agua} plus bigrams such as {@code mascara_cilios}: lower case so
 * "LEGO" and "Lego" agree, accents folded so "Pokémon" and "Pokemon" agree (shop data mixes both),
 * stop words dropped, and tokens are runs of letters or digits. Bigrams are built after stop words
 * go, so "Batom de Boca" and "Batom Boca" give the same pair.
 */
public final class TextNormaliser {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_TOKEN = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final NormaliserSettings settings;

  public TextNormaliser(NormaliserSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public NormaliserSettings settings() {
    return settings;
  }

  /** Lower case, accents folded, punctuation turned into single spaces. */
  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    return NOT_TOKEN.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip();
  }

  /** Unigrams in text order, then bigrams; repeated tokens repeat (the model counts them). */
  public List<String> tokens(String text) {
    Objects.requireNonNull(text, "text");
    List<String> words = new ArrayList<>();
    for (String w : fold(text).split(" ")) {
      if (!w.isEmpty() && !StopWords.PORTUGUESE.contains(w)) {
        words.add(w);
      }
    }
    List<String> tokens = new ArrayList<>(words);
    if (settings.bigrams()) {
      for (int i = 1; i < words.size(); i++) {
        tokens.add(words.get(i - 1) + "_" + words.get(i));
      }
    }
    return tokens;
  }
}
