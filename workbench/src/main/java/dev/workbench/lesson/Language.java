package dev.workbench.lesson;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A language the course is written in, and the file beside each lesson that holds it. pt-BR is the
 * original: its {@code lesson.md} defines the lesson; {@code lesson.en.md} is its translation, with
 * the same steps (lint checks they match).
 */
public enum Language {
  PT_BR("pt-BR", "lesson.md"),
  EN("en", "lesson.en.md");

  private final String tag;
  private final String fileName;

  Language(String tag, String fileName) {
    this.tag = tag;
    this.fileName = fileName;
  }

  /** The BCP 47 tag, as in {@code lang="pt-BR"} or {@code ?lang=en}. */
  public String tag() {
    return tag;
  }

  /** The lesson file of this language inside a lesson folder. */
  public String fileName() {
    return fileName;
  }

  /** The language a lesson file is written in, by its name: English for {@code lesson.en.md}. */
  static Language ofFile(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().equals(EN.fileName()) ? EN : PT_BR;
  }

  /** English for any tag starting with {@code en} ({@code en}, {@code en-GB}…); pt-BR otherwise. */
  public static Language of(String tag) {
    return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : PT_BR;
  }
}
