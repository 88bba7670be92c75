package dev.workbench.run;

import dev.workbench.engine.BaseImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Files a lesson names (build contexts, compose files), always inside the project root. */
final class ProjectFiles {
  private static final Pattern ARG =
      Pattern.compile("^\\s*ARG\\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S+))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern FROM =
      Pattern.compile("^\\s*FROM\\s+(\\S+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern REF = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  private final Path root;

  ProjectFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  Path inProject(String relative) {
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("o caminho sai da pasta do projeto: " + relative);
    }
    return path;
  }

  /** The base images a Dockerfile starts FROM, with its ARG defaults and the build args applied. */
  List<String> baseImagesOf(Path dockerfile, Map<String, String> buildArgs) {
    if (!Files.isRegularFile(dockerfile)) {
      return List.of();
    }
    Map<String, String> args = new HashMap<>();
    List<String> bases = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dockerfile)) {
        Matcher arg = ARG.matcher(line);
        if (arg.find()) {
          args.put(
              arg.group(1),
              buildArgs.getOrDefault(arg.group(1), arg.group(2) == null ? "" : arg.group(2)));
        }
        Matcher from = FROM.matcher(line);
        if (from.find()) {
          String image =
              REF.matcher(from.group(1))
                  .replaceAll(m -> Matcher.quoteReplacement(args.getOrDefault(m.group(1), "")));
          if (BaseImages.isBase(image) && !bases.contains(image)) {
            bases.add(image);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bases;
  }
}
