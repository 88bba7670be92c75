package dev.workbench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project lives (lessons and build contexts are read from the project root) and where the
 * workbench keeps its data (progress, the learners' own files), which is never the project.
 */
public final class Workbench {
  private Workbench() {}

  /**
   * The project root: the {@code workbench.root} system property (set by {@code bin/workbench} and
   * the build), else {@code WORKBENCH_ROOT}, else the nearest folder upwards holding {@code
   * lessons/}.
   */
  public static Path projectRoot() {
    String configured = System.getProperty("workbench.root", System.getenv("WORKBENCH_ROOT"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("lessons"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "não encontrei a pasta do projeto (com lessons/): defina WORKBENCH_ROOT ou rode de dentro do projeto");
  }

  /**
   * The data dir when none is given: {@code $XDG_DATA_HOME/workbench}, else {@code
   * ~/.local/share/workbench}. Not inside the project tree: learners' files there would sit beside
   * the lessons and build contexts the steps read, and a link a learner's container made could lead
   * from one to the other.
   */
  public static Path defaultDataDir() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("workbench").toAbsolutePath().normalize();
  }
}
