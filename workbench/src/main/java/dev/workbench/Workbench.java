package dev.workbench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project lives: lessons and build contexts are read from the project root. */
public final class Workbench {
  private Workbench() {}

  /**
   * The project root: the {@code workbench.root} system property (set by {@code bin/workbench} and
   * the build), else {@code WORKBENCH_ROOT}, else the nearest folder upwards holding {@code lessons/}.
   */
  public static Path projectRoot() {
    String configured = System.getProperty("workbench.root", System.getenv("WORKBENCH_ROOT"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("lessons")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "não encontrei a pasta do projeto (com lessons/): defina WORKBENCH_ROOT ou rode de dentro do projeto");
  }
}
