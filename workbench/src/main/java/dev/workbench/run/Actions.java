package dev.workbench.run;

import dev.workbench.cloud.Clouds;
import dev.workbench.cloud.Swarms;
import dev.workbench.engine.Demand;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Images;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.notebook.Notebooks;
import dev.workbench.step.Action;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Mount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Performs one step's action through the engine; returns the exit code where there is one. */
final class Actions {
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

  private final Engine engine;
  private final ProjectFiles files;
  private final Notebooks notebooks;
  private final Clouds clouds;
  private final Swarms swarms;

  Actions(Engine engine, ProjectFiles files, Notebooks notebooks, Clouds clouds, Swarms swarms) {
    this.engine = engine;
    this.files = files;
    this.notebooks = notebooks;
    this.clouds = clouds;
    this.swarms = swarms;
  }

  Integer perform(Action action, Scope scope, Vars vars, OutputSink sink) {
    if (action instanceof Action.ProvideImage a) {
      engine.images().provide(vars.apply(a.image()), sink);
    } else if (action instanceof Action.BuildImage a) {
      build(a, scope, vars, sink);
    } else if (action instanceof Action.TagImage a) {
      String tag = vars.apply(a.tag());
      engine.images().tag(scope, vars.apply(a.image()), tag);
      sink.info("a imagem " + vars.apply(a.image()) + " agora também se chama " + tag);
    } else if (action instanceof Action.ImageHistory a) {
      history(scope, vars.apply(a.image()), sink);
    } else if (action instanceof Action.ListImages) {
      engine
          .images()
          .list(scope)
          .forEach((tag, size) -> sink.out(String.format("%-40s %8s", tag, Sizes.human(size))));
    } else if (action instanceof Action.RemoveImage a) {
      engine.images().remove(scope, vars.apply(a.image()));
    } else if (action instanceof Action.CreateContainer a) {
      ContainerSpec spec = spec(a.spec(), vars, sink);
      engine.containers().create(scope, spec, vars.asEnv());
      sink.info("contêiner " + spec.name() + " criado (ainda parado)");
    } else if (action instanceof Action.RunContainer a) {
      ContainerSpec spec = spec(a.spec(), vars, sink);
      Integer exit =
          engine.containers().run(scope, spec, vars.asEnv(), a.detach(), sink, RUN_TIMEOUT);
      if (a.remove()) {
        engine.containers().remove(scope, spec.name());
        sink.info("contêiner " + spec.name() + " removido ao terminar (--rm)");
      }
      return exit;
    } else if (action instanceof Action.StartContainer a) {
      engine.containers().start(scope, vars.apply(a.name()));
    } else if (action instanceof Action.StopContainer a) {
      engine.containers().stop(scope, vars.apply(a.name()));
    } else if (action instanceof Action.RemoveContainer a) {
      engine.containers().remove(scope, vars.apply(a.name()));
    } else if (action instanceof Action.ExecInContainer a) {
      Map<String, String> env = new java.util.LinkedHashMap<>(vars.asEnv());
      env.putAll(vars.apply(a.env()));
      return engine
          .containers()
          .exec(scope, vars.apply(a.name()), vars.apply(a.command()), env, sink, RUN_TIMEOUT);
    } else if (action instanceof Action.CommitContainer a) {
      String id = engine.containers().commit(scope, vars.apply(a.name()), vars.apply(a.image()));
      sink.out(id);
    } else if (action instanceof Action.ContainerLogs a) {
      engine.containers().logs(scope, vars.apply(a.name()), sink, RUN_TIMEOUT);
    } else if (action instanceof Action.ListContainers) {
      engine
          .containers()
          .list(scope)
          .forEach(
              c ->
                  sink.out(
                      String.format(
                          "%-24s %-40s %s",
                          scope.logical(c.getNames()[0]),
                          scope.logical(c.getImage()),
                          c.getStatus())));
    } else if (action instanceof Action.CreateVolume a) {
      engine.storage().createVolume(scope, vars.apply(a.name()));
    } else if (action instanceof Action.RemoveVolume a) {
      engine.storage().removeVolume(scope, vars.apply(a.name()));
    } else if (action instanceof Action.CreateNetwork a) {
      engine.storage().createNetwork(scope, vars.apply(a.name()));
    } else if (action instanceof Action.RemoveNetwork a) {
      engine.storage().removeNetwork(scope, vars.apply(a.name()));
    } else if (action instanceof Action.ComposeUp a) {
      return engine.compose().up(scope, files.inProject(vars.apply(a.file())), sink, BUILD_TIMEOUT);
    } else if (action instanceof Action.ComposeDown a) {
      return engine
          .compose()
          .down(scope, files.inProject(vars.apply(a.file())), a.volumes(), sink, RUN_TIMEOUT);
    } else if (action instanceof Action.HttpRequest a) {
      return new HttpProbe(engine).request(scope, a, vars, sink);
    } else if (action instanceof Action.JShellCell a) {
      return notebooks.run(scope, vars.apply(a.code()), sink);
    } else if (action instanceof Action.CloudAction a) {
      return clouds.perform(a, scope, vars::apply, sink);
    } else if (action instanceof Action.SwarmAction a) {
      return swarms.perform(a, scope, vars::apply, sink);
    } else {
      throw new IllegalStateException("ação sem execução: " + action.kind());
    }
    return null;
  }

  /**
   * Refuses, before anything runs, an action that would take the learner past a quota: what it
   * would create, counted by the engine. The engine counts again as it creates.
   */
  void requireRoom(Action action, Scope scope, Vars vars) {
    if (action instanceof Action.ComposeUp a) {
      engine.compose().requireRoom(scope, files.inProject(vars.apply(a.file())));
      return;
    }
    Demand demand = Demand.NONE;
    if (action instanceof Action.CreateContainer a) {
      demand = container(a.spec(), scope, vars);
    } else if (action instanceof Action.RunContainer a) {
      demand = container(a.spec(), scope, vars);
    } else if (action instanceof Action.BuildImage || action instanceof Action.CommitContainer) {
      demand = Demand.images(1);
    } else if (action instanceof Action.CreateVolume) {
      demand = Demand.volumes(1);
    } else if (action instanceof Action.CreateNetwork) {
      demand = Demand.networks(1);
    }
    if (!demand.equals(Demand.NONE)) {
      engine.requireRoom(scope, demand);
    }
  }

  /** A container, and the volumes its mounts would create. */
  private Demand container(ContainerSpec spec, Scope scope, Vars vars) {
    int volumes = 0;
    for (Mount mount : spec.mounts()) {
      if (mount instanceof Mount.Volume v
          && !engine.storage().volumeExists(scope, vars.apply(v.volume()))) {
        volumes++;
      }
    }
    return Demand.containers(1).plus(Demand.volumes(volumes));
  }

  private void build(Action.BuildImage a, Scope scope, Vars vars, OutputSink sink) {
    Path context = files.inProject(vars.apply(a.context()));
    String dockerfile = a.dockerfile() == null ? "Dockerfile" : vars.apply(a.dockerfile());
    Map<String, String> buildArgs = vars.apply(a.buildArgs());
    for (String base : files.baseImagesOf(context.resolve(dockerfile), buildArgs)) {
      engine.images().provide(base, sink);
    }
    String id =
        engine
            .images()
            .build(
                scope, vars.apply(a.image()), context, dockerfile, buildArgs, sink, BUILD_TIMEOUT);
    sink.info("imagem " + vars.apply(a.image()) + " construída: " + id);
  }

  private void history(Scope scope, String image, OutputSink sink) {
    List<Images.Layer> layers = engine.images().history(scope, image);
    sink.out(String.format("%-8s  %s", "TAMANHO", "CRIADA POR"));
    long total = 0;
    for (Images.Layer layer : layers) {
      total += layer.size();
      String createdBy =
          layer.createdBy().replace("/bin/sh -c #(nop) ", "").replace("/bin/sh -c ", "RUN ");
      sink.out(
          String.format(
              "%-8s  %s",
              Sizes.human(layer.size()),
              createdBy.length() > 100 ? createdBy.substring(0, 99) + "…" : createdBy));
    }
    sink.info(layers.size() + " camadas, " + Sizes.human(total) + " no total");
  }

  /** The container spec with parameters filled in; base images are resolved before it runs. */
  private ContainerSpec spec(ContainerSpec s, Vars vars, OutputSink sink) {
    String image = vars.apply(s.image());
    if (dev.workbench.engine.BaseImages.isBase(image)) {
      engine.images().provide(image, sink);
    }
    List<Mount> mounts = s.mounts().stream().map(m -> mount(m, vars)).toList();
    return new ContainerSpec(
        vars.apply(s.name()),
        image,
        vars.apply(s.command()),
        vars.apply(s.env()),
        mounts,
        vars.apply(s.network()),
        s.ports(),
        vars.apply(s.workdir()),
        s.limits());
  }

  private static Mount mount(Mount m, Vars vars) {
    if (m instanceof Mount.Volume v) {
      return new Mount.Volume(vars.apply(v.volume()), vars.apply(v.target()), v.readOnly());
    }
    Mount.Bind b = (Mount.Bind) m;
    return new Mount.Bind(vars.apply(b.source()), vars.apply(b.target()), b.readOnly());
  }
}
