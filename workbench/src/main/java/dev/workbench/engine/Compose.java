package dev.workbench.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real compose binary on a lesson's compose file. The project is named after the session and
 * the lesson, and the file reads {@code WB_SESSION}/{@code WB_LESSON} to label what it creates and
 * {@code WB_PREFIX} to name its containers as the lesson's other steps expect them.
 */
public final class Compose {
  private final Engine engine;

  Compose(Engine engine) {
    this.engine = engine;
  }

  public int up(Scope scope, Path file, OutputSink sink, Duration timeout) {
    return run(scope, file, List.of("up", "-d", "--build", "--remove-orphans"), sink, timeout);
  }

  public int down(Scope scope, Path file, OutputSink sink, Duration timeout) {
    return run(scope, file, List.of("down", "--volumes", "--rmi", "local", "--remove-orphans"), sink, timeout);
  }

  /** The compose project name: the session's prefix plus the lesson, e.g. wb-1a2b3c4d-orquestracao. */
  public static String project(Scope scope) {
    return scope.sessionPrefix() + scope.lesson();
  }

  private int run(Scope scope, Path file, List<String> args, OutputSink sink, Duration timeout) {
    if (!Files.isRegularFile(file)) {
      throw new EngineError("o arquivo compose não existe: " + file.getFileName());
    }
    List<String> command = new ArrayList<>(binary());
    command.addAll(List.of("-p", project(scope), "-f", file.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.directory(file.getParent().toFile());
    builder.environment().put("WB_SESSION", scope.session().id());
    builder.environment().put("WB_LESSON", scope.lesson());
    builder.environment().put("WB_PREFIX", scope.prefix());
    builder.environment().put("DOCKER_HOST", engine.host().toString());
    builder.environment().put("COMPOSE_DOCKER_CLI_BUILD", "0");
    try {
      Process process = builder.start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().forEach(sink::out);
      }
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new EngineError("o compose passou do limite de " + timeout.toSeconds() + " s");
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new EngineError("não encontrei o compose (docker-compose ou docker compose): instale-o", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineError("interrompido", e);
    }
  }

  /** Debian's docker-compose 1.29 where it is installed, else the compose plugin of the docker CLI. */
  static List<String> binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "docker-compose"))) {
        return List.of(Path.of(dir, "docker-compose").toString());
      }
    }
    return List.of("docker", "compose");
  }
}
