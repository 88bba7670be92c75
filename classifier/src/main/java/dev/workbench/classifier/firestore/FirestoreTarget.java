package dev.workbench.classifier.firestore;

import dev.workbench.classifier.ClassifierError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which Firestore to talk to, decided from the environment the way Google's own tools decide it:
 * {@code FIRESTORE_EMULATOR_HOST} wins (no credentials needed, any project id); otherwise {@code
 * GOOGLE_APPLICATION_CREDENTIALS} must name a service-account key file, which is mounted at run
 * time and never baked into an image.
 */
public record FirestoreTarget(
    String projectId, Optional<String> emulatorHost, Optional<Path> credentials) {
  public static final String DEFAULT_PROJECT = "demo-workbench";

  public static FirestoreTarget emulator(String hostPort, String projectId) {
    return new FirestoreTarget(projectId, Optional.of(hostPort), Optional.empty());
  }

  public static FirestoreTarget fromEnvironment(Map<String, String> env) {
    String project = firstSet(env, "GCLOUD_PROJECT", "GOOGLE_CLOUD_PROJECT");
    String emulator = env.get("FIRESTORE_EMULATOR_HOST");
    if (emulator != null && !emulator.isBlank()) {
      return emulator(emulator.strip(), project == null ? DEFAULT_PROJECT : project);
    }
    String key = env.get("GOOGLE_APPLICATION_CREDENTIALS");
    if (key == null || key.isBlank()) {
      throw new ClassifierError(
          "no Firestore configured: set FIRESTORE_EMULATOR_HOST=host:port for the emulator, "
              + "or GOOGLE_APPLICATION_CREDENTIALS=/path/to/key.json for a real project");
    }
    Path file = Path.of(key);
    if (!Files.isRegularFile(file)) {
      throw new ClassifierError(
          "credentials file not found: " + file + " (GOOGLE_APPLICATION_CREDENTIALS)");
    }
    // The key file names its project; an explicit GOOGLE_CLOUD_PROJECT still wins when set.
    return new FirestoreTarget(project, Optional.empty(), Optional.of(file));
  }

  private static String firstSet(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
