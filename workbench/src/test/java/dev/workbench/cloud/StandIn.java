package dev.workbench.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.Engine;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.run.CourseRun;
import dev.workbench.step.Action;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A learner's stand-in as {@link CloudIT} and {@link SwarmIT} see it, so both prove the same things
 * the same way: a reset leaves nothing of it, and neither does the start after a server killed with
 * one running ({@code kill -9}), while a live server's stays. {@link #main} is that server: another
 * process that starts the stand-in, says "ready" and waits to be killed.
 */
public enum StandIn {
  CLOUD("nuvem", StandInEngine.CONTAINER) {
    @Override
    void start(Engine engine, Scope scope) {
      new Clouds(engine, CloudConfig.LOCAL)
          .perform(new Action.CloudStart(), scope, v -> v, OutputSink.NONE);
    }

    @Override
    Path folders(Engine engine) {
      return StandInEngine.folders(engine);
    }
  },
  SWARM("orquestracao", StandInSwarm.host(1)) {
    @Override
    void start(Engine engine, Scope scope) {
      new Swarms(engine, SwarmLimits.LAPTOP)
          .perform(new Action.SwarmStart(1, List.of()), scope, v -> v, OutputSink.NONE);
    }

    @Override
    Path folders(Engine engine) {
      return StandInSwarm.folders(engine);
    }
  };

  /** The lesson that starts it. */
  final String lesson;

  /** A container it always has, looked for to tell that it runs. */
  final String container;

  StandIn(String lesson, String container) {
    this.lesson = lesson;
    this.container = container;
  }

  /** Starts one in {@code scope}, in a manager of its own that nothing closes (killed with it). */
  abstract void start(Engine engine, Scope scope);

  /** Where these stand-ins keep a folder per session, under the data dir. */
  abstract Path folders(Engine engine);

  /** Nothing of the session's is left: no container, network, volume or folder. */
  void assertNothingLeft(Engine engine, Session session) {
    Path folder = folders(engine).resolve(session.id());
    assertThat(folder).as("%s folder", this).doesNotExist();
    assertThat(engine.snapshot(session).containers()).isEmpty();
    assertThat(engine.snapshot(session).networks()).isEmpty();
    assertThat(engine.snapshot(session).volumes()).isEmpty();
  }

  /**
   * Another process starts one and is killed with it running: while it lives, the start-up cleanup
   * ({@link CourseRun#removeOrphans}, what serve does as it starts) keeps it; once killed, the
   * cleanup removes all of it.
   */
  void assertKilledServerLeavesNothing(Engine engine, Path dataDir) throws Exception {
    Session killed =
        new Session(name().toLowerCase() + "kill" + Session.random().id().substring(0, 4));
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StandIn.class.getName(),
                dataDir.toString(),
                killed.id(),
                name())
            .redirectErrorStream(true)
            .start();
    try {
      String said = new String(server.getInputStream().readNBytes(5), StandardCharsets.UTF_8);
      assertThat(said).as("the other process started its %s", this).isEqualTo("ready");
      Scope scope = new Scope(killed, lesson);
      assertThat(engine.containers().inspect(scope, container)).isPresent();
      CourseRun.removeOrphans(engine);
      assertThat(engine.containers().inspect(scope, container))
          .as("a live process's %s stays", this)
          .isPresent();

      server.destroyForcibly().waitFor(); // kill -9

      assertThat(CourseRun.removeOrphans(engine)).isPositive();
      assertNothingLeft(engine, killed);
    } finally {
      server.destroyForcibly();
      engine.removeAll(killed, null);
    }
  }

  /** The server to kill: {@code DATA_DIR SESSION KIND}. */
  public static void main(String[] args) throws InterruptedException {
    StandIn kind = valueOf(args[2]);
    kind.start(new Engine(Path.of(args[0])), new Scope(new Session(args[1]), kind.lesson));
    System.out.print("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
