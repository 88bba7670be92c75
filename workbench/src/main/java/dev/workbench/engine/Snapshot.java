package dev.workbench.engine;

import java.util.List;

/**
 * A learner's resources as the engine sees them now, with logical (unscoped) names; for the panel.
 */
public record Snapshot(
    List<ContainerView> containers, List<NetworkView> networks, List<VolumeView> volumes) {

  public Snapshot {
    containers = List.copyOf(containers);
    networks = List.copyOf(networks);
    volumes = List.copyOf(volumes);
  }

  /**
   * @param ports published ports as "hostPort->containerPort"
   */
  public record ContainerView(
      String name,
      String lesson,
      String image,
      String state,
      List<String> networks,
      List<String> ports,
      List<String> volumes) {}

  public record NetworkView(String name, String lesson) {}

  public record VolumeView(String name, String lesson) {}
}
