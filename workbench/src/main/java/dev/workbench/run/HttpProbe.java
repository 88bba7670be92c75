package dev.workbench.run;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Wait;
import dev.workbench.step.Action;
import dev.workbench.step.HttpTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** HTTP from the host to a container's published port, as a browser or curl would send it. */
final class HttpProbe {
  private static final String LOOPBACK = "127.0.0.1";

  /** The most of a response body read: a check looks for a word in a page, not for a download. */
  static final int BODY_CAP = 1 << 20;

  /**
   * Servers in a just-started container need a moment: a refused connection, or a proxy's 502/503
   * while its upstream starts, is tried again this long. A minute, not 20 s: at load 75-95 the
   * orquestracao lesson's proxy, just created by compose up, did not answer within 20 s and its
   * visit failed; the wait ends at the first answer, so only a step that fails waits it all.
   */
  private static final Wait WARM_UP =
      Wait.upTo(Duration.ofSeconds(60)).every(Duration.ofMillis(500));

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(3))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final Engine engine;

  HttpProbe(Engine engine) {
    this.engine = engine;
  }

  /** A response, or empty when nothing answered. */
  record Answer(int status, String body) {}

  Integer request(Scope scope, Action.HttpRequest action, Vars vars, OutputSink sink) {
    HttpTarget target = action.target();
    String method =
        action.method() == null
            ? "GET"
            : vars.apply(action.method()).toUpperCase(java.util.Locale.ROOT);
    Optional<Integer> port =
        engine.containers().hostPort(scope, vars.apply(target.container()), target.port());
    if (port.isEmpty()) {
      throw new EngineError(
          "a porta "
              + target.port()
              + " do contêiner "
              + target.container()
              + " não está publicada no host: nada responde daqui de fora");
    }
    URI uri = local(engine.publishedOn(), port.get(), vars.apply(target.path()));
    sink.info(
        method
            + " "
            + uri
            + "  (porta "
            + target.port()
            + " do contêiner "
            + target.container()
            + ")");
    Answer answer =
        send(uri, method, vars.apply(action.body()))
            .orElseThrow(() -> new EngineError("ninguém respondeu em " + uri));
    sink.out("HTTP " + answer.status());
    answer.body().lines().forEach(sink::out);
    return null;
  }

  /**
   * What the host gets from a container port: empty when the port is not published or nobody
   * answers.
   */
  Optional<Answer> probe(Scope scope, HttpTarget target) {
    return engine
        .containers()
        .hostPort(scope, target.container(), target.port())
        .flatMap(port -> send(local(engine.publishedOn(), port, target.path()), "GET", null));
  }

  /**
   * The address of a published port on this machine's loopback, made from its parts, never by
   * joining text: the path (with its query, if any) is a parameter a learner may type, and a text
   * like {@code @evil.example/} or {@code //evil.example/} joined after the port would change the
   * host. The built address is checked to still name 127.0.0.1 and the port.
   */
  static URI local(int port, String pathAndQuery) {
    return local(LOOPBACK, port, pathAndQuery);
  }

  /** The same at {@code host}: where the learner's engine publishes (a hosted lab's address). */
  static URI local(String host, int port, String pathAndQuery) {
    String given = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    try {
      URI typed = new URI(given);
      if (typed.getScheme() != null
          || typed.getRawAuthority() != null
          || typed.getRawFragment() != null
          || typed.getRawPath() == null
          || !typed.getRawPath().startsWith("/")
          || given.contains("\\")) {
        throw new URISyntaxException(given, "não é um caminho");
      }
      // decoded parts, quoted again by the constructor: what was escaped stays escaped, once
      URI uri = new URI("http", null, host, port, typed.getPath(), typed.getQuery(), null);
      if (!host.equals(uri.getHost()) || uri.getPort() != port || uri.getRawUserInfo() != null) {
        throw new URISyntaxException(given, "mudaria o endereço");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "o caminho da requisição deve começar com uma única / e não ter"
              + " espaços, \\ ou #, nem mudar o endereço ou a porta: "
              + given,
          e);
    }
  }

  private static Optional<Answer> send(URI uri, String method, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    AtomicReference<Answer> last = new AtomicReference<>();
    Optional<Answer> ready =
        WARM_UP.until(
            () -> {
              try {
                Answer answer = exchange(CLIENT, request, BODY_CAP);
                last.set(answer);
                boolean upstreamStarting = answer.status() == 502 || answer.status() == 503;
                return upstreamStarting ? Optional.empty() : Optional.of(answer);
              } catch (IOException e) {
                last.set(null); // nothing answered this time
                return Optional.empty();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineError("interrompido", e);
              }
            });
    // past the deadline, a proxy's last 502 is still the answer to show
    return ready.or(() -> Optional.ofNullable(last.get()));
  }

  /**
   * Sends and reads at most {@code cap} bytes of the body, on the caller's thread; the rest is
   * abandoned unread (closing the stream cancels the exchange), so a server that answers without
   * end cannot fill the memory.
   */
  static Answer exchange(HttpClient client, HttpRequest request, int cap)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      return new Answer(
          response.statusCode(), new String(in.readNBytes(cap), StandardCharsets.UTF_8));
    }
  }
}
