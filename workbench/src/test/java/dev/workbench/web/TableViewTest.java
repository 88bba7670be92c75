package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.FirestoreDocuments.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a live table shows for a collection: rows by id, missing fields as null, a count line. */
class TableViewTest {
  private static final Lesson.Block.FirestoreTable TABLE =
      new Lesson.Block.FirestoreTable(
          "firestore", 8080, "", "produtos", List.of("nome", "categoria"), 1);

  @TempDir Path root;

  @Test
  void rows_come_by_id_with_missing_or_blank_fields_as_null_and_the_last_column_counted() {
    TableView view =
        TableView.of(
            TABLE,
            List.of(
                new Document("b", Map.of("nome", "Boneca", "categoria", "brinquedo")),
                new Document("a", Map.of("nome", "Batom")),
                new Document("c", Map.of("nome", "Livro", "categoria", "  "))),
            200);

    assertThat(view.state()).isEqualTo("ok");
    assertThat(view.rows()).extracting(TableView.Row::id).containsExactly("a", "b", "c");
    assertThat(view.rows().get(0).cells()).containsExactly("Batom", null);
    assertThat(view.rows().get(1).cells()).containsExactly("Boneca", "brinquedo");
    assertThat(view.rows().get(2).cells()).containsExactly("Livro", null);
    assertThat(view.summary()).isEqualTo("3 produtos, 1 com categoria");
  }

  @Test
  void one_document_is_counted_in_the_singular_and_none_says_so() {
    assertThat(TableView.of(TABLE, List.of(new Document("a", Map.of())), 200).summary())
        .isEqualTo("1 produto, 0 com categoria");
    assertThat(TableView.of(TABLE, List.of(), 200).summary())
        .isEqualTo("Nenhum documento em produtos ainda.");
  }

  @Test
  void more_documents_than_the_cap_show_the_first_ones_and_say_there_are_more() {
    List<Document> many = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      many.add(new Document("d" + i, Map.of("nome", "x".repeat(500), "categoria", "livro")));
    }
    TableView view = TableView.of(TABLE, many, 3);

    assertThat(view.rows()).hasSize(3);
    assertThat(view.rows().get(0).cells().get(0)).hasSize(TableView.MAX_CELL).endsWith("…");
    assertThat(view.summary())
        .isEqualTo("Mais de 3 produtos: a tabela mostra os 3 primeiros (por id), 3 com categoria.");
  }

  @Test
  void waiting_names_the_step_that_starts_the_emulator_as_the_page_numbers_it() throws Exception {
    Course course = TestCourse.write(root);
    Lesson producao = course.find("producao").orElseThrow();

    assertThat(LiveTables.notRunning(producao, producao.tables().get(0)))
        .isEqualTo(
            "O emulador ainda não está rodando — rode o passo 1, “Ligar o emulador”, e a tabela se"
                + " preenche sozinha.");
    assertThat(TableView.waiting(TABLE, "espere"))
        .isEqualTo(new TableView("waiting", "espere", List.of("nome", "categoria"), List.of(), ""));
  }
}
