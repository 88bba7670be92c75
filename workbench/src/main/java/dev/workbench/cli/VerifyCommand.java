package dev.workbench.cli;

import dev.workbench.Workbench;
import dev.workbench.cloud.CloudConfig;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Lesson;
import dev.workbench.lesson.LessonFormatError;
import dev.workbench.lesson.Sentences;
import dev.workbench.run.CourseRun;
import dev.workbench.run.CourseRun.StepOutcome;
import dev.workbench.run.StepRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    description = "Roda as lições em ordem, sem navegador, contra o Docker de verdade.")
public final class VerifyCommand implements Callable<Integer> {
  /** How many of the slowest steps the summary names. */
  private static final int SLOWEST_SHOWN = 10;

  @Option(names = "--lesson", description = "só estas lições (id; pode repetir)")
  List<String> lessonIds = List.of();

  @Option(names = "--junit", description = "escreve o resultado em JUnit XML neste arquivo")
  Path junit;

  @Option(
      names = "--data-dir",
      description =
          "pasta de dados (padrão: verify/ na pasta de dados do workbench,"
              + " $XDG_DATA_HOME/workbench ou ~/.local/share/workbench)")
  Path dataDir;

  @Option(names = "--quiet", description = "não mostra a saída dos passos que passam")
  boolean quiet;

  @Option(
      names = "--lang",
      paramLabel = "LÍNGUA",
      description =
          "pt-BR (padrão) ou en: roda as lições nesta língua; os passos são os mesmos (o lint"
              + " garante), mudam os títulos, os resultados das verificações e estas linhas")
  String lang = Language.PT_BR.tag();

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description =
          "lições rodando ao mesmo tempo, cada uma numa sessão"
              + " própria (padrão: os núcleos desta máquina; mais que isso, as lições pesadas disputam a CPU e nada se"
              + " ganha); 1 roda em ordem, com a saída ao vivo")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs deve ser ao menos 1");
    }
    Path root = Workbench.projectRoot();
    Course course = Course.load(root.resolve("lessons"));
    Language language = Language.of(lang);
    Sentences say = Sentences.of(ConsoleEvents.WORDS, language);
    for (LessonFormatError problem : course.problems()) {
      System.out.println(say.format("lesson.problem", problem.getMessage()));
    }
    List<Lesson> lessons =
        lessonIds.isEmpty()
            ? course.lessons(language)
            : lessonIds.stream()
                .map(
                    id ->
                        course
                            .find(id, language)
                            .orElseThrow(
                                () -> new IllegalArgumentException("lição desconhecida: " + id)))
                .toList();
    Path data = dataDir == null ? Workbench.defaultDataDir().resolve("verify") : dataDir;
    CloudConfig clouds =
        CloudConfig.fromEnvironment(System.getenv()); // a bad setting fails before anything runs
    try (Engine engine = new Engine(data);
        StepRunner runner = new StepRunner(engine, root, clouds)) {
      if (!engine.available()) {
        throw new EngineUnavailable(engine.host().toString(), null);
      }
      // the one shutdown path, on Ctrl-C too: the runner ends its kernels and clouds
      Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "verify-stop"));
      int parallel = Math.min(jobs, lessons.size());
      System.out.println(
          say.format(
              parallel == 1 ? "start.one" : "start.many",
              engine.describe(),
              lessons.size(),
              parallel));
      long start = System.nanoTime();
      CourseRun headless = new CourseRun(runner, language);
      List<StepOutcome> outcomes =
          parallel == 1
              ? headless.run(
                  lessons,
                  CourseRun.newSession(),
                  new ConsoleEvents(System.out, !quiet, language),
                  l -> System.out.println("\n== " + l.id() + ": " + l.title()))
              : runInParallel(headless, lessons, parallel, data, language);
      if (junit != null) {
        JUnitReport.write(junit, outcomes);
      }
      long failed = outcomes.stream().filter(o -> !o.result().passed()).count();
      System.out.println();
      outcomes.stream()
          .filter(o -> !o.result().passed())
          .forEach(
              o ->
                  System.out.println(say.format("step.failed.at", o.lesson().id(), o.step().id())));
      if (outcomes.size() > 1) {
        System.out.println(say.format("slowest"));
        SlowestSteps.lines(outcomes, SLOWEST_SHOWN).forEach(System.out::println);
      }
      System.out.println(
          say.format("total", String.format("%.1f", (System.nanoTime() - start) / 1e9)));
      System.out.println(
          "verify: " + (outcomes.size() - failed) + " passed, " + failed + " failed");
      return failed == 0 && course.problems().isEmpty() ? 0 : 1;
    }
  }

  /**
   * Each lesson's lines are kept until it ends, then printed as one block, so lessons never
   * interleave.
   */
  private List<StepOutcome> runInParallel(
      CourseRun course, List<Lesson> lessons, int parallel, Path data, Language language)
      throws InterruptedException {
    Sentences say = Sentences.of(ConsoleEvents.WORDS, language);
    Map<String, ByteArrayOutputStream> blocks = new ConcurrentHashMap<>();
    LessonDurations durations = LessonDurations.in(data);
    // the longest lessons first (as the last runs timed them), so no long one starts last and runs
    // alone
    List<StepOutcome> outcomes =
        course.runParallel(
            durations.longestFirst(lessons),
            parallel,
            lesson -> {
              ByteArrayOutputStream block = new ByteArrayOutputStream();
              blocks.put(lesson.id(), block);
              return new ConsoleEvents(
                  new PrintStream(block, true, StandardCharsets.UTF_8), !quiet, language);
            },
            done -> {
              durations.record(done.lesson().id(), done.took());
              long passed = done.steps().stream().filter(o -> o.result().passed()).count();
              synchronized (System.out) {
                System.out.println();
                System.out.println(
                    say.format(
                        "lesson.done",
                        done.lesson().id(),
                        done.lesson().title(),
                        passed,
                        done.steps().size(),
                        String.format("%.1f", done.took().toMillis() / 1e3)));
                System.out.print(
                    blocks.remove(done.lesson().id()).toString(StandardCharsets.UTF_8));
                System.out.flush();
              }
            });
    durations.save();
    // back in the course's order, for the summary and the JUnit report
    List<String> order = lessons.stream().map(Lesson::id).toList();
    return outcomes.stream()
        .sorted(java.util.Comparator.comparingInt(o -> order.indexOf(o.lesson().id())))
        .toList();
  }
}
