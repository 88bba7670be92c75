package dev.workbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Wait;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a collection straight from a Firestore emulator running in a learner's container, through
 * its REST API on the published port: what the lesson table shows and what checks count.
 */
public final class FirestoreDocuments {
  /** The project the classifier uses against the emulator unless told otherwise. */
  public static final String DEFAULT_PROJECT = "demo-workbench";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final int PAGE = 300;

  /** A page of 300 small documents is far less; a body cut here fails to parse, with a message. */
  private static final int BODY_CAP = 8 << 20;

  /** An emulator started by the step before a check needs a few seconds before it listens. */
  static final Wait WARM_UP = Wait.upTo(Duration.ofSeconds(20)).every(Duration.ofMillis(500));

  private final Engine engine;
  private final Wait warmUp;

  /**
   * Asks once: a live table polls anyway, and a page must not hang on an emulator that is not up.
   */
  public FirestoreDocuments(Engine engine) {
    this(engine, Wait.upTo(Duration.ZERO));
  }

  /** Tries a refused connection again for as long as {@code warmUp} allows. */
  FirestoreDocuments(Engine engine, Wait warmUp) {
    this.engine = engine;
    this.warmUp = warmUp;
  }

  /** One document: its id and its string fields. */
  public record Document(String id, Map<String, String> fields) {}

  /** Every document of {@code collection}, at most {@code limit}. */
  public List<Document> read(
      Scope scope, String container, int port, String project, String collection, int limit) {
    int hostPort =
        engine
            .containers()
            .hostPort(scope, container, port)
            .orElseThrow(
                () -> new EngineError("o emulador " + container + " não publicou a porta " + port));
    String base =
        "http://"
            + engine.publishedOn()
            + ":"
            + hostPort
            + "/v1/projects/"
            + project
            + "/databases/(default)/documents/"
            + collection
            + "?pageSize="
            + PAGE;
    List<Document> documents = new ArrayList<>();
    String token = null;
    do {
      JsonNode page =
          get(
              base
                  + (token == null
                      ? ""
                      : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
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
    doc.path("fields")
        .fields()
        .forEachRemaining(
            f -> {
              JsonNode value = f.getValue();
              JsonNode scalar = value.elements().hasNext() ? value.elements().next() : value;
              fields.put(f.getKey(), scalar.isValueNode() ? scalar.asText() : scalar.toString());
            });
    return new Document(name.substring(name.lastIndexOf('/') + 1), fields);
  }

  private JsonNode get(String url) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer owner")
            .build();
    AtomicReference<IOException> refused = new AtomicReference<>();
    HttpProbe.Answer answer =
        warmUp
            .until(
                () -> {
                  try {
                    return Optional.of(HttpProbe.exchange(CLIENT, request, BODY_CAP));
                  } catch (IOException notListeningYet) {
                    refused.set(notListeningYet);
                    return Optional.<HttpProbe.Answer>empty();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EngineError("interrompido", e);
                  }
                })
            .orElseThrow(
                () ->
                    new EngineError(
                        "o emulador do Firestore não respondeu: " + refused.get().getMessage(),
                        refused.get()));
    if (answer.status() != 200) {
      throw new EngineError("o emulador do Firestore respondeu HTTP " + answer.status());
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new EngineError(
          "o emulador do Firestore respondeu algo que não é JSON: " + e.getMessage(), e);
    }
  }
}
