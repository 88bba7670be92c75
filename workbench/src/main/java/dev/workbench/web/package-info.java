/**
 * The site: Javalin routes for the course pages, the JSON API the pages call, run events streamed
 * over SSE, the learner's session cookie and the optional access token. HTTP outcomes are
 * exceptions, turned into answers in one place ({@link dev.workbench.web.HttpErrors}).
 */
package dev.workbench.web;
