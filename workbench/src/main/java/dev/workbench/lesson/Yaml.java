package dev.workbench.lesson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads the YAML of a front matter or a step body into plain maps and lists. */
final class Yaml {
  private Yaml() {}

  /** A key written twice is a typo waiting to bite, so it is an error rather than "last wins". */
  private static final ObjectMapper MAPPER =
      new YAMLMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * Parses {@code text}, whose first line is line {@code firstLine} of the file, so a syntax error
   * points at the exact line; an empty text reads as null.
   */
  static Object read(String text, Where where, int firstLine) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      MarkedYAMLException marked = markedCause(e);
      if (marked != null && marked.getProblemMark() != null) {
        int line = firstLine + marked.getProblemMark().getLine();
        String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
        return fail(where, line, "bad YAML: " + context + marked.getProblem());
      }
      int line =
          e.getLocation() == null
              ? firstLine
              : firstLine + Math.max(0, e.getLocation().getLineNr() - 1);
      return fail(
          where, line, "bad YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
  }

  private static Object fail(Where where, int line, String message) {
    throw new Where(where.file(), line, where.context()).error(message);
  }

  private static MarkedYAMLException markedCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked) {
        return marked;
      }
    }
    return null;
  }
}
