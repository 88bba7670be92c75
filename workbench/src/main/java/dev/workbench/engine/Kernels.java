package dev.workbench.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The containers notebook cells run in. Learner code gets the strictest container the workbench
 * makes: the common hardening of {@link Containers#hardened} plus no network, no capabilities, a
 * read-only root file system with a small {@code /tmp}, a non-root user and an empty environment.
 * It sees only the files the caller names (read-only copies under the data dir), the learner's own
 * files folder, and a private folder of its own (read-only) through which the server and the kernel
 * talk.
 *
 * <p>Each kernel carries its learner's labels (so a lesson's reset removes it), a kind label, and
 * its owner: the server process that made it. A server killed with {@code kill -9} cannot remove
 * its kernels; the next start does ({@link #removeOrphans}), and leaves alone the kernels of a
 * server that is still running.
 */
public final class Kernels {
  public static final String KIND_LABEL = "workbench.kind";
  public static final String KIND = "notebook-kernel";
  static final String OWNER_LABEL = "workbench.owner";
  static final String FOLDER_LABEL = "workbench.kernel.folder";
  static final String COPY_LABEL = "workbench.kernel.copy";

  /** The name a kernel has in the learner's lesson, as the panel shows it. */
  static final String NAME = "jshell";

  /** The user a kernel runs as when the server is root: Debian's {@code nobody}. */
  private static final int NOBODY = 65534;

  private static final String TMPFS = "rw,nosuid,nodev,noexec,size=64m";
  private static final Pattern FOLDER_NAME = Pattern.compile("[0-9a-f]{8}");
  private static final Pattern COPY_NAME = Pattern.compile("copy-[0-9a-f]{16}");
  private static final Object COPYING = new Object();
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The program runs with no variable at all: not the server's, not the image's ({@code PATH},
   * {@code JAVA_HOME}). The shell only finds the program in the image's own {@code PATH}; the
   * arguments reach it as positional parameters, never as part of this line.
   */
  private static final String EMPTY_ENVIRONMENT = "exec env -i \"$(command -v \"$0\")\" \"$@\"";

  /**
   * What to run and what it may see.
   *
   * @param image a base image ({@code workbench/jdk:17})
   * @param command the program (found in the image's {@code PATH}) and its arguments
   * @param readOnly files or folders of this server to mount read-only, by their path in the
   *     container; the engine mounts a copy under the data dir
   * @param filesTarget where the learner's own files folder appears (writable)
   * @param folderTarget where the kernel's private folder appears (read-only)
   * @param limits the course's memory, CPU and PID limits
   */
  public record Spec(
      String image,
      List<String> command,
      Map<String, Path> readOnly,
      String filesTarget,
      String folderTarget,
      Limits limits) {
    public Spec {
      command = List.copyOf(command);
      readOnly = Map.copyOf(readOnly);
      if (command.isEmpty()) {
        throw new IllegalArgumentException("a kernel needs a command");
      }
    }
  }

  /**
   * A created kernel container.
   *
   * @param folder the private host folder mounted at {@link Spec#folderTarget()}; the server puts
   *     there what the kernel needs to start and the socket it connects to
   */
  public record Kernel(String id, String name, Path folder) {}

  /** How a kernel's container ended: its exit code, and whether the memory limit killed it. */
  public record Ending(int exitCode, boolean oomKilled) {}

  private final Engine engine;
  private final DockerClient docker;

  Kernels(Engine engine) {
    this.engine = engine;
    this.docker = engine.docker();
  }

  /** Creates the kernel's folder and container, not started; the image must be present. */
  public Kernel create(Scope scope, Spec spec) {
    new Images(engine).requirePresent(spec.image(), spec.image());
    List<Bind> binds = new ArrayList<>();
    Path copy = copied(spec.readOnly());
    spec.readOnly()
        .forEach(
            (target, host) ->
                binds.add(
                    new Bind(
                        copy.resolve(copyName(target)).toString(),
                        new Volume(target),
                        AccessMode.ro)));
    Path folder = newFolder();
    Path files = Mounts.sessionFiles(engine.dataDir(), scope);
    String user;
    try {
      Files.createDirectories(files);
      user = userFor(folder, files);
    } catch (IOException | RuntimeException e) {
      deleteFolder(folder);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    binds.add(new Bind(folder.toString(), new Volume(spec.folderTarget()), AccessMode.ro));
    binds.add(new Bind(files.toString(), new Volume(spec.filesTarget()), AccessMode.rw));
    HostConfig host =
        Containers.hardened(spec.limits())
            .withNetworkMode("none")
            .withCapDrop(Capability.ALL)
            .withReadonlyRootfs(true)
            .withTmpFs(Map.of("/tmp", TMPFS))
            .withBinds(binds);
    Map<String, String> labels = new HashMap<>(scope.labels());
    labels.put(KIND_LABEL, KIND);
    labels.put(OWNER_LABEL, Owner.current());
    labels.put(FOLDER_LABEL, folder.getFileName().toString());
    if (copy != null) {
      labels.put(COPY_LABEL, copy.getFileName().toString());
    }
    List<String> entrypoint = new ArrayList<>(List.of("/bin/sh", "-c", EMPTY_ENVIRONMENT));
    entrypoint.addAll(spec.command());
    String name = scope.name(NAME);
    removeQuietly(name); // a kernel of this lesson whose removal failed earlier
    try {
      String id =
          engine
              .call(
                  () ->
                      docker
                          .createContainerCmd(spec.image())
                          .withName(name)
                          .withLabels(labels)
                          .withUser(user)
                          .withEnv(List.of())
                          .withEntrypoint(entrypoint)
                          .withWorkingDir(spec.filesTarget())
                          .withHostConfig(host)
                          .exec())
              .getId();
      return new Kernel(id, name, folder);
    } catch (RuntimeException e) {
      deleteFolder(folder);
      throw e;
    }
  }

  public void start(Kernel kernel) {
    engine.run(() -> docker.startContainerCmd(kernel.id()).exec());
  }

  /** True while the kernel's container runs. */
  public boolean running(Kernel kernel) {
    return state(kernel).map(s -> Boolean.TRUE.equals(s.getRunning())).orElse(false);
  }

  /** How the kernel's container ended; empty while it runs or once it is gone. */
  public Optional<Ending> ending(Kernel kernel) {
    return state(kernel)
        .filter(s -> !Boolean.TRUE.equals(s.getRunning()))
        .map(
            s ->
                new Ending(
                    s.getExitCodeLong() == null ? -1 : s.getExitCodeLong().intValue(),
                    Boolean.TRUE.equals(s.getOOMKilled())));
  }

  /** The last lines the kernel's program wrote outside the notebook's own streams. */
  public List<String> lastLines(Kernel kernel, int count) {
    try {
      return new Containers(engine).lastLines(kernel.id(), count);
    } catch (EngineError e) {
      return List.of();
    }
  }

  /** Removes the container (ending its program at once) and the kernel's folder. */
  public void remove(Kernel kernel) {
    try {
      removeQuietly(kernel.id());
    } finally {
      deleteFolder(kernel.folder());
    }
  }

  /**
   * Removes the kernels whose server is gone, and kernel folders no container names any more.
   *
   * @return how many containers were removed
   */
  int removeOrphans() {
    List<Container> kernels =
        engine.call(
            () ->
                docker
                    .listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(KIND_LABEL, KIND))
                    .exec());
    Set<String> kept = new HashSet<>();
    int removed = 0;
    for (Container c : kernels) {
      Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
      String folder = labels.getOrDefault(FOLDER_LABEL, "");
      if (Owner.gone(labels.get(OWNER_LABEL))) {
        removed += removeQuietly(c.getId());
      } else {
        kept.add(folder);
        kept.add(labels.getOrDefault(COPY_LABEL, ""));
      }
    }
    try (Stream<Path> folders = listFolders()) {
      folders
          .filter(
              f ->
                  FOLDER_NAME.matcher(f.getFileName().toString()).matches()
                      || COPY_NAME.matcher(f.getFileName().toString()).matches())
          .filter(f -> !kept.contains(f.getFileName().toString()))
          .forEach(Kernels::deleteFolder);
    }
    return removed;
  }

  private Stream<Path> listFolders() {
    Path root = engine.dataDir().resolve("kernels");
    if (!Files.isDirectory(root)) {
      return Stream.empty();
    }
    try {
      return Files.list(root);
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private Optional<InspectContainerResponse.ContainerState> state(Kernel kernel) {
    try {
      return Optional.ofNullable(
          engine.call(() -> docker.inspectContainerCmd(kernel.id()).exec()).getState());
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private int removeQuietly(String idOrName) {
    try {
      engine.run(() -> docker.removeContainerCmd(idOrName).withForce(true).exec());
      return 1;
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        return 0;
      }
      throw e;
    }
  }

  /**
   * The read-only files, copied once under the data dir: the one folder this server and the
   * engine's host are known to share (the server may itself run in a container, where its own files
   * are not the host's). Named by what was copied — paths, sizes, times — so a rebuilt jar makes a
   * new copy and an unchanged one is reused.
   */
  private Path copied(Map<String, Path> readOnly) {
    if (readOnly.isEmpty()) {
      return null;
    }
    Map<String, Path> sources = new TreeMap<>();
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, Path> entry : readOnly.entrySet()) {
        Path real = entry.getValue().toRealPath();
        if (real.toString().contains("docker.sock") || !entry.getKey().startsWith("/")) {
          throw new IllegalArgumentException("montagem recusada para um kernel: " + real);
        }
        sources.put(copyName(entry.getKey()), real);
      }
      for (Map.Entry<String, Path> entry : sources.entrySet()) {
        digest.update((entry.getKey() + "\0" + entry.getValue() + "\0").getBytes(UTF_8));
        try (Stream<Path> files = Files.walk(entry.getValue())) {
          for (Path file : files.sorted().toList()) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
              digest.update(
                  (file + "\0" + Files.size(file) + "\0" + Files.getLastModifiedTime(file) + "\0")
                      .getBytes(UTF_8));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new EngineError(
          "o notebook precisa de um arquivo que não existe: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String name = "copy-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    Path copy = engine.dataDir().resolve("kernels").resolve(name);
    synchronized (COPYING) {
      if (Files.isDirectory(copy)) {
        return copy;
      }
      Path partial = copy.resolveSibling(name + ".partial");
      deleteFolder(partial);
      try {
        Files.createDirectories(partial);
        for (Map.Entry<String, Path> entry : sources.entrySet()) {
          copyTree(entry.getValue(), partial.resolve(entry.getKey()));
        }
        Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        deleteFolder(partial);
        throw new UncheckedIOException("cannot copy the notebook's files to " + copy, e);
      }
    }
    return copy;
  }

  /** The name of a read-only file's copy: its container path, flattened. */
  private static String copyName(String target) {
    return target.substring(1).replace('/', '_');
  }

  /** Regular files and folders only: a link is not followed out of what was named. */
  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.sorted().toList()) {
        Path to = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(to);
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.copy(path, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** A short, fresh folder: a unix socket's path must stay under about 100 bytes. */
  private Path newFolder() {
    return newFolder(engine.dataDir().resolve("kernels"));
  }

  /** A short, fresh, private folder under {@code root} (the terminal's socket lives in one too). */
  static Path newFolder(Path root) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    Path folder = root.resolve(HexFormat.of().formatHex(bytes));
    try {
      Files.createDirectories(folder.getParent());
      Files.createDirectory(
          folder,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
  }

  /**
   * The server's own user, or {@code nobody} when the server is root; the kernel's folder, and a
   * files folder still owned by root, are handed to that user, so the kernel can connect and write
   * (folders created inside by root-run lesson containers stay root's).
   */
  static String userFor(Path folder, Path files) throws IOException {
    int uid = (Integer) Files.getAttribute(folder, "unix:uid");
    int gid = (Integer) Files.getAttribute(folder, "unix:gid");
    if (uid != 0) {
      return uid + ":" + gid;
    }
    for (Path path : List.of(folder, files)) {
      if ((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) == 0) {
        Files.setAttribute(path, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
      }
    }
    return NOBODY + ":" + NOBODY;
  }

  private static void deleteFolder(Path folder) {
    if (folder == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a folder left behind is removed by the next start's orphan clean-up
    }
  }

  /**
   * Who made a kernel: the server's pid, with its pid namespace and start time, so a reused pid or
   * a server in another container is never taken for the owner.
   */
  static final class Owner {
    private Owner() {}

    static String current() {
      ProcessHandle self = ProcessHandle.current();
      return namespace() + "/" + self.pid() + "/" + started(self);
    }

    /** True only when the owner ran in our pid namespace and that process is no longer there. */
    static boolean gone(String owner) {
      if (owner == null) {
        return false;
      }
      String[] parts = owner.split("/");
      if (parts.length != 3 || !parts[0].equals(namespace())) {
        return false;
      }
      try {
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[1]));
        return process.isEmpty() || !started(process.get()).equals(parts[2]);
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private static String started(ProcessHandle process) {
      return process.info().startInstant().map(i -> Long.toString(i.getEpochSecond())).orElse("?");
    }

    private static String namespace() {
      try {
        String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        return link.replaceAll("[^0-9]", "");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return "host";
      }
    }
  }
}
