package dev.workbench.engine;

/** What an operation is about to add to a learner's resources, counted against {@link Quotas}. */
public record Demand(int containers, int images, int volumes, int networks) {
  public static final Demand NONE = new Demand(0, 0, 0, 0);

  public Demand {
    if (containers < 0 || images < 0 || volumes < 0 || networks < 0) {
      throw new IllegalArgumentException("a demand counts what is added, never less than nothing");
    }
  }

  public static Demand containers(int n) {
    return new Demand(n, 0, 0, 0);
  }

  public static Demand images(int n) {
    return new Demand(0, n, 0, 0);
  }

  public static Demand volumes(int n) {
    return new Demand(0, 0, n, 0);
  }

  public static Demand networks(int n) {
    return new Demand(0, 0, 0, n);
  }

  public Demand plus(Demand other) {
    return new Demand(
        containers + other.containers,
        images + other.images,
        volumes + other.volumes,
        networks + other.networks);
  }
}
