package dev.workbench.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A learner's workbench talking to the hub, over the hub's public JSON API: join, post events, read
 * the presenter's step. Server to server: JSON bodies, a bearer token, no browser Origin, so the
 * hub's site guard lets it through on the same rules as any other client.
 */
public final class HubClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI hub;
  private final HttpClient http;

  public HubClient(URI hub) {
    this(hub, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
  }

  public HubClient(URI hub, HttpClient http) {
    this.hub = hub;
    this.http = http;
  }

  public URI hub() {
    return hub;
  }

  /**
   * The hub's address as a learner types it: http or https, a host, an optional port, nothing else
   * (no user, path, query or fragment), so a typed address can only ever name a hub's root.
   */
  public static URI address(String typed) {
    String text = typed == null ? "" : typed.strip();
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Endereço da turma inválido: use algo como http://192.168.0.10:7070.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null;
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
      throw new IllegalArgumentException(
          "Endereço da turma inválido: use algo como http://192.168.0.10:7070.");
    }
    return URI.create(scheme + "://" + uri.getRawAuthority());
  }

  /**
   * Joins with the code; {@link WrongCode} when the hub refuses it, {@link HubUnreachable} when it
   * is away.
   */
  public ClassHub.Joined join(String code, String name) {
    String body =
        ClassHub.write(Map.of("code", code == null ? "" : code, "name", name == null ? "" : name));
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(hub.resolve("/api/class/join"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    JsonNode json = json(answer);
    if (answer.statusCode() == 403) {
      throw new WrongCode();
    }
    if (answer.statusCode() == 429) {
      throw new HubUnreachable(
          "A turma recebeu tentativas demais agora: espere um minuto e tente de novo.");
    }
    if (answer.statusCode() == 400) {
      throw new IllegalArgumentException(json.path("error").asText("Pedido recusado pela turma."));
    }
    if (answer.statusCode() != 200 || !json.hasNonNull("token")) {
      throw new HubUnreachable(
          "Em "
              + hub
              + " respondeu algo que não é uma turma do workbench (HTTP "
              + answer.statusCode()
              + ").");
    }
    return new ClassHub.Joined(
        json.path("learner").asText(),
        json.path("name").asText(),
        json.path("token").asText(),
        json.path("class").asText());
  }

  /** Posts a batch (an empty one is a heartbeat); the hub's receipt, or {@link HubUnreachable}. */
  public ClassHub.Receipt post(String token, List<ClassEvent> events) {
    String body = ClassHub.write(Map.of("events", events));
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(hub.resolve("/api/class/events"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (answer.statusCode() != 200) {
      throw new HubUnreachable(
          "a turma recusou os eventos (HTTP "
              + answer.statusCode()
              + "): "
              + json(answer).path("error").asText(""));
    }
    JsonNode json = json(answer);
    return new ClassHub.Receipt(json.path("accepted").asInt(), json.path("duplicates").asInt());
  }

  /** Where the instructor's projector is, if they are presenting. */
  public Optional<ClassHub.Presenter> presenter(String token) {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(hub.resolve("/api/class/presenter"))
                .header("Authorization", "Bearer " + token)
                .GET());
    if (answer.statusCode() != 200) {
      throw new HubUnreachable(
          "a turma não disse onde o instrutor está (HTTP " + answer.statusCode() + ")");
    }
    JsonNode json = json(answer);
    if (!json.hasNonNull("lesson")) {
      return Optional.empty();
    }
    return Optional.of(
        new ClassHub.Presenter(
            json.path("lesson").asText(),
            json.hasNonNull("step") ? json.path("step").asText() : null,
            json.hasNonNull("at") ? java.time.Instant.parse(json.path("at").asText()) : null));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(TIMEOUT).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new HubUnreachable(
          "A turma em "
              + hub
              + " não respondeu ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "). O seu workbench segue funcionando sozinho.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubUnreachable("interrompido");
    }
  }

  private static JsonNode json(HttpResponse<String> answer) {
    try {
      return ClassHub.JSON.readTree(answer.body());
    } catch (IOException e) {
      return ClassHub.JSON.createObjectNode();
    }
  }

  static String write(Object value) {
    return ClassHub.write(value);
  }
}
