package dev.workbench.classifier.firestore;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.cloud.FirestoreClient;
import dev.workbench.classifier.ClassifierError;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

/**
 * An open Firestore client through firebase-admin, closed with its app. Each connection is its own
 * named FirebaseApp, so tests and the benchmark can hold several at once.
 */
public final class FirestoreConnection implements AutoCloseable {
  private final FirebaseApp app;
  private final Firestore db;
  private final String description;

  private FirestoreConnection(FirebaseApp app, Firestore db, String description) {
    this.app = app;
    this.db = db;
    this.description = description;
  }

  public static FirestoreConnection open(FirestoreTarget target) {
    FirestoreOptions.Builder firestore = FirestoreOptions.newBuilder();
    FirebaseOptions.Builder options = FirebaseOptions.builder();
    String description;
    if (target.emulatorHost().isPresent()) {
      String host = target.emulatorHost().get();
      checkEmulatorAnswers(host);
      // The emulator accepts any bearer token; "owner" also bypasses security rules.
      options.setCredentials(GoogleCredentials.create(new AccessToken("owner", null)));
      firestore.setEmulatorHost(host);
      description = "emulator " + host + " project " + target.projectId();
    } else {
      options.setCredentials(readKey(target));
      description =
          "Firestore project "
              + (target.projectId() == null ? "from key file" : target.projectId());
    }
    if (target.projectId() != null) {
      options.setProjectId(target.projectId());
      firestore.setProjectId(target.projectId());
    }
    FirebaseApp app =
        FirebaseApp.initializeApp(
            options.setFirestoreOptions(firestore.build()).build(),
            "classifier-" + UUID.randomUUID());
    try {
      return new FirestoreConnection(app, FirestoreClient.getFirestore(app), description);
    } catch (RuntimeException e) {
      app.delete();
      throw new ClassifierError(
          "cannot open Firestore (" + description + "): " + e.getMessage(), e);
    }
  }

  public Firestore db() {
    return db;
  }

  public String description() {
    return description;
  }

  @Override
  public void close() {
    app.delete();
  }

  private static GoogleCredentials readKey(FirestoreTarget target) {
    var file = target.credentials().orElseThrow();
    try (InputStream in = Files.newInputStream(file)) {
      return GoogleCredentials.fromStream(in);
    } catch (IOException e) {
      throw new ClassifierError("cannot read credentials " + file + ": " + e.getMessage(), e);
    }
  }

  /** How long the probe waits for an emulator that took the connection to answer. */
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

  static void checkEmulatorAnswers(String hostPort) {
    checkEmulatorAnswers(hostPort, ANSWER_WAIT);
  }

  /**
   * The gRPC client would retry an absent emulator for a minute before giving up; one HTTP probe
   * says at once that nothing listens there (refused, unknown host, no route). An emulator that
   * takes the connection but answers slowly is there, though: on a busy machine its answer took
   * longer than the 5 s this probe once allowed, and every scheduled run of the cloud lesson failed
   * as "not reachable" beside an emulator that was up. So it waits {@code answerWait} for the
   * answer and, past that, lets the client go on (gRPC waits for a slow server on its own).
   */
  static void checkEmulatorAnswers(String hostPort, Duration answerWait) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try {
      HttpRequest get =
          HttpRequest.newBuilder(URI.create("http://" + hostPort + "/"))
              .timeout(answerWait)
              .build();
      http.send(get, HttpResponse.BodyHandlers.discarding());
    } catch (HttpConnectTimeoutException e) {
      throw notReachable(hostPort);
    } catch (HttpTimeoutException e) {
      // connected, no answer yet: a busy emulator, not an absent one
    } catch (IOException | IllegalArgumentException e) {
      throw notReachable(hostPort);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClassifierError(
          "interrupted while contacting the Firestore emulator at " + hostPort);
    }
  }

  private static ClassifierError notReachable(String hostPort) {
    return new ClassifierError(
        "Firestore emulator not reachable at " + hostPort + " (FIRESTORE_EMULATOR_HOST)");
  }
}
