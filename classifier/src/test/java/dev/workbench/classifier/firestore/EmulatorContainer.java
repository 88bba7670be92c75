package dev.workbench.classifier.firestore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A Firestore emulator of the tests' own, in a container of the local {@code
 * workbench/firestore-emulator} image (built by {@code bin/workbench images}; never pulled, no
 * registry is assumed), started by Testcontainers and ready once it answers HTTP.
 *
 * <p>The emulator keeps its data in memory only; for a test that kills it, {@link #exportInside}
 * takes an export inside the container, {@link #copyExportTo} copies it out, and {@link
 * #seededFrom} starts a fresh container from that copy ({@code --seed_from_export}).
 */
final class EmulatorContainer implements AutoCloseable {
  private static final String IMAGE = "workbench/firestore-emulator";
  private static final int PORT = 8080;

  /** Where the emulator writes an export, inside its container. */
  private static final String EXPORT = "/tmp/export";

  /** Where a seeded container finds the export copied in. */
  private static final String SEED = "/tmp/seed";

  private static final String METADATA = ".overall_export_metadata";

  private final GenericContainer<?> container;

  private EmulatorContainer(GenericContainer<?> container) {
    this.container = container;
  }

  static EmulatorContainer start() {
    EmulatorContainer started = started(container());
    started.makeExportFolder();
    return started;
  }

  private void makeExportFolder() {
    try {
      var made = container.execInContainer("mkdir", "-p", EXPORT);
      if (made.getExitCode() != 0) {
        throw new IllegalStateException("mkdir " + EXPORT + " failed: " + made.getStderr());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while making " + EXPORT, e);
    }
  }

  /**
   * A fresh emulator holding what {@code export} (a copy {@link #copyExportTo} made) holds: the
   * copy goes into the container before it starts, and the image's own command gets {@code
   * --seed_from_export} naming its metadata file.
   */
  static EmulatorContainer seededFrom(Path export) {
    Path metadata;
    try (Stream<Path> files = Files.walk(export)) {
      metadata =
          files
              .filter(f -> f.getFileName().toString().endsWith(METADATA))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no " + METADATA + " in " + export));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the image's command says how the emulator starts (the Dockerfile is the one place); this
    // only adds the seed to it
    List<String> command =
        new ArrayList<>(
            Arrays.asList(
                DockerClientFactory.lazyClient()
                    .inspectImageCmd(IMAGE)
                    .exec()
                    .getConfig()
                    .getCmd()));
    command.add(
        "--seed_from_export="
            + SEED
            + "/"
            + export.relativize(metadata).toString().replace('\\', '/'));
    return started(
        container()
            .withCopyFileToContainer(MountableFile.forHostPath(export), SEED)
            .withCommand(command.toArray(String[]::new)));
  }

  private static GenericContainer<?> container() {
    return new GenericContainer<>(DockerImageName.parse(IMAGE))
        .withImagePullPolicy(image -> false)
        .withExposedPorts(PORT)
        .waitingFor(
            Wait.forHttp("/")
                .forPort(PORT)
                .forStatusCode(200)
                .withStartupTimeout(Duration.ofSeconds(90)));
  }

  private static EmulatorContainer started(GenericContainer<?> container) {
    container.start();
    return new EmulatorContainer(container);
  }

  /** Where a client reaches it, as {@code FIRESTORE_EMULATOR_HOST} names it. */
  String hostPort() {
    return "127.0.0.1:" + container.getMappedPort(PORT);
  }

  /**
   * Everything committed so far, written by the emulator's export endpoint inside the container.
   * Only the HTTP call, no file copying: a test that pulls the plug right after must not give the
   * job time to finish first. {@link #copyExportTo} copies the files out afterwards, dead or alive.
   */
  void exportInside(String projectId) {
    String body =
        "{\"database\":\"projects/"
            + projectId
            + "/databases/(default)\",\"export_directory\":\""
            + EXPORT
            + "\"}";
    HttpRequest post =
        HttpRequest.newBuilder(
                URI.create(
                    "http://" + hostPort() + "/emulator/v1/projects/" + projectId + ":export"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "emulator export failed: HTTP " + answer.statusCode() + " " + answer.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the emulator's export", e);
    }
  }

  /**
   * Copies what {@link #exportInside} wrote into {@code directory} and returns it, for {@link
   * #seededFrom}. Works on a killed container too: the engine keeps its file system until removal.
   */
  Path copyExportTo(Path directory) {
    Path root = directory.toAbsolutePath().normalize();
    int files = 0;
    try (InputStream archive =
            container
                .getDockerClient()
                .copyArchiveFromContainerCmd(container.getContainerId(), EXPORT)
                .exec();
        TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
      for (TarArchiveEntry entry = tar.getNextTarEntry();
          entry != null;
          entry = tar.getNextTarEntry()) {
        // entries are named after the folder itself first ("export/…")
        String name = entry.getName();
        int slash = name.indexOf('/');
        if (entry.isDirectory() || slash < 0) {
          continue;
        }
        Path copy = root.resolve(name.substring(slash + 1)).normalize();
        if (!copy.startsWith(root)) {
          throw new IllegalStateException("an export entry outside its folder: " + name);
        }
        Files.createDirectories(copy.getParent());
        Files.copy(tar, copy, StandardCopyOption.REPLACE_EXISTING);
        files++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files == 0) {
      throw new IllegalStateException("the export wrote no file in " + EXPORT);
    }
    return root;
  }

  /** SIGKILL to the container ({@code docker kill}): no goodbye, like a machine losing power. */
  void kill() {
    container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
  }

  @Override
  public void close() {
    container.stop();
  }
}
