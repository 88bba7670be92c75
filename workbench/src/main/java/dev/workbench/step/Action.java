package dev.workbench.step;

import java.util.List;
import java.util.Map;

/**
 * The closed set of things a step can ask the engine to do. Each record is named after the
 * {@code do:} key of a step block ({@link #kind()}); its fields are the block's keys.
 */
public sealed interface Action {

  /** The {@code do:} value that selects this action in a lesson file. */
  String kind();

  /** Makes sure a base image exists: pulled where a registry answers, else built locally. */
  record ProvideImage(String image) implements Action {
    public String kind() { return "image.provide"; }
  }

  /** Builds an image from a folder of the project (relative to the project root). */
  record BuildImage(String image, String context, String dockerfile, Map<String, String> buildArgs)
      implements Action {
    public BuildImage {
      buildArgs = Map.copyOf(buildArgs == null ? Map.of() : buildArgs);
    }

    public String kind() { return "image.build"; }
  }

  record ImageHistory(String image) implements Action {
    public String kind() { return "image.history"; }
  }

  record ListImages() implements Action {
    public String kind() { return "image.list"; }
  }

  record RemoveImage(String image) implements Action {
    public String kind() { return "image.rm"; }
  }

  record CreateContainer(ContainerSpec spec) implements Action {
    public String kind() { return "container.create"; }
  }

  /**
   * Creates and starts a container; unless detached, waits for it and streams its output. With
   * {@code remove} the container is removed once it ends, as {@code docker run --rm}.
   */
  record RunContainer(ContainerSpec spec, boolean detach, boolean remove) implements Action {
    public RunContainer(ContainerSpec spec, boolean detach) {
      this(spec, detach, false);
    }

    public String kind() { return "container.run"; }
  }

  record StartContainer(String name) implements Action {
    public String kind() { return "container.start"; }
  }

  record StopContainer(String name) implements Action {
    public String kind() { return "container.stop"; }
  }

  record RemoveContainer(String name) implements Action {
    public String kind() { return "container.rm"; }
  }

  record ExecInContainer(String name, List<String> command, Map<String, String> env) implements Action {
    public ExecInContainer {
      command = List.copyOf(command);
      env = Map.copyOf(env == null ? Map.of() : env);
    }

    public String kind() { return "container.exec"; }
  }

  /** Saves a container's file system as a new image, as {@code docker commit} does. */
  record CommitContainer(String name, String image) implements Action {
    public String kind() { return "container.commit"; }
  }

  record ContainerLogs(String name) implements Action {
    public String kind() { return "container.logs"; }
  }

  record ListContainers() implements Action {
    public String kind() { return "container.list"; }
  }

  record CreateVolume(String name) implements Action {
    public String kind() { return "volume.create"; }
  }

  record RemoveVolume(String name) implements Action {
    public String kind() { return "volume.rm"; }
  }

  record CreateNetwork(String name) implements Action {
    public String kind() { return "network.create"; }
  }

  record RemoveNetwork(String name) implements Action {
    public String kind() { return "network.rm"; }
  }

  /** Brings a compose file (relative to the project root) up, detached, with the real compose. */
  record ComposeUp(String file) implements Action {
    public String kind() { return "compose.up"; }
  }

  record ComposeDown(String file) implements Action {
    public String kind() { return "compose.down"; }
  }

  /** An HTTP request from the host, as a browser or curl would make it. */
  record HttpRequest(HttpTarget target, String method, String body) implements Action {
    public String kind() { return "http.request"; }
  }

  /** A JShell snippet (notebook lessons), run in a separate JVM with a time and output limit. */
  record JShellCell(String code) implements Action {
    public String kind() { return "jshell"; }
  }

  /**
   * The cloud lesson's actions (lesson {@code nuvem}): a registry and a remote engine the workbench
   * runs, or the ones configured; performed by {@code dev.workbench.cloud}.
   */
  sealed interface CloudAction extends Action {}

  /** Starts the session's cloud: the registry and the remote engine. */
  record CloudStart() implements CloudAction {
    public String kind() { return "cloud.start"; }
  }

  /** {@code docker login}: the registry accepts these credentials (null: the session's own). */
  record CloudLogin(String user, String password) implements CloudAction {
    public String kind() { return "cloud.login"; }
  }

  /** Tags the session's image for the registry and pushes it. */
  record CloudPush(String image, String user, String password) implements CloudAction {
    public String kind() { return "cloud.push"; }
  }

  /**
   * The remote engine pulls the pushed image and creates the worker container, not started.
   *
   * @param firestore a Firestore emulator container of the first engine: the worker gets its
   *     published port 8080 as {@code FIRESTORE_EMULATOR_HOST}; null for none
   */
  record CloudRelease(String image, String name, Map<String, String> env, String firestore)
      implements CloudAction {
    public CloudRelease {
      env = Map.copyOf(env == null ? Map.of() : env);
    }

    public String kind() { return "cloud.release"; }
  }

  /** Runs the released worker once on the remote engine, its output streamed back. */
  record CloudRun(String name) implements CloudAction {
    public String kind() { return "cloud.run"; }
  }

  /** Runs the released worker again and again, every {@code every} (e.g. {@code 15s}, {@code 1d}). */
  record CloudSchedule(String name, String every) implements CloudAction {
    public String kind() { return "cloud.schedule"; }
  }

  /** Lists the scheduled runs and their outcomes, first waiting until {@code atLeast} have ended. */
  record CloudRuns(int atLeast) implements CloudAction {
    public String kind() { return "cloud.runs"; }
  }

  record CloudUnschedule() implements CloudAction {
    public String kind() { return "cloud.unschedule"; }
  }

  /** Stops the session's cloud: schedule, remote engine and registry. */
  record CloudStop() implements CloudAction {
    public String kind() { return "cloud.stop"; }
  }

  /**
   * The Swarm part of lesson {@code orquestracao}: stand-in hosts (engines in containers of the
   * learner's engine, never the learner's engine itself) that form a swarm; performed by
   * {@code dev.workbench.cloud}. Everything else the learner does on them with the real
   * {@code docker} CLI, through {@code container.exec} on a host.
   */
  sealed interface SwarmAction extends Action {}

  /**
   * Starts {@code nodes} stand-in hosts, {@code no-1} … {@code no-N}, on a network of their own,
   * and copies the session's {@code images} into each (they have no registry to pull from).
   */
  record SwarmStart(int nodes, List<String> images) implements SwarmAction {
    public static final int MAX_NODES = 3;

    public SwarmStart {
      if (nodes < 1 || nodes > MAX_NODES) {
        throw new IllegalArgumentException("nodes must be between 1 and " + MAX_NODES + ", got " + nodes);
      }
      images = List.copyOf(images == null ? List.of() : images);
    }

    public String kind() { return "swarm.start"; }
  }

  /**
   * The other hosts join the swarm the first one manages, as workers: {@code docker swarm join}
   * with the first host's worker token, which no step could pass from one host to another.
   */
  record SwarmJoin() implements SwarmAction {
    public String kind() { return "swarm.join"; }
  }

  /** Stops the hosts and removes their containers, volumes, network and folders. */
  record SwarmStop() implements SwarmAction {
    public String kind() { return "swarm.stop"; }
  }

  /** Every {@code do:} value, in the order the lesson format documents them. */
  List<String> KINDS =
      List.of(
          "image.provide", "image.build", "image.history", "image.list", "image.rm",
          "container.create", "container.run", "container.start", "container.stop", "container.rm",
          "container.exec", "container.commit", "container.logs", "container.list",
          "volume.create", "volume.rm", "network.create", "network.rm",
          "compose.up", "compose.down", "http.request", "jshell",
          "cloud.start", "cloud.login", "cloud.push", "cloud.release", "cloud.run",
          "cloud.schedule", "cloud.runs", "cloud.unschedule", "cloud.stop",
          "swarm.start", "swarm.join", "swarm.stop");
}
