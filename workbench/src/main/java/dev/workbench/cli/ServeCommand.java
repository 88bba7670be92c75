package dev.workbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "serve", description = "TODO")
public final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("serve is not built yet");
  }
}
