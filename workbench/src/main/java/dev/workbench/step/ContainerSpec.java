package dev.workbench.step;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to create a container. Names (container, image built by a lesson, network, volume) are the
 * logical names a learner reads; the engine scopes them to the session.
 *
 * @param ports container ports to publish on the host's loopback at a port the engine picks
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    Map<String, String> env,
    List<Mount> mounts,
    String network,
    List<Integer> ports,
    String workdir,
    Limits limits) {

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command == null ? List.of() : command);
    env = Map.copyOf(env == null ? Map.of() : env);
    mounts = List.copyOf(mounts == null ? List.of() : mounts);
    ports = List.copyOf(ports == null ? List.of() : ports);
    limits = limits == null ? Limits.DEFAULT : limits;
  }
}
