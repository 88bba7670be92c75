package dev.workbench.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.StreamType;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Limits;
import java.io.ByteArrayOutputStream;
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

  private final Engine engine;
  private final DockerClient docker;

  Containers(Engine engine) {
    this.engine = engine;
    this.docker = engine.docker();
  }

  /** Creates a labelled, limited container; returns its id. */
  public String create(Scope scope, ContainerSpec spec, Map<String, String> env) {
    List<String> environment = new ArrayList<>();
    spec.env().forEach((k, v) -> environment.add(k + "=" + v));
    env.forEach((k, v) -> environment.add(k + "=" + v));
    HostConfig host =
        hardened(spec.limits())
            .withBinds(new Mounts(engine, scope).binds(spec.mounts()))
            .withPortBindings(publishedOnLoopback(spec.ports()));
    String image = scope.image(spec.image());
    new Images(engine).requirePresent(image, spec.image());
    CreateContainerCmd cmd =
        docker
            .createContainerCmd(image)
            .withName(scope.name(spec.name()))
            .withLabels(scope.labels())
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
   * The one hardening every container of the workbench starts from: the course's memory (swap
   * included), CPU and PID limits, an init that reaps zombies, and no privilege gained through
   * set-uid files.
   */
  static HostConfig hardened(Limits limits) {
    return HostConfig.newHostConfig()
        .withMemory(limits.memoryBytes())
        .withMemorySwap(limits.memoryBytes())
        .withNanoCPUs((long) (limits.cpus() * 1_000_000_000L))
        .withPidsLimit(limits.pids())
        .withInit(true)
        .withSecurityOpts(List.of("no-new-privileges"));
  }

  public void start(Scope scope, String name) {
    engine.run(() -> docker.startContainerCmd(scope.name(name)).exec());
  }

  public void stop(Scope scope, String name) {
    engine.run(() -> docker.stopContainerCmd(scope.name(name)).withTimeout(STOP_GRACE_SECONDS).exec());
  }

  public void remove(Scope scope, String name) {
    engine.run(() -> docker.removeContainerCmd(scope.name(name)).withForce(true).exec());
  }

  /**
   * Starts the container and, unless {@code detach}, streams its output until it ends.
   *
   * @return the exit code, or null when detached
   */
  public Integer run(Scope scope, ContainerSpec spec, Map<String, String> env, boolean detach,
      OutputSink sink, Duration timeout) {
    String id = create(scope, spec, env);
    engine.run(() -> docker.startContainerCmd(id).exec());
    if (detach) {
      sink.info("contêiner " + spec.name() + " rodando em segundo plano");
      return null;
    }
    streamLogs(id, true, sink, timeout);
    return engine.call(
        () -> docker.waitContainerCmd(id).start().awaitStatusCode(timeout.toSeconds(), TimeUnit.SECONDS));
  }

  /** Prints what the container has written so far. */
  public void logs(Scope scope, String name, OutputSink sink, Duration timeout) {
    streamLogs(scope.name(name), false, sink, timeout);
  }

  /** What the container (by id) has written so far, as {@link #logs} but for the engine's own. */
  void logsOf(String id, OutputSink sink, Duration timeout) {
    streamLogs(id, false, sink, timeout);
  }

  /** Runs a command in a running container, streaming its output; returns its exit code. */
  public int exec(Scope scope, String name, List<String> command, Map<String, String> env,
      OutputSink sink, Duration timeout) {
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
    try (FrameCallback callback = new FrameCallback(sink)) {
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
    return engine.call(
        () ->
            docker
                .commitCmd(scope.name(name))
                .withRepository(reference.substring(0, colon))
                .withTag(reference.substring(colon + 1))
                .withLabels(scope.labels())
                .exec());
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
   * containers too); empty when the file does not exist.
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
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new EngineError("não consegui ler " + path + " do contêiner " + name + ": " + e.getMessage(), e);
    }
  }

  /** The loopback port the engine published for a container port, if it published one. */
  public Optional<Integer> hostPort(Scope scope, String name, int containerPort) {
    return inspect(scope, name)
        .map(c -> c.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(containerPort)))
        .filter(bindings -> bindings.length > 0)
        .map(bindings -> Integer.parseInt(bindings[0].getHostPortSpec()));
  }

  private static List<PortBinding> publishedOnLoopback(List<Integer> ports) {
    return ports.stream()
        .map(p -> new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(p)))
        .toList();
  }

  private void streamLogs(String id, boolean follow, OutputSink sink, Duration timeout) {
    try (FrameCallback callback = new FrameCallback(sink)) {
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

  private void awaitOrFail(FrameCallback callback, Duration timeout, String what) {
    try {
      if (!callback.awaitCompletion(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new EngineError(what + " passou do limite de " + timeout.toSeconds() + " s e foi interrompido");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    }
    callback.flush();
  }

  /** Splits a multiplexed stream into stdout and stderr lines. */
  private static final class FrameCallback extends ResultCallback.Adapter<Frame> {
    private final Lines out;
    private final Lines err;

    FrameCallback(OutputSink sink) {
      this.out = new Lines(sink::out);
      this.err = new Lines(sink::err);
    }

    @Override
    public void onNext(Frame frame) {
      String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
      (frame.getStreamType() == StreamType.STDERR ? err : out).accept(text);
    }

    void flush() {
      out.flush();
      err.flush();
    }

    @Override
    public void close() {
      try {
        super.close();
      } catch (IOException e) {
        // the stream is done either way
      }
    }
  }
}
