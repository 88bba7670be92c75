package dev.workbench.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Docker engine inside a container of this engine (Docker-in-Docker): a {@code dockerd} with its
 * images in a volume of its own, its API on a unix socket in a host folder mounted into the
 * container (never a TCP port), and the course's memory, CPU and process limits.
 *
 * <p>Where the engine allows it the container is {@code --privileged}. Some engines refuse that (a
 * sandbox whose capability bounding set lacks {@code CAP_SYS_RESOURCE}: "unable to apply caps");
 * there it gets every capability but that one, no seccomp or AppArmor profile, unmasked system
 * paths and a cgroup namespace of its own, and its command mounts fresh, writable cgroup
 * hierarchies over the read-only ones before it starts {@code dockerd}. The first start finds out
 * which form an engine allows; later starts use it. Its host name is its logical name, as a
 * machine's would be: a swarm lists its nodes by it.
 */
public final class NestedEngines {
  /** How a container may run an engine on this engine. */
  public enum Form {
    PRIVILEGED,
    CAPABILITIES
  }

  /**
   * What to start.
   *
   * @param name the container's logical name (also its alias on {@code network})
   * @param image an image with {@code dockerd} (Debian's {@code docker.io})
   * @param volume the logical name of the volume that holds its images and containers
   * @param network the logical name of the network it joins, made by the caller
   * @param apiFolder a folder under the data dir where the engine puts {@code docker.sock}
   * @param daemonArgs more {@code dockerd} arguments (an insecure registry, a log level)
   * @param sameFolders folders of the data dir bound into the container at the same path, writable:
   *     the bind mounts the nested engine makes then name the same files as on this machine (a
   *     hosted lab's learner folder)
   * @param readOnlyFolders the same, read-only (the project, whose jars notebook kernels bind)
   */
  public record Spec(
      String name,
      String image,
      String volume,
      String network,
      Path apiFolder,
      List<String> daemonArgs,
      Limits limits,
      Map<String, String> labels,
      List<Path> sameFolders,
      List<Path> readOnlyFolders) {
    public Spec {
      daemonArgs = List.copyOf(daemonArgs);
      labels = Map.copyOf(labels);
      sameFolders = List.copyOf(sameFolders);
      readOnlyFolders = List.copyOf(readOnlyFolders);
    }

    public Spec(
        String name,
        String image,
        String volume,
        String network,
        Path apiFolder,
        List<String> daemonArgs,
        Limits limits,
        Map<String, String> labels) {
      this(
          name,
          image,
          volume,
          network,
          apiFolder,
          daemonArgs,
          limits,
          labels,
          List.of(),
          List.of());
    }
  }

  /** Where the API folder is inside the container. */
  private static final String API = "/workbench-api";

  /**
   * Replaces the read-only cgroup mounts with writable ones of the container's own cgroup namespace
   * (form {@code capabilities}; v1 hierarchies one by one, as /proc/self/cgroup lists them, or the
   * v2 one), moves itself out of the v2 root so dockerd may delegate controllers, then becomes
   * dockerd. $1 is the form; the rest are dockerd's arguments.
   */
  private static final String START =
      """
      set -eu
      form=$1; shift
      if [ "$form" = capabilities ]; then
        umount -R /sys/fs/cgroup
        if grep -qv '^0::' /proc/self/cgroup; then
          mount -t tmpfs -o mode=755 cgroups /sys/fs/cgroup
          for subsystem in $(cut -d: -f2 /proc/self/cgroup); do
            dir=/sys/fs/cgroup/${subsystem#name=}
            mkdir -p "$dir"
            case $subsystem in
              name=*) mount -t cgroup -o "none,$subsystem" cgroup "$dir" ;;
              *) mount -t cgroup -o "$subsystem" cgroup "$dir" ;;
            esac
          done
        else
          mount -t cgroup2 cgroup2 /sys/fs/cgroup
        fi
      fi
      if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
        mkdir -p /sys/fs/cgroup/init
        while read -r pid; do echo "$pid" > /sys/fs/cgroup/init/cgroup.procs || :; done \\
          < /sys/fs/cgroup/cgroup.procs
        sed -e 's/ / +/g' -e 's/^/+/' /sys/fs/cgroup/cgroup.controllers \\
          > /sys/fs/cgroup/cgroup.subtree_control || :
      fi
      exec dockerd "$@"
      """;

  /**
   * A stand-in host has no registry of its own to ask: swarm tasks run the images copied into it
   * ({@link Transfers#copy}) instead of first trying a pull that, offline, only waits and fails
   * (Docker's own swarm tests start their engines with the same setting).
   */
  private static final List<String> OFFLINE_IMAGES =
      List.of("DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1");

  private static final Map<URI, Form> FORMS = new ConcurrentHashMap<>();
  private static final int STOP_GRACE_SECONDS = 20;

  private final Engine engine;

  NestedEngines(Engine engine) {
    this.engine = engine;
  }

  /** The form this engine allows, once a nested engine has started on it. */
  public Form form() {
    return FORMS.get(engine.host());
  }

  /** The socket of the nested engine, as this machine reaches it. */
  public static URI socket(Path apiFolder) {
    return URI.create("unix://" + apiFolder.toAbsolutePath().normalize().resolve("docker.sock"));
  }

  /**
   * Creates and starts the container (trying privileged first on an engine not asked before);
   * returns the form used. The caller waits for {@link #socket} to answer.
   */
  public Form start(Scope scope, Spec spec, OutputSink sink) {
    Path folder = spec.apiFolder().toAbsolutePath().normalize();
    if (!folder.startsWith(engine.dataDir())) {
      throw new IllegalArgumentException("the API folder must be under the data dir: " + folder);
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new EngineError("não consegui criar a pasta " + folder + ": " + e.getMessage(), e);
    }
    new Images(engine).requirePresent(spec.image(), spec.image());
    new Storage(engine).createVolume(scope, spec.volume(), spec.labels());
    Form known = form();
    Form form = known == null ? Form.PRIVILEGED : known;
    try {
      createAndStart(scope, spec, folder, form);
    } catch (EngineError refused) {
      if (known != null || form != Form.PRIVILEGED) {
        throw refused;
      }
      sink.info(
          "este engine recusou --privileged ("
              + refused.getMessage()
              + "); usando capacidades explícitas e cgroups montados no contêiner");
      new Containers(engine).remove(scope, spec.name());
      form = Form.CAPABILITIES;
      createAndStart(scope, spec, folder, form);
    }
    FORMS.put(engine.host(), form);
    return form;
  }

  /**
   * Starts again a nested engine that was stopped: its container, volume and everything the engine
   * held (containers, images, volumes) come back as they were.
   */
  public void restart(Scope scope, String name) {
    engine.run(() -> engine.docker().startContainerCmd(scope.name(name)).exec());
  }

  /** Stops the engine as {@code docker stop} does: it stops its own containers first. */
  public void stop(Scope scope, String name) {
    engine.run(
        () ->
            engine
                .docker()
                .stopContainerCmd(scope.name(name))
                .withTimeout(STOP_GRACE_SECONDS)
                .exec());
  }

  private void createAndStart(Scope scope, Spec spec, Path folder, Form form) {
    List<Bind> binds =
        new ArrayList<>(
            List.of(
                new Bind(scope.name(spec.volume()), new Volume("/var/lib/docker")),
                new Bind(folder.toString(), new Volume(API))));
    for (Path shared : spec.sameFolders()) {
      Path path = shared.toAbsolutePath().normalize();
      if (!path.startsWith(engine.dataDir())) {
        throw new IllegalArgumentException(
            "only folders of the data dir are shared writable: " + path);
      }
      binds.add(new Bind(path.toString(), new Volume(path.toString())));
    }
    for (Path shared : spec.readOnlyFolders()) {
      String path = shared.toAbsolutePath().normalize().toString();
      binds.add(new Bind(path, new Volume(path), com.github.dockerjava.api.model.AccessMode.ro));
    }
    HostConfig host =
        Containers.limit(form == Form.PRIVILEGED ? new HostConfig() : new Unmasked(), spec.limits())
            .withInit(true)
            .withCgroupnsMode("private")
            .withTmpFs(Map.of("/run", "", "/tmp", ""))
            .withBinds(binds)
            .withNetworkMode(scope.name(spec.network()));
    if (form == Form.PRIVILEGED) {
      host.withPrivileged(true);
    } else {
      host.withCapAdd(Capability.ALL)
          .withCapDrop(Capability.SYS_RESOURCE)
          .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"));
    }
    List<String> command = new ArrayList<>(List.of("sh", "-c", START, "nested-engine"));
    command.add(form == Form.PRIVILEGED ? "privileged" : "capabilities");
    command.addAll(List.of("-H", "unix://" + API + "/docker.sock", "--group", groupOf(folder)));
    command.addAll(spec.daemonArgs());
    CreateContainerCmd cmd =
        engine
            .docker()
            .createContainerCmd(spec.image())
            .withName(scope.name(spec.name()))
            .withHostName(spec.name())
            .withLabels(Containers.labels(scope, spec.labels()))
            .withEnv(OFFLINE_IMAGES)
            .withCmd(command)
            .withAliases(spec.name())
            .withHostConfig(host);
    engine.call(cmd::exec);
    engine.run(() -> engine.docker().startContainerCmd(scope.name(spec.name())).exec());
  }

  /**
   * {@code --security-opt systempaths=unconfined}, which the docker CLI sends as empty lists of
   * masked and read-only paths (docker-java's HostConfig has no such fields): dockerd writes under
   * /proc/sys as it sets up its networks.
   */
  private static final class Unmasked extends HostConfig {
    @JsonProperty("MaskedPaths")
    private final List<String> maskedPaths = List.of();

    @JsonProperty("ReadonlyPaths")
    private final List<String> readonlyPaths = List.of();
  }

  /** The socket's group: the folder's, so whoever made the folder may use the socket. */
  private static String groupOf(Path folder) {
    try {
      return String.valueOf(Files.getAttribute(folder, "unix:gid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "0";
    }
  }

  /** The last lines the container printed, for a message about why it did not come up. */
  public String logTail(Scope scope, String name, int lines) {
    try {
      return String.join(" | ", new Containers(engine).lastLines(scope.name(name), lines));
    } catch (EngineError e) {
      return "(sem log: " + e.getMessage() + ")";
    }
  }
}
