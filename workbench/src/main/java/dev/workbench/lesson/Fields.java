package dev.workbench.lesson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One YAML mapping of a lesson (front matter, a step, a check, a mount) with typed getters whose
 * errors name the key and say what was expected: authors read these messages, not stack traces.
 */
final class Fields {
  private final Map<?, ?> map;
  private final Where where;

  private Fields(Map<?, ?> map, Where where) {
    this.map = map;
    this.where = where;
  }

  /** {@code yaml} must be a mapping; {@code what} names it when it is not ("the step block"). */
  static Fields of(Object yaml, Where where, String what) {
    if (!(yaml instanceof Map<?, ?> map)) {
      throw where.error(what + " must be a YAML mapping of keys, got " + describe(yaml));
    }
    return new Fields(map, where);
  }

  Where where() {
    return where;
  }

  /** The same keys under another name in messages, e.g. once a step's id is known. */
  Fields named(String context) {
    return new Fields(map, new Where(where.file(), where.line(), context));
  }

  Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    map.keySet().forEach(k -> keys.add(String.valueOf(k)));
    return keys;
  }

  /** Unknown keys are errors: a typo must never silently become a default. */
  Fields allowOnly(Collection<String> allowed) {
    for (Object key : map.keySet()) {
      String name = String.valueOf(key);
      if (!allowed.contains(name)) {
        String hint = Suggestions.didYouMean(name, allowed);
        throw where.error(
            "unknown key '"
                + name
                + "'"
                + (hint.isEmpty() ? " (allowed: " + String.join(", ", allowed) + ")" : hint));
      }
    }
    return this;
  }

  boolean has(String key) {
    return map.get(key) != null;
  }

  Object raw(String key) {
    return map.get(key);
  }

  String text(String key) {
    if (!has(key)) {
      throw where.error("'" + key + "' is required");
    }
    return text(key, null);
  }

  /** Numbers are read as text ({@code port: 80} in a string field); true/false is not text. */
  String text(String key, String fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    return asText(value, where.in("'" + key + "'"));
  }

  int whole(String key) {
    if (!has(key)) {
      throw where.error("'" + key + "' is required");
    }
    return whole(key, 0);
  }

  int whole(String key, int fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer number) {
      return number;
    }
    throw where.error("'" + key + "' must be a whole number, got " + describe(value));
  }

  boolean flag(String key, boolean fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw where.error("'" + key + "' must be true or false, got " + describe(value));
  }

  /** A YAML list of strings, e.g. {@code [sh, -c, "echo hi"]}; numbers in it are read as text. */
  List<String> texts(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw where.error(
          "'"
              + key
              + "' must be a YAML list of strings, e.g. [sh, -c, \"echo hi\"], got "
              + describe(value));
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      texts.add(asText(items.get(i), where.in("'" + key + "' #" + (i + 1))));
    }
    return texts;
  }

  List<Integer> wholes(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items) || !items.stream().allMatch(Integer.class::isInstance)) {
      throw where.error(
          "'" + key + "' must be a list of whole numbers, e.g. [80], got " + describe(value));
    }
    return items.stream().map(Integer.class::cast).toList();
  }

  /** A mapping of names to text, e.g. {@code env: {LANG: C.UTF-8}}. */
  Map<String, String> textMap(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Map.of();
    }
    Fields inner = of(value, where, "'" + key + "'");
    Map<String, String> texts = new LinkedHashMap<>();
    for (String name : inner.keys()) {
      texts.put(name, inner.text(name, ""));
    }
    return texts;
  }

  /** The list under {@code key}, each item still raw YAML; absent means empty. */
  List<?> list(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw where.error(
          "'" + key + "' must be a YAML list (items starting with '- '), got " + describe(value));
    }
    return items;
  }

  /** The mapping under {@code key}; absent means an empty mapping. */
  Fields fields(String key) {
    Object value = map.get(key);
    return value == null
        ? new Fields(Map.of(), where.in(key))
        : of(value, where.in(key), "'" + key + "'");
  }

  private static String asText(Object value, Where where) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    throw where.error(
        "must be text, got "
            + describe(value)
            + (value instanceof Boolean ? " (quote it if you mean the word)" : ""));
  }

  static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof String text) {
      return "'" + text + "'";
    }
    return String.valueOf(value);
  }
}
