package dev.workbench.run;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.workbench.cloud.Clouds;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Scope;
import dev.workbench.lesson.Language;
import dev.workbench.lesson.Sentences;
import dev.workbench.run.StepResult.CheckResult;
import dev.workbench.step.Check;
import dev.workbench.step.HttpTarget;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a step's expectations against the engine's real state after the step ran, and says each
 * result in the learner's language ({@link Sentences#CHECKS}).
 */
final class Checks {
  private final Engine engine;
  private final Clouds clouds;
  private final Language language;
  private final Sentences say;

  Checks(Engine engine, Clouds clouds, Language language) {
    this.engine = engine;
    this.clouds = clouds;
    this.language = language;
    this.say = Sentences.of(Sentences.CHECKS, language);
  }

  CheckResult evaluate(Check check, Scope scope, Vars vars, Integer exitCode, String output) {
    if (check instanceof Check.ExitCode c) {
      return result(
          say.format("exit_code", c.expected()),
          exitCode != null && exitCode == c.expected(),
          exitCode == null ? say.get("exit_code.none") : say.format("exit_code.got", exitCode));
    } else if (check instanceof Check.OutputContains c) {
      String text = vars.apply(c.text());
      return result(
          say.format("output.contains", text), output.contains(text), say.get("output.missing"));
    } else if (check instanceof Check.ContainerState c) {
      return containerState(scope, vars.apply(c.name()), c.state());
    } else if (check instanceof Check.FileInContainer c) {
      return fileInContainer(
          scope,
          vars.apply(c.container()),
          vars.apply(c.path()),
          vars.apply(c.contains()),
          c.absent());
    } else if (check instanceof Check.HostFile c) {
      return hostFile(scope, vars.apply(c.path()), vars.apply(c.contains()));
    } else if (check instanceof Check.ImageExists c) {
      String image = vars.apply(c.image());
      boolean exists = engine.images().exists(scope.image(image));
      return result(
          say.format(c.exists() ? "image.exists" : "image.absent", image),
          exists == c.exists(),
          say.get(exists ? "it_f.exists" : "it_f.absent"));
    } else if (check instanceof Check.VolumeExists c) {
      String name = vars.apply(c.name());
      boolean exists = engine.storage().volumeExists(scope, name);
      return result(
          say.format(c.exists() ? "volume.exists" : "volume.absent", name),
          exists == c.exists(),
          say.get(exists ? "it_m.exists" : "it_m.absent"));
    } else if (check instanceof Check.VolumeMount c) {
      return mount(scope, vars.apply(c.container()), vars.apply(c.target()), c.anonymous());
    } else if (check instanceof Check.NetworkState c) {
      return network(scope, vars.apply(c.name()), c.exists(), vars.apply(c.containers()));
    } else if (check instanceof Check.HttpAnswer c) {
      return http(scope, c, vars);
    } else if (check instanceof Check.FirestoreCollection c) {
      return firestore(scope, c, vars);
    } else if (check instanceof Check.NoSecrets c) {
      String image = vars.apply(c.image());
      List<dev.workbench.engine.LayerScan.Finding> found = engine.images().secretsIn(scope, image);
      return result(
          say.format("no_secrets", image), found.isEmpty(), say.format("no_secrets.found", found));
    } else if (check instanceof Check.CloudCheck c) {
      Clouds.Verdict v = clouds.evaluate(c, scope, vars::apply, language);
      return result(v.description(), v.passed(), v.detail());
    } else if (check instanceof Check.SwarmCheck c) {
      dev.workbench.cloud.Clouds.Verdict v =
          dev.workbench.cloud.Swarms.of(engine).evaluate(c, scope, vars::apply, language);
      return result(v.description(), v.passed(), v.detail());
    }
    throw new IllegalStateException("verificação sem avaliação: " + check);
  }

  private CheckResult containerState(Scope scope, String name, String expected) {
    Optional<InspectContainerResponse> container = engine.containers().inspect(scope, name);
    String state = container.map(c -> c.getState().getStatus()).orElse("absent");
    return result(
        say.format("container", name, Clouds.state(say, expected)),
        state.equals(expected),
        say.format("container.now", Clouds.state(say, state)));
  }

  private CheckResult mount(Scope scope, String container, String target, boolean anonymous) {
    String kind = anonymous ? "mount.anonymous" : "mount.named";
    Optional<String> volume = engine.containers().volumeAt(scope, container, target);
    if (volume.isEmpty()) {
      return result(say.format(kind, target, container), false, say.format("mount.none", target));
    }
    String name = volume.get();
    boolean named = name.startsWith(scope.sessionPrefix()); // a compose project's too
    boolean exists = engine.storage().volumeExistsByEngineName(name);
    // the name in the description: the learner compares it between containers
    String shown =
        named ? scope.logical(name) : name.substring(0, Math.min(12, name.length())) + "…";
    String found = (named ? "mount.is_named" : "mount.is_anonymous") + (exists ? "" : ".gone");
    return result(
        say.format(kind + ".seen", target, container, shown),
        exists && named != anonymous,
        say.format(found, shown));
  }

  private CheckResult fileInContainer(
      Scope scope, String container, String path, String contains, boolean absent) {
    Optional<String> text = engine.containers().readFile(scope, container, path);
    if (absent) {
      return result(
          say.format("file.absent", path, container), text.isEmpty(), say.get("file.there"));
    }
    String what =
        contains == null
            ? say.format("file.exists", path, container)
            : say.format("file.contains", path, container, contains);
    if (text.isEmpty()) {
      return result(what, false, say.get("file.none"));
    }
    return result(
        what,
        contains == null || text.get().contains(contains),
        say.format("file.content", abbreviate(text.get())));
  }

  private CheckResult hostFile(Scope scope, String relative, String contains) {
    String what =
        contains == null
            ? say.format("host_file.exists", relative)
            : say.format("host_file.contains", relative, contains);
    Optional<String> text;
    try {
      text = engine.storage().readSessionFile(scope, relative);
    } catch (IllegalArgumentException e) {
      return result(what, false, e.getMessage());
    }
    if (text.isEmpty()) {
      return result(what, false, say.get("host_file.none"));
    }
    return result(
        what,
        contains == null || text.get().contains(contains),
        say.format("file.content", abbreviate(text.get())));
  }

  private CheckResult network(Scope scope, String name, boolean exists, List<String> containers) {
    boolean present = engine.storage().network(scope, name).isPresent();
    if (!exists || !present) {
      return result(
          say.format(exists ? "network.exists" : "network.absent", name),
          present == exists,
          say.get(present ? "it_f.exists" : "it_f.absent"));
    }
    List<String> attached = engine.storage().networkContainers(scope, name);
    return result(
        say.format(
            "network.links",
            name,
            containers.isEmpty() ? say.get("network.yours") : String.join(", ", containers)),
        attached.containsAll(containers),
        say.format("network.attached", attached));
  }

  private CheckResult http(Scope scope, Check.HttpAnswer c, Vars vars) {
    HttpTarget target =
        new HttpTarget(
            vars.apply(c.target().container()), c.target().port(), vars.apply(c.target().path()));
    int port = target.port();
    String container = target.container();
    Optional<HttpProbe.Answer> answer = new HttpProbe(engine).probe(scope, target);
    if (!c.reachable()) {
      return result(
          say.format("http.silent", port, container),
          answer.isEmpty(),
          answer.map(a -> say.format("http.answered", a.status())).orElse(""));
    }
    if (answer.isEmpty()) {
      return result(say.format("http.answers", port, container), false, say.get("http.nobody"));
    }
    String contains = vars.apply(c.contains());
    boolean ok =
        answer.get().status() == c.status()
            && (contains == null || answer.get().body().contains(contains));
    return result(
        contains == null
            ? say.format("http.status", port, container, c.status())
            : say.format("http.status_with", port, container, c.status(), contains),
        ok,
        "HTTP " + answer.get().status() + ": " + abbreviate(answer.get().body()));
  }

  private CheckResult firestore(Scope scope, Check.FirestoreCollection c, Vars vars) {
    String field = vars.apply(c.field());
    List<FirestoreDocuments.Document> docs =
        new FirestoreDocuments(engine, FirestoreDocuments.WARM_UP)
            .read(
                scope,
                vars.apply(c.container()),
                c.port(),
                c.project() == null ? FirestoreDocuments.DEFAULT_PROJECT : vars.apply(c.project()),
                vars.apply(c.collection()),
                100_000);
    long filled = docs.stream().filter(d -> !d.fields().getOrDefault(field, "").isBlank()).count();
    long empty = docs.size() - filled;
    // the reader asks for filled, empty or both
    String description =
        c.empty() == null
            ? say.format("firestore.filled", c.collection(), c.filled(), field)
            : c.filled() == null
                ? say.format("firestore.empty", c.collection(), c.empty(), field)
                : say.format("firestore.both", c.collection(), c.filled(), field, c.empty());
    boolean ok =
        (c.filled() == null || filled == c.filled()) && (c.empty() == null || empty == c.empty());
    return result(
        description, ok, say.format("firestore.found", docs.size(), filled, field, empty));
  }

  private static CheckResult result(String description, boolean passed, String detailWhenFailed) {
    return new CheckResult(description, passed, passed ? "" : detailWhenFailed);
  }

  private static String abbreviate(String text) {
    String flat = text.strip().replace('\n', ' ');
    return flat.length() > 160 ? flat.substring(0, 159) + "…" : flat;
  }
}
