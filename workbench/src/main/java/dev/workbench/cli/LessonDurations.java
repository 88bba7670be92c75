package dev.workbench.cli;

import dev.workbench.lesson.Lesson;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * How long each lesson took in the last {@code verify}, kept in the data dir, so the next parallel
 * run starts the longest lessons first: a long lesson that starts last runs alone at the end and
 * sets the wall time. Lessons never timed go first, in reverse course order (the later lessons
 * build images and start engines, the slow parts).
 */
final class LessonDurations {
  private static final String FILE = "lesson-durations.properties";

  private final Path file;
  private final Properties seconds = new Properties();

  private LessonDurations(Path file) {
    this.file = file;
  }

  static LessonDurations in(Path dataDir) {
    LessonDurations durations = new LessonDurations(dataDir.resolve(FILE));
    if (Files.isRegularFile(durations.file)) {
      try (Reader in = Files.newBufferedReader(durations.file, StandardCharsets.UTF_8)) {
        durations.seconds.load(in);
      } catch (IOException | IllegalArgumentException e) {
        durations.seconds.clear(); // a damaged file only costs the order, never the run
      }
    }
    return durations;
  }

  List<Lesson> longestFirst(List<Lesson> lessons) {
    List<Lesson> reversed = new ArrayList<>(lessons);
    java.util.Collections.reverse(reversed);
    reversed.sort(Comparator.comparingDouble((Lesson lesson) -> known(lesson.id())).reversed());
    return reversed;
  }

  /** Seconds of the last run; never-timed lessons count as the longest. */
  private double known(String lessonId) {
    try {
      return Double.parseDouble(seconds.getProperty(lessonId, "Infinity"));
    } catch (NumberFormatException e) {
      return Double.POSITIVE_INFINITY;
    }
  }

  synchronized void record(String lessonId, Duration took) {
    seconds.setProperty(lessonId, String.valueOf(took.toMillis() / 1000.0));
  }

  synchronized void save() {
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        seconds.store(out, "segundos de cada lição no último verify");
      }
    } catch (IOException e) {
      // the next run just orders the lessons by the course again
    }
  }
}
