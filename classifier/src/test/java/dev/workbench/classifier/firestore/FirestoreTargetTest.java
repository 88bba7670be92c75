package dev.workbench.classifier.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.classifier.ClassifierError;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirestoreTargetTest {
  @Test
  void the_emulator_wins_and_any_project_id_will_do() {
    var t =
        FirestoreTarget.fromEnvironment(
            Map.of("FIRESTORE_EMULATOR_HOST", "db:8080", "GOOGLE_CLOUD_PROJECT", "aula"));
    assertThat(t).isEqualTo(new FirestoreTarget("aula", Optional.of("db:8080"), Optional.empty()));
    assertThat(
            FirestoreTarget.fromEnvironment(Map.of("FIRESTORE_EMULATOR_HOST", "db:8080"))
                .projectId())
        .isEqualTo("demo-workbench");
  }

  @Test
  void without_emulator_or_key_the_message_says_what_to_set() {
    assertThatThrownBy(() -> FirestoreTarget.fromEnvironment(Map.of()))
        .isInstanceOf(ClassifierError.class)
        .hasMessageContaining("FIRESTORE_EMULATOR_HOST")
        .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS");
  }

  @Test
  void a_key_file_that_is_not_there_is_named() {
    assertThatThrownBy(
            () ->
                FirestoreTarget.fromEnvironment(
                    Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/secrets/nope.json")))
        .isInstanceOf(ClassifierError.class)
        .hasMessage(
            "credentials file not found: "
                + Path.of("/secrets/nope.json")
                + " (GOOGLE_APPLICATION_CREDENTIALS)");
  }

  @Test
  void an_emulator_nobody_listens_on_is_reported_at_once() {
    assertThatThrownBy(
            () -> FirestoreConnection.open(FirestoreTarget.emulator("127.0.0.1:1", "demo-x")))
        .isInstanceOf(ClassifierError.class)
        .hasMessage("Firestore emulator not reachable at 127.0.0.1:1 (FIRESTORE_EMULATOR_HOST)");
  }

  @Test
  void an_emulator_that_takes_the_connection_but_answers_slowly_is_not_called_unreachable()
      throws Exception {
    // a server that accepts and says nothing: a busy emulator, not an absent one
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatCode(
              () ->
                  FirestoreConnection.checkEmulatorAnswers(
                      "127.0.0.1:" + busy.getLocalPort(), Duration.ofSeconds(1)))
          .doesNotThrowAnyException();
    }
  }
}
