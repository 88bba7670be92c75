/**
 * The course as data: lesson Markdown files parsed into immutable {@link
 * dev.workbench.lesson.Lesson} values (front matter, prose, step blocks), and the linter that
 * reports a bad file as {@code file:line: message}.
 *
 * <p>Languages: each lesson folder holds the pt-BR original, {@code lesson.md}, and its English
 * translation, {@code lesson.en.md}. Both parse into a {@code Lesson}; {@link
 * dev.workbench.lesson.Course} keeps the originals as the course ({@code lessons()}: ids, order,
 * steps) and the translations in a map by lesson id ({@code english()}), and {@code find(id,
 * Language)} picks one, falling back to pt-BR. The linter requires every translation to exist and
 * to have the same steps in the same order, each with the same action, {@code cli}, parameters and
 * checks, so running the original's steps verifies the translation's engine behaviour too.
 */
package dev.workbench.lesson;
