package dev.workbench.step;

import java.util.List;
import java.util.Map;

/**
 * The closed set of things a step can ask the engine to do. Each record is named after the {@code
 * do:} key of a step block ({@link #kind()}); its fields are the block's keys.
 */
public sealed interface Action {

  /** The {@code do:} value that selects this action in a lesson file: its record's {@link Kind}. */
  default String kind() {
    return Kinds.name(getClass());
  }

  /** Makes sure a base image exists: pulled where a registry answers, else built locally. */
  @Kind("image.provide")
  record ProvideImage(String image) implements Action {}

  /** Builds an image from a folder of the project (relative to the project root). */
  @Kind("image.build")
  record BuildImage(String image, String context, String dockerfile, Map<String, String> buildArgs)
      implements Action {
    public BuildImage {
      buildArgs = Map.copyOf(buildArgs == null ? Map.of() : buildArgs);
    }
  }

  @Kind("image.history")
  record ImageHistory(String image) implements Action {}

  /**
   * Gives one of the learner's images another name ({@code docker tag}): {@code tag} is a logical
   * name with an optional {@code :tag}; the image's layers are shared, nothing is copied.
   */
  @Kind("image.tag")
  record TagImage(String image, String tag) implements Action {}

  @Kind("image.list")
  record ListImages() implements Action {}

  @Kind("image.rm")
  record RemoveImage(String image) implements Action {}

  @Kind("container.create")
  record CreateContainer(ContainerSpec spec) implements Action {}

  /**
   * Creates and starts a container; unless detached, waits for it and streams its output. With
   * {@code remove} the container is removed once it ends, as {@code docker run --rm}.
   */
  @Kind("container.run")
  record RunContainer(ContainerSpec spec, boolean detach, boolean remove) implements Action {
    public RunContainer(ContainerSpec spec, boolean detach) {
      this(spec, detach, false);
    }
  }

  @Kind("container.start")
  record StartContainer(String name) implements Action {}

  @Kind("container.stop")
  record StopContainer(String name) implements Action {}

  @Kind("container.rm")
  record RemoveContainer(String name) implements Action {}

  @Kind("container.exec")
  record ExecInContainer(String name, List<String> command, Map<String, String> env)
      implements Action {
    public ExecInContainer {
      command = List.copyOf(command);
      env = Map.copyOf(env == null ? Map.of() : env);
    }
  }

  /** Saves a container's file system as a new image, as {@code docker commit} does. */
  @Kind("container.commit")
  record CommitContainer(String name, String image) implements Action {}

  @Kind("container.logs")
  record ContainerLogs(String name) implements Action {}

  @Kind("container.list")
  record ListContainers() implements Action {}

  @Kind("volume.create")
  record CreateVolume(String name) implements Action {}

  @Kind("volume.rm")
  record RemoveVolume(String name) implements Action {}

  @Kind("network.create")
  record CreateNetwork(String name) implements Action {}

  @Kind("network.rm")
  record RemoveNetwork(String name) implements Action {}

  /** Brings a compose file (relative to the project root) up, detached, with the real compose. */
  @Kind("compose.up")
  record ComposeUp(String file) implements Action {}

  /**
   * {@code docker compose down}: with {@code volumes} (the default) also the project's volumes, as
   * {@code down --volumes}; without, the named volumes stay for the next {@code up} (they are the
   * learner's all the same: the lesson's reset removes them).
   */
  @Kind("compose.down")
  record ComposeDown(String file, boolean volumes) implements Action {
    public ComposeDown(String file) {
      this(file, true);
    }
  }

  /** An HTTP request from the host, as a browser or curl would make it. */
  @Kind("http.request")
  record HttpRequest(HttpTarget target, String method, String body) implements Action {}

  /** A JShell snippet (notebook lessons), run in a separate JVM with a time and output limit. */
  @Kind("jshell")
  record JShellCell(String code) implements Action {}

  /**
   * The cloud lesson's actions (lesson {@code nuvem}): a registry and a remote engine the workbench
   * runs, or the ones configured; performed by {@code dev.workbench.cloud}.
   */
  sealed interface CloudAction extends Action {}

  /** Starts the session's cloud: the registry and the remote engine. */
  @Kind("cloud.start")
  record CloudStart() implements CloudAction {}

  /** {@code docker login}: the registry accepts these credentials (null: the session's own). */
  @Kind("cloud.login")
  record CloudLogin(String user, String password) implements CloudAction {}

  /** Tags the session's image for the registry and pushes it. */
  @Kind("cloud.push")
  record CloudPush(String image, String user, String password) implements CloudAction {}

  /**
   * The remote engine pulls the pushed image and creates the worker container, not started.
   *
   * @param firestore a Firestore emulator container of the first engine: the worker gets its
   *     published port 8080 as {@code FIRESTORE_EMULATOR_HOST}; null for none
   */
  @Kind("cloud.release")
  record CloudRelease(String image, String name, Map<String, String> env, String firestore)
      implements CloudAction {
    public CloudRelease {
      env = Map.copyOf(env == null ? Map.of() : env);
    }
  }

  /** Runs the released worker once on the remote engine, its output streamed back. */
  @Kind("cloud.run")
  record CloudRun(String name) implements CloudAction {}

  /**
   * Runs the released worker again and again, every {@code every} (e.g. {@code 15s}, {@code 1d}).
   */
  @Kind("cloud.schedule")
  record CloudSchedule(String name, String every) implements CloudAction {}

  /**
   * Lists the scheduled runs and their outcomes, first waiting until {@code atLeast} have ended.
   */
  @Kind("cloud.runs")
  record CloudRuns(int atLeast) implements CloudAction {}

  @Kind("cloud.unschedule")
  record CloudUnschedule() implements CloudAction {}

  /** Stops the session's cloud: schedule, remote engine and registry. */
  @Kind("cloud.stop")
  record CloudStop() implements CloudAction {}

  /**
   * The Swarm part of lesson {@code orquestracao}: stand-in hosts (engines in containers of the
   * learner's engine, never the learner's engine itself) that form a swarm; performed by {@code
   * dev.workbench.cloud}. Everything else the learner does on them with the real {@code docker}
   * CLI, through {@code container.exec} on a host.
   */
  sealed interface SwarmAction extends Action {}

  /**
   * Starts {@code nodes} stand-in hosts, {@code no-1} … {@code no-N}, on a network of their own,
   * and copies the session's {@code images} into each (they have no registry to pull from).
   */
  @Kind("swarm.start")
  record SwarmStart(int nodes, List<String> images) implements SwarmAction {
    public static final int MAX_NODES = 3;

    public SwarmStart {
      if (nodes < 1 || nodes > MAX_NODES) {
        throw new IllegalArgumentException(
            "nodes must be between 1 and " + MAX_NODES + ", got " + nodes);
      }
      images = List.copyOf(images == null ? List.of() : images);
    }
  }

  /**
   * The other hosts join the swarm the first one manages, as workers: {@code docker swarm join}
   * with the first host's worker token, which no step could pass from one host to another.
   */
  @Kind("swarm.join")
  record SwarmJoin() implements SwarmAction {}

  /** Stops the hosts and removes their containers, volumes, network and folders. */
  @Kind("swarm.stop")
  record SwarmStop() implements SwarmAction {}

  /** Every {@code do:} value, sorted. */
  List<String> KINDS = Kinds.names(Action.class);
}
