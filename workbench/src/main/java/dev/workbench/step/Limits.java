package dev.workbench.step;

/** Resources one container may use; every container the workbench creates gets limits. */
public record Limits(long memoryBytes, double cpus, long pids) {
  public static final Limits DEFAULT = new Limits(512L << 20, 1.0, 256);

  /** The most a lesson may ask for: the machines we teach on have 2 cores. */
  public static final Limits MAX = new Limits(2048L << 20, 2.0, 1024);

  public Limits {
    if (memoryBytes < (16L << 20) || memoryBytes > (2048L << 20)) {
      throw new IllegalArgumentException(
          "memory must be between 16m and 2g, got " + memoryBytes + " bytes");
    }
    if (cpus <= 0 || cpus > 2.0) {
      throw new IllegalArgumentException("cpus must be in (0, 2], got " + cpus);
    }
    if (pids < 16 || pids > 1024) {
      throw new IllegalArgumentException("pids must be between 16 and 1024, got " + pids);
    }
  }
}
