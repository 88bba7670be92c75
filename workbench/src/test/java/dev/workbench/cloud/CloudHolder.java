package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.step.Action;
import java.nio.file.Path;

/**
 * A server stand-in for {@link CloudIT}: another process that starts a learner's cloud, says
 * "ready" and waits to be killed, as {@code serve} would be with {@code kill -9}.
 */
public final class CloudHolder {
  private CloudHolder() {}

  public static void main(String[] args) throws InterruptedException {
    Engine engine = new Engine(Path.of(args[0]));
    new Clouds(engine, CloudConfig.LOCAL)
        .perform(
            new Action.CloudStart(),
            new Scope(new Session(args[1]), "nuvem"),
            v -> v,
            OutputSink.NONE);
    System.out.print("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
