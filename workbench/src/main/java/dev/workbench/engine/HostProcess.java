package dev.workbench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A program of this machine the engine needs (the compose binary, mmdebstrap), run with a time
 * limit that really fires: its output is read on a thread of its own, line by line and each line
 * capped, so the wait with a time-out is reached even while the program keeps printing or hangs
 * without a word. On time-out the program and everything it started are killed.
 */
final class HostProcess {
  /** How long the output reader may take to drain what a killed process left in the pipe. */
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private HostProcess() {}

  /**
   * Runs {@code builder} (its stderr merged into stdout), passing each output line on.
   *
   * @param what the program as the learner reads it ("o compose")
   * @return the exit code
   * @throws EngineError when the time limit passes (the process tree is killed first) or the
   *     program cannot be started
   */
  static int run(ProcessBuilder builder, Consumer<String> lines, Duration timeout, String what)
      throws IOException {
    Process process = builder.redirectErrorStream(true).start();
    Thread reader = new Thread(() -> pump(process.getInputStream(), lines), "host-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        killTree(process);
        reader.join(DRAIN.toMillis());
        throw new EngineError(
            what
                + " passou do limite de "
                + timeout.toSeconds()
                + " s e foi"
                + " interrompido (junto com o que ele tinha iniciado). Rode o passo de novo; se"
                + " continuar, veja se o Docker está respondendo.");
      }
      reader.join(DRAIN.toMillis());
      return process.exitValue();
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    }
  }

  /** Children first, so none is left running without its parent to wait for it. */
  static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pump(InputStream in, Consumer<String> sink) {
    Lines lines = new Lines(sink);
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        lines.accept(buffer, 0, n);
      }
    } catch (IOException e) {
      // the process was killed, or closed its output: what was read has been passed on
    } finally {
      lines.flush();
    }
  }
}
