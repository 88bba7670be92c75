package dev.workbench.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The YAML between the leading {@code ---} lines of a lesson file.
 *
 * @param minutes how long the lesson takes in class, 0 when the file does not say
 * @param bodyStart index of the first line after the closing {@code ---}
 */
record FrontMatter(String id, String title, int order, String summary, int minutes, int bodyStart) {

  static final Pattern ID = Pattern.compile("[a-z0-9-]+");
  private static final List<String> KEYS = List.of("id", "title", "order", "summary", "minutes");

  static FrontMatter read(Path file, List<String> lines) {
    Where where = new Where(file, 1, "front matter");
    if (lines.isEmpty() || !isFence(lines.get(0))) {
      throw where.error("a lesson starts with '---', then id, title and order, then '---'");
    }
    int close = 1;
    while (close < lines.size() && !isFence(lines.get(close))) {
      close++;
    }
    if (close == lines.size()) {
      throw where.error("no closing '---' line after the front matter");
    }
    String yaml = String.join("\n", lines.subList(1, close));
    Fields fields = Fields.of(Yaml.read(yaml, where, 2), where, "the front matter").allowOnly(KEYS);
    String id = fields.text("id");
    if (!ID.matcher(id).matches()) {
      throw where.error("'id' must be lowercase letters, digits and '-', got '" + id + "'");
    }
    int minutes = fields.whole("minutes", 0);
    if (minutes < 0 || minutes > 600) {
      throw where.error("'minutes' is the lesson's time in class, 1 to 600, got " + minutes);
    }
    return new FrontMatter(
        id,
        fields.text("title"),
        fields.whole("order"),
        fields.text("summary", ""),
        minutes,
        close + 1);
  }

  private static boolean isFence(String line) {
    return line.strip().equals("---");
  }
}
