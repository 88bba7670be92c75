package dev.workbench.classifier.data;

import dev.workbench.classifier.ClassifierError;
import java.nio.file.Path;

/** The CSV cannot be read as {@code nome;descricao;categoria}; the message names file and line. */
public final class CsvFormatError extends ClassifierError {
  public CsvFormatError(Path file, long line, String problem) {
    super(file + ":" + line + ": " + problem);
  }
}
