package dev.workbench.classifier.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.classifier.ClassifierError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductCsvTest {
  @TempDir Path dir;

  private Path csv(String content) throws IOException {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void quoted_fields_keep_their_semicolons_and_doubled_quotes() throws IOException {
    ProductTable t =
        ProductCsv.read(
            csv(
                "nome;descricao;categoria\n\"Kit \"\"Nude\"\"; 12 cores\";\"a; b\nc\";maquiagem\n"));
    assertThat(t.rows())
        .containsExactly(new Product("Kit \"Nude\"; 12 cores", "a; b\nc", "maquiagem"));
  }

  @Test
  void a_byte_order_mark_does_not_hide_the_first_column() throws IOException {
    ProductTable t = ProductCsv.read(csv("\uFEFFnome;descricao;categoria\nUno;Cartas;brinquedo\n"));
    assertThat(t.rows()).extracting(Product::nome).containsExactly("Uno");
  }

  @Test
  void rows_without_text_or_category_are_skipped_and_counted() throws IOException {
    ProductTable t =
        ProductCsv.read(
            csv("nome;descricao;categoria\n;;livro\nDuna;Herbert;\nDuna;;LIVRO\nSó nome\n"));
    assertThat(t.rows()).containsExactly(new Product("Duna", "", "livro"));
    assertThat(t.skipped()).isEqualTo(3);
    assertThat(t.read()).isEqualTo(4);
  }

  @Test
  void columns_may_come_in_any_order() throws IOException {
    ProductTable t = ProductCsv.read(csv("categoria;nome;descricao\ngame;Halo;Xbox\n"));
    assertThat(t.rows()).containsExactly(new Product("Halo", "Xbox", "game"));
  }

  @Test
  void a_broken_quote_is_reported_with_file_and_line() throws IOException {
    Path f = csv("nome;descricao;categoria\nA;b;livro\n\"Aspas\"x;b;livro\n");
    assertThatThrownBy(() -> ProductCsv.read(f))
        .isInstanceOf(CsvFormatError.class)
        .hasMessageStartingWith(f + ":3: malformed CSV");
  }

  @Test
  void a_header_without_the_three_columns_is_refused() throws IOException {
    Path f = csv("name,description,category\nA,b,c\n");
    assertThatThrownBy(() -> ProductCsv.read(f))
        .isInstanceOf(CsvFormatError.class)
        .hasMessage(
            f
                + ":1: header must name the columns nome;descricao;categoria, found name,description,category");
  }

  @Test
  void a_missing_file_says_so() {
    assertThatThrownBy(() -> ProductCsv.read(dir.resolve("nada.csv")))
        .isInstanceOf(ClassifierError.class)
        .hasMessage("CSV file not found: " + dir.resolve("nada.csv"));
  }

  @Test
  void the_same_bytes_give_the_same_hash() throws IOException {
    Path f = csv("nome;descricao;categoria\nUno;Cartas;brinquedo\n");
    assertThat(ProductCsv.read(f).sha256()).isEqualTo(ProductCsv.read(f).sha256()).hasSize(64);
  }

  @Test
  void the_shipped_dataset_is_large_and_balanced() {
    ProductTable t = ProductCsv.read(Path.of("data/produtos.csv"));
    assertThat(t.rows()).hasSizeGreaterThanOrEqualTo(1200);
    assertThat(t.skipped()).isZero();
    for (String c : new String[] {"game", "maquiagem", "brinquedo", "livro"}) {
      assertThat(t.rows().stream().filter(p -> p.categoria().equals(c)))
          .hasSizeGreaterThanOrEqualTo(300);
    }
  }
}
