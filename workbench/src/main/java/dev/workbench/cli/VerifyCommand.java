package dev.workbench.cli;

import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.lesson.LessonFormatError;
import dev.workbench.run.CourseRun;
import dev.workbench.run.CourseRun.StepOutcome;
import dev.workbench.run.StepRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", description = "Roda as lições em ordem, sem navegador, contra o Docker de verdade.")
public final class VerifyCommand implements Callable<Integer> {
  @Option(names = "--lesson", description = "só estas lições (id; pode repetir)")
  List<String> lessonIds = List.of();

  @Option(names = "--junit", description = "escreve o resultado em JUnit XML neste arquivo")
  Path junit;

  @Option(names = "--data-dir", description = "pasta de dados (padrão: verify/ na pasta de dados do workbench,"
      + " $XDG_DATA_HOME/workbench ou ~/.local/share/workbench)")
  Path dataDir;

  @Option(names = "--quiet", description = "não mostra a saída dos passos que passam")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Path root = Workbench.projectRoot();
    Course course = Course.load(root.resolve("lessons"));
    for (LessonFormatError problem : course.problems()) {
      System.out.println("lição com problema: " + problem.getMessage());
    }
    List<Lesson> lessons = lessonIds.isEmpty() ? course.lessons()
        : lessonIds.stream().map(id -> course.find(id)
            .orElseThrow(() -> new IllegalArgumentException("lição desconhecida: " + id))).toList();
    Path data = dataDir == null ? Workbench.defaultDataDir().resolve("verify") : dataDir;
    try (Engine engine = new Engine(data)) {
      if (!engine.available()) {
        throw new EngineUnavailable(engine.host().toString(), null);
      }
      System.out.println("verify: " + engine.describe() + ", " + lessons.size() + " lições");
      ConsoleEvents console = new ConsoleEvents(System.out, !quiet);
      List<StepOutcome> outcomes = new CourseRun(new StepRunner(engine, root))
          .run(lessons, CourseRun.newSession(), console, l -> System.out.println("\n== " + l.id() + ": " + l.title()));
      if (junit != null) {
        JUnitReport.write(junit, outcomes);
      }
      long failed = outcomes.stream().filter(o -> !o.result().passed()).count();
      System.out.println();
      outcomes.stream().filter(o -> !o.result().passed())
          .forEach(o -> System.out.println("falhou: " + o.lesson().id() + "/" + o.step().id()));
      System.out.println("verify: " + (outcomes.size() - failed) + " passed, " + failed + " failed");
      return failed == 0 && course.problems().isEmpty() ? 0 : 1;
    }
  }
}
