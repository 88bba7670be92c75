package dev.workbench.classifier.text;

import java.util.Set;

/**
 * Portuguese function words that say nothing about a product's category. Written accent-free
 * because they are compared after folding. Deliberately short: words such as "jogo", "livro" or
 * "kit" stay, they are the signal.
 */
final class StopWords {
  static final Set<String> PORTUGUESE =
      Set.of(
          "a", "ao", "aos", "as", "ate", "com", "como", "da", "das", "de", "do", "dos", "e", "ela",
          "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "este", "eu", "foi", "ha",
          "isso", "isto", "ja", "lhe", "mais", "mas", "me", "mesmo", "muito", "na", "nas", "nao",
          "nem", "no", "nos", "num", "numa", "o", "os", "ou", "para", "pela", "pelas", "pelo",
          "pelos", "por", "pra", "qual", "quando", "que", "quem", "se", "sem", "ser", "seu", "seus",
          "so", "sua", "suas", "tambem", "te", "tem", "um", "uma", "umas", "uns", "voce");

  private StopWords() {}
}
