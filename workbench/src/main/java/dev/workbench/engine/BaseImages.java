package dev.workbench.engine;

import com.github.dockerjava.api.command.PullImageResultCallback;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provides the base images lessons build on: pulled where a registry answers (then tagged with the
 * workbench's name), otherwise built here from Debian's mirror, so a classroom with no registry
 * works once an instructor has run {@code bin/workbench images}. What each base is lives beside
 * this class as a Dockerfile ({@code base-images/}, listed in order in {@code
 * base-images/catalog}); this class only pulls or builds them.
 */
public final class BaseImages {
  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

  /**
   * mmdebstrap takes about 20 s with a near mirror; a slow mirror gets ample room, a hung one not.
   */
  private static final Duration ROOTFS_TIMEOUT = Duration.ofMinutes(15);

  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();
  private static final String FOLDER = "base-images/";

  /** The file a {@code rootfs:} base's Dockerfile ADDs: the root file system mmdebstrap made. */
  static final String ROOTFS_TAR = "rootfs.tar";

  /** The host files a {@code host-file:} header may name, and where this machine keeps each. */
  private static final Map<String, Supplier<Path>> HOST_FILES =
      Map.of("cloud-firestore-emulator.jar", FirestoreEmulatorJar::find);

  /**
   * One base, as its Dockerfile's header describes it.
   *
   * @param pullFrom the image pulled and tagged where a registry answers; null: always built here
   * @param rootfs the Debian suite whose root file system the build context gets; null for none
   * @param hostFile a file of this machine the build context gets; null for none
   * @param from the Dockerfile's FROM: a base made first when it is one of ours
   */
  record Base(
      String name,
      String pullFrom,
      String rootfs,
      String hostFile,
      String from,
      String dockerfile) {}

  /**
   * A header line of a base's Dockerfile: {@code # key: value}. Before CATALOG, which reads with
   * it.
   */
  private static final Pattern HEADER =
      Pattern.compile("#\\s*(image|pull|rootfs|host-file):\\s*(\\S.*)");

  /** Every base, in the order they can be made (a Dockerfile only uses bases listed before it). */
  static final Map<String, Base> CATALOG = load();

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
      sink.info(
          name
              + (base.pullFrom() == null
                  ? ": construindo localmente"
                  : ": nenhum registro respondeu; construindo localmente"));
      if (isBase(base.from())) {
        provide(base.from(), sink);
      }
      build(base, sink);
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
      new Transfers(engine)
          .pull(copy, new Transfers.Credentials(registry, null, null), sink, PULL_TIMEOUT);
    } catch (EngineError e) {
      throw new EngineError(
          "a imagem base "
              + name
              + " não está no registro local dos laboratórios ("
              + e.getMessage()
              + "): o instrutor prepara as imagens com bin/workbench images e reinicia o"
              + " serve --labs",
          e);
    }
    Transfers.Reference target = Transfers.Reference.of(name);
    engine.run(
        () ->
            engine.docker().tagImageCmd(copy.toString(), target.repository(), target.tag()).exec());
    engine.run(() -> engine.docker().removeImageCmd(copy.toString()).exec());
    sink.info(name + ": pronta (do registro local)");
  }

  private boolean pulled(Base base, OutputSink sink) {
    sink.info(base.name() + ": tentando baixar " + base.pullFrom() + " de um registro…");
    try {
      boolean done =
          engine.call(
              () -> {
                try {
                  return engine
                      .docker()
                      .pullImageCmd(base.pullFrom())
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

  /**
   * Where mmdebstrap keeps the hook that merges /usr without the usrmerge package (and its perl).
   */
  private static final Path MERGED_USR_HOOK =
      Path.of("/usr/share/mmdebstrap/hooks/maybe-merged-usr");

  /**
   * A root file system as small as Debian's own "-slim" images (about 78 MB, not 178): /usr merged
   * by a hook instead of the usrmerge package, which drags in the whole of perl; no manuals, docs
   * or translations, now or in what later images install (the dpkg options stay in the image); no
   * apt lists. An empty man1 keeps the JDK packages' postinst, which links its manual there,
   * working.
   */
  static List<String> mmdebstrap(String suite, Path tar) {
    List<String> command = new ArrayList<>(List.of("mmdebstrap", "--variant=minbase", "--quiet"));
    if (Files.isDirectory(MERGED_USR_HOOK)) {
      command.add("--hook-dir=" + MERGED_USR_HOOK);
    }
    for (String path : List.of("man", "doc", "locale", "info")) {
      command.add("--dpkgopt=path-exclude=/usr/share/" + path + "/*");
    }
    command.addAll(
        List.of(
            "--dpkgopt=path-include=/usr/share/doc/*/copyright",
            "--dpkgopt=path-include=/usr/share/locale/locale.alias",
            "--customize-hook=rm -rf \"$1\"/var/cache/apt/*.bin \"$1\"/var/lib/apt/lists/*",
            "--customize-hook=mkdir -p \"$1\"/usr/share/man/man1",
            suite,
            tar.toString()));
    return command;
  }

  /**
   * Builds a base from its Dockerfile, its context holding what the header asks for: a root file
   * system (a build that ADDs the tar, not an import: docker-java's import, POST /images/create
   * with the tar as body, is cut short by Engine 20.10 with "unexpected EOF"; a build context is
   * not) or a file of this machine.
   */
  private void build(Base base, OutputSink sink) {
    Path context = null;
    try {
      context = Files.createTempDirectory("workbench-base");
      Files.writeString(context.resolve("Dockerfile"), base.dockerfile());
      if (base.rootfs() != null) {
        rootfs(base.name(), base.rootfs(), context.resolve(ROOTFS_TAR), sink);
      }
      if (base.hostFile() != null) {
        Files.copy(HOST_FILES.get(base.hostFile()).get(), context.resolve(base.hostFile()));
      }
      images.build(
          base.name(),
          context,
          "Dockerfile",
          Map.of(),
          Map.of("workbench.base", base.name()),
          sink,
          BUILD_TIMEOUT);
    } catch (IOException e) {
      throw new EngineError(
          "não consegui criar " + base.name() + " localmente: " + e.getMessage(), e);
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

  private static void rootfs(String name, String suite, Path tar, OutputSink sink)
      throws IOException {
    sink.info(name + ": mmdebstrap --variant=minbase " + suite + " (cerca de 20 s)");
    int exit;
    try {
      exit =
          HostProcess.run(
              new ProcessBuilder(mmdebstrap(suite, tar)),
              sink::info,
              ROOTFS_TIMEOUT,
              "o mmdebstrap");
    } catch (IOException e) {
      throw new IOException(
          e.getMessage() + " (é preciso o mmdebstrap: apt-get install mmdebstrap)", e);
    }
    if (exit != 0) {
      throw new EngineError("mmdebstrap falhou ao criar " + name + " a partir do Debian " + suite);
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

  /** The catalog from the resource files: each listed Dockerfile, its header read. */
  private static Map<String, Base> load() {
    Map<String, Base> map = new LinkedHashMap<>();
    for (String line : resource("catalog").split("\n")) {
      String file = line.strip();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      Base base = parse(file, resource(file));
      if (isBase(base.from()) && !map.containsKey(base.from())) {
        throw new IllegalStateException(
            FOLDER + file + ": FROM " + base.from() + " is not listed before it in the catalog");
      }
      if (base.hostFile() != null && !HOST_FILES.containsKey(base.hostFile())) {
        throw new IllegalStateException(FOLDER + file + ": unknown host-file " + base.hostFile());
      }
      map.put(base.name(), base);
    }
    return Collections.unmodifiableMap(map);
  }

  /** A base from its Dockerfile: {@code # key: value} header lines, and the FROM line. */
  static Base parse(String file, String dockerfile) {
    Map<String, String> header = new LinkedHashMap<>();
    String from = null;
    for (String line : dockerfile.split("\n")) {
      Matcher m = HEADER.matcher(line);
      if (m.matches()) {
        header.put(m.group(1), m.group(2).strip());
      } else if (from == null && line.regionMatches(true, 0, "FROM ", 0, 5)) {
        from = line.substring(5).strip();
      }
    }
    String name = header.get("image");
    if (name == null || !isBase(name) || from == null) {
      throw new IllegalStateException(
          FOLDER + file + ": needs a '# image: workbench/…' header and a FROM line");
    }
    return new Base(
        name, header.get("pull"), header.get("rootfs"), header.get("host-file"), from, dockerfile);
  }

  private static String resource(String name) {
    try (InputStream in = BaseImages.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FOLDER + name + " beside BaseImages");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
