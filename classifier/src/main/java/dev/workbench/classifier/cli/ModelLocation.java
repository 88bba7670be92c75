package dev.workbench.classifier.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which model file the Firestore commands use: {@code --model}, else {@code $MODEL_PATH}, else the
 * image's {@code /app/model/produtos.model}, else {@code model/produtos.model} beside the jar
 * (where {@code mvn package} puts it, so {@code bin/classifier classify} works in a checkout).
 */
final class ModelLocation {
  static final Path IMAGE_MODEL = Path.of("/app/model/produtos.model");

  private ModelLocation() {}

  static Path resolve(Path explicit) {
    if (explicit != null) {
      return explicit;
    }
    String env = System.getenv("MODEL_PATH");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    if (Files.isRegularFile(IMAGE_MODEL)) {
      return IMAGE_MODEL;
    }
    return besideJar().filter(Files::isRegularFile).orElse(IMAGE_MODEL);
  }

  private static java.util.Optional<Path> besideJar() {
    try {
      Path code =
          Path.of(ModelLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return java.util.Optional.ofNullable(code.getParent())
          .map(dir -> dir.resolve("model/produtos.model"));
    } catch (URISyntaxException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
