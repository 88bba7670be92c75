package dev.workbench.engine;

import dev.workbench.run.Session;
import java.util.Map;

/**
 * Turns the logical names a lesson uses into the session's own names, and back: {@code efemero}
 * becomes {@code wb-1a2b3c4d-efemero}, so two learners never collide. Base images
 * ({@code workbench/...}) are shared and keep their names.
 */
public record Scope(Session session, String lesson) {
  public static final String SESSION_LABEL = "workbench.session";
  public static final String LESSON_LABEL = "workbench.lesson";
  static final String PREFIX = "wb-";

  public String prefix() {
    return PREFIX + session.id() + "-";
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

  /** The logical name of an engine name, or the name itself when it is not this session's. */
  public String logical(String engineName) {
    String name = engineName.startsWith("/") ? engineName.substring(1) : engineName;
    return name.startsWith(prefix()) ? name.substring(prefix().length()) : name;
  }

  public Map<String, String> labels() {
    return Map.of(SESSION_LABEL, session.id(), LESSON_LABEL, lesson);
  }
}
