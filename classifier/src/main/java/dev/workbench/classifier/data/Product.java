package dev.workbench.classifier.data;

import java.util.Objects;

/**
 * One product as the book's database holds it. {@code categoria} may be empty: that is exactly what
 * the production job looks for.
 */
public record Product(String nome, String descricao, String categoria) {
  public Product {
    nome = Objects.requireNonNullElse(nome, "").strip();
    descricao = Objects.requireNonNullElse(descricao, "").strip();
    categoria =
        Objects.requireNonNullElse(categoria, "").strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** The text the model reads: name and description, the same at training and prediction time. */
  public String text() {
    return textOf(nome, descricao);
  }

  public boolean hasText() {
    return !text().isEmpty();
  }

  public boolean hasCategory() {
    return !categoria.isEmpty();
  }

  /** Kept static so Firestore documents, which are not Products, build their text the same way. */
  public static String textOf(String nome, String descricao) {
    String n = nome == null ? "" : nome.strip();
    String d = descricao == null ? "" : descricao.strip();
    return (n + " " + d).strip();
  }
}
