package dev.workbench.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.Transfers.Credentials;
import dev.workbench.engine.Wait;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The registry's HTTP API (distribution spec), asked directly with basic auth: does it accept these
 * credentials ({@code GET /v2/}), which tags does a repository have ({@code GET
 * /v2/<repo>/tags/list}).
 */
final class RegistryApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final String base;
  private final Credentials credentials;

  /**
   * @param registry {@code host:port} (http on loopback, https elsewhere) or a URL
   */
  RegistryApi(String registry, Credentials credentials) {
    this.base =
        registry.startsWith("http://") || registry.startsWith("https://")
            ? registry.replaceAll("/+$", "")
            : (loopback(registry) ? "http://" : "https://") + registry;
    this.credentials = credentials;
  }

  /** The message every refused login or push shows. */
  static String refused(Credentials credentials) {
    return "o registro "
        + credentials.registry()
        + " recusou o usuário \""
        + credentials.user()
        + "\" com essa senha (HTTP 401): confira usuário e senha (no passo, ou em WORKBENCH_CLOUD_USER e"
        + " WORKBENCH_CLOUD_PASSWORD)";
  }

  /** Throws the learner-facing refusal unless the registry accepts the credentials. */
  void requireAccepted() {
    int status = get("/v2/").statusCode();
    if (status == 401 || status == 403) {
      throw new EngineError(refused(credentials));
    }
    if (status != 200) {
      throw new EngineError(
          "o registro " + credentials.registry() + " respondeu HTTP " + status + " em /v2/");
    }
  }

  /** Waits until the registry answers at all (a just-started one needs a moment). */
  void awaitUp(Duration patience) {
    AtomicReference<EngineError> last = new AtomicReference<>();
    boolean up =
        Wait.upTo(patience)
            .every(Duration.ofMillis(300))
            .untilTrue(
                () -> {
                  try {
                    get("/v2/");
                    return true;
                  } catch (EngineError notYet) {
                    last.set(notYet);
                    return false;
                  }
                });
    if (!up) {
      throw last.get();
    }
  }

  /** The repository's tags; empty when the registry does not know it. */
  List<String> tags(String repository) {
    HttpResponse<String> response = get("/v2/" + repository + "/tags/list");
    if (response.statusCode() == 404) {
      return List.of();
    }
    if (response.statusCode() == 401) {
      throw new EngineError(refused(credentials));
    }
    List<String> tags = new ArrayList<>();
    try {
      JSON.readTree(response.body()).path("tags").forEach((JsonNode t) -> tags.add(t.asText()));
    } catch (IOException e) {
      throw new EngineError(
          "o registro respondeu algo que não é JSON em tags/list: " + e.getMessage(), e);
    }
    return tags;
  }

  private HttpResponse<String> get(String path) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (credentials.user() + ":" + credentials.password())
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Basic " + basic)
            .GET()
            .build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new EngineError(
          "o registro "
              + credentials.registry()
              + " não respondeu ("
              + base
              + "): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    }
  }

  private static boolean loopback(String hostPort) {
    return hostPort.startsWith("127.")
        || hostPort.startsWith("localhost")
        || hostPort.startsWith("[::1]");
  }
}
