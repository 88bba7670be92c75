package dev.workbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The process that made a resource which must not outlive it (a cloud's engine, its registry): a
 * label {@code <pid namespace>:<pid>:<start second>}. A later start removes what a killed process
 * left, and leaves alone what a live one (a second server, a concurrent verify) still uses. An
 * owner in another pid namespace (a workbench in a container, seen from the host) cannot be judged
 * and is never taken for dead; the start second tells a reused pid from the owner.
 */
public final class Owner {
  public static final String LABEL = "workbench.owner";

  private Owner() {}

  /** This process, as the label names it. */
  public static String current() {
    ProcessHandle self = ProcessHandle.current();
    return namespace() + ":" + self.pid() + ":" + started(self).orElse(0L);
  }

  /** True when the owner is a process of this pid namespace that has ended. */
  public static boolean gone(String owner) {
    if (owner == null) {
      return false;
    }
    String[] parts = owner.split(":");
    if (parts.length != 3 || !parts[0].equals(namespace())) {
      return false;
    }
    try {
      long pid = Long.parseLong(parts[1]);
      long start = Long.parseLong(parts[2]);
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .map(p -> start != 0 && started(p).map(s -> s != start).orElse(false))
          .orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Optional<Long> started(ProcessHandle process) {
    return process.info().startInstant().map(i -> i.getEpochSecond());
  }

  private static String namespace() {
    try {
      // "pid:[4026531836]": the same text for every process of one namespace
      return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString().replaceAll("\\D", "");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return "0";
    }
  }
}
