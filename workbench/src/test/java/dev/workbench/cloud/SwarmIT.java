package dev.workbench.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.lesson.Language;
import dev.workbench.run.CourseRun;
import dev.workbench.run.StepRunner;
import dev.workbench.step.Action;
import dev.workbench.step.Check;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swarm's hosts on the real engine, one node each to stay quick (the lesson's three nodes run
 * in {@code verify}): each host is a limited, labelled container named and host-named after the
 * node, the learner's own engine never enters swarm mode, checks fail with a clear word when there
 * is no swarm, swarms past the quotas are refused, and reset, and the start after a killed server,
 * leave nothing behind.
 */
class SwarmIT {
  @TempDir static Path dataDir;
  static Engine engine;
  static StepRunner runner;
  static Session session;

  @BeforeAll
  static void connect() {
    engine = TestEngines.require(dataDir);
    runner = new StepRunner(engine, TestEngines.projectRoot());
    session = new Session("swarmit" + Session.random().id());
  }

  @AfterEach
  void defaultLimits() {
    Swarms.of(engine).limits(SwarmLimits.LAPTOP);
    runner.resetLesson(session, null);
  }

  @AfterAll
  static void cleanUp() {
    if (engine != null) {
      runner.close();
      engine.removeAll(session, null);
      engine.close();
    }
  }

  @Test
  void a_host_is_a_limited_container_named_after_its_node_and_reset_leaves_nothing() {
    Scope scope = new Scope(session, "orquestracao");
    Swarms.of(engine).perform(new Action.SwarmStart(1, List.of()), scope, v -> v, OutputSink.NONE);

    InspectContainerResponse host = engine.containers().inspect(scope, "no-1").orElseThrow();
    assertThat(host.getConfig().getHostName()).isEqualTo("no-1");
    assertThat(host.getHostConfig().getMemory()).as("memory of the host's container").isPositive();
    assertThat(host.getHostConfig().getNanoCPUs()).as("CPUs of the host's container").isPositive();
    assertThat(host.getHostConfig().getPidsLimit())
        .as("pids limit of the host's container")
        .isPositive();
    assertThat(host.getConfig().getLabels())
        .containsEntry("workbench.kind", "swarm")
        .containsEntry(Scope.SESSION_LABEL, session.id())
        .containsKey("workbench.owner");
    assertThat(engine.swarm().member()).as("the learner's own engine is in swarm mode").isFalse();
    Path folder = StandInSwarm.folders(engine).resolve(session.id());
    assertThat(folder.resolve("no-1").resolve("docker.sock")).exists();

    runner.resetLesson(session, "orquestracao");

    assertThat(Files.exists(folder)).as("swarm folder " + folder).isFalse();
    assertThat(engine.snapshot(session).containers()).isEmpty();
    assertThat(engine.snapshot(session).networks()).isEmpty();
    assertThat(engine.snapshot(session).volumes()).isEmpty();
  }

  @Test
  void without_a_swarm_checks_fail_at_once_and_a_join_says_what_is_missing() {
    Scope scope = new Scope(session, "orquestracao");
    Swarms swarms = Swarms.of(engine);

    Check.SwarmService web = new Check.SwarmService("web", 3, null);
    Clouds.Verdict none = swarms.evaluate(web, scope, v -> v, Language.PT_BR);
    assertThat(none.passed()).isFalse();
    assertThat(none.description()).isEqualTo("no enxame, o serviço web roda 3 réplicas");
    assertThat(none.detail()).isEqualTo("os nós do enxame não estão ligados");
    Clouds.Verdict inEnglish = swarms.evaluate(web, scope, v -> v, Language.EN);
    assertThat(inEnglish.description()).isEqualTo("in the swarm, the service web runs 3 replicas");
    assertThat(inEnglish.detail()).isEqualTo("the swarm's nodes are not on");

    swarms.perform(new Action.SwarmStart(1, List.of()), scope, v -> v, OutputSink.NONE);
    Clouds.Verdict noInit =
        swarms.evaluate(
            new Check.SwarmNode("no-1", "manager", null, null), scope, v -> v, Language.PT_BR);
    assertThat(noInit.passed()).isFalse();
    assertThat(noInit.detail()).contains("falta o docker swarm init");
    assertThatThrownBy(() -> swarms.perform(new Action.SwarmJoin(), scope, v -> v, OutputSink.NONE))
        .isInstanceOf(EngineError.class)
        .hasMessageContaining("um nó só");
  }

  @Test
  void a_second_swarm_for_the_same_learner_and_one_past_the_servers_cap_are_refused() {
    Swarms swarms = Swarms.of(engine);
    swarms.perform(
        new Action.SwarmStart(1, List.of()),
        new Scope(session, "orquestracao"),
        v -> v,
        OutputSink.NONE);

    assertThatThrownBy(
            () ->
                swarms.perform(
                    new Action.SwarmStart(1, List.of()),
                    new Scope(session, "outra"),
                    v -> v,
                    OutputSink.NONE))
        .isInstanceOf(QuotaExceeded.class)
        .hasMessageContaining("enxames por aluno")
        .hasMessageContaining("reinicie essa lição");

    Session other = new Session("swarmit" + Session.random().id());
    swarms.limits(SwarmLimits.LAPTOP.withSwarms(1));
    assertThatThrownBy(() -> swarms.requireRoom(new Scope(other, "orquestracao")))
        .isInstanceOf(QuotaExceeded.class)
        .hasMessageContaining("no máximo 1");
    swarms.requireRoom(
        new Scope(session, "orquestracao")); // starting one's own again replaces it: room enough
    assertThat(engine.snapshot(other).containers())
        .as("nothing made for the refused swarm")
        .isEmpty();
  }

  @Test
  void a_server_killed_with_a_swarm_running_leaves_nothing_after_the_next_start() throws Exception {
    Session killed = new Session("swarmkill" + Session.random().id().substring(0, 4));
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SwarmHolder.class.getName(),
                dataDir.toString(),
                killed.id())
            .redirectErrorStream(true)
            .start();
    try {
      String said =
          new String(
              server.getInputStream().readNBytes(5), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(said).as("the other process started its swarm").isEqualTo("ready");
      Scope scope = new Scope(killed, "orquestracao");
      assertThat(engine.containers().inspect(scope, "no-1")).isPresent();
      CourseRun.removeOrphans(engine);
      assertThat(engine.containers().inspect(scope, "no-1"))
          .as("a live process's swarm stays")
          .isPresent();

      server.destroyForcibly().waitFor(); // kill -9

      assertThat(CourseRun.removeOrphans(engine)).isPositive(); // what serve does as it starts
      assertThat(engine.snapshot(killed).containers()).isEmpty();
      assertThat(engine.snapshot(killed).networks()).isEmpty();
      assertThat(engine.snapshot(killed).volumes()).isEmpty();
      assertThat(StandInSwarm.folders(engine).resolve(killed.id())).doesNotExist();
    } finally {
      server.destroyForcibly();
      engine.removeAll(killed, null);
    }
  }
}
