package dev.workbench.web;

import dev.workbench.lesson.Lesson;
import dev.workbench.run.FirestoreDocuments;
import java.util.Comparator;
import java.util.List;

/**
 * A live table at one moment, as the page polls it (JSON): {@code state} is {@code ok} with rows
 * and a count line, or {@code waiting} with a sentence saying why there is nothing to show yet.
 *
 * @param rows by document id; a cell is null when the document lacks the field (or it is blank),
 *     which the page shows as "— sem campo —" so a learner sees values arrive
 * @param summary the count line: "40 produtos, 12 com categoria" (the last column is the one
 *     counted)
 */
record TableView(
    String state, String message, List<String> columns, List<Row> rows, String summary) {
  /** Long descriptions are cut: the table is for watching, not for reading whole documents. */
  static final int MAX_CELL = 160;

  record Row(String id, List<String> cells) {}

  static TableView waiting(Lesson.Block.FirestoreTable table, String message) {
    return new TableView("waiting", message, table.columns(), List.of(), "");
  }

  /** {@code documents} read with a limit of {@code max + 1}, so one more means "there are more". */
  static TableView of(
      Lesson.Block.FirestoreTable table, List<FirestoreDocuments.Document> documents, int max) {
    List<Row> rows =
        documents.stream()
            .sorted(Comparator.comparing(FirestoreDocuments.Document::id))
            .limit(max)
            .map(
                d ->
                    new Row(
                        d.id(),
                        table.columns().stream().map(c -> cell(d.fields().get(c))).toList()))
            .toList();
    int last = table.columns().size() - 1;
    long filled = rows.stream().filter(r -> r.cells().get(last) != null).count();
    String counted = table.columns().get(last);
    String summary;
    if (rows.isEmpty()) {
      summary = "Nenhum documento em " + table.collection() + " ainda.";
    } else if (documents.size() > max) {
      summary =
          "Mais de "
              + max
              + " "
              + table.collection()
              + ": a tabela mostra os "
              + max
              + " primeiros (por id), "
              + filled
              + " com "
              + counted
              + ".";
    } else {
      summary =
          rows.size()
              + " "
              + noun(table.collection(), rows.size())
              + ", "
              + filled
              + " com "
              + counted;
    }
    return new TableView("ok", "", table.columns(), rows, summary);
  }

  private static String cell(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.length() > MAX_CELL ? value.substring(0, MAX_CELL - 1) + "…" : value;
  }

  /**
   * "1 produto", "40 produtos": collections are plural nouns; only the common -os/-as are undone.
   */
  static String noun(String collection, long count) {
    boolean regular = collection.endsWith("os") || collection.endsWith("as");
    return count == 1 && regular ? collection.substring(0, collection.length() - 1) : collection;
  }
}
