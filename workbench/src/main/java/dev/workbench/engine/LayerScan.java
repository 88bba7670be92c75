package dev.workbench.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Looks through every layer of an image, as {@code docker save} exports them, for files that look
 * like credentials. A file deleted in a later layer still sits in the earlier one, which is why we
 * read layers and not the final file system.
 */
public final class LayerScan {
  /**
   * Names people give key files: key-firebase.json, service-account.json, credentials.p12… PEM
   * files are judged by content instead: every Debian image has public CA certificates named like
   * {@code WISeKey_Global_Root_CA.pem}.
   */
  private static final Pattern KEY_NAME =
      Pattern.compile("(?i).*(key|credential|service[-_]?account|secret)[^/]*\\.(json|p12|pfx)$");

  /** Content every Google service-account key has; checked in small JSON files of any name. */
  private static final String JSON_KEY_MARK = "\"private_key\"";

  /** The armour of a PEM private key (RSA, EC, PKCS#8, encrypted or not). */
  private static final String PEM_KEY_MARK = "PRIVATE KEY-----";

  private static final long SMALL = 1 << 20;

  private final Engine engine;

  LayerScan(Engine engine) {
    this.engine = engine;
  }

  /** A suspicious file: the layer it is in, its path, and why it was flagged. */
  public record Finding(String layer, String path, String reason) {}

  public List<Finding> scan(String reference) {
    List<Finding> findings = new ArrayList<>();
    try (InputStream saved = engine.call(() -> engine.docker().saveImageCmd(reference).exec());
        TarArchiveInputStream image = new TarArchiveInputStream(saved)) {
      for (TarArchiveEntry entry = image.getNextEntry();
          entry != null;
          entry = image.getNextEntry()) {
        if (entry.isFile() && isLayer(entry.getName())) {
          scanLayer(entry.getName(), new TarArchiveInputStream(image), findings);
        }
      }
    } catch (IOException e) {
      throw new EngineError(
          "não consegui ler as camadas de " + reference + ": " + e.getMessage(), e);
    }
    return findings;
  }

  /** Layers are {@code <id>/layer.tar} in the classic save format, blobs in the OCI one. */
  private static boolean isLayer(String name) {
    return name.endsWith("/layer.tar") || name.startsWith("blobs/");
  }

  private static void scanLayer(String layer, TarArchiveInputStream files, List<Finding> findings)
      throws IOException {
    TarArchiveEntry file;
    try {
      file = files.getNextEntry();
    } catch (IOException notATar) {
      return; // an OCI blob that is a config or manifest, not a layer
    }
    for (; file != null; file = files.getNextEntry()) {
      String path = "/" + file.getName();
      if (!file.isFile() || path.contains("/.wh.")) {
        continue; // whiteouts only mark a deletion: the file itself is in an earlier layer
      }
      suspicion(path, file.getSize(), () -> read(files))
          .ifPresent(reason -> findings.add(new Finding(layer, path, reason)));
    }
  }

  /** Content is read only when the name calls for it: most files of an image are never opened. */
  interface Content {
    String read() throws IOException;
  }

  /** Why a file looks like a credential, if it does. */
  static Optional<String> suspicion(String path, long size, Content content) throws IOException {
    if (KEY_NAME.matcher(path).matches()) {
      return Optional.of("nome de arquivo de chave");
    }
    String lower = path.toLowerCase(Locale.ROOT);
    String mark =
        lower.endsWith(".json")
            ? JSON_KEY_MARK
            : lower.endsWith(".pem") || lower.endsWith(".key") ? PEM_KEY_MARK : null;
    if (mark != null && size < SMALL && content.read().contains(mark)) {
      return Optional.of("contém uma chave privada");
    }
    return Optional.empty();
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
