package dev.workbench.hub;

/** A join with a code that is not this class's; the message is the learner's, in pt-BR. */
public final class WrongCode extends RuntimeException {
  public WrongCode() {
    super(
        "Código da turma errado: confira com o instrutor (algo como K7QF-M2XD).",
        null,
        false,
        false);
  }
}
