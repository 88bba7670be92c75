package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.notebook.Notebooks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with {@code kill -9} cannot remove its notebooks' containers: the next start's
 * orphan clean-up (what {@code serve} and {@code verify} run first) does, and leaves the kernels of
 * a server still running alone.
 */
class KernelOrphansIT {
  @TempDir static Path dataDir;
  @TempDir static Path projectRoot;
  static Engine engine;
  static final Session KILLED = new Session("orphan01");
  static final Session ALIVE = new Session("orphan02");

  @BeforeAll
  static void open() {
    engine = TestEngines.require(dataDir);
  }

  @AfterAll
  static void cleanUp() {
    engine.removeAll(KILLED, null);
    engine.removeAll(ALIVE, null);
    engine.close();
  }

  @Test
  void the_kernels_of_a_killed_server_are_removed_at_the_next_start_and_a_live_servers_stay()
      throws Exception {
    Scope orphan = new Scope(KILLED, "notebook");
    Scope live = new Scope(ALIVE, "notebook");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process server =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.workbench.notebook.KernelOwnerMain",
                dataDir.toString(),
                projectRoot.toString(),
                KILLED.id())
            .redirectErrorStream(true)
            .start();
    try (Notebooks notebooks = new Notebooks(engine, projectRoot)) {
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        do {
          line = out.readLine();
        } while (line != null && !line.equals("aberto") && !line.equals("falhou"));
        assertThat(line).as("the other server opened its notebook").isEqualTo("aberto");
      }
      assertThat(notebooks.run(live, "1", OutputSink.NONE)).isZero();
      server.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(engine.containers().inspect(orphan, "jshell"))
          .as("what kill -9 leaves behind")
          .isPresent();
      assertThat(kernelFolders()).isEqualTo(2);

      assertThat(CourseRun.removeOrphans(engine)).isPositive();

      assertThat(engine.containers().inspect(orphan, "jshell")).isEmpty();
      assertThat(kernelFolders()).as("only the live kernel's folder is left").isEqualTo(1);
      assertThat(engine.containers().inspect(live, "jshell")).isPresent();
      assertThat(notebooks.run(live, "2", OutputSink.NONE))
          .as("the live server's notebook still works")
          .isZero();
    } finally {
      server.destroyForcibly();
    }
    assertThat(engine.containers().inspect(live, "jshell")).as("closed with its server").isEmpty();
  }

  private static long kernelFolders() throws Exception {
    try (Stream<Path> folders = Files.list(dataDir.resolve("kernels"))) {
      return folders.count();
    }
  }
}
