package dev.workbench.web;

import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.QuotaExceeded;
import dev.workbench.labs.LabsFull;
import dev.workbench.run.InvalidParameter;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers. The API gets {@code {"error": "…"}}; a browser gets
 * a page in the learner's language. Learners read sentences, never a stack trace: unexpected
 * failures are logged with their detail and answered with a generic message.
 */
final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private final Pages pages;

  HttpErrors(Pages pages) {
    this.pages = pages;
  }

  void install(JavalinDefaultRouting router) {
    router.exception(
        SiteGuard.RedirectWithoutToken.class,
        (e, ctx) -> ctx.redirect(e.location, HttpStatus.FOUND));
    router.exception(
        HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), message(ctx, e)));
    router.exception(InvalidParameter.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
    router.exception(IllegalArgumentException.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
    router.exception(QuotaExceeded.class, (e, ctx) -> answer(ctx, 429, e.getMessage()));
    router.exception(
        LabsFull.class,
        (e, ctx) -> {
          // said, never silent: how long to wait, in the header for programs and in words for
          // people
          ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
          answer(
              ctx,
              503,
              Languages.texts(ctx)
                  .format(
                      "msg_labs_full",
                      e.capacity(),
                      Math.max(1, (e.retryAfterSeconds() + 59) / 60)));
        });
    router.exception(
        EngineUnavailable.class,
        (e, ctx) -> {
          LOG.warn("engine unavailable: {}", e.getMessage());
          answer(ctx, 503, EngineUnavailable.HOW_TO_START);
        });
    router.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          answer(ctx, 500, Languages.texts(ctx).get("msg_internal"));
        });
  }

  /** Javalin's own 404 ("Endpoint GET /x not found") is English and for developers. */
  private static String message(Context ctx, HttpResponseException e) {
    if (e.getStatus() == 404
        && (e.getMessage() == null
            || e.getMessage().startsWith("Endpoint ")
            || e.getMessage().equals("Not Found"))) {
      return Languages.texts(ctx).get("msg_not_found");
    }
    return e.getMessage();
  }

  private void answer(Context ctx, int status, String message) {
    ctx.status(status);
    if (wantsJson(ctx)) {
      ctx.json(Map.of("error", message == null ? "" : message));
      return;
    }
    String template = status == 401 ? "token" : status == 404 ? "not-found" : "error";
    Texts texts = Languages.texts(ctx);
    String title =
        texts.get(
            status == 401 ? "title_token" : status == 404 ? "title_not_found" : "title_error");
    ctx.html(
        pages.render(
            template,
            title,
            texts,
            Map.of(
                "status", status, "message", message == null ? "" : message, "path", ctx.path())));
  }

  /** The API and anything that does not ask for a page. */
  static boolean wantsJson(Context ctx) {
    if (ctx.path().startsWith("/api/")) {
      return true;
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }
}
