package dev.workbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The real compose binary on a lesson's compose file. The project is named after the session and
 * the lesson, and the file reads {@code WB_SESSION}/{@code WB_LESSON} to label what it creates and
 * {@code WB_PREFIX} to name its containers as the lesson's other steps expect them.
 */
public final class Compose {
  /**
   * The lines of a failed run read for a refusal learners meet often (a port taken, a full disk).
   */
  private static final int LINES_READ_ON_FAILURE = 50;

  private final Engine engine;

  Compose(Engine engine) {
    this.engine = engine;
  }

  /**
   * {@code up -d --build}: first counted against the learner's quotas, service by service, so a
   * project that would not fit starts nothing. What the project already has is replaced, not added.
   */
  public int up(Scope scope, Path file, OutputSink sink, Duration timeout) {
    requireRoom(scope, file);
    return run(scope, file, List.of("up", "-d", "--build", "--remove-orphans"), sink, timeout);
  }

  /**
   * Refuses with {@link QuotaExceeded} a file whose {@code up} would take the learner past a quota;
   * what the project already has does not count, since {@code up} replaces it.
   */
  public void requireRoom(Scope scope, Path file) {
    ComposeFile parsed = ComposeFile.read(file);
    String project = project(scope);
    engine.quota().require(scope.session(), parsed.demand(), project, parsed.builtImages(project));
  }

  public int down(Scope scope, Path file, OutputSink sink, Duration timeout) {
    return down(scope, file, true, sink, timeout);
  }

  /**
   * {@code down}, removing the project's volumes too unless {@code volumes} is false: named volumes
   * carry the session's labels (the compose file gives them), so the lesson's reset removes them.
   */
  public int down(Scope scope, Path file, boolean volumes, OutputSink sink, Duration timeout) {
    List<String> args = new ArrayList<>(List.of("down", "--rmi", "local", "--remove-orphans"));
    if (volumes) {
      args.add(1, "--volumes");
    }
    return run(scope, file, args, sink, timeout);
  }

  /**
   * The compose project name: the session's prefix plus the lesson, e.g. wb-1a2b3c4d-orquestracao.
   */
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
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.directory(file.getParent().toFile());
    builder.environment().put("WB_SESSION", scope.session().id());
    builder.environment().put("WB_LESSON", scope.lesson());
    builder.environment().put("WB_PREFIX", scope.prefix());
    builder.environment().put("DOCKER_HOST", engine.host().toString());
    builder.environment().put("COMPOSE_DOCKER_CLI_BUILD", "0");
    // compose says the engine's refusals in its output: the last lines are where to look for one
    Deque<String> last = new ArrayDeque<>();
    int exit;
    try {
      exit =
          HostProcess.run(
              builder,
              line -> {
                sink.out(line);
                synchronized (last) {
                  last.addLast(line);
                  if (last.size() > LINES_READ_ON_FAILURE) {
                    last.removeFirst();
                  }
                }
              },
              timeout,
              "o compose");
    } catch (IOException e) {
      throw new EngineError(
          "não encontrei o compose (docker-compose ou docker compose): instale-o", e);
    }
    if (exit != 0) {
      synchronized (last) {
        KnownError.in(String.join("\n", last), null)
            .ifPresent(
                known -> {
                  throw known;
                });
      }
    }
    return exit;
  }

  /**
   * Debian's docker-compose 1.29 where it is installed, else the compose plugin of the docker CLI.
   */
  static List<String> binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "docker-compose"))) {
        return List.of(Path.of(dir, "docker-compose").toString());
      }
    }
    return List.of("docker", "compose");
  }
}
