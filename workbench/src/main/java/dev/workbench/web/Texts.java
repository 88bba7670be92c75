package dev.workbench.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.KnownError;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Sentences;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The interface's words in one language: {@code web/i18n/messages.properties} (pt-BR, the original)
 * and {@code messages_en.properties}, read as UTF-8 resource bundles. Templates read them as {@code
 * {{t.key}}}; the page's script reads the same map from a JSON data block ({@link #json()}),
 * because the site's CSP allows no inline script. The results of checks come in the learner's
 * language (the runner is told it); engine and run messages come in pt-BR, the engine's common
 * refusals ({@link KnownError}) are said again from these words by {@link #engine}, the rest stay
 * in pt-BR for now.
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
    return Sentences.read("web.i18n.messages", language);
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
    return Sentences.fill(get(key), args);
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
