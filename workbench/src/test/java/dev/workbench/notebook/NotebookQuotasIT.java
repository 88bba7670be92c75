package dev.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.workbench.TestEngines;
import dev.workbench.engine.Engine;
import dev.workbench.engine.QuotaExceeded;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One notebook per learner, a few per server: past either, a pt-BR 429 saying how to free room. */
class NotebookQuotasIT {
  @TempDir static Path dataDir;
  @TempDir static Path projectRoot;
  static Engine engine;
  static final List<Session> LEARNERS =
      List.of(new Session("quota001"), new Session("quota002"), new Session("quota003"));

  @BeforeAll
  static void open() {
    engine = TestEngines.require(dataDir);
  }

  @AfterAll
  static void cleanUp() {
    LEARNERS.forEach(s -> engine.removeAll(s, null));
    engine.close();
  }

  private static int run(Notebooks notebooks, Scope scope) {
    return notebooks.run(scope, "1 + 1", new NotebooksIT.Lines());
  }

  @Test
  void a_second_lesson_notebook_of_one_learner_waits_until_the_first_is_closed() {
    try (Notebooks notebooks = new Notebooks(engine, projectRoot)) {
      Session ana = LEARNERS.get(0);
      Scope notebook = new Scope(ana, "notebook");
      Scope other = new Scope(ana, "outra");
      assertThat(run(notebooks, notebook)).isZero();

      QuotaExceeded refused =
          catchThrowableOfType(() -> run(notebooks, other), QuotaExceeded.class);
      assertThat(refused.limit()).isEqualTo("notebooks abertos por aluno");
      assertThat(refused.max()).isEqualTo(1);
      assertThat(refused.getMessage())
          .contains("lição notebook")
          .contains("Reinicie essa lição")
          .contains("no máximo 1");
      assertThat(engine.containers().inspect(other, "jshell")).isEmpty();

      assertThat(run(notebooks, notebook)).as("the open notebook still works").isZero();
      notebooks.close(ana, "notebook");
      assertThat(run(notebooks, other)).isZero();
    }
  }

  @Test
  void past_the_servers_cap_a_notebook_opens_only_once_another_closed() {
    try (Notebooks notebooks =
        new Notebooks(engine, projectRoot, NotebookLimits.DEFAULT.withKernels(1, 2))) {
      Scope first = new Scope(LEARNERS.get(0), "notebook");
      Scope second = new Scope(LEARNERS.get(1), "notebook");
      Scope third = new Scope(LEARNERS.get(2), "notebook");
      assertThat(run(notebooks, first)).isZero();
      assertThat(run(notebooks, second)).isZero();

      QuotaExceeded refused =
          catchThrowableOfType(() -> notebooks.requireRoom(third), QuotaExceeded.class);
      assertThat(refused.limit()).isEqualTo("notebooks abertos no servidor");
      assertThat(refused.max()).isEqualTo(2);
      assertThat(refused.getMessage()).contains("tente de novo");
      assertThat(catchThrowableOfType(() -> run(notebooks, third), QuotaExceeded.class))
          .isNotNull();
      assertThat(engine.containers().inspect(third, "jshell")).isEmpty();

      notebooks.close(LEARNERS.get(0), "notebook");
      assertThat(run(notebooks, third)).isZero();
    }
  }
}
