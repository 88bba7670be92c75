package dev.workbench.cli;

import dev.workbench.Workbench;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.LessonFormatError;
import dev.workbench.lesson.LessonLinter;
import dev.workbench.lesson.RedundantCli;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "lint",
    description =
        "Confere todas as lições (lesson.md e a tradução lesson.en.md) e mostra cada problema como"
            + " arquivo:linha: mensagem.")
public final class LintCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--lessons",
      paramLabel = "DIR",
      description = "A pasta das lições (padrão: lessons/ na raiz do projeto).")
  Path lessons;

  @Option(
      names = "--redundant-cli",
      description =
          "Lista (arquivo:linha) as linhas cli: iguais ao comando que o passo já deriva da ação;"
              + " usado por strip-cli.sh.")
  boolean redundantCli;

  @Override
  public Integer call() {
    Path root = Workbench.projectRoot();
    Course course = Course.load(lessons != null ? lessons : root.resolve("lessons"));
    if (redundantCli) {
      PrintWriter out = spec.commandLine().getOut();
      RedundantCli.in(course)
          .forEach(at -> out.println(at.file().toAbsolutePath() + ":" + at.line()));
      out.flush();
      return 0;
    }
    List<LessonFormatError> problems = LessonLinter.lint(course, root);
    PrintWriter out = spec.commandLine().getOut();
    for (LessonFormatError problem : problems) {
      out.println(shown(problem.file(), root) + ":" + problem.line() + ": " + problem.problem());
    }
    if (!problems.isEmpty()) {
      out.println(problems.size() + (problems.size() == 1 ? " problema" : " problemas"));
      out.flush();
      return 1;
    }
    long steps = course.lessons().stream().mapToLong(l -> l.steps().size()).sum();
    out.println(
        course.lessons().size()
            + " lições, "
            + steps
            + " passos: ok ("
            + course.english().size()
            + " também em inglês, com os mesmos passos)");
    out.flush();
    return 0;
  }

  /** Files under the project read best relative to it, as an editor would open them. */
  private static String shown(Path file, Path root) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : file.toString();
  }
}
