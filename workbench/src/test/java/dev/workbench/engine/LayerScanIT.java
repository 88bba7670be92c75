package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.run.CourseRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proof the producao lesson gives: a key in any layer is found, even one deleted later. */
class LayerScanIT {
  @TempDir Path dataDir;
  @TempDir Path context;
  Engine engine;
  Scope scope;

  @BeforeEach
  void connect() {
    engine = TestEngines.require(dataDir);
    engine.images().provide("workbench/debian:bookworm", OutputSink.NONE);
    scope = new Scope(CourseRun.newSession(), "camadas");
  }

  @AfterEach
  void cleanUp() {
    engine.removeAll(scope.session(), null);
    engine.close();
  }

  private List<LayerScan.Finding> build(String dockerfile) throws Exception {
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    engine
        .images()
        .build(
            scope,
            "camadas",
            context,
            "Dockerfile",
            Map.of(),
            OutputSink.NONE,
            Duration.ofMinutes(5));
    return engine.images().secretsIn(scope, "camadas");
  }

  @Test
  void a_key_deleted_in_a_later_layer_is_still_found_in_the_earlier_one() throws Exception {
    Files.writeString(context.resolve("key-firebase.json"), "{\"type\": \"service_account\"}");
    List<LayerScan.Finding> found =
        build(
            "FROM workbench/debian:bookworm\nCOPY key-firebase.json /app/\nRUN rm /app/key-firebase.json\n");
    assertThat(found).extracting(LayerScan.Finding::path).containsExactly("/app/key-firebase.json");
  }

  @Test
  void a_private_key_under_an_innocent_name_is_found_by_its_content() throws Exception {
    Files.writeString(context.resolve("config.json"), "{\"private_key\": \"-----BEGIN\"}");
    List<LayerScan.Finding> found =
        build("FROM workbench/debian:bookworm\nCOPY config.json /app/\n");
    assertThat(found)
        .extracting(LayerScan.Finding::reason)
        .containsExactly("contém uma chave privada");
  }

  @Test
  void an_image_without_keys_has_no_findings() throws Exception {
    Files.writeString(context.resolve("app.txt"), "nada secreto");
    assertThat(build("FROM workbench/debian:bookworm\nCOPY app.txt /app/\n")).isEmpty();
  }
}
