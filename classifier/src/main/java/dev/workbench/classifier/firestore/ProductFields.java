package dev.workbench.classifier.firestore;

import com.google.cloud.firestore.DocumentSnapshot;
import dev.workbench.classifier.data.Product;

/** The document fields of a product, as the book's database names them. */
final class ProductFields {
  static final String COLLECTION = "produtos";
  static final String NOME = "nome";
  static final String DESCRICAO = "descricao";
  static final String CATEGORIA = "categoria";

  private ProductFields() {}

  /**
   * Missing, null or blank: all three mean "not categorised" in data written by hand or by other
   * programs. Any other value, even one the model would not predict, is someone's decision and
   * stays.
   */
  static boolean uncategorised(DocumentSnapshot doc) {
    Object c = doc.get(CATEGORIA);
    return c == null || (c instanceof String s && s.isBlank());
  }

  static String text(DocumentSnapshot doc) {
    return Product.textOf(string(doc, NOME), string(doc, DESCRICAO));
  }

  private static String string(DocumentSnapshot doc, String field) {
    Object v = doc.get(field);
    return v instanceof String s ? s : "";
  }
}
