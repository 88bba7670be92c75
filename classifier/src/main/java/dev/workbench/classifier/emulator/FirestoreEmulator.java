package dev.workbench.classifier.emulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Firestore emulator process. Its data lives in memory; {@link #exportTo} writes a snapshot
 * that a later {@link #start(Optional)} can seed from ({@code --seed_from_export}), which is how a
 * test keeps the committed writes across a killed emulator.
 */
public final class FirestoreEmulator implements AutoCloseable {
  static final String JAR_IN_SDK = "platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
  static final String MAIN = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
  // 360 x 250 ms: 90 s of waiting at most; the emulator is a large JVM and starts slowly when busy.
  private static final Duration RETRY_EVERY = Duration.ofMillis(250);
  private static final int START_ATTEMPTS = 360;
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Process process;
  private final int port;
  private final Path log;

  private FirestoreEmulator(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static FirestoreEmulator start() {
    return start(Optional.empty());
  }

  /**
   * Starts on a free port; with a snapshot's {@code .overall_export_metadata} file, starts from it.
   */
  public static FirestoreEmulator start(Optional<Path> seedFromExport) {
    Path jar = findJar();
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                javaExecutable(),
                "-Duser.language=en",
                "-cp",
                jar.toString(),
                MAIN,
                "start",
                "--host=127.0.0.1",
                "--port=" + port));
    seedFromExport.ifPresent(m -> command.add("--seed_from_export=" + m));
    try {
      Path log = Files.createTempFile("firestore-emulator-", ".log");
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      FirestoreEmulator emulator = new FirestoreEmulator(p, port, log);
      emulator.awaitOk();
      return emulator;
    } catch (IOException e) {
      throw new EmulatorError("cannot start the Firestore emulator: " + e.getMessage());
    }
  }

  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  /**
   * Snapshot of everything committed so far, through the emulator's export endpoint. Returns the
   * metadata file to seed a new emulator from.
   */
  public Path exportTo(Path directory, String projectId) {
    try {
      Files.createDirectories(directory);
      String body =
          "{\"database\":\"projects/"
              + projectId
              + "/databases/(default)\",\"export_directory\":\""
              + directory.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"")
              + "\"}";
      HttpRequest post =
          HttpRequest.newBuilder(url("/emulator/v1/projects/" + projectId + ":export"))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> answer =
          HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new EmulatorError(
            "emulator export failed: HTTP " + answer.statusCode() + " " + answer.body());
      }
      try (Stream<Path> files = Files.walk(directory)) {
        return files
            .filter(f -> f.toString().endsWith(".overall_export_metadata"))
            .max(java.util.Comparator.comparing(f -> f.toFile().lastModified()))
            .orElseThrow(
                () -> new EmulatorError("emulator export wrote no metadata file in " + directory));
      }
    } catch (IOException e) {
      throw new EmulatorError("emulator export failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorError("interrupted during emulator export");
    }
  }

  /** SIGKILL: no shutdown hook, no goodbye, like a machine losing power. */
  public void kill() {
    process.destroyForcibly();
    waitFor(10);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      if (!waitFor(10)) {
        kill();
      }
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // A temp file left behind is harmless.
    }
  }

  /**
   * The Cloud SDK's copy, found as Google documents it; {@code FIRESTORE_EMULATOR_JAR} overrides.
   */
  public static Path findJar() {
    String override = System.getenv("FIRESTORE_EMULATOR_JAR");
    if (override != null && !override.isBlank()) {
      Path jar = Path.of(override);
      if (!Files.isRegularFile(jar)) {
        throw new EmulatorError("FIRESTORE_EMULATOR_JAR names no file: " + jar);
      }
      return jar;
    }
    String root = sdkRoot();
    Path jar = Path.of(root).resolve(JAR_IN_SDK);
    if (!Files.isRegularFile(jar)) {
      throw new EmulatorError(
          "the Firestore emulator is not installed in the Cloud SDK at "
              + root
              + " (apt-get install google-cloud-cli-firestore-emulator)");
    }
    return jar;
  }

  private static String sdkRoot() {
    try {
      Process gcloud =
          new ProcessBuilder("gcloud", "info", "--format=value(installation.sdk_root)")
              .redirectErrorStream(false)
              .start();
      String out =
          new String(gcloud.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!gcloud.waitFor(60, TimeUnit.SECONDS) || gcloud.exitValue() != 0 || out.isEmpty()) {
        throw new EmulatorError("gcloud info did not name the Cloud SDK root");
      }
      return out;
    } catch (IOException e) {
      throw new EmulatorError(
          "gcloud not found: install the Cloud SDK (google-cloud-cli) or set FIRESTORE_EMULATOR_JAR");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorError("interrupted while asking gcloud for the SDK root");
    }
  }

  /**
   * Bounded retry: one probe of {@code GET /} per attempt, and between attempts a wait on the
   * process itself, so an emulator that dies while starting is reported at once rather than at the
   * deadline. The error names what happened and the log's telling line.
   */
  private void awaitOk() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    HttpRequest get = HttpRequest.newBuilder(url("/")).timeout(PROBE_TIMEOUT).build();
    try {
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        if (answersOk(http, get)) {
          return;
        }
        if (process.waitFor(RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new EmulatorError(
              "the Firestore emulator exited with code "
                  + process.exitValue()
                  + " while starting: "
                  + lastLogLine());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new EmulatorError("interrupted while the Firestore emulator started");
    }
    String last = lastLogLine();
    close();
    throw new EmulatorError(
        "the Firestore emulator did not answer Ok on "
            + hostPort()
            + " after "
            + START_ATTEMPTS
            + " probes "
            + RETRY_EVERY.toMillis()
            + " ms apart; last log line: "
            + last);
  }

  /** Not listening yet, or listening but not ready: both mean "try again". */
  private static boolean answersOk(HttpClient http, HttpRequest get) throws InterruptedException {
    try {
      return http.send(get, HttpResponse.BodyHandlers.ofString()).body().strip().equals("Ok");
    } catch (IOException e) {
      return false;
    }
  }

  private String lastLogLine() {
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.stream()
          .filter(l -> l.contains("Exception") || l.contains("rror"))
          .findFirst()
          .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private URI url(String path) {
    return URI.create("http://" + hostPort() + path);
  }

  private boolean waitFor(int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new EmulatorError("no free port for the Firestore emulator: " + e.getMessage());
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
