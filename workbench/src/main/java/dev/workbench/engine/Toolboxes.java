package dev.workbench.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The terminal's toolboxes: one small container per learner, from {@code workbench/toolbox} (bash
 * and the {@code docker} CLI), in which each terminal in the page is a shell. Learner code, so the
 * strictest container: no network at all, no capability, a non-root user, a read-only root with
 * small tmpfs for {@code /tmp} and the home folder, memory, CPU and PID limits. Its {@code docker}
 * reaches the learner's engine only through an {@link ApiProxy} socket in a private folder mounted
 * read-only at {@code /run/workbench}: the engine's own socket is never mounted.
 *
 * <p>The toolbox runs on the workbench's own engine ({@code host}: the one that can mount a folder
 * of this machine); the proxy forwards to the learner's engine, the same one on a laptop, their lab
 * with {@code serve --labs}. Each toolbox carries its learner's labels, a kind and its owner (this
 * process): {@link #close} ends one, {@link #closeAll} every one on the shutdown path, and {@link
 * #removeOrphans} what a killed server left.
 */
public final class Toolboxes implements AutoCloseable {
  public static final String IMAGE = "workbench/toolbox";
  public static final String KIND = "terminal-toolbox";
  static final String FOLDER_LABEL = "workbench.toolbox.folder";

  /**
   * The learner's name for it, in the terminal's "lesson" ({@code wb-<session>-terminal-toolbox}).
   */
  static final String NAME = "toolbox";

  static final String SOCKET_TARGET = "/run/workbench";
  static final String HOME = "/home/aluno";

  /**
   * Enough for bash, the docker CLI and a build's context upload; the containers it starts have
   * their own.
   */
  static final Limits LIMITS = new Limits(256L << 20, 0.5, 128);

  private static final String TMPFS = "rw,nosuid,nodev,size=64m,mode=1777";

  /** A learner's running toolbox and the socket its CLI talks to. */
  public record Toolbox(Session session, String id, Path folder, ApiProxy proxy) {}

  /** One shell in a toolbox: what is typed goes in, the terminal's bytes come out. */
  public interface Shell extends AutoCloseable {
    void write(byte[] input);

    void resize(int columns, int rows);

    @Override
    void close();
  }

  private final Engine host;
  private final LearnerEngines learners;
  private final Map<Session, Toolbox> open = new ConcurrentHashMap<>();
  private final Map<Session, Object> locks = new ConcurrentHashMap<>();

  /**
   * @param host the workbench's own engine, where toolboxes run
   * @param learners the engine each learner's {@code docker} commands go to
   */
  public Toolboxes(Engine host, LearnerEngines learners) {
    this.host = host;
    this.learners = learners;
  }

  /**
   * The learner's toolbox, started when they have none (the image built first if it is missing,
   * which takes a minute once); one per learner, whatever the number of terminals.
   */
  public Toolbox open(Session session, OutputSink sink) {
    synchronized (lock(session)) {
      Toolbox existing = open.get(session);
      if (existing != null && running(existing.id())) {
        return existing;
      }
      if (existing != null) {
        close(session);
      }
      host.images().provide(IMAGE, sink);
      Toolbox toolbox = start(session);
      open.put(session, toolbox);
      return toolbox;
    }
  }

  private Object lock(Session session) {
    return locks.computeIfAbsent(session, s -> new Object());
  }

  private Toolbox start(Session session) {
    Scope scope = new Scope(session, ApiRules.LESSON);
    String name = scope.name(NAME);
    removeQuietly(name); // one of an earlier server that was not cleaned up
    Path folder = Kernels.newFolder(host.dataDir().resolve("terminals"));
    ApiProxy proxy = null;
    try {
      proxy = ApiProxy.open(learners.of(session), session, folder.resolve("docker.sock"));
      String user = Kernels.userFor(folder, folder.resolve("docker.sock"));
      HostConfig config =
          Containers.hardened(LIMITS)
              .withNetworkMode("none")
              .withCapDrop(Capability.ALL)
              .withReadonlyRootfs(true)
              .withTmpFs(Map.of("/tmp", TMPFS, HOME, TMPFS))
              .withBinds(new Bind(folder.toString(), new Volume(SOCKET_TARGET), AccessMode.ro));
      Map<String, String> labels = new HashMap<>(scope.labels());
      labels.put(Kernels.KIND_LABEL, KIND);
      labels.put(Owner.LABEL, Owner.current());
      labels.put(FOLDER_LABEL, folder.getFileName().toString());
      DockerClient docker = host.docker();
      String id =
          host.quota()
              .reserve(
                  session,
                  Demand.containers(1),
                  () ->
                      host.call(
                              () ->
                                  docker
                                      .createContainerCmd(IMAGE)
                                      .withName(name)
                                      .withLabels(labels)
                                      .withUser(user)
                                      .withHostName("terminal")
                                      .withEnv(
                                          List.of(
                                              "PATH=/usr/local/bin:/usr/bin:/bin",
                                              "HOME=" + HOME,
                                              "DOCKER_HOST=unix://"
                                                  + SOCKET_TARGET
                                                  + "/docker.sock",
                                              // the classic builder: BuildKit's session endpoint is
                                              // not offered through the proxy
                                              "DOCKER_BUILDKIT=0",
                                              "TERM=xterm-256color",
                                              "LANG=C.UTF-8",
                                              "PS1=\\[\\e[1;34m\\]\\w\\[\\e[0m\\] $ "))
                                      .withWorkingDir(HOME)
                                      .withCmd("sleep", "infinity")
                                      .withHostConfig(config)
                                      .exec())
                          .getId());
      host.run(() -> docker.startContainerCmd(id).exec());
      return new Toolbox(session, id, folder, proxy);
    } catch (IOException e) {
      closeProxy(proxy);
      deleteFolder(folder);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeProxy(proxy);
      removeQuietly(name);
      deleteFolder(folder);
      throw e;
    }
  }

  /**
   * A new interactive shell in the learner's toolbox; its output goes to {@code output} as it
   * comes, and {@code ended} runs once when the shell exits or the toolbox goes away.
   */
  public Shell shell(
      Toolbox toolbox, int columns, int rows, Consumer<byte[]> output, Runnable ended) {
    DockerClient docker = host.docker();
    String execId =
        host.call(
            () ->
                docker
                    .execCreateCmd(toolbox.id())
                    .withCmd("bash", "-i")
                    .withTty(true)
                    .withAttachStdin(true)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withEnv(List.of("COLUMNS=" + columns, "LINES=" + rows))
                    .exec()
                    .getId());
    Typed typed = new Typed();
    ResultCallback.Adapter<Frame> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            output.accept(frame.getPayload());
          }

          @Override
          public void onComplete() {
            super.onComplete();
            ended.run();
          }

          @Override
          public void onError(Throwable throwable) {
            super.onError(throwable);
            ended.run();
          }
        };
    host.run(() -> docker.execStartCmd(execId).withTty(true).withStdIn(typed).exec(callback));
    Shell shell =
        new Shell() {
          @Override
          public void write(byte[] input) {
            typed.add(input);
          }

          @Override
          public void resize(int newColumns, int newRows) {
            try {
              host.run(() -> docker.resizeExecCmd(execId).withSize(newRows, newColumns).exec());
            } catch (EngineError e) {
              // the shell is gone or not started yet: the next resize catches up
            }
          }

          @Override
          public void close() {
            // Ctrl-D at bash's prompt, then the end of input: the shell exits and the stream ends
            typed.add(new byte[] {4});
            typed.end();
            try {
              callback.close();
            } catch (IOException e) {
              // already closed
            }
          }
        };
    shell.resize(columns, rows);
    return shell;
  }

  /** Stops the learner's toolbox, its proxy and its folder (their terminals end). */
  public void close(Session session) {
    synchronized (lock(session)) {
      Toolbox toolbox = open.remove(session);
      if (toolbox != null) {
        closeProxy(toolbox.proxy());
        try {
          removeQuietly(toolbox.id());
        } finally {
          deleteFolder(toolbox.folder());
        }
      }
    }
  }

  /** Every toolbox of this server: the shutdown path. */
  public void closeAll() {
    for (Session session : List.copyOf(open.keySet())) {
      try {
        close(session);
      } catch (RuntimeException e) {
        // the next start's orphan removal takes what is left
      }
    }
  }

  @Override
  public void close() {
    closeAll();
  }

  /** True when the learner has a toolbox open. */
  public boolean isOpen(Session session) {
    return open.containsKey(session);
  }

  /** Removes toolboxes whose server is gone and folders no toolbox uses; how many containers. */
  static int removeOrphans(Engine engine) {
    List<Container> boxes =
        engine.call(
            () ->
                engine
                    .docker()
                    .listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(Kernels.KIND_LABEL, KIND))
                    .exec());
    java.util.Set<String> kept = new java.util.HashSet<>();
    int removed = 0;
    for (Container c : boxes) {
      Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
      if (Owner.gone(labels.get(Owner.LABEL))) {
        try {
          engine.run(() -> engine.docker().removeContainerCmd(c.getId()).withForce(true).exec());
          removed++;
        } catch (EngineError e) {
          // gone already
        }
      } else {
        kept.add(labels.getOrDefault(FOLDER_LABEL, ""));
      }
    }
    Path root = engine.dataDir().resolve("terminals");
    if (Files.isDirectory(root)) {
      try (Stream<Path> folders = Files.list(root)) {
        folders
            .filter(f -> !kept.contains(f.getFileName().toString()))
            .forEach(Toolboxes::deleteFolder);
      } catch (IOException e) {
        // left for the next start
      }
    }
    return removed;
  }

  private boolean running(String id) {
    try {
      return Boolean.TRUE.equals(
          host.call(() -> host.docker().inspectContainerCmd(id).exec()).getState().getRunning());
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        return false;
      }
      throw e;
    }
  }

  private void removeQuietly(String idOrName) {
    try {
      host.run(() -> host.docker().removeContainerCmd(idOrName).withForce(true).exec());
    } catch (EngineError e) {
      if (!(e.getCause() instanceof NotFoundException)) {
        throw e;
      }
    }
  }

  private static void closeProxy(ApiProxy proxy) {
    if (proxy != null) {
      proxy.close();
    }
  }

  private static void deleteFolder(Path folder) {
    if (folder == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // removed by the next start's orphan clean-up
    }
  }

  /** What the learner types, handed to the engine's stream as it arrives; no thread owns it. */
  private static final class Typed extends InputStream {
    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    void add(byte[] bytes) {
      if (bytes.length > 0) {
        chunks.add(bytes.clone());
      }
    }

    void end() {
      chunks.add(END);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (position >= current.length) {
        if (ended) {
          return -1;
        }
        try {
          current = chunks.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
        position = 0;
        if (current == END) {
          ended = true;
          return -1;
        }
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, into, offset, n);
      position += n;
      return n;
    }

    @Override
    public int available() {
      return current.length - position;
    }
  }
}
