package dev.workbench.run;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.step.Action;
import dev.workbench.step.HttpTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** HTTP from the host to a container's published port, as a browser or curl would send it. */
final class HttpProbe {
  /** Servers in a just-started container need a moment; we retry a refused connection this long. */
  private static final Duration WARM_UP = Duration.ofSeconds(20);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();

  private final Engine engine;

  HttpProbe(Engine engine) {
    this.engine = engine;
  }

  /** A response, or empty when nothing answered. */
  record Answer(int status, String body) {}

  Integer request(Scope scope, Action.HttpRequest action, Vars vars, OutputSink sink) {
    HttpTarget target = action.target();
    String method = action.method() == null ? "GET" : vars.apply(action.method()).toUpperCase(java.util.Locale.ROOT);
    Optional<Integer> port = engine.containers().hostPort(scope, vars.apply(target.container()), target.port());
    if (port.isEmpty()) {
      throw new EngineError("a porta " + target.port() + " do contêiner " + target.container()
          + " não está publicada no host: nada responde daqui de fora");
    }
    URI uri = URI.create("http://127.0.0.1:" + port.get() + vars.apply(target.path()));
    sink.info(method + " " + uri + "  (porta " + target.port() + " do contêiner " + target.container() + ")");
    Answer answer = send(uri, method, vars.apply(action.body()))
        .orElseThrow(() -> new EngineError("ninguém respondeu em " + uri));
    sink.out("HTTP " + answer.status());
    answer.body().lines().forEach(sink::out);
    return null;
  }

  /** What the host gets from a container port: empty when the port is not published or nobody answers. */
  Optional<Answer> probe(Scope scope, HttpTarget target) {
    return engine.containers().hostPort(scope, target.container(), target.port())
        .flatMap(port -> send(URI.create("http://127.0.0.1:" + port + target.path()), "GET", null));
  }

  private static Optional<Answer> send(URI uri, String method, String body) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    long deadline = System.nanoTime() + WARM_UP.toNanos();
    while (true) {
      try {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        boolean upstreamStarting = response.statusCode() == 502 || response.statusCode() == 503;
        if (!upstreamStarting || System.nanoTime() > deadline) {
          return Optional.of(new Answer(response.statusCode(), response.body()));
        }
        sleep();
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          return Optional.empty();
        }
        sleep();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
