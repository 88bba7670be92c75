package dev.workbench.web;

import dev.workbench.engine.Engine;
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
    return create(web, course, engine, runner, null);
  }

  /**
   * @param labs one engine per learner ({@code serve --labs}): the runner's {@link
   *     StepRunner#engines()} are these, and the site shows each learner their lab's state; null on
   *     a laptop, where every learner uses {@code engine}
   */
  public static Javalin create(WebConfig web, Course course, Engine engine, StepRunner runner, Labs labs) {
    ProgressStore store = ProgressStore.open(web.dataDir().resolve("progress"));
    Runs.StepExecution execution = runner::run;
    if (labs != null) {
      // the run waits for the learner's lab on its own thread, and keeps it from idling out
      execution = new LabSteps(labs, execution);
    }
    Runs runs = new Runs(execution, store, engine.quotas());
    Pages pages = new Pages();
    Learners learners = new Learners(store);
    return Javalin.create(config -> {
      config.showJavalinBanner = false;
      // first, so a refused request reaches nothing else: no session is issued, no route runs
      config.registerPlugin(new SiteGuard(SiteGuard.Rules.of(web)));
      config.jetty.defaultHost = web.host();
      config.jetty.defaultPort = web.port();
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/web/static";
        files.location = Location.CLASSPATH;
      });
      config.events(events -> events.serverStopped(() -> {
        runs.close();
        store.close();
      }));
      config.router.mount(router -> {
        router.before(learners::identify);
        router.before(Languages::remember);
        new HttpErrors(pages).install(router);
        new PageRoutes(course, engine, store, runs, pages).install(router);
        new ApiRoutes(course, engine, runner, store, runs, labs).install(router);
        new LiveTables(course, runner.engines()).install(router);
        if (labs != null) {
          new LabRoutes(labs).install(router);
        }
        new RerunRoutes(course, runner, store, runs).install(router);
      });
    });
  }
}
