package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.KnownError.Problem;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Lesson;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Step;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's common refusals, provoked for real, reach the learner as one pt-BR sentence with the
 * command that fixes it, in the learner's names (a full disk is {@code KnownErrorTest}'s: filling
 * the engine's disk is no test).
 */
class KnownErrorsIT {
  private static final String IMAGE = "workbench/debian:bookworm";
  private static final List<String> WAIT =
      List.of("bash", "-c", "trap 'exit 0' TERM; sleep infinity & wait");

  @TempDir Path dataDir;
  @TempDir Path project;
  Engine engine;
  StepRunner runner;
  Session session;
  Lesson lesson;

  @BeforeEach
  void connect() {
    engine = TestEngines.require(dataDir);
    engine.images().provide(IMAGE, OutputSink.NONE);
    runner = new StepRunner(engine, project);
    session = CourseRun.newSession();
    lesson = lesson("erros");
  }

  @AfterEach
  void cleanUp() {
    runner.close();
    engine.removeAll(session, null);
    engine.close();
  }

  private Lesson lesson(String id) {
    return new Lesson(id, "Erros", 1, "", project.resolve("lesson.md"), List.of());
  }

  private static Step step(String id, Action action, Check... checks) {
    return new Step(id, id, "docker …", Map.of(), action, List.of(checks), "", 1);
  }

  private StepResult run(Lesson in, Step step) {
    return runner.run(in, step, session, Map.of(), event -> {});
  }

  @Test
  void a_container_of_an_image_no_step_built_says_so_with_the_build_command() {
    ContainerSpec spec =
        new ContainerSpec(
            "orfao", "nunca-construida", List.of("true"), null, null, null, null, null, null);
    StepResult result =
        run(lesson, step("orfao", new Action.RunContainer(spec, false), new Check.ExitCode(0)));

    assertThat(result.passed()).isFalse();
    assertThat(result.message())
        .isEqualTo(Problem.NO_SUCH_IMAGE.say(List.of("nunca-construida")))
        .contains("`docker build -t nunca-construida PASTA`");
  }

  @Test
  void a_build_whose_from_is_in_no_registry_names_the_image_of_its_from() throws IOException {
    Path context = Files.createDirectories(project.resolve("livro"));
    Files.writeString(
        context.resolve("Dockerfile"), "FROM wb-nenhum-registro-tem:3.10.2\nCMD [\"true\"]\n");
    StepResult result =
        run(
            lesson,
            step(
                "livro",
                new Action.BuildImage("livro", "livro", null, Map.of()),
                new Check.ImageExists("livro", true)));

    assertThat(result.passed()).isFalse();
    assertThat(result.message())
        .as(result.output())
        .isEqualTo(Problem.NO_SUCH_IMAGE.say(List.of("wb-nenhum-registro-tem:3.10.2")));
  }

  @Test
  void a_command_in_a_removed_container_names_it_and_says_how_to_list_the_ones_there_are() {
    ContainerSpec spec =
        new ContainerSpec("maquina", IMAGE, WAIT, null, null, null, null, null, null);
    assertThat(
            run(
                    lesson,
                    step(
                        "criar",
                        new Action.RunContainer(spec, true),
                        new Check.ContainerState("maquina", "running")))
                .passed())
        .isTrue();
    assertThat(
            run(
                    lesson,
                    step(
                        "remover",
                        new Action.RemoveContainer("maquina"),
                        new Check.ContainerState("maquina", "absent")))
                .passed())
        .isTrue();

    StepResult exec =
        run(
            lesson,
            step(
                "olhar",
                new Action.ExecInContainer("maquina", List.of("ls"), Map.of()),
                new Check.ExitCode(0)));
    StepResult start =
        run(
            lesson,
            step(
                "ligar",
                new Action.StartContainer("maquina"),
                new Check.ContainerState("maquina", "running")));

    assertThat(exec.passed()).isFalse();
    assertThat(exec.message())
        .isEqualTo(Problem.NO_SUCH_CONTAINER.say(List.of("maquina")))
        .contains("`docker ps -a`");
    assertThat(start.message()).isEqualTo(exec.message());
  }

  @Test
  void a_second_project_publishing_the_same_host_port_says_the_port_is_taken_and_who_to_ask()
      throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Files.writeString(
        project.resolve("compose.yml"),
        """
        services:
          porta:
            image: %s
            command: ["bash", "-c", "trap 'exit 0' TERM; sleep infinity & wait"]
            container_name: "${WB_PREFIX}porta"
            ports: ["127.0.0.1:%d:80"]
            labels: { workbench.session: "${WB_SESSION}", workbench.lesson: "${WB_LESSON}" }
        networks:
          default:
            labels: { workbench.session: "${WB_SESSION}", workbench.lesson: "${WB_LESSON}" }
        """
            .formatted(IMAGE, port));
    Step up =
        step(
            "subir",
            new Action.ComposeUp("compose.yml"),
            new Check.ExitCode(0),
            new Check.ContainerState("porta", "running"));

    StepResult first = run(lesson("primeira"), up);
    StepResult second = run(lesson("segunda"), up);

    assertThat(first.passed()).as(first.message() + first.output()).isTrue();
    assertThat(second.passed()).isFalse();
    assertThat(second.message())
        .as(second.output())
        .isEqualTo(Problem.PORT_TAKEN.say(List.of("127.0.0.1:" + port, String.valueOf(port))))
        .contains("`docker ps --filter publish=" + port + "`");
  }
}
