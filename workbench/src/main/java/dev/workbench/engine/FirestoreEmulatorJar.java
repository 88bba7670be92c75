package dev.workbench.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Finds the Cloud Firestore emulator jar the Cloud SDK installed on this machine. */
public final class FirestoreEmulatorJar {
  private static final String IN_SDK =
      "platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";

  private FirestoreEmulatorJar() {}

  /**
   * Asks gcloud where the SDK is rather than trusting one install path; fails with what to install.
   */
  public static Path find() {
    for (String root :
        new String[] {
          sdkRootFromGcloud(), "/usr/lib/google-cloud-sdk", "/usr/share/google-cloud-sdk"
        }) {
      if (root != null && Files.isRegularFile(Path.of(root, IN_SDK))) {
        return Path.of(root, IN_SDK);
      }
    }
    throw new EngineError(
        "não encontrei o emulador do Firestore: instale google-cloud-cli-firestore-emulator");
  }

  private static String sdkRootFromGcloud() {
    try {
      Process gcloud =
          new ProcessBuilder("gcloud", "info", "--format=value(installation.sdk_root)")
              .redirectErrorStream(false)
              .start();
      String out =
          new String(gcloud.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return gcloud.waitFor(60, TimeUnit.SECONDS) && gcloud.exitValue() == 0 && !out.isEmpty()
          ? out
          : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
