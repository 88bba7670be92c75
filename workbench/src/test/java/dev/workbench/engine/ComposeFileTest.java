package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What compose up would create, read from the file before it runs. */
class ComposeFileTest {
  @TempDir Path dir;

  @Test
  void the_orquestracao_lesson_makes_three_containers_two_images_and_one_network() {
    ComposeFile file =
        ComposeFile.read(TestEngines.projectRoot().resolve("lessons/06-orquestracao/compose.yml"));

    assertThat(file.demand()).isEqualTo(new Demand(3, 2, 0, 1));
    assertThat(file.builtImages("wb-ana1-orquestracao"))
        .contains("wb-ana1-orquestracao_app:latest", "wb-ana1-orquestracao_proxy:latest");
  }

  @Test
  void external_networks_and_volumes_are_not_made_and_an_undeclared_default_network_is()
      throws Exception {
    Path yml =
        Files.writeString(
            dir.resolve("compose.yml"),
            """
        services:
          web: {image: workbench/nginx}
        networks:
          fora: {external: true}
        volumes:
          dados: {}
          antigo: {external: {name: antigo}}
        """);
    Path bare =
        Files.writeString(dir.resolve("bare.yml"), "services:\n  web: {image: workbench/nginx}\n");

    assertThat(ComposeFile.read(yml).demand()).isEqualTo(new Demand(1, 0, 1, 1));
    assertThat(ComposeFile.read(bare).demand()).isEqualTo(new Demand(1, 0, 0, 1));
  }
}
