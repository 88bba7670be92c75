package dev.workbench.web;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.LearnerEngines;
import dev.workbench.engine.Scope;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.Lesson;
import dev.workbench.run.FirestoreDocuments;
import dev.workbench.step.Step;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.util.List;

/**
 * The {@code firestore-table} blocks of a lesson, live: the page asks every two seconds and gets
 * the collection as it is now in the learner's own emulator. Which container, port, project and
 * collection come from the lesson file; a request names only the lesson and the table's index, so a
 * page cannot point the workbench anywhere else. An emulator that is not there yet is an answer
 * ("waiting", with what to do), not an error: the learner is expected to open the page first.
 */
final class LiveTables {
  /** Enough to watch a collection change; a bigger one is cut, and the count line says so. */
  static final int MAX_ROWS = 200;

  private final Course course;
  private final LearnerEngines engines;

  LiveTables(Course course, LearnerEngines engines) {
    this.course = course;
    this.engines = engines;
  }

  void install(JavalinDefaultRouting router) {
    router.get("/api/lessons/{id}/tables/{index}", this::table);
  }

  /** Where a lesson page polls its table number {@code index} (0-based, in page order). */
  static String address(String lessonId, int index) {
    return "/api/lessons/" + lessonId + "/tables/" + index;
  }

  private void table(Context ctx) {
    Lesson lesson = Lookups.lesson(course, ctx);
    Lesson.Block.FirestoreTable table = at(lesson, ctx.pathParam("index"));
    ctx.header("Cache-Control", "no-store");
    ctx.json(read(new Scope(Learners.of(ctx), lesson.id()), lesson, table));
  }

  private static Lesson.Block.FirestoreTable at(Lesson lesson, String index) {
    List<Lesson.Block.FirestoreTable> tables = lesson.tables();
    if (index.matches("\\d{1,3}") && Integer.parseInt(index) < tables.size()) {
      return tables.get(Integer.parseInt(index));
    }
    throw new NotFoundResponse("A lição " + lesson.id() + " não tem a tabela " + index + ".");
  }

  /** The table as the page draws it; never throws for an emulator or engine that is away. */
  TableView read(Scope scope, Lesson lesson, Lesson.Block.FirestoreTable table) {
    try {
      Engine engine = engines.of(scope.session());
      FirestoreDocuments documents = new FirestoreDocuments(engine);
      if (engine.containers().hostPort(scope, table.container(), table.port()).isEmpty()) {
        return TableView.waiting(table, notRunning(lesson, table));
      }
      String project =
          table.project().isEmpty() ? FirestoreDocuments.DEFAULT_PROJECT : table.project();
      return TableView.of(
          table,
          documents.read(
              scope, table.container(), table.port(), project, table.collection(), MAX_ROWS + 1),
          MAX_ROWS);
    } catch (EngineUnavailable e) {
      return TableView.waiting(table, EngineUnavailable.HOW_TO_START);
    } catch (EngineError e) {
      // no answer yet is a JVM still starting; an answer that is an error is worth showing as it is
      return TableView.waiting(
          table,
          e.getCause() instanceof IOException
              ? "O emulador está ligando e ainda não responde; a tabela tenta de novo sozinha."
              : "O emulador não entregou a coleção "
                  + table.collection()
                  + ": "
                  + e.getMessage()
                  + ".");
    }
  }

  /** Names the step that starts the emulator, numbered as the page numbers its cards. */
  static String notRunning(Lesson lesson, Lesson.Block.FirestoreTable table) {
    List<Step> makers = lesson.stepsCreating(table.container());
    if (makers.isEmpty()) {
      return "O emulador (contêiner " + table.container() + ") ainda não está rodando.";
    }
    Step step = makers.get(0);
    return "O emulador ainda não está rodando — rode o passo "
        + (lesson.steps().indexOf(step) + 1)
        + ", “"
        + (step.title().isEmpty() ? step.id() : step.title())
        + "”, e a tabela se preenche sozinha.";
  }
}
