package dev.workbench.notebook;

import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import java.nio.file.Path;

/**
 * A server in miniature for crash tests: opens one learner's notebook, says so, and waits to be
 * killed. Arguments: data dir, project root, session id.
 */
public final class KernelOwnerMain {
  private KernelOwnerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Engine engine = new Engine(Path.of(args[0]));
    Notebooks notebooks = new Notebooks(engine, Path.of(args[1]));
    int exit = notebooks.run(new Scope(new Session(args[2]), "notebook"), "1", OutputSink.NONE);
    System.out.println(exit == 0 ? "aberto" : "falhou");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
