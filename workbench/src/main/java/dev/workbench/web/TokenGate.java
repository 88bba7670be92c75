package dev.workbench.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards a site bound beyond loopback, as Jupyter does: the token comes once as {@code ?token=}
 * (then lives in a cookie), or as {@code Authorization: Bearer} (or {@code token}, as Jupyter takes it). Without it every request is 401.
 */
final class TokenGate {
  static final String COOKIE = "wb_token";
  private static final int ONE_WEEK = 7 * 24 * 3600;

  private final byte[] token;

  TokenGate(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  void check(Context ctx) {
    if (ctx.path().startsWith("/static/")) {
      return; // the style sheet and script are public, so the token page itself looks right
    }
    String fromQuery = ctx.queryParam("token");
    if (matches(fromQuery)) {
      Learners.setCookie(ctx, COOKIE, fromQuery, ONE_WEEK);
      return;
    }
    String header = ctx.header("Authorization");
    // "Bearer" as OAuth clients send it, "token" as Jupyter's clients do
    if (header != null && header.matches("(Bearer|token) .+") && matches(header.substring(header.indexOf(' ') + 1).strip())) {
      return;
    }
    if (matches(ctx.cookie(COOKIE))) {
      return;
    }
    throw new UnauthorizedResponse("Este workbench pede um token de acesso.");
  }

  /** Constant time, so the token cannot be guessed one character at a time. */
  private boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }
}
