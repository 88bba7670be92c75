package dev.workbench.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Containers made from an image pulled from a registry (a released worker), on whichever engine this
 * is — the remote one, in the cloud lesson. Same labels and limits as every workbench container.
 */
public final class Workers {
  private final Engine engine;

  public Workers(Engine engine) {
    this.engine = engine;
  }

  /**
   * Creates the container, not started; with {@code hostNetwork} it shares the host's network, so
   * ports published on the host's loopback are its loopback too.
   */
  public String create(Scope scope, String name, String reference, Map<String, String> env, boolean hostNetwork) {
    List<String> environment = new ArrayList<>();
    env.forEach((k, v) -> environment.add(k + "=" + v));
    HostConfig host = Containers.hardened(Limits.DEFAULT);
    if (hostNetwork) {
      host.withNetworkMode("host");
    }
    return engine.call(() -> engine.docker().createContainerCmd(reference)
        .withName(scope.name(name))
        .withLabels(scope.labels())
        .withEnv(environment)
        .withHostConfig(host)
        .exec()).getId();
  }

  /** Starts the (stopped) container, streams its output until it ends, returns its exit code. */
  public int runAttached(Scope scope, String name, OutputSink sink, Duration timeout) {
    String id = scope.name(name);
    int since = (int) (System.currentTimeMillis() / 1000);
    engine.run(() -> engine.docker().startContainerCmd(id).exec());
    Frames frames = new Frames(sink);
    // since: a worker started again shows this run's output, not every earlier run's too
    engine.run(() -> engine.docker().logContainerCmd(id).withStdOut(true).withStdErr(true)
        .withFollowStream(true).withSince(since).exec(frames));
    try {
      if (!frames.awaitCompletion(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new EngineError("o contêiner " + name + " passou do limite de " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    } finally {
      frames.flush();
      frames.closeQuietly();
    }
    return engine.call(() -> engine.docker().waitContainerCmd(id).start()
        .awaitStatusCode(timeout.toSeconds(), TimeUnit.SECONDS));
  }

  public void remove(Scope scope, String name) {
    engine.run(() -> engine.docker().removeContainerCmd(scope.name(name)).withForce(true).exec());
  }

  /** Splits the multiplexed log stream into stdout and stderr lines. */
  private static final class Frames extends ResultCallback.Adapter<Frame> {
    private final Lines out;
    private final Lines err;

    Frames(OutputSink sink) {
      this.out = new Lines(sink::out);
      this.err = new Lines(sink::err);
    }

    @Override
    public void onNext(Frame frame) {
      String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
      (frame.getStreamType() == StreamType.STDERR ? err : out).accept(text);
    }

    void flush() {
      out.flush();
      err.flush();
    }

    void closeQuietly() {
      try {
        close();
      } catch (IOException e) {
        // the stream is over either way
      }
    }
  }
}
