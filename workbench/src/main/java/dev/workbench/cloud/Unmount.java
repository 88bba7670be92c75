package dev.workbench.cloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a stopped {@code dockerd} may leave mounted under its folders (its network namespace file,
 * an overlay of a killed container), unmounted so the folders can be deleted.
 */
final class Unmount {
  private Unmount() {}

  static void under(Path root) {
    Path mountinfo = Path.of("/proc/self/mountinfo");
    if (!Files.isReadable(mountinfo)) {
      return;
    }
    String prefix = root.toAbsolutePath().normalize().toString();
    List<String> points = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(mountinfo)) {
        String[] fields = line.split(" ");
        if (fields.length > 4) {
          String point = fields[4].replace("\\040", " ");
          if (point.equals(prefix) || point.startsWith(prefix + "/")) {
            points.add(point);
          }
        }
      }
    } catch (IOException e) {
      return;
    }
    points.sort(Comparator.comparingInt(String::length).reversed()); // deepest first
    for (String point : points) {
      try {
        Process umount = new ProcessBuilder("umount", "-l", point).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        umount.waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        return; // no umount here: the folder stays, harmlessly
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
