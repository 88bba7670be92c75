package dev.workbench.engine;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import dev.workbench.step.Mount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a lesson's mounts into engine binds. The only host folders a container can see are the
 * session's own files under the data dir: no absolute path, no {@code ..}, no link leading out of
 * them, never the engine socket.
 */
final class Mounts {
  private final Engine engine;
  private final Scope scope;

  Mounts(Engine engine, Scope scope) {
    this.engine = engine;
    this.scope = scope;
  }

  List<Bind> binds(List<Mount> mounts) {
    return mounts.stream().map(this::bind).toList();
  }

  private Bind bind(Mount mount) {
    AccessMode mode = mount.readOnly() ? AccessMode.ro : AccessMode.rw;
    requireSafeTarget(mount.target());
    if (mount instanceof Mount.Volume v) {
      String volume = scope.name(v.volume());
      new Storage(engine).ensureVolume(scope, v.volume());
      return new Bind(volume, new Volume(v.target()), mode);
    }
    Mount.Bind b = (Mount.Bind) mount;
    Path folder = sessionFolder(engine.dataDir(), scope, b.source());
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Bind(folder.toString(), new Volume(b.target()), mode);
  }

  /**
   * A folder (or file) of the session's own files, as it really is; refuses anything that would
   * leave them. The path is compared twice: as written (no absolute path, no {@code ..}), and as
   * the file system resolves it, links included — a learner's container can make a link in its own
   * folder that points at {@code /etc}, and the engine would follow it when it binds.
   */
  static Path sessionFolder(Path dataDir, Scope scope, String relative) {
    if (relative == null || relative.isBlank()) {
      throw new IllegalArgumentException("a pasta do bind está vazia");
    }
    Path rel = Path.of(relative);
    if (rel.isAbsolute()
        || relative.startsWith("~")
        || rel.normalize().startsWith("..")
        || relative.contains("..")
        || relative.contains("docker.sock")) {
      throw new IllegalArgumentException(
          "a pasta do bind deve ser relativa à sua área de arquivos, sem '..': " + relative);
    }
    Path base = sessionFiles(dataDir, scope);
    Path folder = base.resolve(rel).normalize();
    if (!folder.startsWith(base)) {
      throw new IllegalArgumentException(
          "a pasta do bind sai da sua área de arquivos: " + relative);
    }
    try {
      Path realBase = Files.createDirectories(base).toRealPath();
      Path real = realOfExisting(folder);
      if (!real.startsWith(realBase)) {
        throw new IllegalArgumentException(
            "o caminho "
                + relative
                + " leva para fora da sua área de"
                + " arquivos (por um link simbólico) e foi recusado: use uma pasta de verdade");
      }
      return real;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "não consegui usar o caminho "
              + relative
              + " da sua área de"
              + " arquivos: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The path with its longest existing part resolved as the file system sees it (links followed)
   * and the rest, not yet made, appended. A link counts as existing even when what it points at
   * does not: resolving it then fails, rather than letting the engine create its target.
   */
  static Path realOfExisting(Path path) throws IOException {
    Path existing = path;
    Path rest = path.getFileSystem().getPath("");
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    return existing.toRealPath().resolve(rest).normalize();
  }

  /** The folder that holds a session's own files (what bind mounts see). */
  static Path sessionFiles(Path dataDir, Scope scope) {
    return dataDir.resolve("sessions").resolve(scope.session().id()).resolve("files");
  }

  private static void requireSafeTarget(String target) {
    if (target == null || !target.startsWith("/")) {
      throw new IllegalArgumentException(
          "o destino da montagem deve ser um caminho absoluto no contêiner: " + target);
    }
    if (target.contains("docker.sock")) {
      throw new IllegalArgumentException("o socket do Docker não pode ser montado por uma lição");
    }
  }
}
