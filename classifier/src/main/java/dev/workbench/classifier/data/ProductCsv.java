package dev.workbench.classifier.data;

import dev.workbench.classifier.ClassifierError;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the dataset format: UTF-8 (a byte-order mark is tolerated, spreadsheets add one), {@code ;}
 * between fields, double quotes around fields that hold {@code ;}, quotes or line breaks, {@code
 * ""} for a quote inside them, and a header naming {@code nome}, {@code descricao} and {@code
 * categoria} in any order. Rows without text or without a category are skipped and counted, not
 * fatal: a dataset with a few gaps still trains.
 */
public final class ProductCsv {
  /** Where the build puts data/produtos.csv inside the jar. */
  public static final String BUNDLED = "/dev/workbench/classifier/data/produtos.csv";

  public static final List<String> COLUMNS = List.of("nome", "descricao", "categoria");

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setDelimiter(';')
          .setQuote('"')
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setIgnoreHeaderCase(true)
          .setTrim(true)
          .build();

  private ProductCsv() {}

  public static ProductTable read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ClassifierError("CSV file not found: " + file);
    }
    try {
      return read(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ClassifierError("cannot read CSV " + file + ": " + e.getMessage(), e);
    }
  }

  /** The dataset shipped inside the jar, so {@code seed} works wherever the jar runs. */
  public static ProductTable readBundled() {
    try (InputStream in = ProductCsv.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new ClassifierError("the jar holds no dataset at " + BUNDLED + "; pass --data");
      }
      return read(Path.of("produtos.csv"), in.readAllBytes());
    } catch (IOException e) {
      throw new ClassifierError("cannot read the bundled dataset: " + e.getMessage(), e);
    }
  }

  /** {@code source} names the data in messages and provenance; the bytes are what is read. */
  public static ProductTable read(Path source, byte[] bytes) {
    try (Reader reader =
            withoutBom(
                new BufferedReader(
                    new InputStreamReader(
                        new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)));
        CSVParser parser = FORMAT.parse(reader)) {
      checkHeader(source, parser.getHeaderNames());
      List<Product> rows = new ArrayList<>();
      int skipped = 0;
      var records = parser.iterator();
      while (hasNext(source, parser, records)) {
        CSVRecord r = records.next();
        Product p = new Product(field(r, "nome"), field(r, "descricao"), field(r, "categoria"));
        if (p.hasText() && p.hasCategory()) {
          rows.add(p);
        } else {
          skipped++;
        }
      }
      return new ProductTable(source, sha256(bytes), rows, skipped);
    } catch (IOException e) {
      throw new ClassifierError("cannot read CSV " + source + ": " + e.getMessage(), e);
    }
  }

  /** commons-csv reports a malformed quote by throwing from hasNext(); we add the file and line. */
  private static boolean hasNext(Path file, CSVParser parser, java.util.Iterator<CSVRecord> it) {
    try {
      return it.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw new CsvFormatError(file, parser.getCurrentLineNumber(), "malformed CSV: " + why);
    }
  }

  private static void checkHeader(Path file, List<String> header) {
    List<String> names =
        header.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    if (!names.containsAll(COLUMNS)) {
      throw new CsvFormatError(
          file,
          1,
          "header must name the columns nome;descricao;categoria, found "
              + String.join(";", header));
    }
  }

  /**
   * Short rows are allowed: a missing trailing field reads as empty and the row is judged on that.
   */
  private static String field(CSVRecord r, String name) {
    return r.isSet(name) ? r.get(name) : "";
  }

  private static Reader withoutBom(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
