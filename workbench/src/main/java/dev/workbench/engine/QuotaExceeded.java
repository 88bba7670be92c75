package dev.workbench.engine;

/**
 * A limit was reached: per learner (containers, images, volumes, networks, concurrent runs, one
 * notebook kernel, one cloud) or for the whole server (runs, kernels, clouds). The site answers it
 * with HTTP 429; the message, in pt-BR, names the limit and says how to free room.
 */
public final class QuotaExceeded extends RuntimeException {
  private final String limit;
  private final int max;

  /**
   * @param limit what ran out, as a learner reads it ("contêineres por aluno")
   * @param max the limit's value
   * @param howToFree what frees room ("reinicie uma lição para remover os contêineres dela")
   */
  public QuotaExceeded(String limit, int max, String howToFree) {
    super("Limite atingido: " + limit + " (no máximo " + max + "). " + howToFree);
    this.limit = limit;
    this.max = max;
  }

  public String limit() {
    return limit;
  }

  public int max() {
    return max;
  }
}
