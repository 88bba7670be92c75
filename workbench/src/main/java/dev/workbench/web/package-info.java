/**
 * The site: Javalin routes for the course pages, the JSON API the pages call, run events streamed
 * over SSE, and the learner's session, issued by the server. Nothing that arrives is trusted: one
 * plugin ({@link dev.workbench.web.SiteGuard}) asks every request for the token (on loopback too),
 * checks the Host on a loopback bind, takes writes only as JSON from the site's own origin, and
 * sends the security headers; nothing else runs for a request it refuses. Every page and the site's
 * own refusals speak the request's language ({@link dev.workbench.web.Languages}), with the
 * interface's words from resource bundles ({@link dev.workbench.web.Texts}). HTTP outcomes are
 * exceptions, turned into answers in one place ({@link dev.workbench.web.HttpErrors}).
 *
 * <p>Besides running steps: "Conferir" ({@link dev.workbench.web.CheckRoutes}) runs only a step's
 * state checks, as a run; quizzes and exercises are answered through {@link
 * dev.workbench.web.QuestionRoutes}, which sends the key only after the learner commits; {@link
 * dev.workbench.web.Tally} is the one rule progress is counted by; {@link
 * dev.workbench.web.InstructorGuide} serves {@code /instrutor/guia} (times, answer keys, command
 * sheets), guarded like every page.
 *
 * <p>The terminal is a WebSocket ({@link dev.workbench.web.TerminalRoutes}); Javalin runs no
 * before-handler for an upgrade, so the guard checks upgrades itself, with this site's Origin
 * required.
 */
package dev.workbench.web;
