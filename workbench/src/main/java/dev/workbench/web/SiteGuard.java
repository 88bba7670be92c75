package dev.workbench.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.plugin.Plugin;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Nothing that arrives over HTTP is trusted; this plugin is the one place that says who may ask.
 * Modelled on what Jupyter Server does for the same threat (any web page a learner opens can send
 * requests to a server on their loopback):
 *
 * <ol>
 *   <li>On a loopback bind, the name in {@code Host} must be one of this machine's loopback names
 *       or one given with {@code --allow-host}: a foreign name means DNS rebinding, so 403.
 *   <li>A token on every request, loopback too: {@code ?token=} once (exchanged for an HttpOnly,
 *       SameSite=Strict cookie, then redirected away so it leaves the address bar), or {@code
 *       Authorization: Bearer}/{@code token}. Without it, 401.
 *   <li>Every request that is not a GET carries {@code Content-Type: application/json} (415
 *       otherwise: a web page cannot send that cross-origin without a CORS preflight we never
 *       grant) and, when it has an {@code Origin}, this site's own (403 otherwise). The cookie is
 *       SameSite, but another port on localhost is the same site, so the origin check is needed.
 *   <li>A WebSocket upgrade passes the same Host and token checks and must carry this site's own
 *       {@code Origin} ({@link #checkUpgrade}).
 *   <li>Every answer forbids framing, inline script and MIME sniffing.
 * </ol>
 */
final class SiteGuard extends Plugin<Void> {
  static final String TOKEN_COOKIE = "wb_token";
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";
  private static final int ONE_WEEK = 7 * 24 * 3600;
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
  private static final Set<HandlerType> READS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  /**
   * @param token null only where {@code serve --no-token} asked for none (loopback only)
   * @param checkHost true on a loopback bind; beyond loopback the token is the guard
   * @param allowedHosts extra names a loopback bind answers to
   * @param hub true on a class hub ({@code serve --class}): only there do learners' workbenches
   *     call the {@linkplain ClassRoutes#serverToServer server-to-server routes} without the site's
   *     token; anywhere else those paths are asked for it like any other
   */
  record Rules(String token, boolean checkHost, Set<String> allowedHosts, boolean hub) {
    Rules {
      allowedHosts = Set.copyOf(allowedHosts);
    }

    static Rules of(WebConfig web) {
      return new Rules(web.token(), web.loopback(), web.allowedHosts(), false);
    }

    /**
     * A class hub checks {@code Host} beyond loopback too: its learners are told the one address to
     * use ({@code serve} prints it, {@code --allow-host} adds others), so a name nobody was told
     * means a rebinding page, not a learner.
     */
    static Rules of(WebConfig web, ClassMode mode) {
      boolean hub = mode.hub() != null;
      return new Rules(web.token(), web.loopback() || hub, web.allowedHosts(), hub);
    }
  }

  private static final String SITE_TOKEN = "wb.siteToken";
  private static final String SERVER_TO_SERVER = "wb.serverToServer";

  private final Rules rules;
  private final byte[] cookieValue;

  SiteGuard(Rules rules) {
    this.rules = rules;
    this.cookieValue = rules.token() == null ? null : cookieFor(rules.token());
  }

  @Override
  public void onInitialize(JavalinConfig config) {
    // mounted here, before the site's own routes, so nothing runs for a refused request
    config.router.mount(
        router -> {
          router.before(this::check);
          // a WebSocket's upgrade request skips the before-handlers: it gets the same rules, and
          // more
          router.wsBeforeUpgrade(this::checkUpgrade);
        });
  }

  /**
   * A WebSocket upgrade (the terminal): the Host and the token as for every request, and always an
   * {@code Origin} of this site's own. The upgrade is a GET, which the write rule lets through, and
   * a page of any site may open a WebSocket to loopback, its cookies sent along (a WebSocket is not
   * bound by the same-origin policy), so here the origin is required, not merely checked when
   * present.
   */
  void checkUpgrade(Context ctx) {
    secureHeaders(ctx);
    checkHost(ctx);
    checkToken(ctx);
    String origin = ctx.header("Origin");
    if (origin == null) {
      throw new ForbiddenResponse(Languages.texts(ctx).get("msg_cross_site"));
    }
    if (!sameOrigin(origin, ctx.header("Host"))) {
      throw new ForbiddenResponse(
          Languages.texts(ctx).format("msg_cross_site_from", shortOrigin(origin)));
    }
  }

  void check(Context ctx) {
    secureHeaders(ctx);
    checkHost(ctx);
    if (ctx.path().startsWith("/static/")) {
      return; // the style sheet and script are public, so the token page itself looks right
    }
    if (rules.hub() && ClassRoutes.serverToServer(ctx)) {
      // a learner's workbench: the route checks its learner token (or the join code); whether the
      // site's own token came too is noted for the routes the instructor may also call
      ctx.attribute(SERVER_TO_SERVER, true);
      ctx.attribute(SITE_TOKEN, hasToken(ctx));
    } else {
      checkToken(ctx);
    }
    if (!READS.contains(ctx.method())) {
      checkWrite(ctx);
    }
  }

  private static void secureHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    // the token may be in the address of the first page; no other site should see it
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private void checkHost(Context ctx) {
    if (!rules.checkHost()) {
      return;
    }
    String name = hostName(ctx.header("Host"));
    if (name == null || !(LOOPBACK_NAMES.contains(name) || rules.allowedHosts().contains(name))) {
      throw new ForbiddenResponse(Languages.texts(ctx).get("msg_host"));
    }
  }

  /** The name part of a Host header, lower case; {@code [::1]} keeps its brackets. */
  static String hostName(String host) {
    if (host == null || host.isBlank()) {
      return null;
    }
    String value = host.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? null : value.substring(0, end + 1);
    }
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  /**
   * True for a learner's workbench calling a hub's server-to-server route, as {@link #check}
   * decided: no browser, so the site issues it no session.
   */
  static boolean fromLearnersWorkbench(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(SERVER_TO_SERVER));
  }

  /** True when the request carried the site's (the instructor's) token, for {@link ClassRoutes}. */
  static boolean hadSiteToken(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(SITE_TOKEN));
  }

  /** The token in a header or in the site's cookie (the query form is {@link #checkToken}'s). */
  private boolean hasToken(Context ctx) {
    if (rules.token() == null) {
      return true;
    }
    String header = ctx.header("Authorization");
    // "Bearer" as OAuth clients send it, "token" as Jupyter's clients do
    if (header != null
        && header.matches("(?i)(Bearer|token) .+")
        && equal(rules.token(), header.substring(header.indexOf(' ') + 1).strip())) {
      return true;
    }
    String cookie = ctx.cookie(TOKEN_COOKIE);
    return cookie != null
        && MessageDigest.isEqual(cookieValue, cookie.getBytes(StandardCharsets.UTF_8));
  }

  private void checkToken(Context ctx) {
    if (rules.token() == null) {
      return;
    }
    String fromQuery = ctx.queryParam("token");
    if (fromQuery != null && equal(rules.token(), fromQuery)) {
      if (ctx.method() == HandlerType.GET && !HttpErrors.wantsJson(ctx)) {
        keepInCookie(ctx);
        throw new RedirectWithoutToken(withoutToken(ctx));
      }
      return;
    }
    if (!hasToken(ctx)) {
      throw new UnauthorizedResponse(Languages.texts(ctx).get("msg_token"));
    }
  }

  /**
   * The cookie holds a value derived from the token, not the token itself, so a cookie read off a
   * disk is not a token to paste into another browser's address bar.
   */
  private static byte[] cookieFor(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal("workbench token cookie".getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).getBytes(StandardCharsets.UTF_8);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private void keepInCookie(Context ctx) {
    Cookie cookie = new Cookie(TOKEN_COOKIE, new String(cookieValue, StandardCharsets.UTF_8));
    cookie.setPath("/");
    cookie.setMaxAge(ONE_WEEK);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    ctx.cookie(cookie);
  }

  /** The same page, its other query parameters kept, the token gone from the address bar. */
  static String withoutToken(Context ctx) {
    StringJoiner rest = new StringJoiner("&");
    for (Map.Entry<String, java.util.List<String>> param : ctx.queryParamMap().entrySet()) {
      if (param.getKey().equals("token")) {
        continue;
      }
      for (String value : param.getValue()) {
        rest.add(encode(param.getKey()) + "=" + encode(value));
      }
    }
    // the path as the server matched it: never a scheme or host that would send the learner away
    String path = ctx.path().startsWith("/") && !ctx.path().startsWith("//") ? ctx.path() : "/";
    return rest.length() == 0 ? path : path + "?" + rest;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void checkWrite(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
      throw new ForbiddenResponse(
          Languages.texts(ctx).format("msg_cross_site_from", shortOrigin(origin)));
    }
    if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
      throw new ForbiddenResponse(Languages.texts(ctx).get("msg_cross_site"));
    }
    String type = ctx.header("Content-Type");
    String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new HttpResponseException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
          Languages.texts(ctx).get("msg_json_only"),
          Map.of());
    }
  }

  /** Origin's host and port equal the Host the request was sent to; either scheme. */
  static boolean sameOrigin(String origin, String host) {
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String scheme = uri.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
        return false;
      }
      int defaultPort = scheme.equals("https") ? 443 : 80;
      String originAuthority =
          uri.getHost().toLowerCase(Locale.ROOT)
              + ":"
              + (uri.getPort() < 0 ? defaultPort : uri.getPort());
      String name = hostName(host);
      String rest =
          host.strip().substring(Math.min(host.strip().length(), name == null ? 0 : name.length()));
      int hostPort = rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : defaultPort;
      return originAuthority.equals(name + ":" + hostPort);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String shortOrigin(String origin) {
    String cleaned =
        URLDecoder.decode(origin, StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7e]", "?");
    return cleaned.length() > 80 ? cleaned.substring(0, 80) + "…" : cleaned;
  }

  /** Constant time, so the token cannot be guessed one character at a time. */
  private static boolean equal(String token, String candidate) {
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** Thrown to leave the chain: answered by {@link HttpErrors} with a 302 to the clean address. */
  static final class RedirectWithoutToken extends RuntimeException {
    final String location;

    RedirectWithoutToken(String location) {
      super(null, null, false, false);
      this.location = location;
    }
  }
}
