package dev.workbench.web;

import dev.workbench.engine.Engine;
import dev.workbench.engine.LearnerEngines;
import dev.workbench.engine.Toolboxes;
import dev.workbench.lesson.Course;
import dev.workbench.progress.ProgressStore;
import dev.workbench.run.StepRunner;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;

/**
 * The site, assembled. The engine and runner come from outside so tests can hand in an engine that
 * is away; the progress store opens under the data dir and closes with the server.
 */
public final class WebApp {
  private WebApp() {}

  public static Javalin create(WebConfig web, Course course, Engine engine, StepRunner runner) {
    return create(web, course, engine, runner, LearnerEngines.shared(engine), ClassMode.NONE);
  }

  /**
   * @param learnerEngines the engine each learner's terminal talks to (their lab with {@code
   *     --labs}); toolboxes themselves run on {@code engine}, the workbench's own
   */
  public static Javalin create(WebConfig web, Course course, Engine engine, StepRunner runner,
      LearnerEngines learnerEngines) {
    return create(web, course, engine, runner, learnerEngines, ClassMode.NONE);
  }

  /**
   * The site in a class: as its hub ({@code serve --class}) or as a learner's workbench that
   * reports to one; the site closes what {@code mode} holds when it stops.
   */
  public static Javalin create(WebConfig web, Course course, Engine engine, StepRunner runner, ClassMode mode) {
    return create(web, course, engine, runner, LearnerEngines.shared(engine), mode);
  }

  /** The site with everything said: whose engine a learner's terminal reaches, and the class it is in. */
  public static Javalin create(WebConfig web, Course course, Engine engine, StepRunner runner,
      LearnerEngines learnerEngines, ClassMode mode) {
    ProgressStore store = ProgressStore.open(web.dataDir().resolve("progress"));
    Runs runs = new Runs(runner::run, store, engine.quotas());
    Pages pages = new Pages();
    Learners learners = new Learners(store);
    TerminalRoutes terminals = new TerminalRoutes(new Toolboxes(engine, learnerEngines), learners);
    if (mode.outbox() != null) {
      store.listen(mode.outbox()); // every step result and reset, from wherever it was recorded
    }
    return Javalin.create(config -> {
      config.showJavalinBanner = false;
      // first, so a refused request reaches nothing else: no session is issued, no route runs
      config.registerPlugin(new SiteGuard(SiteGuard.Rules.of(web, mode)));
      config.jetty.defaultHost = web.host();
      config.jetty.defaultPort = web.port();
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/web/static";
        files.location = Location.CLASSPATH;
      });
      config.events(events -> events.serverStopped(() -> {
        terminals.close();
        runs.close();
        mode.close();
        store.close();
      }));
      config.router.mount(router -> {
        router.before(ctx -> {
          // a learner's workbench posting to the hub is no browser: it gets no session
          if (!ClassRoutes.serverToServer(ctx)) {
            learners.identify(ctx);
          }
        });
        router.before(Languages::remember);
        new HttpErrors(pages).install(router);
        new PageRoutes(course, engine, store, runs, pages).install(router);
        new ApiRoutes(course, engine, runner, store, runs).install(router);
        new LiveTables(course, engine).install(router);
        new RerunRoutes(course, runner, store, runs).install(router);
        new CheckRoutes(course, runner, runs).install(router);
        new QuestionRoutes(course, store).install(router);
        new InstructorGuide(course, pages).install(router);
        terminals.install(router);
        new ClassRoutes(mode, course, pages).install(router);
      });
    });
  }
}
