package dev.workbench.engine;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A learner's sandbox: every resource it creates is named and labelled with this id. */
public record Session(String id) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]{4,16}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public Session {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "session id must be 4 to 16 lower-case letters or digits, got " + id);
    }
  }

  public static Session random() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return new Session(HexFormat.of().formatHex(bytes));
  }
}
