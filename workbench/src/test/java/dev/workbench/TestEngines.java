package dev.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.Engine;
import java.nio.file.Path;

/**
 * The real engine for integration tests: absent, it is a failure with a clear message, never a
 * skip.
 */
public final class TestEngines {
  private TestEngines() {}

  public static Engine require(Path dataDir) {
    Engine engine = new Engine(dataDir);
    assertThat(engine.available())
        .as(
            "integration tests need a running Docker engine at %s (start dockerd, or run .ci/run)",
            engine.host())
        .isTrue();
    return engine;
  }

  /** The project root, as the build passes it (the lessons and build contexts live there). */
  public static Path projectRoot() {
    return Workbench.projectRoot();
  }
}
