package dev.workbench.engine;

import java.util.Map;

/**
 * Turns the logical names a lesson uses into the learner's own names, and back: {@code efemero} of
 * lesson {@code volumes} becomes {@code wb-1a2b3c4d-volumes-efemero}. The session part keeps two
 * learners apart; the lesson part keeps one learner's lessons apart, since several lessons use the
 * same names (a {@code firestore} container, a {@code semeador}) and each lesson's reset must
 * remove only its own. Base images ({@code workbench/...}) are shared and keep their names.
 */
public record Scope(Session session, String lesson) {
  public static final String SESSION_LABEL = "workbench.session";
  public static final String LESSON_LABEL = "workbench.lesson";
  static final String PREFIX = "wb-";

  /** What every engine name of this learner starts with: {@code wb-<session>-}. */
  public String sessionPrefix() {
    return PREFIX + session.id() + "-";
  }

  /** What the engine names of this lesson start with: {@code wb-<session>-<lesson>-}. */
  public String prefix() {
    return lesson.isEmpty() ? sessionPrefix() : sessionPrefix() + lesson + "-";
  }

  /** The engine name of a container, network or volume. */
  public String name(String logical) {
    return prefix() + logical;
  }

  /** The engine reference of an image: base images as they are, lesson images scoped and tagged. */
  public String image(String logical) {
    if (BaseImages.isBase(logical)) {
      return logical;
    }
    return logical.contains(":") ? prefix() + logical : prefix() + logical + ":latest";
  }

  /**
   * The logical name of an engine name: this lesson's prefix removed, else the session's (a compose
   * project's {@code wb-<session>-<lesson>_default} reads {@code <lesson>_default}), else as it is.
   */
  public String logical(String engineName) {
    String name = engineName.startsWith("/") ? engineName.substring(1) : engineName;
    for (String prefix : new String[] {prefix(), sessionPrefix()}) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  /** The same learner in another lesson (the panel draws every lesson's resources). */
  public Scope inLesson(String otherLesson) {
    return new Scope(session, otherLesson == null ? "" : otherLesson);
  }

  public Map<String, String> labels() {
    return Map.of(SESSION_LABEL, session.id(), LESSON_LABEL, lesson);
  }
}
