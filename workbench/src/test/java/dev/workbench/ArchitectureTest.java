package dev.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arrows point down only: cli → web → run → {notebook, cloud} → {engine, lesson} → step, with the
 * progress store beside run for the site, the class hub below web (it reads progress's seam, never
 * the site), and hosted labs ({@code labs}: one engine per learner) below the site and above the
 * engine. A package that reached up (the engine asking the runner for a session, say) would tie the
 * layers into one knot; this test reads every import of the main sources and names each one that
 * does.
 */
class ArchitectureTest {
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import (?:static )?dev\\.workbench\\.([a-z]+)\\.");

  /** A static map keyed by engine: what {@code Swarms.of(engine)} was before its owner made it. */
  private static final Pattern STATIC_PER_ENGINE =
      Pattern.compile("static\\s+(?:final\\s+)?[\\w.]*Map<Engine\\b");

  /** What each package may import from the project; the root package (Workbench) is open to all. */
  private static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("step", Set.of()),
          Map.entry("lesson", Set.of("step")),
          Map.entry("engine", Set.of("step")),
          Map.entry("notebook", Set.of("engine", "step")),
          Map.entry("cloud", Set.of("engine", "step", "lesson")),
          Map.entry("run", Set.of("notebook", "cloud", "engine", "lesson", "step")),
          Map.entry("progress", Set.of("run", "engine", "step")),
          Map.entry("hub", Set.of("run", "progress", "engine", "lesson", "step")),
          Map.entry("labs", Set.of("engine", "step")),
          Map.entry(
              "web",
              Set.of(
                  "hub",
                  "run",
                  "progress",
                  "labs",
                  "notebook",
                  "cloud",
                  "engine",
                  "lesson",
                  "step")),
          Map.entry(
              "cli",
              Set.of(
                  "web",
                  "hub",
                  "run",
                  "progress",
                  "labs",
                  "notebook",
                  "cloud",
                  "engine",
                  "lesson",
                  "step")));

  private static final Path MAIN =
      TestEngines.projectRoot().resolve("workbench/src/main/java/dev/workbench");

  /** Every main source file, relative to {@code dev/workbench}. */
  private static List<Path> mainSources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(f -> f.toString().endsWith(".java")).map(MAIN::relativize).toList();
    }
  }

  @Test
  void no_package_imports_one_above_it() throws IOException {
    List<String> upward = new ArrayList<>();
    int read = 0;
    for (Path relative : mainSources()) {
      if (relative.getNameCount() < 2) {
        continue; // dev.workbench.Workbench and friends
      }
      String from = relative.getName(0).toString();
      assertThat(MAY_USE)
          .as("%s is a package this test knows; add its arrows", from)
          .containsKey(from);
      Matcher imported = IMPORT.matcher(Files.readString(MAIN.resolve(relative)));
      while (imported.find()) {
        String to = imported.group(1);
        if (!to.equals(from) && !MAY_USE.get(from).contains(to)) {
          upward.add(relative + " imports dev.workbench." + to);
        }
      }
      read++;
    }
    assertThat(read).as("main sources read").isGreaterThan(50);
    assertThat(upward).as("imports that point up or sideways").isEmpty();
  }

  /**
   * What a learner's engine holds for them (notebooks, clouds, swarms) is owned: made and closed by
   * the step runner, on the server's one shutdown path, never kept in a static map no one closes.
   */
  @Test
  void no_class_keeps_what_an_engine_holds_in_static_state() throws IOException {
    List<String> statics = new ArrayList<>();
    for (Path relative : mainSources()) {
      if (STATIC_PER_ENGINE.matcher(Files.readString(MAIN.resolve(relative))).find()) {
        statics.add(relative.toString());
      }
    }
    assertThat(statics).as("classes with a static map keyed by engine").isEmpty();
  }
}
