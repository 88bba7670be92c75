package dev.workbench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What a compose file would create, read before {@code up} runs it: a container per service, an
 * image per service that builds one, its networks (at least the default one) and volumes, leaving
 * out those marked {@code external} (they exist already).
 */
record ComposeFile(Set<String> services, Set<String> built, int networks, int volumes) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static ComposeFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new EngineError("o arquivo compose não existe: " + file.getFileName());
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new EngineError(
          "não consegui ler o arquivo compose " + file.getFileName() + ": " + e.getMessage(), e);
    }
    Set<String> services = new HashSet<>();
    Set<String> built = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("services").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> service = it.next();
      services.add(service.getKey());
      if (service.getValue().has("build")) {
        built.add(service.getKey());
      }
    }
    return new ComposeFile(
        services, built, Math.max(1, own(root.path("networks"))), own(root.path("volumes")));
  }

  Demand demand() {
    return new Demand(services.size(), built.size(), volumes, networks);
  }

  /**
   * The tags compose gives the images it builds: {@code project_service} (compose 1.x) or {@code
   * project-service} (compose 2); a project brought up again replaces them.
   */
  Set<String> builtImages(String project) {
    Set<String> tags = new HashSet<>();
    for (String service : built) {
      tags.add(project + "_" + service + ":latest");
      tags.add(project + "-" + service + ":latest");
    }
    return tags;
  }

  private static int own(JsonNode declared) {
    int count = 0;
    for (JsonNode entry : declared) {
      if (!entry.path("external").asBoolean(false) && !entry.path("external").isObject()) {
        count++;
      }
    }
    return count;
  }
}
