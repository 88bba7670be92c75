package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which files the layer scan calls credentials; the scan of a real image is in LayerScanIT. */
class LayerScanTest {
  private static Optional<String> judge(String path, String content) throws IOException {
    return LayerScan.suspicion(path, content.length(), () -> content);
  }

  @Test
  void keyFilesAreFoundByTheirNames() throws IOException {
    assertThat(judge("/app/key-firebase.json", "{}")).contains("nome de arquivo de chave");
    assertThat(judge("/app/service_account.json", "{}")).contains("nome de arquivo de chave");
    assertThat(judge("/root/credentials.p12", "")).contains("nome de arquivo de chave");
  }

  @Test
  void privateKeysAreFoundByTheirContentUnderAnyName() throws IOException {
    assertThat(judge("/app/config.json", "{\"private_key\": \"x\"}"))
        .contains("contém uma chave privada");
    assertThat(judge("/app/tls.pem", "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----"))
        .contains("contém uma chave privada");
    assertThat(judge("/etc/app/server.key", "-----BEGIN EC PRIVATE KEY-----"))
        .contains("contém uma chave privada");
  }

  @Test
  void publicCertificatesNamedLikeKeysAreNotCredentials() throws IOException {
    String certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    assertThat(judge("/etc/ssl/certs/OISTE_WISeKey_Global_Root_GB_CA.pem", certificate)).isEmpty();
    assertThat(judge("/app/lib/config.json", "{\"name\": \"x\"}")).isEmpty();
    assertThat(judge("/app/classifier.jar", "PRIVATE KEY-----")).isEmpty();
  }

  @Test
  void contentIsNotReadWhenTheNameDecides() throws IOException {
    LayerScan.Content refuses =
        () -> {
          throw new AssertionError("read a file whose name was enough");
        };
    assertThat(LayerScan.suspicion("/usr/lib/x86_64-linux-gnu/libc.so.6", 10, refuses)).isEmpty();
    assertThat(LayerScan.suspicion("/app/key-firebase.json", 10, refuses)).isPresent();
  }
}
