package dev.workbench.labs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many labs this machine holds: the memory free now, less a fifth kept for the workbench, the
 * host's engine and the page cache, divided by what a lab was measured to use. Memory is what runs
 * out first (a lab's dockerd idles at a few percent of a core; the course's steps are short).
 *
 * @param perLabBytes a lab's memory, measured
 * @param availableBytes the machine's {@code MemAvailable}
 */
public record Capacity(long perLabBytes, long availableBytes) {
  /** The share of free memory labs may take. */
  static final double SHARE = 0.8;

  public int labs() {
    return perLabBytes <= 0 ? 0 : (int) (availableBytes * SHARE / perLabBytes);
  }

  public long perLabMegabytes() {
    return perLabBytes >> 20;
  }

  public long availableMegabytes() {
    return availableBytes >> 20;
  }

  /** {@code MemAvailable} of /proc/meminfo; the JVM's view of free memory where there is none. */
  public static long availableMemory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: below
    }
    return Runtime.getRuntime().maxMemory();
  }
}
