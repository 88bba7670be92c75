package dev.workbench.engine;

import com.github.dockerjava.api.command.PullImageResultCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The base images lessons build on, and how each is had: pulled where a registry answers (then
 * tagged with the workbench's name), otherwise made locally from Debian's mirror, so a classroom
 * with no registry works once an instructor has run {@code bin/workbench images}.
 */
public final class BaseImages {
  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
  /** mmdebstrap takes about 20 s with a near mirror; a slow mirror gets ample room, a hung one not. */
  private static final Duration ROOTFS_TIMEOUT = Duration.ofMinutes(15);
  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

  /** How a base is made when no registry answers. */
  sealed interface Recipe {
    /** A minimal Debian root file system made by mmdebstrap and imported. */
    record Rootfs(String suite) implements Recipe {}

    /** Debian packages installed on another base; {@code tail} ends the Dockerfile. */
    record Packages(String from, List<String> packages, String tail) implements Recipe {}

    /** A file of this machine copied onto another base (e.g. the emulator jar of the Cloud SDK). */
    record HostFile(String from, Supplier<Path> file, String tail) implements Recipe {}
  }

  record Base(String name, String pullFrom, Recipe recipe) {}

  /** Every base, in the order they can be made (a recipe only uses bases listed before it). */
  static final Map<String, Base> CATALOG = catalog(
      new Base("workbench/debian:bookworm", "debian:bookworm-slim", new Recipe.Rootfs("bookworm")),
      new Base("workbench/debian:trixie", "debian:trixie-slim", new Recipe.Rootfs("trixie")),
      new Base("workbench/jre:17", "eclipse-temurin:17-jre",
          new Recipe.Packages("workbench/debian:bookworm", List.of("openjdk-17-jre-headless"), "")),
      new Base("workbench/jdk:17", "eclipse-temurin:17-jdk",
          new Recipe.Packages("workbench/debian:bookworm", List.of("openjdk-17-jdk-headless"), "")),
      new Base("workbench/jdk:21", "eclipse-temurin:21-jdk",
          new Recipe.Packages("workbench/debian:trixie", List.of("openjdk-21-jdk-headless"), "")),
      new Base("workbench/nginx", "nginx:stable",
          new Recipe.Packages("workbench/debian:bookworm", List.of("nginx"),
              "RUN ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log\n"
                  + "EXPOSE 80\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n")),
      new Base("workbench/redis", "redis:7",
          new Recipe.Packages("workbench/debian:bookworm", List.of("redis-server"),
              "EXPOSE 6379\nCMD [\"redis-server\", \"--protected-mode\", \"no\", \"--bind\", \"0.0.0.0\"]\n")),
      // The CNCF distribution registry as Debian packages it, with htpasswd for basic auth (lesson nuvem).
      new Base("workbench/registry", null,
          new Recipe.Packages("workbench/debian:bookworm", List.of("docker-registry", "apache2-utils"),
              "EXPOSE 5000\nCMD [\"docker-registry\", \"serve\", \"/etc/docker/registry/config.yml\"]\n")),
      // Debian's Docker Engine, to run inside a container: the nuvem lesson's remote host (NestedEngines).
      new Base("workbench/dockerd", null,
          new Recipe.Packages("workbench/debian:bookworm", List.of("docker.io", "mount", "ca-certificates"),
              "CMD [\"dockerd\"]\n")),
      // No registry publishes the emulator as a small image: it is always the host's jar on our JRE base.
      new Base("workbench/firestore-emulator", null,
          new Recipe.HostFile("workbench/jre:17", FirestoreEmulatorJar::find,
              "EXPOSE 8080\nCMD [\"java\", \"-Xmx512m\", \"-Duser.language=en\", \"-cp\", \"/opt/cloud-firestore-emulator.jar\", "
                  + "\"com.google.cloud.datastore.emulator.firestore.CloudFirestore\", \"start\", \"--host=0.0.0.0\", \"--port=8080\"]\n")));

  private final Engine engine;
  private final Images images;

  BaseImages(Engine engine, Images images) {
    this.engine = engine;
    this.images = images;
  }

  public static boolean isBase(String image) {
    return image.startsWith("workbench/");
  }

  public static List<String> names() {
    return List.copyOf(CATALOG.keySet());
  }

  void provide(String name, OutputSink sink) {
    Base base = CATALOG.get(name);
    if (base == null) {
      throw new EngineError("imagem base desconhecida: " + name + " (conhecidas: " + names() + ")");
    }
    synchronized (LOCKS.computeIfAbsent(name, n -> new Object())) {
      if (images.exists(name)) {
        sink.info(name + ": já está no engine");
        return;
      }
      if (engine.baseRegistry().isPresent()) {
        fromBaseRegistry(name, engine.baseRegistry().get(), sink);
        return;
      }
      if (base.pullFrom() != null && pulled(base, sink)) {
        return;
      }
      sink.info(name + (base.pullFrom() == null ? ": construindo localmente" : ": nenhum registro respondeu; construindo localmente"));
      if (base.recipe() instanceof Recipe.Rootfs rootfs) {
        importRootfs(name, rootfs.suite(), sink);
      } else if (base.recipe() instanceof Recipe.Packages packages) {
        provide(packages.from(), sink);
        buildFrom(name, packages.from(), "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "
            + "--no-install-recommends " + String.join(" ", packages.packages()) + " && rm -rf /var/lib/apt/lists/*\n"
            + packages.tail(), null, sink);
      } else {
        Recipe.HostFile copy = (Recipe.HostFile) base.recipe();
        provide(copy.from(), sink);
        Path file = copy.file().get();
        buildFrom(name, copy.from(), "COPY " + file.getFileName() + " /opt/" + file.getFileName() + "\n" + copy.tail(),
            file, sink);
      }
      sink.info(name + ": pronta (construída localmente)");
    }
  }

  /**
   * A hosted lab's base image: pulled from the registry the workbench filled from this machine's
   * images, then given the course's name. Never from the internet, never built here: a base the
   * registry lacks is a message for the instructor.
   */
  private void fromBaseRegistry(String name, String registry, OutputSink sink) {
    Transfers.Reference copy = Transfers.Reference.of(registry + "/" + name);
    sink.info(name + ": trazendo do registro local do workbench (" + registry + ")");
    try {
      new Transfers(engine).pull(copy, new Transfers.Credentials(registry, null, null), sink, PULL_TIMEOUT);
    } catch (EngineError e) {
      throw new EngineError("a imagem base " + name + " não está no registro local dos laboratórios ("
          + e.getMessage() + "): o instrutor prepara as imagens com bin/workbench images e reinicia o"
          + " serve --labs", e);
    }
    Transfers.Reference target = Transfers.Reference.of(name);
    engine.run(() -> engine.docker().tagImageCmd(copy.toString(), target.repository(), target.tag()).exec());
    engine.run(() -> engine.docker().removeImageCmd(copy.toString()).exec());
    sink.info(name + ": pronta (do registro local)");
  }

  private boolean pulled(Base base, OutputSink sink) {
    sink.info(base.name() + ": tentando baixar " + base.pullFrom() + " de um registro…");
    try {
      boolean done = engine.call(
          () -> {
            try {
              return engine.docker().pullImageCmd(base.pullFrom())
                  .exec(new PullImageResultCallback())
                  .awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          });
      if (!done || !images.exists(base.pullFrom())) {
        return false;
      }
      int colon = base.name().lastIndexOf(':');
      String repo = colon > 0 ? base.name().substring(0, colon) : base.name();
      String tag = colon > 0 ? base.name().substring(colon + 1) : "latest";
      engine.run(() -> engine.docker().tagImageCmd(base.pullFrom(), repo, tag).exec());
      sink.info(base.name() + ": baixada de " + base.pullFrom());
      return true;
    } catch (EngineError e) {
      sink.info(base.name() + ": o registro não respondeu (" + e.getMessage() + ")");
      return false;
    }
  }

  /** Where mmdebstrap keeps the hook that merges /usr without the usrmerge package (and its perl). */
  private static final Path MERGED_USR_HOOK = Path.of("/usr/share/mmdebstrap/hooks/maybe-merged-usr");

  /**
   * A root file system as small as Debian's own "-slim" images (about 78 MB, not 178): /usr merged by
   * a hook instead of the usrmerge package, which drags in the whole of perl; no manuals, docs or
   * translations, now or in what later images install (the dpkg options stay in the image); no apt
   * lists. An empty man1 keeps the JDK packages' postinst, which links its manual there, working.
   */
  static List<String> mmdebstrap(String suite, Path tar) {
    List<String> command = new ArrayList<>(List.of("mmdebstrap", "--variant=minbase", "--quiet"));
    if (Files.isDirectory(MERGED_USR_HOOK)) {
      command.add("--hook-dir=" + MERGED_USR_HOOK);
    }
    for (String path : List.of("man", "doc", "locale", "info")) {
      command.add("--dpkgopt=path-exclude=/usr/share/" + path + "/*");
    }
    command.addAll(List.of("--dpkgopt=path-include=/usr/share/doc/*/copyright",
        "--dpkgopt=path-include=/usr/share/locale/locale.alias",
        "--customize-hook=rm -rf \"$1\"/var/cache/apt/*.bin \"$1\"/var/lib/apt/lists/*",
        "--customize-hook=mkdir -p \"$1\"/usr/share/man/man1",
        suite, tar.toString()));
    return command;
  }

  private void importRootfs(String name, String suite, OutputSink sink) {
    Path tar = null;
    try {
      tar = Files.createTempFile("workbench-" + suite, ".tar");
      sink.info(name + ": mmdebstrap --variant=minbase " + suite + " (cerca de 20 s)");
      int exit = HostProcess.run(new ProcessBuilder(mmdebstrap(suite, tar)), sink::info, ROOTFS_TIMEOUT,
          "o mmdebstrap");
      if (exit != 0) {
        throw new EngineError("mmdebstrap falhou ao criar " + name + " a partir do Debian " + suite);
      }
      // A build that ADDs the tar, not an import: docker-java's import (POST /images/create with
      // the tar as body) is cut short by Engine 20.10 ("unexpected EOF"), a build context is not.
      buildFrom(name, "scratch", "ADD " + tar.getFileName() + " /\nCMD [\"bash\"]\n", tar, sink);
    } catch (IOException e) {
      throw new EngineError("não consegui criar " + name + " localmente: " + e.getMessage()
          + " (é preciso o mmdebstrap: apt-get install mmdebstrap)", e);
    } finally {
      deleteQuietly(tar);
    }
  }

  /** Builds {@code FROM from} + {@code body}, with {@code file} (if any) in the build context. */
  private void buildFrom(String name, String from, String body, Path file, OutputSink sink) {
    Path context = null;
    try {
      context = Files.createTempDirectory("workbench-base");
      Files.writeString(context.resolve("Dockerfile"), "FROM " + from + "\n" + body);
      if (file != null) {
        Files.copy(file, context.resolve(file.getFileName()));
      }
      images.build(name, context, "Dockerfile", Map.of(), Map.of("workbench.base", name), sink, BUILD_TIMEOUT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (context != null) {
        try (var files = Files.list(context)) {
          files.forEach(BaseImages::deleteQuietly);
        } catch (IOException e) {
          // left in /tmp: harmless
        }
        deleteQuietly(context);
      }
    }
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // a temp file left in /tmp is not worth failing a lesson for
      }
    }
  }

  private static Map<String, Base> catalog(Base... bases) {
    Map<String, Base> map = new LinkedHashMap<>();
    for (Base base : bases) {
      map.put(base.name(), base);
    }
    return map;
  }
}
