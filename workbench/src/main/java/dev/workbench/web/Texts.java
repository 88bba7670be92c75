package dev.workbench.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.KnownError;
import dev.workbench.lesson.Language;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The interface's words in one language: {@code web/i18n/messages.properties} (pt-BR, the original)
 * and {@code messages_en.properties}, read as UTF-8 resource bundles. Templates read them as {@code
 * {{t.key}}}; the page's script reads the same map from a JSON data block ({@link #json()}),
 * because the site's CSP allows no inline script. Engine and run messages come in pt-BR; the
 * engine's common refusals ({@link KnownError}) are said again from these words by {@link #engine},
 * the rest stay in pt-BR for now.
 */
final class Texts {
  private static final Map<Language, Texts> ALL = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      ALL.put(language, new Texts(language, load(language)));
    }
  }

  private final Language language;
  private final Map<String, String> words;
  private final String json;

  private Texts(Language language, Map<String, String> words) {
    this.language = language;
    this.words = Collections.unmodifiableMap(words);
    this.json = json(words);
  }

  private static String json(Map<String, String> words) {
    try {
      // "<" escaped, so no text can close the data block it travels in
      return new ObjectMapper().writeValueAsString(words).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  static Texts of(Language language) {
    return ALL.get(language);
  }

  private static Map<String, String> load(Language language) {
    Locale locale = language == Language.EN ? Locale.ENGLISH : Locale.ROOT;
    // no fallback to the JVM's default locale: pt-BR is the base bundle, English its only child
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "web.i18n.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> words = new TreeMap<>();
    for (String key : bundle.keySet()) {
      words.put(key, bundle.getString(key));
    }
    return words;
  }

  Language language() {
    return language;
  }

  /** The words by key, for templates ({@code {{t.key}}}). */
  Map<String, String> all() {
    return words;
  }

  String get(String key) {
    String word = words.get(key);
    if (word == null) {
      throw new IllegalArgumentException("no interface text " + key);
    }
    return word;
  }

  /** The text of {@code key} with {@code {0}}, {@code {1}}… replaced (no MessageFormat quoting). */
  String format(String key, Object... args) {
    String text = get(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /**
   * A step's failure or an engine's line in this language: a refusal the engine explained ({@link
   * KnownError}: a name or port taken, no such container or image, a full disk) is said again from
   * this bundle with the same values, anything else comes as it is.
   */
  String engine(String message) {
    return KnownError.Problem.read(message)
        .map(said -> format(said.problem().key(), said.values().toArray()))
        .orElse(message);
  }

  /** The words a sentence of {@code problem} starts with, before its first value. */
  String lead(KnownError.Problem problem) {
    return get(problem.key()).split("\\{0}", 2)[0];
  }

  /** Every text as one JSON object, safe inside a {@code <script type="application/json">}. */
  String json() {
    return json;
  }
}
