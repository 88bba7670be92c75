package dev.workbench.classifier.firestore;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A Firestore emulator of the tests' own, in a container of the local {@code
 * workbench/firestore-emulator} image (built by {@code bin/workbench images}; never pulled, no
 * registry is assumed), started by Testcontainers and ready once it answers HTTP.
 */
final class EmulatorContainer implements AutoCloseable {
  private static final int PORT = 8080;

  private final GenericContainer<?> container =
      new GenericContainer<>(DockerImageName.parse("workbench/firestore-emulator"))
          .withImagePullPolicy(image -> false)
          .withExposedPorts(PORT)
          .waitingFor(
              Wait.forHttp("/")
                  .forPort(PORT)
                  .forStatusCode(200)
                  .withStartupTimeout(Duration.ofSeconds(90)));

  static EmulatorContainer start() {
    EmulatorContainer emulator = new EmulatorContainer();
    emulator.container.start();
    return emulator;
  }

  /** Where a client reaches it, as {@code FIRESTORE_EMULATOR_HOST} names it. */
  String hostPort() {
    return "127.0.0.1:" + container.getMappedPort(PORT);
  }

  @Override
  public void close() {
    container.stop();
  }
}
