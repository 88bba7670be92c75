package dev.workbench.web;

import dev.workbench.engine.Session;
import io.javalin.http.Context;

/**
 * Who is asking: a random session id in an HttpOnly cookie, made on the first visit. It is a
 * sandbox name, not an identity; anyone with the cookie is that learner.
 */
final class Learners {
  static final String COOKIE = "wb_session";
  private static final String ATTRIBUTE = "wb.session";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private Learners() {}

  /** Before every request: reads the learner's session, or makes one and sets the cookie. */
  static void identify(Context ctx) {
    Session session = parse(ctx.cookie(COOKIE));
    if (session == null) {
      session = Session.random();
      setCookie(ctx, COOKIE, session.id(), ONE_YEAR);
    }
    ctx.attribute(ATTRIBUTE, session);
  }

  static Session of(Context ctx) {
    Session session = ctx.attribute(ATTRIBUTE);
    if (session == null) {
      throw new IllegalStateException("no session: Learners.identify did not run");
    }
    return session;
  }

  /** Javalin's cookie API predates SameSite in some paths; one header says exactly what we mean. */
  static void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
    ctx.res().addHeader("Set-Cookie",
        name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict");
  }

  private static Session parse(String id) {
    if (id == null) {
      return null;
    }
    try {
      return new Session(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
