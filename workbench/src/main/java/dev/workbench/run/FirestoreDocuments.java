package dev.workbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a collection straight from a Firestore emulator running in a learner's container, through
 * its REST API on the published port: what the lesson table shows and what checks count.
 */
public final class FirestoreDocuments {
  /** The project the classifier uses against the emulator unless told otherwise. */
  public static final String DEFAULT_PROJECT = "demo-workbench";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final int PAGE = 300;
  /** A page of 300 small documents is far less; a body cut here fails to parse, with a message. */
  private static final int BODY_CAP = 8 << 20;

  private final Engine engine;

  public FirestoreDocuments(Engine engine) {
    this.engine = engine;
  }

  /** One document: its id and its string fields. */
  public record Document(String id, Map<String, String> fields) {}

  /** Every document of {@code collection}, at most {@code limit}. */
  public List<Document> read(Scope scope, String container, int port, String project, String collection, int limit) {
    int hostPort = engine.containers().hostPort(scope, container, port)
        .orElseThrow(() -> new EngineError("o emulador " + container + " não publicou a porta " + port));
    String base = "http://" + engine.publishedOn() + ":" + hostPort + "/v1/projects/" + project + "/databases/(default)/documents/"
        + collection + "?pageSize=" + PAGE;
    List<Document> documents = new ArrayList<>();
    String token = null;
    do {
      JsonNode page = get(base + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
      for (JsonNode doc : page.path("documents")) {
        documents.add(document(doc));
        if (documents.size() >= limit) {
          return documents;
        }
      }
      token = page.path("nextPageToken").asText(null);
    } while (token != null && !token.isEmpty());
    return documents;
  }

  private static Document document(JsonNode doc) {
    String name = doc.path("name").asText();
    Map<String, String> fields = new LinkedHashMap<>();
    doc.path("fields").fields().forEachRemaining(f -> {
      JsonNode value = f.getValue();
      JsonNode scalar = value.elements().hasNext() ? value.elements().next() : value;
      fields.put(f.getKey(), scalar.isValueNode() ? scalar.asText() : scalar.toString());
    });
    return new Document(name.substring(name.lastIndexOf('/') + 1), fields);
  }

  private static JsonNode get(String url) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer owner").build();
    try {
      HttpProbe.Answer answer = HttpProbe.exchange(CLIENT, request, BODY_CAP);
      if (answer.status() != 200) {
        throw new EngineError("o emulador do Firestore respondeu HTTP " + answer.status());
      }
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new EngineError("o emulador do Firestore não respondeu: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    }
  }
}
