package dev.workbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", description = "TODO")
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("bench is not built yet");
  }
}
