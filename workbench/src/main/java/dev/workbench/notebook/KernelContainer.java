package dev.workbench.notebook;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.Kernels;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Wait;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The server's end of one kernel container: it launches the container through the engine, waits for
 * the {@link KernelAgent} inside to connect to a unix socket in the kernel's private folder (the
 * container has no network), and gives JShell an execution engine over that connection. JShell
 * itself — compiling, analysing, reporting — stays in the server.
 */
final class KernelContainer implements ExecutionControlProvider, AutoCloseable {
  /** The Java of the kernel's JVM; the server's javac compiles snippets for it. */
  static final int JAVA = 17;

  /** The course's own JDK: the notebook runs on the Java the lessons teach. */
  static final String IMAGE = "workbench/jdk:" + JAVA;

  /** Where the learner's files folder appears in the container ({@code workbench.files}). */
  static final String FILES = "/workbench/arquivos";

  /** Where the course's dataset appears in the container ({@code workbench.data}). */
  static final String DATA = "/workbench/dados/produtos.csv";

  private static final String FOLDER = "/workbench/kernel";
  private static final String CLASSPATH = "/workbench/classpath";
  private static final String SOCKET = "kernel.sock";
  private static final String AGENT_JAR = "agent.jar";

  /** How often a launch that waits for its agent looks whether the container still runs. */
  private static final Duration POLL = Duration.ofMillis(250);

  private final Engine engine;
  private final Kernels.Kernel container;
  private final SocketChannel commands;
  private final SocketChannel stops;
  private volatile boolean disconnected;

  private KernelContainer(
      Engine engine, Kernels.Kernel container, SocketChannel commands, SocketChannel stops) {
    this.engine = engine;
    this.container = container;
    this.commands = commands;
    this.stops = stops;
  }

  /**
   * Starts a kernel container for the learner and waits until its agent has connected.
   *
   * @param classpath the classifier's jars on the host: mounted read-only, on the kernel's class
   *     path; the first is the classifier's own jar, the others lie in one folder (its libraries)
   * @param data the course's dataset on the host, mounted read-only; absent when missing
   */
  static KernelContainer launch(
      Engine engine, Scope scope, List<Path> classpath, Path data, Duration timeout) {
    Map<String, Path> readOnly = new LinkedHashMap<>();
    List<String> inside = new ArrayList<>(List.of(FOLDER + "/" + AGENT_JAR));
    if (!classpath.isEmpty()) {
      readOnly.put(CLASSPATH + "/" + classpath.get(0).getFileName(), classpath.get(0));
      inside.add(CLASSPATH + "/" + classpath.get(0).getFileName());
      if (classpath.size() > 1) {
        readOnly.put(CLASSPATH + "/lib", classpath.get(1).getParent());
        inside.add(CLASSPATH + "/lib/*");
      }
    }
    if (Files.isRegularFile(data)) {
      readOnly.put(DATA, data);
    }
    List<String> command =
        List.of(
            "java",
            "-XX:+UseSerialGC",
            "-XX:MaxRAMPercentage=70",
            "-XX:-UsePerfData",
            "-Djava.io.tmpdir=/tmp",
            "-Duser.home=/tmp",
            "-Duser.language=pt",
            "-Dfile.encoding=UTF-8",
            "-Dworkbench.files=" + FILES,
            "-Dworkbench.data=" + DATA,
            "-javaagent:" + FOLDER + "/" + AGENT_JAR,
            "-cp",
            String.join(":", inside),
            KernelAgent.class.getName(),
            FOLDER + "/" + SOCKET);
    Kernels.Spec spec = new Kernels.Spec(IMAGE, command, readOnly, FILES, FOLDER, Limits.DEFAULT);
    Kernels.Kernel container = engine.kernels().create(scope, spec);
    try {
      writeAgentJar(container.folder().resolve(AGENT_JAR));
      return connect(engine, container, timeout);
    } catch (RuntimeException e) {
      engine.kernels().remove(container);
      throw e;
    }
  }

  private static KernelContainer connect(
      Engine engine, Kernels.Kernel container, Duration timeout) {
    Path socket = container.folder().resolve(SOCKET);
    SocketChannel commands = null;
    SocketChannel stops = null;
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      server.bind(UnixDomainSocketAddress.of(socket));
      // the folder (mode 700, the kernel's user) is what keeps others out
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      engine.kernels().start(container);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (commands == null || stops == null) {
        if (System.nanoTime() > deadline) {
          throw new EngineError("a JVM do notebook não respondeu em " + timeout.toSeconds() + " s");
        }
        if (selector.select(POLL.toMillis()) == 0) {
          if (!engine.kernels().running(container)) {
            throw new EngineError("a JVM do notebook não abriu: " + lastWords(engine, container));
          }
          continue;
        }
        selector.selectedKeys().clear();
        SocketChannel accepted = server.accept();
        if (accepted == null) {
          continue;
        }
        accepted.configureBlocking(true);
        ByteBuffer kind = ByteBuffer.allocate(1);
        while (kind.hasRemaining() && accepted.read(kind) >= 0) {
          // one byte says which connection this is
        }
        if (kind.get(0) == KernelAgent.COMMANDS && commands == null) {
          commands = accepted;
        } else if (kind.get(0) == KernelAgent.STOP && stops == null) {
          stops = accepted;
        } else {
          accepted.close();
        }
      }
      return new KernelContainer(engine, container, commands, stops);
    } catch (IOException e) {
      closeQuietly(commands);
      closeQuietly(stops);
      throw new EngineError("não consegui falar com a JVM do notebook: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(commands);
      closeQuietly(stops);
      throw e;
    } finally {
      try {
        Files.deleteIfExists(socket); // connected: no one else may ever use it
      } catch (IOException e) {
        // removed with the folder
      }
    }
  }

  private static String lastWords(Engine engine, Kernels.Kernel container) {
    List<String> lines = engine.kernels().lastLines(container, 5);
    return lines.isEmpty() ? "o contêiner terminou sem dizer por quê" : String.join(" / ", lines);
  }

  /**
   * The agent and its nested classes, read from our own class path: all it needs but the JDK. The
   * manifest makes the jar a {@code -javaagent} too, for {@link KernelAgent#premain}.
   */
  private static void writeAgentJar(Path jar) {
    List<Class<?>> classes = new ArrayList<>(List.of(KernelAgent.class));
    classes.addAll(List.of(KernelAgent.class.getDeclaredClasses()));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", KernelAgent.class.getName());
    manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (Class<?> type : classes) {
        String entry = type.getName().replace('.', '/') + ".class";
        try (InputStream bytes = KernelAgent.class.getClassLoader().getResourceAsStream(entry)) {
          if (bytes == null) {
            throw new IOException("class file not found: " + entry);
          }
          out.putNextEntry(new JarEntry(entry));
          bytes.transferTo(out);
          out.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the notebook agent to " + jar, e);
    }
  }

  @Override
  public String name() {
    return "workbench-container";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters)
      throws IOException {
    return Util.remoteInputOutput(
        new Watched(new KernelAgent.ChannelInput(commands)),
        new KernelAgent.ChannelOutput(commands),
        Map.of("out", env.userOut(), "err", env.userErr()),
        Map.of("in", env.userIn()),
        (in, out) -> new Control(new StreamingExecutionControl(out, in)));
  }

  /** True once the connection to the agent is gone: the JVM ended, or its container went away. */
  boolean disconnected() {
    return disconnected;
  }

  /**
   * True when the container ended because a snippet exhausted its memory, threads or processes (the
   * agent's own exit code, or the engine's memory limit). Asked after the JVM ended.
   */
  boolean exhausted() {
    try {
      return Wait.upTo(Duration.ofSeconds(3))
          .every(POLL)
          .until(() -> engine.kernels().ending(container))
          .map(ending -> ending.oomKilled() || ending.exitCode() == KernelAgent.EXHAUSTED)
          .orElse(false);
    } catch (EngineError e) {
      return false; // the container is gone: nothing says it was exhausted
    }
  }

  /** Ends the JVM at once by removing its container, and the kernel's folder with it. */
  @Override
  public void close() {
    disconnected = true;
    closeQuietly(commands);
    closeQuietly(stops);
    engine.kernels().remove(container);
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing is all we wanted
      }
    }
  }

  /** The agent's stream; its end means the JVM is gone. */
  private final class Watched extends InputStream {
    private final InputStream in;

    Watched(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return check(in.read());
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return check(in.read(bytes, offset, length));
    }

    private int check(int n) {
      if (n < 0) {
        disconnected = true;
      }
      return n;
    }
  }

  /**
   * JShell's streaming protocol, with what a container changes: "stop" travels on its own
   * connection (the command connection is busy with the snippet being stopped), and the class path
   * is fixed when the container starts (JShell's host paths mean nothing inside it).
   */
  private final class Control implements ExecutionControl {
    private final ExecutionControl remote;

    Control(ExecutionControl remote) {
      this.remote = remote;
    }

    @Override
    public void load(ClassBytecodes[] classes)
        throws ClassInstallException, NotImplementedException, EngineTerminationException {
      remote.load(classes);
    }

    @Override
    public void redefine(ClassBytecodes[] classes)
        throws ClassInstallException, NotImplementedException, EngineTerminationException {
      remote.redefine(classes);
    }

    @Override
    public String invoke(String className, String methodName)
        throws RunException, EngineTerminationException, InternalException {
      return remote.invoke(className, methodName);
    }

    @Override
    public String varValue(String className, String varName)
        throws RunException, EngineTerminationException, InternalException {
      return remote.varValue(className, varName);
    }

    @Override
    public void addToClasspath(String path) {
      // mounted when the container started; see launch
    }

    @Override
    public Object extensionCommand(String command, Object arg)
        throws RunException, EngineTerminationException, InternalException {
      return remote.extensionCommand(command, arg);
    }

    @Override
    public void stop() throws EngineTerminationException {
      try {
        new KernelAgent.ChannelOutput(stops).write(1);
      } catch (IOException e) {
        throw new EngineTerminationException("a JVM do notebook não recebe mais pedidos");
      }
    }

    @Override
    public void close() {
      remote.close();
    }
  }
}
