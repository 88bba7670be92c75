package dev.workbench.cli;

import dev.workbench.engine.EngineUnavailable;
import dev.workbench.lesson.LessonFormatError;
import dev.workbench.run.InvalidParameter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The one place that turns an exception into what a person at a terminal reads. */
final class CliErrors {
  private CliErrors() {}

  static int handle(Exception e, CommandLine cmd, ParseResult parsed) {
    boolean known =
        e instanceof EngineUnavailable
            || e instanceof LessonFormatError
            || e instanceof InvalidParameter
            || e instanceof IllegalArgumentException;
    String message = known ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    cmd.getErr().println("erro: " + message);
    if (System.getenv("WORKBENCH_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    return 2;
  }
}
