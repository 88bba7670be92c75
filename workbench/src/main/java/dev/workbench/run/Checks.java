package dev.workbench.run;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.workbench.cloud.Clouds;
import dev.workbench.cloud.Swarms;
import dev.workbench.engine.Engine;
import dev.workbench.engine.Scope;
import dev.workbench.run.StepResult.CheckResult;
import dev.workbench.step.Check;
import dev.workbench.step.HttpTarget;
import java.util.List;
import java.util.Optional;

/** Evaluates a step's expectations against the engine's real state after the step ran. */
final class Checks {
  private final Engine engine;
  private final Clouds clouds;
  private final Swarms swarms;

  Checks(Engine engine, Clouds clouds, Swarms swarms) {
    this.engine = engine;
    this.clouds = clouds;
    this.swarms = swarms;
  }

  CheckResult evaluate(Check check, Scope scope, Vars vars, Integer exitCode, String output) {
    if (check instanceof Check.ExitCode c) {
      return result(
          "código de saída " + c.expected(),
          exitCode != null && exitCode == c.expected(),
          exitCode == null ? "não houve código de saída" : "saiu com " + exitCode);
    } else if (check instanceof Check.OutputContains c) {
      String text = vars.apply(c.text());
      return result(
          "a saída contém \"" + text + "\"", output.contains(text), "não apareceu na saída");
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
          "a imagem " + image + (c.exists() ? " existe" : " não existe"),
          exists == c.exists(),
          exists ? "ela existe" : "ela não existe");
    } else if (check instanceof Check.VolumeExists c) {
      String name = vars.apply(c.name());
      boolean exists = engine.storage().volumeExists(scope, name);
      return result(
          "o volume " + name + (c.exists() ? " existe" : " não existe"),
          exists == c.exists(),
          exists ? "ele existe" : "ele não existe");
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
          "nenhuma camada de " + image + " guarda uma chave",
          found.isEmpty(),
          "encontrado: " + found);
    } else if (check instanceof Check.CloudCheck c) {
      Clouds.Verdict v = clouds.evaluate(c, scope, vars::apply);
      return result(v.description(), v.passed(), v.detail());
    } else if (check instanceof Check.SwarmCheck c) {
      Clouds.Verdict v = swarms.evaluate(c, scope, vars::apply);
      return result(v.description(), v.passed(), v.detail());
    }
    throw new IllegalStateException("verificação sem avaliação: " + check);
  }

  private CheckResult containerState(Scope scope, String name, String expected) {
    Optional<InspectContainerResponse> container = engine.containers().inspect(scope, name);
    String state = container.map(c -> c.getState().getStatus()).orElse("absent");
    return result(
        "o contêiner " + name + " está " + Check.ContainerState.inPortuguese(expected),
        state.equals(expected),
        "está " + Check.ContainerState.inPortuguese(state));
  }

  private CheckResult mount(Scope scope, String container, String target, boolean anonymous) {
    String kind = anonymous ? "um volume anônimo" : "um volume nomeado";
    String where = " está montado em " + target + " no contêiner " + container;
    Optional<String> volume = engine.containers().volumeAt(scope, container, target);
    if (volume.isEmpty()) {
      return result(kind + where, false, "nenhum volume montado em " + target);
    }
    String name = volume.get();
    boolean named = name.startsWith(scope.sessionPrefix()); // a compose project's too
    boolean exists = engine.storage().volumeExistsByEngineName(name);
    // the name in the description: the learner compares it between containers
    String shown =
        named ? scope.logical(name) : name.substring(0, Math.min(12, name.length())) + "…";
    return result(
        kind + " (" + shown + ")" + where,
        exists && named != anonymous,
        (named ? "é o volume nomeado " : "é um volume anônimo ")
            + shown
            + (exists ? "" : ", que não existe mais"));
  }

  private CheckResult fileInContainer(
      Scope scope, String container, String path, String contains, boolean absent) {
    Optional<String> text = engine.containers().readFile(scope, container, path);
    if (absent) {
      return result(path + " não existe em " + container, text.isEmpty(), "o arquivo existe");
    }
    String what =
        path + " em " + container + (contains == null ? " existe" : " contém \"" + contains + "\"");
    if (text.isEmpty()) {
      return result(what, false, "o arquivo não existe");
    }
    return result(
        what,
        contains == null || text.get().contains(contains),
        "conteúdo: " + abbreviate(text.get()));
  }

  private CheckResult hostFile(Scope scope, String relative, String contains) {
    String what =
        "no host, " + relative + (contains == null ? " existe" : " contém \"" + contains + "\"");
    Optional<String> text;
    try {
      text = engine.storage().readSessionFile(scope, relative);
    } catch (IllegalArgumentException e) {
      return result(what, false, e.getMessage());
    }
    if (text.isEmpty()) {
      return result(what, false, "o arquivo não existe no host");
    }
    return result(
        what,
        contains == null || text.get().contains(contains),
        "conteúdo: " + abbreviate(text.get()));
  }

  private CheckResult network(Scope scope, String name, boolean exists, List<String> containers) {
    boolean present = engine.storage().network(scope, name).isPresent();
    if (!exists || !present) {
      return result(
          "a rede " + name + (exists ? " existe" : " não existe"),
          present == exists,
          present ? "ela existe" : "ela não existe");
    }
    List<String> attached = engine.storage().networkContainers(scope, name);
    return result(
        "a rede "
            + name
            + " liga "
            + (containers.isEmpty() ? "seus contêineres" : String.join(", ", containers)),
        attached.containsAll(containers),
        "ligados: " + attached);
  }

  private CheckResult http(Scope scope, Check.HttpAnswer c, Vars vars) {
    HttpTarget target =
        new HttpTarget(
            vars.apply(c.target().container()), c.target().port(), vars.apply(c.target().path()));
    String where = "porta " + target.port() + " de " + target.container();
    Optional<HttpProbe.Answer> answer = new HttpProbe(engine).probe(scope, target);
    if (!c.reachable()) {
      return result(
          "do host, ninguém responde na " + where,
          answer.isEmpty(),
          answer.map(a -> "respondeu HTTP " + a.status()).orElse(""));
    }
    if (answer.isEmpty()) {
      return result("do host, a " + where + " responde", false, "ninguém respondeu");
    }
    String contains = vars.apply(c.contains());
    boolean ok =
        answer.get().status() == c.status()
            && (contains == null || answer.get().body().contains(contains));
    return result(
        "do host, a "
            + where
            + " responde "
            + c.status()
            + (contains == null ? "" : " com \"" + contains + "\""),
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
    String description =
        "no Firestore, "
            + c.collection()
            + ": "
            + (c.filled() == null ? "" : c.filled() + " com " + field)
            + (c.filled() != null && c.empty() != null ? " e " : "")
            + (c.empty() == null ? "" : c.empty() + " sem " + field);
    boolean ok =
        (c.filled() == null || filled == c.filled()) && (c.empty() == null || empty == c.empty());
    return result(
        description,
        ok,
        docs.size() + " documentos: " + filled + " com " + field + ", " + empty + " sem");
  }

  private static CheckResult result(String description, boolean passed, String detailWhenFailed) {
    return new CheckResult(description, passed, passed ? "" : detailWhenFailed);
  }

  private static String abbreviate(String text) {
    String flat = text.strip().replace('\n', ' ');
    return flat.length() > 160 ? flat.substring(0, 159) + "…" : flat;
  }
}
