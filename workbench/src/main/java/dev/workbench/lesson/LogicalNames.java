package dev.workbench.lesson;

import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Mount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names a step gives to engine objects (containers, images, networks, volumes): the ones the
 * workbench prefixes per session, so they must be plain enough to prefix.
 */
final class LogicalNames {
  private LogicalNames() {}

  /**
   * @param role container, image, network or volume
   */
  record Name(String role, String value) {}

  static List<Name> of(Action action) {
    List<Name> names = new ArrayList<>();
    if (action instanceof Action.CreateContainer create) {
      addSpec(names, create.spec());
    } else if (action instanceof Action.RunContainer run) {
      addSpec(names, run.spec());
    } else if (action instanceof Action.CommitContainer commit) {
      names.add(new Name("container", commit.name()));
      names.add(new Name("image", commit.image()));
    } else if (action instanceof Action.BuildImage build) {
      names.add(new Name("image", build.image()));
    } else if (action instanceof Action.ImageHistory history) {
      names.add(new Name("image", history.image()));
    } else if (action instanceof Action.RemoveImage remove) {
      names.add(new Name("image", remove.image()));
    } else if (action instanceof Action.CreateVolume volume) {
      names.add(new Name("volume", volume.name()));
    } else if (action instanceof Action.RemoveVolume volume) {
      names.add(new Name("volume", volume.name()));
    } else if (action instanceof Action.CreateNetwork network) {
      names.add(new Name("network", network.name()));
    } else if (action instanceof Action.RemoveNetwork network) {
      names.add(new Name("network", network.name()));
    } else if (action instanceof Action.HttpRequest http) {
      names.add(new Name("container", http.target().container()));
    } else if (action instanceof Action.SwarmStart swarm) {
      swarm.images().forEach(image -> names.add(new Name("image", image)));
    } else {
      containerName(action).ifPresent(name -> names.add(new Name("container", name)));
    }
    return names;
  }

  /** The container a start, stop, rm, logs, exec or commit step acts on. */
  static Optional<String> containerName(Action action) {
    String name = null;
    if (action instanceof Action.StartContainer start) {
      name = start.name();
    } else if (action instanceof Action.StopContainer stop) {
      name = stop.name();
    } else if (action instanceof Action.RemoveContainer remove) {
      name = remove.name();
    } else if (action instanceof Action.ContainerLogs logs) {
      name = logs.name();
    } else if (action instanceof Action.ExecInContainer exec) {
      name = exec.name();
    } else if (action instanceof Action.CommitContainer commit) {
      name = commit.name();
    }
    return Optional.ofNullable(name);
  }

  static List<Name> of(Check check) {
    List<Name> names = new ArrayList<>();
    if (check instanceof Check.ContainerState state) {
      names.add(new Name("container", state.name()));
    } else if (check instanceof Check.FileInContainer file) {
      names.add(new Name("container", file.container()));
    } else if (check instanceof Check.ImageExists image) {
      names.add(new Name("image", image.image()));
    } else if (check instanceof Check.VolumeExists volume) {
      names.add(new Name("volume", volume.name()));
    } else if (check instanceof Check.NetworkState network) {
      names.add(new Name("network", network.name()));
      network.containers().forEach(c -> names.add(new Name("container", c)));
    } else if (check instanceof Check.HttpAnswer http) {
      names.add(new Name("container", http.target().container()));
    }
    return names;
  }

  private static void addSpec(List<Name> names, ContainerSpec spec) {
    names.add(new Name("container", spec.name()));
    names.add(new Name("image", spec.image()));
    if (spec.network() != null) {
      names.add(new Name("network", spec.network()));
    }
    for (Mount mount : spec.mounts()) {
      if (mount instanceof Mount.Volume volume) {
        names.add(new Name("volume", volume.volume()));
      }
    }
  }
}
