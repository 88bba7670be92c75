package dev.workbench.classifier.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What a CSV file gave: the usable, labelled rows in file order, how many rows were skipped for
 * lacking text or category, and the file's SHA-256 so a model can name the exact data it saw.
 */
public record ProductTable(Path source, String sha256, List<Product> rows, int skipped) {
  public ProductTable {
    rows = List.copyOf(rows);
  }

  /** Rows the file held, usable or not (the header is not a row). */
  public int read() {
    return rows.size() + skipped;
  }
}
