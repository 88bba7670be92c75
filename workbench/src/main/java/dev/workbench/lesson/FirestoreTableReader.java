package dev.workbench.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code firestore-table} block's YAML → {@link Lesson.Block.FirestoreTable}. Everything the
 * page later asks the emulator comes from here, never from a request, so each value is held to a
 * plain shape now.
 */
final class FirestoreTableReader {
  private FirestoreTableReader() {}

  static final String INFO = "firestore-table";
  static final List<String> KEYS = List.of("container", "collection", "columns", "port", "project");
  static final int DEFAULT_PORT = 8080;

  private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,60}");
  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final int MAX_COLUMNS = 8;

  /**
   * @param body the YAML between the fences
   * @param line the line of the opening fence; the body starts on the next one
   */
  static Lesson.Block.FirestoreTable read(String body, Path file, int line) {
    Where where = new Where(file, line, INFO);
    Fields table = Fields.of(Yaml.read(body, where, line + 1), where, "the " + INFO + " block");
    table.allowOnly(KEYS);
    String container =
        matching(table, "container", StepRules.LOGICAL_NAME, "a logical container name");
    String collection = matching(table, "collection", COLLECTION, "letters, digits, '_' and '-'");
    List<String> columns = table.texts("columns");
    if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
      throw where.error(
          "'columns' must list 1 to "
              + MAX_COLUMNS
              + " document fields, e.g. [nome, descricao, categoria]");
    }
    for (String column : columns) {
      if (!FIELD.matcher(column).matches()) {
        throw where.error(
            "'columns': '" + column + "' is not a field name (letters, digits and '_')");
      }
    }
    int port = table.whole("port", DEFAULT_PORT);
    if (port < 1 || port > 65535) {
      throw where.error("'port' must be a port inside the container (1 to 65535), got " + port);
    }
    String project = table.text("project", "");
    if (!project.isEmpty() && !PROJECT.matcher(project).matches()) {
      throw where.error(
          "'project' must be a project id (lowercase letters, digits and '-'), got '"
              + project
              + "'");
    }
    return new Lesson.Block.FirestoreTable(container, port, project, collection, columns, line);
  }

  private static String matching(Fields table, String key, Pattern pattern, String expected) {
    String value = table.text(key);
    if (!pattern.matcher(value).matches()) {
      throw table.where().error("'" + key + "' must be " + expected + ", got '" + value + "'");
    }
    return value;
  }
}
