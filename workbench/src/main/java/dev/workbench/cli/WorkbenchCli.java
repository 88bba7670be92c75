package dev.workbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "workbench",
    mixinStandardHelpOptions = true,
    version = "workbench 0.1.0",
    description = "Um curso de Docker no navegador, com um laboratório de verdade.",
    subcommands = {
      ServeCommand.class,
      VerifyCommand.class,
      LintCommand.class,
      ImagesCommand.class,
      BenchCommand.class
    })
public final class WorkbenchCli implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with learner-friendly handling of errors: one line, no stack trace. */
  public static CommandLine commandLine() {
    return new CommandLine(new WorkbenchCli()).setExecutionExceptionHandler(CliErrors::handle);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
