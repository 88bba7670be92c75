package dev.workbench.engine;

import com.github.dockerjava.api.model.HostConfig;
import dev.workbench.step.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Containers made from an image pulled from a registry (a released worker), on whichever engine
 * this is — the remote one, in the cloud lesson. Same labels and limits as every workbench
 * container.
 */
public final class Workers {
  private final Engine engine;

  public Workers(Engine engine) {
    this.engine = engine;
  }

  /**
   * Creates the container, not started; with {@code hostNetwork} it shares the network of this
   * engine's host (for the cloud's stand-in engine, its container's network, never this machine's).
   */
  public String create(
      Scope scope, String name, String reference, Map<String, String> env, boolean hostNetwork) {
    List<String> environment = new ArrayList<>();
    env.forEach((k, v) -> environment.add(k + "=" + v));
    HostConfig host = Containers.hardened(Limits.DEFAULT);
    if (hostNetwork) {
      host.withNetworkMode("host");
    }
    return engine
        .call(
            () ->
                engine
                    .docker()
                    .createContainerCmd(reference)
                    .withName(scope.name(name))
                    .withLabels(scope.labels())
                    .withEnv(environment)
                    .withHostConfig(host)
                    .exec())
        .getId();
  }

  /** Starts the (stopped) container, streams its output until it ends, returns its exit code. */
  public int runAttached(Scope scope, String name, OutputSink sink, Duration timeout) {
    String id = scope.name(name);
    int since = (int) (System.currentTimeMillis() / 1000);
    engine.run(() -> engine.docker().startContainerCmd(id).exec());
    Frames frames = new Frames(sink);
    // since: a worker started again shows this run's output, not every earlier run's too
    engine.run(
        () ->
            engine
                .docker()
                .logContainerCmd(id)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .withSince(since)
                .exec(frames));
    try {
      if (!frames.awaitCompletion(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new EngineError(
            "o contêiner " + name + " passou do limite de " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    } finally {
      frames.flush();
      frames.close();
    }
    return engine.call(
        () ->
            engine
                .docker()
                .waitContainerCmd(id)
                .start()
                .awaitStatusCode(timeout.toSeconds(), TimeUnit.SECONDS));
  }

  public void remove(Scope scope, String name) {
    engine.run(() -> engine.docker().removeContainerCmd(scope.name(name)).withForce(true).exec());
  }
}
