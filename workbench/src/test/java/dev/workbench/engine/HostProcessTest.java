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
  void a_program_that_prints_without_end_and_never_a_newline_is_stopped_at_its_time_limit()
      throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();

    // the limit striking is the outcome asserted, not how long it took: the learner's message,
    // the printer killed, and each line it left capped
    assertThatThrownBy(
            () ->
                HostProcess.run(
                    new ProcessBuilder("sh", "-c", "yes 4721 | tr -d '\\n'"),
                    lines::add,
                    Duration.ofSeconds(2),
                    "o programa"))
        .isInstanceOf(EngineError.class)
        .hasMessageContaining("o programa passou do limite de 2 s e foi interrompido");

    assertThat(leftRunning("yes 4721")).as("no printer left running").isEmpty();
    assertThat(lines)
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line.length()).isLessThanOrEqualTo(Lines.MAX_LINE + Lines.CUT.length()));
  }

  @Test
  void a_silent_program_is_killed_with_the_children_it_started() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sleep 3217 & sleep 3217; wait");

    assertThatThrownBy(
            () -> HostProcess.run(builder, line -> {}, Duration.ofSeconds(1), "o compose"))
        .isInstanceOf(EngineError.class)
        .hasMessageContaining("o compose passou do limite");

    assertThat(leftRunning("sleep 3217")).as("no sleep left running").isEmpty();
  }

  /**
   * This test's processes still alive, marked by an unusual argument among everything else on the
   * machine. A process killed with SIGKILL shows alive until its new parent reaps it, so this looks
   * again a few times before answering; whatever is left is killed, not left to the machine.
   */
  private static List<ProcessHandle> leftRunning(String mark) throws InterruptedException {
    List<ProcessHandle> left = running(mark);
    for (int i = 0; i < 50 && !left.isEmpty(); i++) {
      Thread.sleep(100);
      left = running(mark);
    }
    left.forEach(ProcessHandle::destroyForcibly);
    return left;
  }

  private static List<ProcessHandle> running(String mark) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(mark))
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
