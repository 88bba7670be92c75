package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A host program's time limit fires whatever the program does with its output, and kills its
 * children.
 */
class HostProcessTest {
  @Test
  void a_program_that_prints_without_end_and_never_a_newline_is_stopped_at_its_time_limit() {
    List<String> lines = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                HostProcess.run(
                    new ProcessBuilder("sh", "-c", "yes | tr -d '\\n'"),
                    lines::add,
                    Duration.ofSeconds(2),
                    "o programa"))
        .isInstanceOf(EngineError.class)
        .hasMessageContaining("o programa passou do limite de 2 s e foi interrompido");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(lines)
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line.length()).isLessThanOrEqualTo(Lines.MAX_LINE + Lines.CUT.length()));
  }

  @Test
  void a_silent_program_is_killed_with_the_children_it_started() throws Exception {
    // an unusual duration marks this test's processes among everything else on the machine
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sleep 3217 & sleep 3217; wait");

    assertThatThrownBy(
            () -> HostProcess.run(builder, line -> {}, Duration.ofSeconds(1), "o compose"))
        .isInstanceOf(EngineError.class)
        .hasMessageContaining("o compose passou do limite");

    List<ProcessHandle> left = sleeping();
    for (int i = 0; i < 50 && !left.isEmpty(); i++) {
      Thread.sleep(100);
      left = sleeping();
    }
    left.forEach(ProcessHandle::destroyForcibly);
    assertThat(left).as("no sleep left running").isEmpty();
  }

  private static List<ProcessHandle> sleeping() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("sleep 3217"))
        .filter(ProcessHandle::isAlive)
        .toList();
  }

  @Test
  void a_program_that_ends_in_time_gives_its_exit_code_and_every_line() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();

    int exit =
        HostProcess.run(
            new ProcessBuilder("sh", "-c", "echo um; echo dois >&2; exit 3"),
            lines::add,
            Duration.ofSeconds(20),
            "o programa");

    assertThat(exit).isEqualTo(3);
    assertThat(lines).containsExactly("um", "dois");
  }
}
