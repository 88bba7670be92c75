package dev.workbench.lesson;

import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Limits;
import dev.workbench.step.Mount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The container keys of {@code container.create} and {@code container.run}: name, image, mounts…
 */
final class ContainerReader {
  private ContainerReader() {}

  static final List<String> KEYS =
      List.of("name", "image", "command", "env", "mounts", "network", "ports", "workdir", "limits");

  private static final Pattern MEMORY = Pattern.compile("(\\d{1,7})([kmg])b?");

  static ContainerSpec read(Fields step) {
    return new ContainerSpec(
        step.text("name"),
        step.text("image"),
        step.texts("command"),
        step.textMap("env"),
        mounts(step),
        step.text("network", null),
        ports(step),
        step.text("workdir", null),
        step.has("limits") ? limits(step.fields("limits")) : Limits.DEFAULT);
  }

  private static List<Mount> mounts(Fields step) {
    List<?> items = step.list("mounts");
    List<Mount> mounts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Fields mount =
          Fields.of(items.get(i), step.where().in("mounts #" + (i + 1)), "a mount")
              .allowOnly(List.of("volume", "bind", "target", "readOnly"));
      mounts.add(mount(mount));
    }
    return mounts;
  }

  private static Mount mount(Fields mount) {
    if (mount.has("volume") == mount.has("bind")) {
      throw mount
          .where()
          .error(
              "a mount has exactly one of 'volume' (a named volume) or 'bind' (a folder of your"
                  + " files)");
    }
    String target = mount.text("target");
    boolean readOnly = mount.flag("readOnly", false);
    return mount.has("volume")
        ? new Mount.Volume(mount.text("volume"), target, readOnly)
        : new Mount.Bind(mount.text("bind"), target, readOnly);
  }

  private static List<Integer> ports(Fields step) {
    List<Integer> ports = step.wholes("ports");
    for (int port : ports) {
      if (port < 1 || port > 65535) {
        throw step.where().error("'ports': " + port + " is not a port (1 to 65535)");
      }
    }
    return ports;
  }

  /** Missing limits keep their defaults: {@code {memory: 1g}} only raises the memory. */
  private static Limits limits(Fields limits) {
    limits.allowOnly(List.of("memory", "cpus", "pids"));
    long memory = limits.has("memory") ? memory(limits) : Limits.DEFAULT.memoryBytes();
    double cpus = limits.has("cpus") ? cpus(limits) : Limits.DEFAULT.cpus();
    long pids = limits.whole("pids", (int) Limits.DEFAULT.pids());
    try {
      return new Limits(memory, cpus, pids);
    } catch (IllegalArgumentException e) {
      throw limits.where().error(e.getMessage());
    }
  }

  private static long memory(Fields limits) {
    Object raw = limits.raw("memory");
    if (raw instanceof Integer bytes) {
      return bytes;
    }
    Matcher m = MEMORY.matcher(String.valueOf(raw).toLowerCase(Locale.ROOT));
    if (!(raw instanceof String) || !m.matches()) {
      throw limits.where().error("memory must look like 512m or 1g, got " + Fields.describe(raw));
    }
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          default -> 30;
        };
    return Long.parseLong(m.group(1)) << shift;
  }

  private static double cpus(Fields limits) {
    if (!(limits.raw("cpus") instanceof Number cpus)) {
      throw limits
          .where()
          .error(
              "cpus must be a number, e.g. 1 or 0.5, got " + Fields.describe(limits.raw("cpus")));
    }
    return cpus.doubleValue();
  }
}
