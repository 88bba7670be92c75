package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner's folder is compared as the file system resolves it: a link cannot lead out of it. */
class MountsTest {
  @TempDir Path dataDir;
  private final Scope scope = new Scope(new Session("ana12345"), "volumes");

  @Test
  void a_link_in_the_learners_folder_that_points_to_etc_is_refused() throws Exception {
    Path files = Files.createDirectories(Mounts.sessionFiles(dataDir, scope));
    Files.createSymbolicLink(files.resolve("fuga"), Path.of("/etc"));

    assertThatThrownBy(() -> Mounts.sessionFolder(dataDir, scope, "fuga"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("link simbólico");
    assertThatThrownBy(() -> Mounts.sessionFolder(dataDir, scope, "fuga/passwd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("para fora");
    assertThatThrownBy(() -> Mounts.sessionFolder(dataDir, scope, "fuga/nova/pasta"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_dangling_link_is_refused_rather_than_letting_the_engine_create_its_target()
      throws Exception {
    Path files = Files.createDirectories(Mounts.sessionFiles(dataDir, scope));
    Files.createSymbolicLink(files.resolve("pendente"), dataDir.resolve("fora/do/aluno"));

    assertThatThrownBy(() -> Mounts.sessionFolder(dataDir, scope, "pendente"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(dataDir.resolve("fora")).doesNotExist();
  }

  @Test
  void a_link_that_stays_inside_the_folder_and_a_folder_not_made_yet_are_fine() throws Exception {
    Path files = Files.createDirectories(Mounts.sessionFiles(dataDir, scope));
    Files.createDirectories(files.resolve("dados"));
    Files.createSymbolicLink(files.resolve("atalho"), files.resolve("dados"));

    assertThat(Mounts.sessionFolder(dataDir, scope, "atalho"))
        .isEqualTo(files.toRealPath().resolve("dados"));
    assertThat(Mounts.sessionFolder(dataDir, scope, "novo/sub"))
        .isEqualTo(files.toRealPath().resolve("novo/sub"));
  }

  @Test
  void a_path_written_to_climb_out_is_refused_before_the_file_system_is_asked() {
    assertThatThrownBy(() -> Mounts.sessionFolder(dataDir, scope, "../../etc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Mounts.sessionFolder(dataDir, scope, "/etc"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
