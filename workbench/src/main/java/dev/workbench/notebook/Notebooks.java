package dev.workbench.notebook;

import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.step.Limits;
import java.io.IOException;
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
 * and kept, so later cells see earlier variables. Each runs its snippets in a container of its own
 * ({@link KernelContainer}); a learner has one notebook open at a time and the server a few. A cell
 * that runs too long or prints too much is stopped; a JVM that dies (a snippet's {@code
 * System.exit}, a limit) or had to be killed is dropped and the next cell opens a fresh one. Unused
 * notebooks close after {@link NotebookLimits#idleAfter()}, and all of them close with the server.
 */
public final class Notebooks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notebooks.class);

  private final Engine engine;
  private final Path projectRoot;
  private final NotebookLimits limits;
  private final Map<Scope, Kernel> kernels = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reaper;

  /**
   * @param engine where the kernels' containers run; the learner's files folder under its data dir
   *     is the notebook's {@code workbench.files}, the one bind mounts and {@code hostFile} checks
   *     see
   * @param projectRoot where {@code classifier/target/classifier.jar} and the dataset live
   */
  public Notebooks(Engine engine, Path projectRoot) {
    this(engine, projectRoot, NotebookLimits.DEFAULT);
  }

  public Notebooks(Engine engine, Path projectRoot, NotebookLimits limits) {
    this.engine = engine;
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
    // no shutdown hook of its own: the owner's close is the one shutdown path (a killed JVM's
    // kernels are orphans the next start removes)
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
        if (kernel.exhausted()) {
          sink.err(
              "a célula esgotou a memória ou os processos do notebook (até "
                  + (Limits.DEFAULT.memoryBytes() >> 20)
                  + " MiB e "
                  + Limits.DEFAULT.pids()
                  + " processos e threads): a JVM foi encerrada; a próxima célula começa outra,"
                  + " sem as variáveis de antes");
        } else {
          sink.err("a JVM do notebook terminou; a próxima célula começa outra");
        }
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

  /** Closes every notebook; their containers are removed with them. */
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
  }

  /**
   * Throws {@link QuotaExceeded} when opening the notebook of {@code scope} now would pass a limit:
   * what a page asks before it starts a cell, so the learner hears it at once (the opening itself
   * checks again).
   */
  public void requireRoom(Scope scope) {
    Kernel own = kernels.get(scope);
    if (own != null && !own.ended()) {
      return;
    }
    List<String> otherLessons = new ArrayList<>();
    int open = 0;
    for (Map.Entry<Scope, Kernel> entry : kernels.entrySet()) {
      if (entry.getValue().ended() || entry.getKey().equals(scope)) {
        continue;
      }
      open++;
      if (entry.getKey().session().equals(scope.session())) {
        otherLessons.add(entry.getKey().lesson());
      }
    }
    if (otherLessons.size() >= limits.kernelsPerLearner()) {
      throw new QuotaExceeded(
          "notebooks abertos por aluno",
          limits.kernelsPerLearner(),
          "O notebook da lição "
              + String.join(", ", otherLessons)
              + " está aberto. Reinicie essa lição para fechá-lo (ou deixe-o "
              + limits.idleAfter().toMinutes()
              + " min sem uso, e ele fecha sozinho) e rode a célula de novo.");
    }
    if (open >= limits.kernels()) {
      throw new QuotaExceeded(
          "notebooks abertos no servidor",
          limits.kernels(),
          "Todos estão em uso por outros alunos. Um notebook fecha quando a lição dele é"
              + " reiniciada ou após "
              + limits.idleAfter().toMinutes()
              + " min sem uso; tente de novo daqui a pouco.");
    }
  }

  private synchronized Kernel open(Scope scope, OutputSink sink) {
    Kernel existing = kernels.get(scope);
    if (existing != null && !existing.ended()) {
      return existing; // another request of the same learner opened it meanwhile
    }
    if (existing != null && kernels.remove(scope, existing)) {
      existing.close();
    }
    requireRoom(scope);
    List<Path> classpath = classifierClasspath();
    if (classpath.isEmpty()) {
      sink.info(
          "o classificador não está compilado (classifier/target/classifier.jar): as células"
              + " que o usam vão falhar; rode mvn -q -f classifier/pom.xml package -DskipTests");
    }
    if (!engine.images().exists(KernelContainer.IMAGE)) {
      engine.images().provide(KernelContainer.IMAGE, sink);
    }
    sink.info("abrindo o notebook: um JShell novo, numa JVM num contêiner só seu…");
    KernelContainer container =
        KernelContainer.launch(
            engine,
            scope,
            classpath,
            projectRoot.resolve("classifier/data/produtos.csv"),
            Kernel.STARTUP_TIMEOUT);
    Kernel kernel =
        Kernel.start(
            "notebook-" + scope.session().id() + "-" + scope.lesson(), container, classpath);
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
