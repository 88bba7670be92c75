package dev.workbench.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.HostConfig;
import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.StepResult;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Action;
import dev.workbench.step.Step;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud lesson's failures, on the real engine with a real registry and a real second dockerd in
 * a container: refused credentials fail the push, a remote engine that is down fails the release,
 * each with a pt-BR message, and nothing else breaks; the stand-in is a limited container, never a
 * daemon or bridge on the host; clouds past the quotas are refused; reset, and the start after a
 * killed server, leave nothing behind.
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
    Step wrongPush =
        withAction(push, new Action.CloudPush("classificador-produtos", null, "senha-errada"));

    StepResult refused = run(wrongPush, Map.of());

    assertThat(refused.status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(refused.message())
        .contains("recusou o usuário \"aluno-" + session.id() + "\"")
        .contains("HTTP 401")
        .contains("confira usuário e senha");
    StepResult wrongLogin = run(step("login"), Map.of("SENHA", "outra-senha"));
    assertThat(wrongLogin.status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(wrongLogin.message()).contains("HTTP 401");
    assertPassed(run(step("login"), Map.of()));
  }

  @Test
  void
      a_remote_engine_that_is_down_fails_the_release_with_a_clear_message_and_the_registry_still_works() {
    assertPassed(run(step("ligar"), Map.of()));
    runner.clouds().stopRemoteEngine(session);

    StepResult release = run(step("release"), Map.of());

    assertThat(release.status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(release.message())
        .contains("o engine remoto (unix://")
        .contains("não respondeu")
        .contains("Ligue a nuvem de novo");
    assertPassed(run(step("login"), Map.of()));
    assertPassed(run(step("ligar"), Map.of())); // and the cloud comes back
  }

  @Test
  void a_configured_engine_that_does_not_answer_fails_the_start_and_leaves_no_registry() {
    Session learner = new Session("cloudit" + Session.random().id());
    CloudConfig configured =
        CloudConfig.LOCAL.withTarget(
            new CloudTarget(
                null, null, null, URI.create("unix:///run/workbench-cloud/nao-existe.sock")));
    try (StepRunner elsewhere = new StepRunner(engine, TestEngines.projectRoot(), configured)) {
      StepResult start = elsewhere.run(nuvem, step("ligar"), learner, Map.of(), event -> {});

      assertThat(start.status()).isEqualTo(StepResult.Status.FAILED);
      assertThat(start.message())
          .contains("o engine remoto (unix:///run/workbench-cloud/nao-existe.sock) não respondeu");
      assertThat(engine.containers().inspect(new Scope(learner, "nuvem"), LocalRegistry.CONTAINER))
          .isEmpty();
    } finally {
      engine.removeAll(learner, null);
    }
  }

  @Test
  void the_remote_engine_is_a_limited_container_not_a_daemon_on_the_host_and_reset_leaves_nothing()
      throws Exception {
    Set<Long> dockerdsBefore = hostDockerds();

    assertPassed(run(step("ligar"), Map.of()));

    Scope scope = new Scope(session, "nuvem");
    HostConfig engineLimits =
        engine.containers().inspect(scope, StandInEngine.CONTAINER).orElseThrow().getHostConfig();
    assertThat(engineLimits.getMemory()).as("memory of the stand-in's container").isPositive();
    assertThat(engineLimits.getPidsLimit())
        .as("pids limit of the stand-in's container")
        .isPositive();
    HostConfig registryLimits =
        engine.containers().inspect(scope, LocalRegistry.CONTAINER).orElseThrow().getHostConfig();
    assertThat(registryLimits.getMemory()).as("memory of the registry").isPositive();
    assertThat(registryLimits.getNanoCPUs()).as("CPUs of the registry").isPositive();
    assertThat(registryLimits.getPidsLimit()).as("pids limit of the registry").isPositive();
    assertThat(hostDockerds())
        .as("dockerd processes in this machine's own pid namespace")
        .isEqualTo(dockerdsBefore);
    assertThat(ProcessHandle.current().descendants().filter(p -> command(p).endsWith("dockerd")))
        .as("dockerd started by the workbench")
        .isEmpty();
    assertThat(Path.of("/sys/class/net", oldBridgeName(session)))
        .as("the old stand-in's host bridge")
        .doesNotExist();
    Path folder = StandInEngine.folders(engine).resolve(session.id());
    assertThat(folder.resolve("docker.sock")).exists();

    runner.resetLesson(session, "nuvem");

    assertThat(engine.containers().inspect(scope, StandInEngine.CONTAINER)).isEmpty();
    assertThat(engine.containers().inspect(scope, LocalRegistry.CONTAINER)).isEmpty();
    assertThat(engine.storage().volumeExists(scope, StandInEngine.VOLUME)).isFalse();
    assertThat(engine.storage().network(scope, StandInEngine.NETWORK)).isEmpty();
    StandIn.CLOUD.assertNothingLeft(engine, session);
  }

  @Test
  void a_second_cloud_for_the_same_learner_and_one_past_the_servers_cap_are_refused() {
    Session mine = new Session("cloudit" + Session.random().id());
    Session other = new Session("cloudit" + Session.random().id());
    CloudConfig oneCloud = CloudConfig.LOCAL.withLimits(CloudLimits.LAPTOP.withClouds(1));
    try (StepRunner capped = new StepRunner(engine, TestEngines.projectRoot(), oneCloud)) {
      assertPassed(capped.run(nuvem, step("ligar"), mine, Map.of(), event -> {}));
      Clouds clouds = capped.clouds();

      assertThatThrownBy(
              () ->
                  clouds.perform(
                      new Action.CloudStart(), new Scope(mine, "outra"), v -> v, OutputSink.NONE))
          .isInstanceOf(QuotaExceeded.class)
          .hasMessageContaining("nuvens por aluno")
          .hasMessageContaining("reinicie essa lição");

      assertThatThrownBy(
              () ->
                  clouds.perform(
                      new Action.CloudStart(), new Scope(other, "nuvem"), v -> v, OutputSink.NONE))
          .isInstanceOf(QuotaExceeded.class)
          .hasMessageContaining("no máximo 1")
          .hasMessageContaining("reinicie a lição nuvem");
      assertThatThrownBy(() -> capped.admit(nuvem, step("ligar"), other, Map.of()))
          .as("the site's 429, before a run")
          .isInstanceOf(QuotaExceeded.class);
      capped.admit(
          nuvem,
          step("ligar"),
          mine,
          Map.of()); // starting one's own cloud again replaces it: room enough
      assertThat(engine.snapshot(other).containers())
          .as("nothing made for the refused cloud")
          .isEmpty();
      assertThat(engine.snapshot(other).networks()).isEmpty();
      // the learner who has the cloud may start it again
      assertPassed(capped.run(nuvem, step("ligar"), mine, Map.of(), event -> {}));
    } finally {
      engine.removeAll(mine, null);
      engine.removeAll(other, null);
    }
  }

  @Test
  void a_server_killed_with_a_cloud_running_leaves_nothing_after_the_next_start() throws Exception {
    StandIn.CLOUD.assertKilledServerLeavesNothing(engine, dataDir);
  }

  /** The bridge the host dockerd of earlier versions made for a session. */
  private static String oldBridgeName(Session s) {
    return "wbc" + String.format("%08x", s.id().hashCode());
  }

  /** dockerd processes in this process's own pid namespace: none in a container is counted. */
  private static Set<Long> hostDockerds() throws IOException {
    String mine = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
    return ProcessHandle.allProcesses()
        .filter(p -> command(p).endsWith("dockerd"))
        .filter(
            p -> {
              try {
                return Files.readSymbolicLink(
                        Path.of("/proc", String.valueOf(p.pid()), "ns", "pid"))
                    .toString()
                    .equals(mine);
              } catch (IOException e) {
                return false; // gone, or not ours to read
              }
            })
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }

  private static String command(ProcessHandle p) {
    return p.info().command().orElse("");
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
    return new Step(
        s.id(),
        s.title(),
        s.cli(),
        s.params(),
        action,
        s.expect(),
        s.group(),
        s.line(),
        s.heroku());
  }
}
