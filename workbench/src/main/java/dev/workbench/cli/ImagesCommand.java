package dev.workbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "images", description = "TODO")
public final class ImagesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("images is not built yet");
  }
}
