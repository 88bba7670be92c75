package dev.workbench.notebook;

import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notebooks of every learner: one live JShell per (session, lesson), opened by the first cell
 * and kept, so later cells see earlier variables. A cell that runs too long or prints too much is
 * stopped; a JVM that dies (a snippet's {@code System.exit}) or had to be killed is dropped and the
 * next cell opens a fresh one. Unused notebooks close after {@link NotebookLimits#idleAfter()}, and
 * all of them close with the server.
 */
public final class Notebooks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notebooks.class);

  private final Path dataDir;
  private final Path projectRoot;
  private final NotebookLimits limits;
  private final Map<Scope, Kernel> kernels = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reaper;
  private final Thread shutdownHook = new Thread(this::closeAll, "notebooks-shutdown");

  /**
   * @param dataDir the workbench's data dir; a notebook's {@code workbench.files} is the session's
   *     own files folder under it, the one bind mounts and {@code hostFile} checks see
   * @param projectRoot where {@code classifier/target/classifier.jar} and the dataset live
   */
  public Notebooks(Path dataDir, Path projectRoot) {
    this(dataDir, projectRoot, NotebookLimits.DEFAULT);
  }

  public Notebooks(Path dataDir, Path projectRoot, NotebookLimits limits) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.limits = limits;
    this.reaper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "notebooks-idle");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, Math.min(60, limits.idleAfter().toSeconds() / 2));
    reaper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.SECONDS);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Runs one cell in the notebook of {@code scope}, opening it first if needed. Output, values and
   * errors reach {@code sink} line by line as they happen.
   *
   * @return 0 when every snippet compiled and ran without exception within the limits, else 1
   */
  public int run(Scope scope, String code, OutputSink sink) {
    Kernel kernel = kernels.get(scope);
    if (kernel == null || kernel.ended()) {
      kernel = open(scope, sink);
    }
    Kernel.CellResult result = kernel.run(code, sink, limits);
    switch (result.ending()) {
      case TIMED_OUT:
        sink.err(
            "a célula passou de " + limits.cellTimeout().toSeconds() + " s e foi interrompida");
        break;
      case KILLED:
        sink.err(
            "a célula passou do limite e não parou: a JVM do notebook foi encerrada;"
                + " a próxima célula começa outra, sem as variáveis de antes");
        break;
      case JVM_ENDED:
        sink.err("a JVM do notebook terminou; a próxima célula começa outra");
        break;
      default:
        break; // RAN reports through its snippets; CUT has said "saída cortada" already
    }
    if (kernel.ended()) {
      kernels.remove(scope, kernel);
      kernel.close();
    }
    return result.ok() ? 0 : 1;
  }

  /** Closes the notebook of one learner's lesson (the lesson's reset), if it is open. */
  public void close(Session session, String lessonId) {
    Kernel kernel = kernels.remove(new Scope(session, lessonId));
    if (kernel != null) {
      kernel.close();
    }
  }

  /** Closes every notebook; their remote JVMs end with them. */
  public void closeAll() {
    for (Scope scope : new ArrayList<>(kernels.keySet())) {
      Kernel kernel = kernels.remove(scope);
      if (kernel != null) {
        kernel.close();
      }
    }
  }

  /** Closes every notebook and stops watching for idle ones; the instance is done. */
  @Override
  public void close() {
    reaper.shutdownNow();
    closeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or about to, nothing left to undo
    }
  }

  /** The session's own files folder, as {@code engine.Mounts.sessionFiles} places it. */
  static Path sessionFiles(Path dataDir, Session session) {
    return dataDir.resolve("sessions").resolve(session.id()).resolve("files");
  }

  private synchronized Kernel open(Scope scope, OutputSink sink) {
    Kernel existing = kernels.get(scope);
    if (existing != null && !existing.ended()) {
      return existing; // another request of the same learner opened it meanwhile
    }
    Path files = sessionFiles(dataDir, scope.session());
    try {
      Files.createDirectories(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + files, e);
    }
    List<Path> classpath = classifierClasspath();
    if (classpath.isEmpty()) {
      sink.info(
          "o classificador não está compilado (classifier/target/classifier.jar): as células"
              + " que o usam vão falhar; rode mvn -q -f classifier/pom.xml package -DskipTests");
    }
    sink.info("abrindo o notebook: um JShell novo, numa JVM separada…");
    Kernel kernel =
        Kernel.start(
            "notebook-" + scope.session().id() + "-" + scope.lesson(),
            List.of(
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Dworkbench.files=" + files,
                "-Dworkbench.data=" + projectRoot.resolve("classifier/data/produtos.csv"),
                "-Duser.language=pt",
                // System.out of the remote JVM follows the default charset; ours decodes UTF-8.
                "-Dfile.encoding=UTF-8"),
            classpath);
    kernels.put(scope, kernel);
    return kernel;
  }

  /** The classifier's jar and its libraries, when the classifier has been built. */
  private List<Path> classifierClasspath() {
    Path target = projectRoot.resolve("classifier/target");
    Path jar = target.resolve("classifier.jar");
    if (!Files.isRegularFile(jar)) {
      return List.of();
    }
    List<Path> classpath = new ArrayList<>();
    classpath.add(jar);
    try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
      libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(classpath::add);
    } catch (IOException e) {
      LOG.warn("cannot list {}", target.resolve("lib"), e);
    }
    return classpath;
  }

  private void closeIdle() {
    kernels.forEach(
        (scope, kernel) -> {
          if (!kernel.busy() && kernel.idle().compareTo(limits.idleAfter()) > 0) {
            LOG.info(
                "closing the idle notebook of session {} lesson {}",
                scope.session().id(),
                scope.lesson());
            if (kernels.remove(scope, kernel)) {
              kernel.close();
            }
          }
        });
  }
}
