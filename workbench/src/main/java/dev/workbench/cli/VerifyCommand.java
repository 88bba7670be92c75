package dev.workbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "verify", description = "TODO")
public final class VerifyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("verify is not built yet");
  }
}
