package dev.workbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "lint", description = "TODO")
public final class LintCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("lint is not built yet");
  }
}
