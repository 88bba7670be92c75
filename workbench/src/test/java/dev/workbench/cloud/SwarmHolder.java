package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.step.Action;
import java.nio.file.Path;
import java.util.List;

/**
 * A server stand-in for {@link SwarmIT}: another process that starts a learner's one-node swarm,
 * says "ready" and waits to be killed, as {@code serve} would be with {@code kill -9}.
 */
public final class SwarmHolder {
  private SwarmHolder() {}

  public static void main(String[] args) throws InterruptedException {
    Engine engine = new Engine(Path.of(args[0]));
    Swarms.of(engine)
        .perform(
            new Action.SwarmStart(1, List.of()),
            new Scope(new Session(args[1]), "orquestracao"),
            v -> v,
            OutputSink.NONE);
    System.out.print("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
