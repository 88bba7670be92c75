package dev.workbench.web;

import dev.workbench.engine.Session;
import dev.workbench.progress.ProgressStore;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Who is asking. Sessions are issued, never chosen: the cookie holds a 128-bit secret the server
 * made, and is accepted only when the server has it on record (as a hash). An unknown or forged
 * cookie gets a new session, so nobody can step into another learner's sandbox by guessing or
 * setting a name. The learner's engine resources are named after a short id derived from the
 * secret's hash, checked against every id issued before.
 */
final class Learners {
  static final String COOKIE = "wb_session";
  private static final String ATTRIBUTE = "wb.session";
  private static final int ONE_YEAR = 365 * 24 * 3600;
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final int ID_LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Sessions remembered in memory; past it the memory starts over and the store answers. */
  private static final int KNOWN_MAX = 10_000;

  private final ProgressStore store;
  private final Map<String, Session> known = new ConcurrentHashMap<>();

  Learners(ProgressStore store) {
    this.store = store;
  }

  /** Before every request: reads the learner's session, or issues one and sets the cookie. */
  void identify(Context ctx) {
    Session session = issued(ctx.cookie(COOKIE)).orElseGet(() -> issue(ctx));
    ctx.attribute(ATTRIBUTE, session);
  }

  static Session of(Context ctx) {
    Session session = ctx.attribute(ATTRIBUTE);
    if (session == null) {
      throw new IllegalStateException("no session: Learners.identify did not run");
    }
    return session;
  }

  private Optional<Session> issued(String secret) {
    if (secret == null || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    String hash = sha256(secret);
    Session cached = known.get(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Session> stored = store.issuedSession(hash);
    stored.ifPresent(session -> remember(hash, session));
    return stored;
  }

  private Session issue(Context ctx) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String hash = sha256(secret);
    Session session = null;
    // the id is a slice of the hash; on the rare clash with an earlier session, the next slice,
    // then hashes of the hash, so two learners never share a name
    String source = hash;
    for (int attempt = 0; session == null; attempt++) {
      int from = (attempt % (64 / ID_LENGTH)) * ID_LENGTH;
      if (attempt > 0 && from == 0) {
        source = sha256(source);
      }
      Session candidate = new Session(source.substring(from, from + ID_LENGTH));
      if (store.recordIssuedSession(hash, candidate)) {
        session = candidate;
      }
    }
    remember(hash, session);
    Cookie cookie = new Cookie(COOKIE, secret);
    cookie.setPath("/");
    cookie.setMaxAge(ONE_YEAR);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    ctx.cookie(cookie);
    return session;
  }

  private void remember(String hash, Session session) {
    if (known.size() >= KNOWN_MAX) {
      known.clear(); // a cache, not the record: the store still knows every issued session
    }
    known.put(hash, session);
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
