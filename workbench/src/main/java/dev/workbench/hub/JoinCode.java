package dev.workbench.hub;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The short code a learner types to join: eight letters and digits shown as {@code K7QF-M2XD}, from
 * an alphabet without look-alikes (no I, L, O, 0 or 1) so it survives being read off a projector.
 * Forty bits: too many to guess at the rate the join endpoint allows.
 */
public final class JoinCode {
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private JoinCode() {}

  public static String random() {
    StringBuilder code = new StringBuilder(9);
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code as typed, compared without case, spaces or dashes: "k7qf m2xd" is K7QF-M2XD. */
  public static String normalize(String typed) {
    return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }
}
