package dev.workbench.cli;

import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.CourseRun;
import dev.workbench.run.StepResult;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A container-run step through the workbench against the same operation through the docker CLI,
 * alternated in one run so both see the same machine; prints both medians and their ratio.
 */
@Command(
    name = "bench",
    description = "Compara um passo container.run do workbench com o mesmo docker run da CLI.")
public final class BenchCommand implements Callable<Integer> {
  static final String IMAGE = "workbench/debian:bookworm";
  private static final String LESSON_PAGE = "/lessons/volumes";
  private static final String STATIC_FILE = "/static/app.js";

  @Option(
      names = "--runs",
      description = "execuções medidas de cada lado (padrão: ${DEFAULT-VALUE})")
  int runs = 15;

  @Option(
      names = "--warmup",
      description = "execuções não medidas antes (padrão: ${DEFAULT-VALUE})")
  int warmup = 3;

  @Option(
      names = "--hub",
      paramLabel = "N",
      description =
          "mede uma turma: N alunos simulados, cada um com a sua"
              + " entrada e o seu token, mandando resultados de passos ao hub pela API HTTP")
  Integer hub;

  @Option(
      names = "--hub-seconds",
      description = "quanto dura a turma simulada (padrão: ${DEFAULT-VALUE} s)")
  int hubSeconds = 60;

  @Option(
      names = "--learners",
      description =
          "uma turma: N alunos simulados, cada um com o seu laboratório"
              + " (serve --labs), fazem a lição volumes ao mesmo tempo pela API")
  int learners;

  @Override
  public Integer call() throws Exception {
    if (hub != null) {
      return hub();
    }
    if (learners > 0) {
      return new LabsBench(learners, Workbench.projectRoot()).run();
    }
    if (runs < 1 || warmup < 0) {
      throw new IllegalArgumentException(
          "--runs deve ser ao menos 1 e --warmup não pode ser negativo");
    }
    Path root = Workbench.projectRoot();
    try (Engine engine = new Engine(Workbench.defaultDataDir().resolve("bench"))) {
      if (!engine.available()) {
        throw new EngineUnavailable(engine.host().toString(), null);
      }
      engine.images().provide(IMAGE, OutputSink.NONE);
      Session session = CourseRun.newSession();
      StepRunner runner = new StepRunner(engine, root);
      Lesson lesson = new Lesson("bench", "bench", 0, "", root, List.of());
      List<Long> workbench = new ArrayList<>();
      List<Long> cli = new ArrayList<>();
      try {
        for (int i = 0; i < warmup + runs; i++) {
          long w = timeWorkbench(runner, lesson, session, i);
          long c = timeCli(session, i);
          if (i >= warmup) {
            workbench.add(w);
            cli.add(c);
          }
        }
      } finally {
        runner.close();
        engine.removeAll(session, null);
      }
      double wm = median(workbench) / 1e6;
      double cm = median(cli) / 1e6;
      System.out.printf("bench: %d execuções de cada lado (%s echo ola)%n", runs, IMAGE);
      System.out.printf("workbench container.run: mediana %.1f ms%n", wm);
      System.out.printf("docker run (CLI):        mediana %.1f ms%n", cm);
      System.out.printf("ratio: %.2f (alvo ≤ 1.10)%n", wm / cm);
      site(engine, root);
      return 0;
    }
  }

  /** {@code bench --hub N}: the three lines issue 11 asks for, from one simulated class. */
  private int hub() throws Exception {
    if (hub < 1 || hubSeconds < 5) {
      throw new IllegalArgumentException("--hub deve ser ao menos 1 e --hub-seconds ao menos 5");
    }
    Path dir = Workbench.defaultDataDir().resolve("bench-hub-" + Session.random().id());
    try {
      HubBench.Result r =
          new HubBench(hub, java.time.Duration.ofSeconds(hubSeconds), dir, Workbench.projectRoot())
              .run();
      System.out.printf("learners: %d%n", r.learners());
      System.out.printf(
          "events: sent %d, received %d, duplicated %d%n", r.sent(), r.received(), r.duplicated());
      System.out.printf(
          java.util.Locale.ROOT, "p99 from step end to instructor view: %.1f ms%n", r.p99Millis());
      return r.received() == r.sent() && r.duplicated() == 0 ? 0 : 1;
    } finally {
      HubBench.delete(dir);
    }
  }

  /**
   * The lesson page against a static file of the same server, rounds alternated; then the SSE
   * delay. The learner has run the lesson's first step, so the page carries progress.
   */
  private void site(Engine engine, Path root) throws Exception {
    try (SiteBench site =
        new SiteBench(engine, root, Workbench.defaultDataDir().resolve("bench-site"))) {
      site.learnerWithProgress("volumes", "construir");
      site.load(LESSON_PAGE, 20);
      site.load(STATIC_FILE, 20);
      List<SiteBench.Load> pages = new ArrayList<>();
      List<SiteBench.Load> files = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        files.add(site.load(STATIC_FILE, 40));
        pages.add(site.load(LESSON_PAGE, 40));
      }
      SiteBench.Load page = SiteBench.Load.merge(pages);
      SiteBench.Load file = SiteBench.Load.merge(files);
      System.out.printf(
          "pages: %d clientes, %d pedidos de cada lado (%s contra %s)%n",
          SiteBench.CLIENTS, page.nanos().size(), LESSON_PAGE, STATIC_FILE);
      System.out.printf(
          "pages: lesson p99 %.1f ms, static p99 %.1f ms, ratio %.2f (alvo ≤ 2)%n",
          page.p99Millis(), file.p99Millis(), page.p99Millis() / file.p99Millis());
      System.out.printf(
          "pages: lesson %.0f pedidos/s, static %.0f pedidos/s, ratio %.2f (alvo ≥ 0.5)%n",
          page.perSecond(), file.perSecond(), page.perSecond() / file.perSecond());
      List<Double> delays = new ArrayList<>(site.sseDelays());
      Collections.sort(delays);
      System.out.printf(
          "sse: first event %.1f ms after the container printed it (mediana de %d linhas;"
              + " p99 %.1f ms; alvo ≤ 100)%n",
          delays.get(delays.size() / 2),
          delays.size(),
          delays.get(Math.min(delays.size() - 1, (int) Math.ceil(delays.size() * 0.99) - 1)));
    }
  }

  private long timeWorkbench(StepRunner runner, Lesson lesson, Session session, int i) {
    String name = "bench-w" + i;
    Step step =
        new Step(
            "bench",
            "",
            "",
            Map.of(),
            new Action.RunContainer(
                new ContainerSpec(
                    name, IMAGE, List.of("echo", "ola"), null, null, null, null, null, null),
                false),
            List.of(new Check.ExitCode(0), new Check.OutputContains("ola")),
            "",
            0);
    long start = System.nanoTime();
    StepResult result = runner.run(lesson, step, session, Map.of(), e -> {});
    long took = System.nanoTime() - start;
    if (!result.passed()) {
      throw new IllegalStateException("o passo de bench falhou: " + result.message());
    }
    return took;
  }

  /** The same container as the workbench makes: limits, init, no new privileges. */
  private long timeCli(Session session, int i) throws Exception {
    String name = "wb-" + session.id() + "-bench-c" + i;
    List<String> command =
        List.of(
            "docker",
            "run",
            "--name",
            name,
            "--label",
            "workbench.session=" + session.id(),
            "--label",
            "workbench.lesson=bench",
            "--memory",
            "512m",
            "--memory-swap",
            "512m",
            "--cpus",
            "1",
            "--pids-limit",
            "256",
            "--init",
            "--security-opt",
            "no-new-privileges",
            IMAGE,
            "echo",
            "ola");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS)
        || process.exitValue() != 0
        || !out.contains("ola")) {
      throw new IllegalStateException("docker run falhou: " + out.strip());
    }
    return System.nanoTime() - start;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
