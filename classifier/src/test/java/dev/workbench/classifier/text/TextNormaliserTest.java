package dev.workbench.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {
  private final TextNormaliser withBigrams = new TextNormaliser(NormaliserSettings.DEFAULT);
  private final TextNormaliser unigrams = new TextNormaliser(new NormaliserSettings(1, false));

  @Test
  void accents_and_case_are_folded() {
    assertThat(unigrams.tokens("Máscara de Cílios À PROVA d'Água"))
        .containsExactly("mascara", "cilios", "prova", "d", "agua");
    assertThat(unigrams.tokens("Pokémon")).isEqualTo(unigrams.tokens("POKEMON"));
  }

  @Test
  void stop_words_go_but_category_words_stay() {
    assertThat(unigrams.tokens("Jogo de tabuleiro para a família com um livro"))
        .containsExactly("jogo", "tabuleiro", "familia", "livro");
  }

  @Test
  void letters_and_digits_make_tokens_and_punctuation_splits_them() {
    assertThat(unigrams.tokens("LEGO®-City 60316 (4K/60fps)"))
        .containsExactly("lego", "city", "60316", "4k", "60fps");
  }

  @Test
  void bigrams_are_built_after_stop_words_are_removed() {
    assertThat(withBigrams.tokens("Batom de Boca")).containsExactly("batom", "boca", "batom_boca");
    assertThat(withBigrams.tokens("Batom Boca")).isEqualTo(withBigrams.tokens("Batom de Boca"));
  }

  @Test
  void text_of_punctuation_alone_has_no_tokens() {
    assertThat(withBigrams.tokens(" !!! -- ")).isEmpty();
  }

  @Test
  void an_unknown_normaliser_version_is_refused() {
    assertThatThrownBy(() -> new NormaliserSettings(2, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("normaliser version 2 is unknown, this build reads version 1");
  }
}
