package dev.workbench.lesson;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the workbench says to a learner in one {@link Language}, read from a UTF-8 resource bundle:
 * {@code NAME.properties} is pt-BR, the original, and {@code NAME_en.properties} its English, with
 * the same keys (BundlesTest checks every pair). {@code {0}}, {@code {1}}… are filled in by {@link
 * #format} by plain replacement, not {@link java.text.MessageFormat}: a number stays as it is
 * ({@code 10000}, never {@code 10.000}) and an apostrophe needs no quoting. The site's words
 * ({@code web/i18n/messages}), the results of checks ({@link #CHECKS}) and {@code verify}'s console
 * all read their bundles here.
 */
public final class Sentences {
  /**
   * The results of checks, wherever a check is evaluated (the runner's checks, the cloud's and the
   * swarm's): {@code i18n/checks.properties}.
   */
  public static final String CHECKS = "i18n.checks";

  private static final Map<String, Sentences> LOADED = new ConcurrentHashMap<>();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2})}");

  private final Language language;
  private final Map<String, String> texts;

  private Sentences(Language language, Map<String, String> texts) {
    this.language = language;
    this.texts = Collections.unmodifiableMap(texts);
  }

  /**
   * The sentences of {@code bundle} (a base name such as {@code i18n.checks}) in {@code language}.
   */
  public static Sentences of(String bundle, Language language) {
    return LOADED.computeIfAbsent(
        bundle + "/" + language.tag(), key -> new Sentences(language, read(bundle, language)));
  }

  /** Every text of {@code bundle} in {@code language}, by key, sorted. */
  public static Map<String, String> read(String bundle, Language language) {
    Locale locale = language == Language.EN ? Locale.ENGLISH : Locale.ROOT;
    // no fallback to the JVM's default locale: pt-BR is the base bundle, English its only child
    ResourceBundle found =
        ResourceBundle.getBundle(
            bundle,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> texts = new TreeMap<>();
    for (String key : found.keySet()) {
      texts.put(key, found.getString(key));
    }
    return texts;
  }

  public Language language() {
    return language;
  }

  public String get(String key) {
    String text = texts.get(key);
    if (text == null) {
      throw new IllegalArgumentException("no text " + key + " in " + language.tag());
    }
    return text;
  }

  /** The text of {@code key}, or {@code fallback} when the bundle has none (an unforeseen word). */
  public String getOrElse(String key, String fallback) {
    return texts.getOrDefault(key, fallback);
  }

  /** The text of {@code key} with {@code {0}}, {@code {1}}… replaced by {@code args}. */
  public String format(String key, Object... args) {
    return fill(get(key), args);
  }

  /**
   * {@code text} with {@code {0}}, {@code {1}}… replaced by {@code args}, in one pass: a value that
   * itself reads {@code {1}} (a learner's text, a file's content) is left as it is. A placeholder
   * with no value stays.
   */
  public static String fill(String text, Object... args) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      int index = Integer.parseInt(placeholder.group(1));
      String value = index < args.length ? String.valueOf(args[index]) : placeholder.group();
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return placeholder.appendTail(filled).toString();
  }
}
