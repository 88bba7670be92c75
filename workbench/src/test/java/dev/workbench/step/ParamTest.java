package dev.workbench.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ParamTest {
  private final Param text = new Param("TEXTO", "uma frase", null, "");

  @Test
  void ordinary_text_is_accepted() {
    assertThat(text.problemWith("Aqui vai uma frase, com acento: ação (1/2)!")).isNull();
  }

  @Test
  void a_refused_value_names_the_characters_to_remove_and_the_rule_in_words() {
    assertThat(text.problemWith("$(rm -rf /)`"))
        .isEqualTo(
            "valor inválido para TEXTO: não aceita “$” “`”; use letras, números, espaço e"
                + " . , : ; ! ? @ # % + = _ ( ) [ ] / ' - (até 200 caracteres)");
    assertThat(text.problemWith("duas\nlinhas")).contains("não aceita U+000A;");
  }

  @Test
  void a_value_too_long_says_the_limit() {
    assertThat(text.problemWith("a".repeat(201)))
        .isEqualTo(
            "valor inválido para TEXTO: use letras, números,"
                + " espaço e . , : ; ! ? @ # % + = _ ( ) [ ] / ' - (até 200 caracteres)");
  }

  @Test
  void a_lesson_pattern_is_quoted_as_the_rule() {
    Param password = new Param("SENHA", "", Pattern.compile("[A-Za-z0-9._-]{0,40}"), "");
    assertThat(password.problemWith("abc def"))
        .isEqualTo(
            "valor inválido para SENHA: não aceita “ ”; o valor deve seguir o padrão [A-Za-z0-9._-]{0,40}");
    assertThat(password.problemWith(null)).isEqualTo("o parâmetro SENHA está vazio");
  }

  @Test
  void a_pattern_with_a_minimum_length_blames_only_the_characters_it_never_takes() {
    Param name = new Param("NOME", "dados", Pattern.compile("[a-z]{3,20}"), "");
    assertThat(name.problemWith("ab"))
        .isEqualTo("valor inválido para NOME: o valor deve seguir o padrão [a-z]{3,20}");
    assertThat(name.problemWith("ab$")).startsWith("valor inválido para NOME: não aceita “$”;");
  }
}
