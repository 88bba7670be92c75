package dev.workbench.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Scope;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.engine.Session;
import dev.workbench.run.StepResult;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Action;
import dev.workbench.step.Step;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud lesson's failures, on the real engine with a real registry and a real second dockerd:
 * refused credentials fail the push, a remote engine that is down fails the release, each with a
 * pt-BR message, and nothing else breaks; reset leaves no dockerd, registry or bridge behind.
 */
class CloudIT {
  @TempDir static Path dataDir;
  static Engine engine;
  static StepRunner runner;
  static Lesson nuvem;
  static Session session;

  @BeforeAll
  static void connect() {
    engine = TestEngines.require(dataDir);
    runner = new StepRunner(engine, TestEngines.projectRoot());
    nuvem = Course.load(TestEngines.projectRoot().resolve("lessons")).find("nuvem").orElseThrow();
    session = new Session("cloudit" + Session.random().id());
  }

  @AfterEach
  void localCloudAgain() {
    Clouds.of(engine).target(null);
  }

  @AfterAll
  static void cleanUp() {
    if (engine != null) {
      runner.resetLesson(session, null);
      engine.removeAll(session, null);
      engine.close();
    }
  }

  @Test
  void wrong_credentials_fail_the_push_with_a_clear_message_and_the_right_ones_still_work() {
    assertPassed(run(step("ligar"), Map.of()));
    Step push = step("push");
    Step wrongPush = withAction(push, new Action.CloudPush("classificador-produtos", null, "senha-errada"));

    StepResult refused = run(wrongPush, Map.of());

    assertThat(refused.status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(refused.message()).contains("recusou o usuário \"aluno-" + session.id() + "\"").contains("HTTP 401")
        .contains("confira usuário e senha");
    StepResult wrongLogin = run(step("login"), Map.of("SENHA", "outra-senha"));
    assertThat(wrongLogin.status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(wrongLogin.message()).contains("HTTP 401");
    assertPassed(run(step("login"), Map.of()));
  }

  @Test
  void a_remote_engine_that_is_down_fails_the_release_with_a_clear_message_and_the_registry_still_works() {
    assertPassed(run(step("ligar"), Map.of()));
    Clouds.of(engine).stopRemoteEngine(session);

    StepResult release = run(step("release"), Map.of());

    assertThat(release.status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(release.message()).contains("o engine remoto (unix://").contains("não respondeu")
        .contains("Ligue a nuvem de novo");
    assertPassed(run(step("login"), Map.of()));
    assertPassed(run(step("ligar"), Map.of())); // and the cloud comes back
  }

  @Test
  void a_configured_engine_that_does_not_answer_fails_the_start_and_leaves_no_registry() {
    Clouds.of(engine).target(new CloudTarget(null, null, null, URI.create("unix:///run/workbench-cloud/nao-existe.sock")));

    StepResult start = run(step("ligar"), Map.of());

    assertThat(start.status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(start.message()).contains("o engine remoto (unix:///run/workbench-cloud/nao-existe.sock) não respondeu");
    assertThat(engine.containers().inspect(new Scope(session, "nuvem"), LocalRegistry.CONTAINER)).isEmpty();
  }

  @Test
  void reset_stops_the_remote_engine_and_the_registry_and_leaves_nothing() throws Exception {
    assertPassed(run(step("ligar"), Map.of()));
    Path runDir = StandInEngine.runDir(session.id());
    assertThat(dockerdsUsing(runDir)).isEqualTo(1);

    runner.resetLesson(session, "nuvem");

    assertThat(dockerdsUsing(runDir)).as("dockerd processes with the session's pid file").isZero();
    assertThat(Files.exists(runDir)).as("run dir " + runDir).isFalse();
    assertThat(Files.exists(Path.of("/sys/class/net", StandInEngine.bridgeName(session.id())))).isFalse();
    assertThat(engine.containers().inspect(new Scope(session, "nuvem"), LocalRegistry.CONTAINER)).isEmpty();
    assertThat(engine.snapshot(session).containers()).isEmpty();
    assertThat(engine.snapshot(session).networks()).isEmpty();
    assertThat(engine.snapshot(session).volumes()).isEmpty();
  }

  private static long dockerdsUsing(Path runDir) {
    String pidfile = runDir.resolve("docker.pid").toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(pidfile)).orElse(false))
        .count();
  }

  private static StepResult run(Step step, Map<String, String> params) {
    return runner.run(nuvem, step, session, params, event -> {});
  }

  private static void assertPassed(StepResult result) {
    assertThat(result.passed()).as("%s%n%s", result.message(), result.output()).isTrue();
  }

  private static Step step(String id) {
    return nuvem.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static Step withAction(Step s, Action action) {
    return new Step(s.id(), s.title(), s.cli(), s.params(), action, s.expect(), s.group(), s.line(), s.heroku());
  }
}
