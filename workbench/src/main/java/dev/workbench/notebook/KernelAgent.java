package dev.workbench.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Method;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;

/**
 * The notebook's side inside the kernel container: it connects twice to the server's socket — once
 * for JShell's commands and the snippets' {@code System.out}/{@code err}/{@code in}, once for
 * "stop" — and runs each snippet it is sent, as JShell's own remote agent does. It is copied alone
 * into the container (a jar of this class and its nested classes), so it must use nothing but the
 * JDK.
 */
public final class KernelAgent {
  /** The first byte on a connection: which of the two it is. */
  static final int COMMANDS = 'C';

  static final int STOP = 'S';

  /** Exit code when a snippet exhausted the memory or the threads the container allows. */
  static final int EXHAUSTED = 3;

  /** Set before {@link #main} when the JVM starts with this jar as its {@code -javaagent}. */
  private static volatile Instrumentation instrumentation;

  private KernelAgent() {}

  /**
   * Keeps the JVM's instrumentation, with which JShell's changed classes are redefined in place: a
   * new import recompiles the earlier snippets, and loading them anew would reset every variable.
   */
  public static void premain(String options, Instrumentation given) {
    instrumentation = given;
  }

  /** {@code args[0]}: the server's socket, in the kernel's read-only folder. */
  public static void main(String[] args) throws IOException {
    Path socket = Path.of(args[0]);
    SocketChannel commands = connect(socket, COMMANDS);
    SocketChannel stops = connect(socket, STOP);
    Control control = new Control();
    Thread stopper =
        new Thread(
            () -> {
              try (InputStream in = new ChannelInput(stops)) {
                while (in.read() >= 0) {
                  control.stopQuietly();
                }
              } catch (IOException e) {
                // the server is gone; the command loop ends too
              }
            },
            "notebook-stop");
    stopper.setDaemon(true);
    stopper.start();
    Map<String, Consumer<OutputStream>> outputs =
        Map.of(
            "out", out -> System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8)),
            "err", err -> System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8)));
    Map<String, Consumer<InputStream>> inputs = Map.of("in", System::setIn);
    Util.forwardExecutionControlAndIO(
        control, new ChannelInput(commands), new ChannelOutput(commands), outputs, inputs);
    // The server closed the notebook: nothing the snippets left running keeps this JVM alive.
    Runtime.getRuntime().halt(0);
  }

  private static SocketChannel connect(Path socket, int kind) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(socket));
    channel.write(ByteBuffer.wrap(new byte[] {(byte) kind}));
    return channel;
  }

  /**
   * JShell's in-process execution, on this JVM: each snippet in a thread group that {@code stop}
   * stops. Processes a snippet started end with its cell; a snippet that runs out of memory or
   * threads ends the JVM, since a JVM past an {@code OutOfMemoryError} can no longer be trusted to
   * answer (the server opens a fresh one for the next cell).
   */
  static final class Control extends LocalExecutionControl {
    void stopQuietly() {
      try {
        stop();
      } catch (ExecutionControl.ExecutionControlException | RuntimeException e) {
        // no snippet has run yet: nothing to stop
      }
    }

    /** As JShell's JDI agent does it: in place, keeping the values of static fields. */
    @Override
    public void redefine(ExecutionControl.ClassBytecodes[] classes)
        throws ExecutionControl.ClassInstallException,
            ExecutionControl.NotImplementedException,
            ExecutionControl.EngineTerminationException {
      Instrumentation redefiner = instrumentation;
      if (redefiner == null) {
        throw new ExecutionControl.NotImplementedException("redefine needs the -javaagent");
      }
      try {
        ClassDefinition[] definitions = new ClassDefinition[classes.length];
        for (int i = 0; i < classes.length; i++) {
          definitions[i] =
              new ClassDefinition(findClass(classes[i].name()), classes[i].bytecodes());
        }
        redefiner.redefineClasses(definitions);
      } catch (ClassNotFoundException
          | UnmodifiableClassException
          | UnsupportedOperationException
          | LinkageError e) {
        // JShell then loads the classes anew, as it would for a changed signature
        throw new ExecutionControl.ClassInstallException(
            "redefine: " + e.getMessage(), new boolean[classes.length]);
      }
      classesRedefined(classes);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
      try {
        return super.invoke(doitMethod);
      } catch (OutOfMemoryError e) {
        exhausted(e);
        throw e;
      }
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause)
        throws ExecutionControl.RunException, ExecutionControl.InternalException {
      if (cause instanceof OutOfMemoryError) {
        exhausted(cause);
      }
      return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected void clientCodeLeave() {
      ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
      super.clientCodeLeave();
    }

    private static void exhausted(Throwable error) {
      System.err.println("a célula esgotou um limite do notebook: " + error);
      System.err.flush();
      Runtime.getRuntime().halt(EXHAUSTED);
    }
  }

  /**
   * A socket channel read as a stream. Not {@code Channels.newInputStream}: its reads and the
   * writes of {@code Channels.newOutputStream} share one lock, so a blocked read would hold every
   * write back.
   */
  static final class ChannelInput extends InputStream {
    private final SocketChannel channel;

    ChannelInput(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      int n;
      do {
        n = channel.read(ByteBuffer.wrap(bytes, offset, length));
      } while (n == 0);
      return n;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** A socket channel written as a stream; see {@link ChannelInput}. */
  static final class ChannelOutput extends OutputStream {
    private final SocketChannel channel;

    ChannelOutput(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
