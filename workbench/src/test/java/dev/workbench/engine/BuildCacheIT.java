package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.run.CourseRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each learner's build cache is their own, as on their own machine: a layer another learner built
 * on the same engine never answers this learner's build, while their own rebuild still comes from
 * the cache. Lesson 2's exercise depends on it: its {@code RUN} must run again with a new build
 * argument even when someone else built that value a moment before.
 */
class BuildCacheIT {
  private static final String DOCKERFILE =
      "FROM workbench/debian:bookworm\n"
          + "ARG VERSAO=1\n"
          + "RUN echo \"rodou a versao ${VERSAO}\" | tee /versao.txt\n";

  @TempDir Path dataDir;
  @TempDir Path context;
  Engine engine;
  Scope one;
  Scope other;

  @BeforeEach
  void connect() throws Exception {
    engine = TestEngines.require(dataDir);
    engine.images().provide("workbench/debian:bookworm", OutputSink.NONE);
    Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    one = new Scope(CourseRun.newSession(), "imagens");
    other = new Scope(CourseRun.newSession(), "imagens");
  }

  @AfterEach
  void cleanUp() {
    engine.removeAll(one.session(), null);
    engine.removeAll(other.session(), null);
    engine.close();
  }

  private String build(Scope scope) {
    List<String> lines = new ArrayList<>();
    OutputSink sink =
        new OutputSink() {
          @Override
          public void out(String line) {
            lines.add(line);
          }

          @Override
          public void err(String line) {
            lines.add(line);
          }

          @Override
          public void info(String line) {}

          @Override
          public void progress(String label, long current, long total) {}
        };
    engine
        .images()
        .build(
            scope,
            "versionada",
            context,
            "Dockerfile",
            Map.of("VERSAO", "2"),
            sink,
            Duration.ofMinutes(5));
    return String.join("\n", lines);
  }

  @Test
  void another_learners_layers_never_answer_a_build_but_ones_own_do() {
    assertThat(build(one)).as("the first build runs the RUN").contains("rodou a versao 2");
    assertThat(build(one))
        .as("the same learner's rebuild comes from their cache")
        .contains("Using cache")
        .doesNotContain("rodou a versao 2");
    assertThat(build(other))
        .as("another learner, the same instructions and value: the RUN runs for them too")
        .contains("rodou a versao 2");
  }
}
