package dev.workbench.web;

import dev.workbench.lesson.Language;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Locale;

/**
 * Which language a request is answered in: {@code ?lang=} on any page (kept in a cookie from then
 * on), else the cookie, else the browser's {@code Accept-Language}; pt-BR when none says English.
 */
final class Languages {
  static final String COOKIE = "wb_lang";
  static final String PARAM = "lang";
  private static final String ATTRIBUTE = "wb.language";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private Languages() {}

  /** Before every page: a {@code ?lang=} the learner chose is remembered. */
  static void remember(Context ctx) {
    String chosen = ctx.queryParam(PARAM);
    if (chosen == null || chosen.isBlank()) {
      return;
    }
    Language language = Language.of(chosen);
    Cookie cookie = new Cookie(COOKIE, language.tag());
    cookie.setPath("/");
    cookie.setMaxAge(ONE_YEAR);
    cookie.setSameSite(SameSite.STRICT); // the page's script need not read it, but may
    ctx.cookie(cookie);
    ctx.attribute(ATTRIBUTE, language);
  }

  /** The request's language; also for answers given before {@link #remember} ran (refusals). */
  static Language of(Context ctx) {
    Language known = ctx.attribute(ATTRIBUTE);
    if (known != null) {
      return known;
    }
    String chosen = ctx.queryParam(PARAM);
    if (chosen == null || chosen.isBlank()) {
      chosen = ctx.cookie(COOKIE);
    }
    Language language =
        chosen == null || chosen.isBlank()
            ? fromAcceptLanguage(ctx.header("Accept-Language"))
            : Language.of(chosen);
    ctx.attribute(ATTRIBUTE, language);
    return language;
  }

  static Texts texts(Context ctx) {
    return Texts.of(of(ctx));
  }

  /**
   * The browser's preferred language among the two the course has: the English or Portuguese range
   * with the highest {@code q} (the first on a tie); pt-BR when neither is listed.
   */
  static Language fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Language.PT_BR;
    }
    Language best = Language.PT_BR;
    double bestQ = -1;
    for (String range : header.split(",")) {
      String[] parts = range.strip().split(";");
      String tag = parts[0].strip().toLowerCase(Locale.ROOT);
      if (!tag.startsWith("en") && !tag.startsWith("pt")) {
        continue;
      }
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].strip();
        if (param.startsWith("q=")) {
          try {
            q = Double.parseDouble(param.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (q > bestQ && q > 0) {
        bestQ = q;
        best = Language.of(tag);
      }
    }
    return best;
  }
}
