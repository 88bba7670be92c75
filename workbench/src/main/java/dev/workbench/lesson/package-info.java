/**
 * The course as data: lesson Markdown files parsed into immutable {@link
 * dev.workbench.lesson.Lesson} values (front matter, prose, step blocks), and the linter that
 * reports a bad file as {@code file:line: message}.
 */
package dev.workbench.lesson;
