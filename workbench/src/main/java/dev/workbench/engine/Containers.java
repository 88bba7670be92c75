package dev.workbench.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Container operations, always within a learner's {@link Scope}. */
public final class Containers {
  /** Seconds a container gets to stop on its own before it is killed, as {@code docker stop -t}. */
  private static final int STOP_GRACE_SECONDS = 3;

  /** What the engine keeps of a container's output on its disk ({@code docker logs} shows it). */
  static final String LOG_MAX_SIZE = "10m";

  /**
   * The most of a file a check reads out of a container: enough for any text a lesson looks for.
   */
  public static final int FILE_CAP = 1 << 20;

  private final Engine engine;
  private final DockerClient docker;

  Containers(Engine engine) {
    this.engine = engine;
    this.docker = engine.docker();
  }

  /**
   * Creates a labelled, limited container; returns its id. Counted against the learner's quota
   * first, so a refused container leaves nothing behind (not even its volumes).
   */
  public String create(Scope scope, ContainerSpec spec, Map<String, String> env) {
    return create(scope, spec, env, Map.of());
  }

  /** The same, with labels beyond the scope's (a kind, an owning process). */
  public String create(
      Scope scope, ContainerSpec spec, Map<String, String> env, Map<String, String> moreLabels) {
    return engine
        .quota()
        .reserve(
            scope.session(), Demand.containers(1), () -> createNow(scope, spec, env, moreLabels));
  }

  private String createNow(
      Scope scope, ContainerSpec spec, Map<String, String> env, Map<String, String> moreLabels) {
    List<String> environment = new ArrayList<>();
    spec.env().forEach((k, v) -> environment.add(k + "=" + v));
    env.forEach((k, v) -> environment.add(k + "=" + v));
    String image = scope.image(spec.image());
    new Images(engine).requirePresent(image, spec.image());
    HostConfig host =
        hardened(spec.limits())
            .withBinds(new Mounts(engine, scope).binds(spec.mounts()))
            .withPortBindings(published(spec.ports()));
    CreateContainerCmd cmd =
        docker
            .createContainerCmd(image)
            .withName(scope.name(spec.name()))
            .withLabels(labels(scope, moreLabels))
            .withEnv(environment)
            .withExposedPorts(spec.ports().stream().map(ExposedPort::tcp).toList())
            .withHostConfig(host);
    if (!spec.command().isEmpty()) {
      cmd.withCmd(spec.command());
    }
    if (spec.workdir() != null) {
      cmd.withWorkingDir(spec.workdir());
    }
    if (spec.network() != null) {
      String network = scope.name(spec.network());
      new Storage(engine).requireNetwork(network, spec.network());
      host.withNetworkMode(network);
      cmd.withAliases(spec.name());
    }
    return engine.call(cmd::exec).getId();
  }

  /**
   * The limits every container of the workbench gets, in one place: memory (no swap beyond it),
   * CPUs, processes, and a log the engine keeps small — a program that prints without end must not
   * fill the engine's disk.
   */
  static HostConfig limited(Limits limits) {
    return limit(HostConfig.newHostConfig(), limits);
  }

  static HostConfig limit(HostConfig host, Limits limits) {
    return host.withMemory(limits.memoryBytes())
        .withMemorySwap(limits.memoryBytes())
        .withNanoCPUs((long) (limits.cpus() * 1_000_000_000L))
        .withPidsLimit(limits.pids())
        .withLogConfig(
            new LogConfig(
                LogConfig.LoggingType.JSON_FILE,
                Map.of("max-size", LOG_MAX_SIZE, "max-file", "1")));
  }

  /**
   * {@link #limited} plus an init that reaps and forwards signals, and no privilege gained by exec.
   */
  static HostConfig hardened(Limits limits) {
    return limited(limits).withInit(true).withSecurityOpts(List.of("no-new-privileges"));
  }

  static Map<String, String> labels(Scope scope, Map<String, String> moreLabels) {
    Map<String, String> labels = new java.util.HashMap<>(moreLabels);
    labels.putAll(scope.labels());
    return labels;
  }

  public void start(Scope scope, String name) {
    engine.run(() -> docker.startContainerCmd(scope.name(name)).exec());
  }

  public void stop(Scope scope, String name) {
    engine.run(
        () -> docker.stopContainerCmd(scope.name(name)).withTimeout(STOP_GRACE_SECONDS).exec());
  }

  /**
   * Removes the container with its anonymous volumes (an image's {@code VOLUME}), as {@code docker
   * run --rm} and {@code docker rm -v} do: those volumes carry no owner's labels, and a plain
   * {@code docker rm} would leave them behind with nobody to remove them. Named volumes stay.
   */
  public void remove(Scope scope, String name) {
    engine.run(
        () ->
            docker
                .removeContainerCmd(scope.name(name))
                .withForce(true)
                .withRemoveVolumes(true)
                .exec());
  }

  /**
   * Starts the container and, unless {@code detach}, streams its output until it ends.
   *
   * @return the exit code, or null when detached
   */
  public Integer run(
      Scope scope,
      ContainerSpec spec,
      Map<String, String> env,
      boolean detach,
      OutputSink sink,
      Duration timeout) {
    String id = create(scope, spec, env);
    engine.run(() -> docker.startContainerCmd(id).exec());
    if (detach) {
      sink.info("contêiner " + spec.name() + " rodando em segundo plano");
      return null;
    }
    streamLogs(id, true, sink, timeout);
    return engine.call(
        () ->
            docker
                .waitContainerCmd(id)
                .start()
                .awaitStatusCode(timeout.toSeconds(), TimeUnit.SECONDS));
  }

  /** Prints what the container has written so far. */
  public void logs(Scope scope, String name, OutputSink sink, Duration timeout) {
    streamLogs(scope.name(name), false, sink, timeout);
  }

  /**
   * The last {@code count} lines (stdout and stderr together) a container, by engine id or name,
   * has written: what a message says about a container that did not come up or that died.
   *
   * @throws EngineError when the engine cannot give the log
   */
  List<String> lastLines(String idOrName, int count) {
    List<String> lines = new ArrayList<>();
    OutputSink collect =
        new OutputSink() {
          public void out(String line) {
            lines.add(line);
          }

          public void err(String line) {
            lines.add(line);
          }

          public void info(String line) {}

          public void progress(String label, long current, long total) {}
        };
    streamLogs(idOrName, false, collect, Duration.ofSeconds(10));
    return lines.subList(Math.max(0, lines.size() - count), lines.size());
  }

  /** Runs a command in a running container, streaming its output; returns its exit code. */
  public int exec(
      Scope scope,
      String name,
      List<String> command,
      Map<String, String> env,
      OutputSink sink,
      Duration timeout) {
    List<String> environment = new ArrayList<>();
    env.forEach((k, v) -> environment.add(k + "=" + v));
    String execId =
        engine.call(
            () ->
                docker
                    .execCreateCmd(scope.name(name))
                    .withCmd(command.toArray(String[]::new))
                    .withEnv(environment)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId());
    try (Frames callback = new Frames(sink)) {
      engine.run(() -> docker.execStartCmd(execId).exec(callback));
      awaitOrFail(callback, timeout, "o comando");
    }
    Long code = engine.call(() -> docker.inspectExecCmd(execId).exec().getExitCodeLong());
    return code == null ? -1 : code.intValue();
  }

  /** Saves the container's file system as a new image of the session, as {@code docker commit}. */
  public String commit(Scope scope, String name, String image) {
    String reference = scope.image(image);
    int colon = reference.lastIndexOf(':');
    return engine
        .quota()
        .reserve(
            scope.session(),
            Demand.images(1),
            () ->
                engine.call(
                    () ->
                        docker
                            .commitCmd(scope.name(name))
                            .withRepository(reference.substring(0, colon))
                            .withTag(reference.substring(colon + 1))
                            .withLabels(scope.labels())
                            .exec()));
  }

  public List<Container> list(Scope scope) {
    return engine.call(
        () ->
            docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(Scope.SESSION_LABEL, scope.session().id()))
                .exec());
  }

  public Optional<InspectContainerResponse> inspect(Scope scope, String name) {
    try {
      return Optional.of(engine.call(() -> docker.inspectContainerCmd(scope.name(name)).exec()));
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The text of a file inside a container, copied out as {@code docker cp} does (works on stopped
   * containers too); empty when the file does not exist. Only its first {@link #FILE_CAP} bytes are
   * read: the rest of the copy is abandoned unread.
   */
  public Optional<String> readFile(Scope scope, String name, String path) {
    InputStream tar;
    try {
      tar = engine.call(() -> docker.copyArchiveFromContainerCmd(scope.name(name), path).exec());
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
    try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
      TarArchiveEntry entry = in.getNextEntry();
      if (entry == null || !entry.isFile()) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readNBytes(FILE_CAP), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new EngineError(
          "não consegui ler " + path + " do contêiner " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The engine's name of the volume mounted at {@code target} in the container (named or
   * anonymous); empty when none is, or there is no such container.
   */
  public Optional<String> volumeAt(Scope scope, String name, String target) {
    return inspect(scope, name)
        .flatMap(
            c ->
                c.getMounts() == null
                    ? Optional.empty()
                    : c.getMounts().stream()
                        .filter(
                            m ->
                                m.getDestination() != null
                                    && target.equals(m.getDestination().getPath()))
                        .filter(m -> m.getName() != null && !m.getName().isEmpty())
                        .map(InspectContainerResponse.Mount::getName)
                        .findFirst());
  }

  /**
   * The memory a running container uses now, as the engine's stats say (cache included, as {@code
   * docker stats} shows before it subtracts it); empty when it is not running.
   */
  public Optional<Long> memoryBytes(Scope scope, String name) {
    com.github.dockerjava.api.async.ResultCallback.Adapter<
            com.github.dockerjava.api.model.Statistics>
        one =
            new com.github.dockerjava.api.async.ResultCallback.Adapter<>() {
              private volatile com.github.dockerjava.api.model.Statistics seen;

              @Override
              public void onNext(com.github.dockerjava.api.model.Statistics stats) {
                if (seen == null) {
                  seen = stats;
                  try {
                    close();
                  } catch (java.io.IOException e) {
                    // the one answer is what was wanted
                  }
                }
              }

              @Override
              public String toString() {
                return seen == null
                        || seen.getMemoryStats() == null
                        || seen.getMemoryStats().getUsage() == null
                    ? ""
                    : String.valueOf(seen.getMemoryStats().getUsage());
              }
            };
    engine.run(() -> docker.statsCmd(scope.name(name)).withNoStream(true).exec(one));
    try {
      one.awaitCompletion(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String usage = one.toString();
    return usage.isEmpty() || usage.equals("0")
        ? Optional.empty()
        : Optional.of(Long.parseLong(usage));
  }

  /** The loopback port the engine published for a container port, if it published one. */
  public Optional<Integer> hostPort(Scope scope, String name, int containerPort) {
    return inspect(scope, name)
        .map(
            c ->
                c.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(containerPort)))
        .filter(bindings -> bindings.length > 0)
        .map(bindings -> Integer.parseInt(bindings[0].getHostPortSpec()));
  }

  /**
   * On the loopback of the engine's machine; in a hosted lab, on the lab's own address, the only
   * one this machine can reach it at (the lab's network holds nothing but the lab and the labs'
   * read-only registry).
   */
  private List<PortBinding> published(List<Integer> ports) {
    String on = engine.publishesOnLoopback() ? Engine.LOOPBACK : "0.0.0.0";
    return ports.stream()
        .map(p -> new PortBinding(Ports.Binding.bindIp(on), ExposedPort.tcp(p)))
        .toList();
  }

  private void streamLogs(String id, boolean follow, OutputSink sink, Duration timeout) {
    try (Frames callback = new Frames(sink)) {
      engine.run(
          () ->
              docker
                  .logContainerCmd(id)
                  .withStdOut(true)
                  .withStdErr(true)
                  .withFollowStream(follow)
                  .exec(callback));
      awaitOrFail(callback, timeout, "o contêiner");
    }
  }

  private void awaitOrFail(Frames callback, Duration timeout, String what) {
    try {
      if (!callback.awaitCompletion(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new EngineError(
            what + " passou do limite de " + timeout.toSeconds() + " s e foi interrompido");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    }
    callback.flush();
  }
}
