/**
 * The site: Javalin routes for the course pages, the JSON API the pages call, run events streamed
 * over SSE, the learner's session cookie and the optional access token. Every page and the site's
 * own refusals speak the request's language ({@link dev.workbench.web.Languages}), with the
 * interface's words from resource bundles ({@link dev.workbench.web.Texts}). HTTP outcomes are
 * exceptions, turned into answers in one place ({@link dev.workbench.web.HttpErrors}).
 */
package dev.workbench.web;
