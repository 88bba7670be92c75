package dev.workbench.step;

import java.util.List;

/**
 * What must hold after a step, read from the engine's own state (inspect, a file copied out of a
 * container, volume and network lists, an HTTP answer) or from the step's output. Each record is
 * one key of a step's {@code expect:} list.
 */
public sealed interface Check {

  /**
   * The {@code expect:} key that selects this check in a lesson file: its record's {@link Kind}.
   */
  default String key() {
    return Kinds.name(getClass());
  }

  /** {@code exitCode: 0}: the container, exec or compose command ended with this code. */
  @Kind("exitCode")
  record ExitCode(int expected) implements Check {}

  /** {@code output: "text"}: the step's output contains this text. */
  @Kind("output")
  record OutputContains(String text) implements Check {}

  /** {@code container: {name, state}}: state is running, exited, created or absent. */
  @Kind("container")
  record ContainerState(String name, String state) implements Check {
    public static final List<String> STATES = List.of("running", "exited", "created", "absent");
  }

  /**
   * {@code file: {container, path, contains | absent: true}}: read by copying the file out of the
   * container, which works on stopped containers too.
   */
  @Kind("file")
  record FileInContainer(String container, String path, String contains, boolean absent)
      implements Check {}

  /** {@code hostFile: {path, contains}}: a file in the session's own folder (bind mounts). */
  @Kind("hostFile")
  record HostFile(String path, String contains) implements Check {}

  /** {@code image: {name, exists}}. */
  @Kind("image")
  record ImageExists(String image, boolean exists) implements Check {}

  /** {@code volume: {name, exists}}. */
  @Kind("volume")
  record VolumeExists(String name, boolean exists) implements Check {}

  /**
   * {@code mount: {container, target, anonymous}}: a volume is mounted at {@code target} in the
   * container and exists in the engine; {@code anonymous: true} (the default) asks for one the
   * engine made and named itself (an image's {@code VOLUME}), false for one of the learner's named
   * volumes.
   */
  @Kind("mount")
  record VolumeMount(String container, String target, boolean anonymous) implements Check {}

  /** {@code network: {name, exists, containers: [..]}}: containers attached to it, if listed. */
  @Kind("network")
  record NetworkState(String name, boolean exists, List<String> containers) implements Check {
    public NetworkState {
      containers = List.copyOf(containers == null ? List.of() : containers);
    }
  }

  /**
   * {@code http: {container, port, path, status, contains, reachable}}: a request from the host;
   * {@code reachable: false} expects no answer at all (an unpublished port).
   */
  @Kind("http")
  record HttpAnswer(HttpTarget target, int status, String contains, boolean reachable)
      implements Check {}

  /** Checks of the cloud lesson, read from the session's registry, remote engine and schedule. */
  sealed interface CloudCheck extends Check {}

  /** {@code registry: {repository, tag}}: the registry lists this tag (GET /v2/…/tags/list). */
  @Kind("registry")
  record RegistryTag(String repository, String tag) implements CloudCheck {}

  /** {@code remoteContainer: {name, state}}: the container's state on the remote engine. */
  @Kind("remoteContainer")
  record RemoteContainer(String name, String state) implements CloudCheck {}

  /**
   * {@code scheduledRuns: {min, exitCode}}: at least {@code min} runs ended, each with this code.
   */
  @Kind("scheduledRuns")
  record ScheduledRuns(int min, int exitCode) implements CloudCheck {}

  /**
   * Checks of the swarm (lesson {@code orquestracao}), read from its first host, the manager. A
   * swarm converges on its own time, so each waits a bounded while for its state to hold.
   */
  sealed interface SwarmCheck extends Check {}

  /**
   * {@code swarmService: {name, replicas, image}}: the service asks for {@code replicas} tasks and
   * that many run, each from {@code image} when given; no update is under way.
   */
  @Kind("swarmService")
  record SwarmService(String name, int replicas, String image) implements SwarmCheck {}

  /**
   * {@code swarmNode: {name, role, availability, tasks}}: the node (by host name) is in the swarm,
   * with this role ({@code manager}, {@code worker}) and availability ({@code active}, {@code
   * pause}, {@code drain}) and runs this many of the swarm's tasks; a null is not checked.
   */
  @Kind("swarmNode")
  record SwarmNode(String name, String role, String availability, Integer tasks)
      implements SwarmCheck {
    public static final List<String> ROLES = List.of("manager", "worker");
    public static final List<String> AVAILABILITIES = List.of("active", "pause", "drain");
  }

  /**
   * {@code firestore: {container, port, collection, project, field, filled, empty}}: read from a
   * Firestore emulator in a container; how many documents have {@code field} set and how many lack
   * it (missing or empty). A null count is not checked.
   */
  @Kind("firestore")
  record FirestoreCollection(
      String container,
      int port,
      String project,
      String collection,
      String field,
      Integer filled,
      Integer empty)
      implements Check {}

  /**
   * {@code noSecrets: {image}}: no layer of the image holds a file that looks like a credential (a
   * key file's name, or a JSON file with a private key).
   */
  @Kind("noSecrets")
  record NoSecrets(String image) implements Check {}

  /** Every {@code expect:} key, sorted. */
  List<String> KEYS = Kinds.names(Check.class);
}
