package dev.workbench.classifier.cli;

import dev.workbench.classifier.ClassifierError;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. Exit codes: 0 done, 1 failed (message on stderr), 2 wrong usage. */
@Command(
    name = "classifier",
    mixinStandardHelpOptions = true,
    version = "classifier 0.1.0",
    description =
        "Product classifier: train a Tribuo model, then categorise products in Firestore.",
    subcommands = {
      TrainCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      InfoCommand.class,
      ClassifyCommand.class,
      SeedCommand.class,
      ClearCategoriesCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ClassifierCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs without exiting, so tests and the Maven build can call it. */
  public static int run(String... args) {
    quietLibraries();
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ClassifierCli());
    cli.setExecutionExceptionHandler(ClassifierCli::oneLine);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The one place failures become messages. A stack trace never reaches the user. */
  private static int oneLine(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof ClassifierError) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    if (e instanceof IllegalArgumentException) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    }
    err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    err.flush();
    return 1;
  }

  /**
   * Tribuo logs each training epoch and gRPC each reconnect through java.util.logging at INFO; the
   * command's own output is what a learner should read.
   */
  private static void quietLibraries() {
    Logger.getLogger("").setLevel(Level.SEVERE);
    for (var h : Logger.getLogger("").getHandlers()) {
      h.setLevel(Level.SEVERE);
    }
  }
}
