package dev.workbench.web;

import dev.workbench.engine.Engine;
import dev.workbench.engine.Toolboxes;
import dev.workbench.labs.Labs;
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
    return create(web, course, engine, runner, null, ClassMode.NONE);
  }

  /**
   * The site in a class: as its hub ({@code serve --class}) or as a learner's workbench that
   * reports to one; the site closes what {@code mode} holds when it stops.
   */
  public static Javalin create(
      WebConfig web, Course course, Engine engine, StepRunner runner, ClassMode mode) {
    return create(web, course, engine, runner, null, mode);
  }

  /** With hosted labs, in no class. */
  public static Javalin create(
      WebConfig web, Course course, Engine engine, StepRunner runner, Labs labs) {
    return create(web, course, engine, runner, labs, ClassMode.NONE);
  }

  /**
   * The site with everything said. Each learner's steps, panel and terminal reach the engine the
   * runner's {@link StepRunner#engines()} give them; toolboxes themselves run on {@code engine},
   * the workbench's own.
   *
   * @param labs one engine per learner ({@code serve --labs}): the runner's engines are these, and
   *     the site shows each learner their lab's state; null on a laptop, where every learner uses
   *     {@code engine}
   */
  public static Javalin create(
      WebConfig web, Course course, Engine engine, StepRunner runner, Labs labs, ClassMode mode) {
    ProgressStore store = ProgressStore.open(web.dataDir().resolve("progress"));
    Runs.StepExecution execution = runner::run;
    if (labs != null) {
      // the run waits for the learner's lab on its own thread, and keeps it from idling out
      execution = new LabSteps(labs, execution);
    }
    Runs runs = new Runs(execution, store, engine.quotas());
    Pages pages = new Pages();
    Learners learners = new Learners(store);
    TerminalRoutes terminals =
        new TerminalRoutes(new Toolboxes(engine, runner.engines()), learners);
    if (mode.outbox() != null) {
      store.listen(mode.outbox()); // every step result and reset, from wherever it was recorded
    }
    return Javalin.create(
        config -> {
          config.showJavalinBanner = false;
          // first, so a refused request reaches nothing else: no session is issued, no route runs
          config.registerPlugin(new SiteGuard(SiteGuard.Rules.of(web, mode)));
          config.jetty.defaultHost = web.host();
          config.jetty.defaultPort = web.port();
          config.staticFiles.add(
              files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
              });
          config.events(
              events ->
                  events.serverStopped(
                      () -> {
                        terminals.close();
                        runs.close();
                        mode.close();
                        store.close();
                      }));
          config.router.mount(
              router -> {
                router.before(
                    ctx -> {
                      // a learner's workbench posting to the hub is no browser: it gets no session
                      if (!SiteGuard.fromLearnersWorkbench(ctx)) {
                        learners.identify(ctx);
                      }
                    });
                router.before(Languages::remember);
                new HttpErrors(pages).install(router);
                new PageRoutes(course, engine, store, runs, pages).install(router);
                new ApiRoutes(course, engine, runner, store, runs, labs).install(router);
                new LiveTables(course, runner.engines()).install(router);
                if (labs != null) {
                  new LabRoutes(labs).install(router);
                }
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
