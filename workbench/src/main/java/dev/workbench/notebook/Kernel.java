package dev.workbench.notebook;

import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jshell.JShell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live JShell and the JVM its snippets run in, inside a {@link KernelContainer}: what a Jupyter
 * kernel is to a notebook. JShell is not thread-safe, so everything it does runs on this kernel's
 * own thread; the caller waits with the cell's time limit and, past it, stops the snippet from
 * outside — the one call JShell allows from another thread.
 */
final class Kernel {
  private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);

  /** Starting the container and its JVM; not counted in the cell's time. */
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  /** How long a stopped snippet has to give up before its JVM is killed. */
  static final Duration STOP_GRACE = Duration.ofSeconds(5);

  /** How a cell ended, beyond the snippets' own success. */
  enum Ending {
    RAN,
    TIMED_OUT,
    CUT,
    JVM_ENDED,
    KILLED
  }

  /** The cell's outcome: whether every snippet was valid and ran clean, and how it ended. */
  record CellResult(boolean ok, Ending ending) {}

  private final ExecutorService thread;
  private final ReentrantLock cells = new ReentrantLock();
  private final AtomicReference<CellOutput> current = new AtomicReference<>();
  private final LineStream out = new LineStream(line -> forward(line, false));
  private final LineStream err = new LineStream(line -> forward(line, true));
  private final KernelContainer container;
  private final JShell shell;
  private volatile boolean ended;
  private volatile long lastUsed = System.nanoTime();

  private Kernel(String name, KernelContainer container, List<Path> classpath) {
    this.container = container;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    this.shell = build(classpath);
  }

  /**
   * Opens JShell on a launched container; throws EngineError when it cannot (the container is then
   * removed).
   *
   * @param classpath the host paths javac compiles against; the container mounted the same jars
   */
  static Kernel start(String name, KernelContainer container, List<Path> classpath) {
    try {
      return new Kernel(name, container, classpath);
    } catch (RuntimeException e) {
      container.close();
      throw e;
    }
  }

  private JShell build(List<Path> classpath) {
    CompletableFuture<JShell> built =
        CompletableFuture.supplyAsync(
            () -> {
              JShell js =
                  JShell.builder()
                      .in(InputStream.nullInputStream())
                      .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                      .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                      .executionEngine(container, Map.of())
                      // a server on a newer Java must not make classes the kernel cannot load
                      .compilerOptions("--release", Integer.toString(KernelContainer.JAVA))
                      .build();
              js.onShutdown(closed -> ended = true);
              if (!classpath.isEmpty()) {
                // For javac; the container has the same jars on its class path already.
                js.addToClasspath(
                    String.join(
                        java.io.File.pathSeparator,
                        classpath.stream().map(Path::toString).toList()));
              }
              return js;
            },
            thread);
    try {
      return built.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      built.thenAccept(JShell::close); // should it come up after all, its JVM must not linger
      thread.shutdownNow();
      throw new EngineError(
          "o JShell do notebook não abriu em " + STARTUP_TIMEOUT.toSeconds() + " s");
    } catch (ExecutionException e) {
      thread.shutdownNow();
      LOG.warn("JShell did not start", e.getCause());
      throw new EngineError(
          "não foi possível abrir o JShell do notebook: " + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.shutdownNow();
      throw new EngineError("a abertura do JShell foi interrompida");
    }
  }

  /**
   * True once the kernel's JVM is gone (System.exit, crash, a limit, its container removed): the
   * kernel is of no more use.
   */
  boolean ended() {
    return ended || container.disconnected();
  }

  /** Whether the JVM ended because a snippet exhausted the container's memory or threads. */
  boolean exhausted() {
    return container.exhausted();
  }

  boolean busy() {
    return cells.isLocked();
  }

  Duration idle() {
    return Duration.ofNanos(System.nanoTime() - lastUsed);
  }

  /**
   * Runs a cell's snippets in order, stopping at the first that fails or throws, as a notebook cell
   * would. Output reaches {@code sink} line by line while the cell runs.
   */
  CellResult run(String code, OutputSink sink, NotebookLimits limits) {
    cells.lock();
    try {
      CellOutput output = new CellOutput(sink, limits);
      current.set(output);
      CompletableFuture<Boolean> task =
          CompletableFuture.supplyAsync(() -> evalAll(code, output), thread);
      Ending ending = await(task, output, limits.cellTimeout());
      out.endLine();
      err.endLine();
      output.close();
      current.compareAndSet(output, null);
      if (ending == Ending.RAN && ended()) {
        ending = Ending.JVM_ENDED;
      }
      return new CellResult(ending == Ending.RAN && task.getNow(false), ending);
    } finally {
      lastUsed = System.nanoTime();
      cells.unlock();
    }
  }

  private Ending await(CompletableFuture<Boolean> task, CellOutput output, Duration limit) {
    Ending ending;
    try {
      CompletableFuture.anyOf(task, output.capReached())
          .get(limit.toMillis(), TimeUnit.MILLISECONDS);
      ending = task.isDone() && !output.overCap() ? Ending.RAN : Ending.CUT;
    } catch (TimeoutException e) {
      ending = Ending.TIMED_OUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ending = Ending.TIMED_OUT;
    } catch (ExecutionException e) {
      return Ending.RAN; // evalAll reports its own failures; a throw here means the JShell closed
    }
    if (ending != Ending.RAN && !stop(task, output)) {
      return Ending.KILLED;
    }
    return ending;
  }

  /** Stops the running snippet; false when it would not stop and its JVM had to be killed. */
  private boolean stop(CompletableFuture<Boolean> task, CellOutput output) {
    output.close();
    // stop() may itself hang on a wedged JVM, so it gets its own thread and the same grace.
    Thread stopper =
        new Thread(
            () -> {
              try {
                shell.stop();
              } catch (RuntimeException e) {
                LOG.debug("JShell stop failed", e);
              }
            },
            "notebook-stop");
    stopper.setDaemon(true);
    stopper.start();
    try {
      task.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      return true;
    } catch (TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.info("a notebook snippet ignored stop(); closing its JShell");
      close();
      return false;
    }
  }

  private boolean evalAll(String code, CellOutput output) {
    try {
      SnippetReport report = new SnippetReport(shell, output);
      for (Piece piece : CellSource.split(shell.sourceCodeAnalysis(), code)) {
        if (!report.report(piece, shell.eval(piece.source())) || ended()) {
          return false;
        }
        if (output.overCap()) {
          return false;
        }
      }
      return true;
    } catch (IllegalStateException e) {
      // JShell closes itself when its JVM dies; the caller reports that as the cell's ending.
      ended = true;
      return false;
    }
  }

  private void forward(String line, boolean error) {
    CellOutput output = current.get();
    if (output == null) {
      return; // a thread the learner left running prints between cells; nobody is listening
    }
    if (error) {
      output.err(line);
    } else {
      output.out(line);
    }
  }

  /**
   * Closes the JShell and removes its container, which ends the JVM; safe to call more than once,
   * from any thread.
   */
  void close() {
    ended = true;
    try {
      shell.close();
    } catch (RuntimeException e) {
      LOG.debug("closing a JShell failed", e);
    } finally {
      thread.shutdownNow();
      container.close();
    }
  }
}
