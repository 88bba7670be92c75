package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The address of a probe is built from parts: a typed path can never change the host or the port.
 */
class HttpProbeTest {
  @Test
  void a_path_with_a_query_keeps_the_loopback_host_and_the_port() {
    URI uri = HttpProbe.local(32768, "/visitas?nome=ana&x=1");

    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    assertThat(uri.getPort()).isEqualTo(32768);
    assertThat(uri.getPath()).isEqualTo("/visitas");
    assertThat(uri.getQuery()).isEqualTo("nome=ana&x=1");
    assertThat(HttpProbe.local(80, "").toString()).isEqualTo("http://127.0.0.1:80/");
  }

  @Test
  void a_path_that_would_change_the_host_or_the_port_is_refused() {
    for (String path :
        new String[] {
          "@evil.example/",
          "//evil.example/x",
          ".evil.example/",
          ":9999/",
          "/\\\\evil.example",
          "/a b",
          "/x\r\nHost: evil.example",
          "/x#frag"
        }) {
      assertThatThrownBy(() -> HttpProbe.local(8080, path))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("caminho");
    }
  }

  @Test
  void characters_that_are_not_allowed_in_a_path_are_escaped_not_interpreted() {
    URI uri = HttpProbe.local(8080, "/a@b/%20/ç");

    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    assertThat(uri.getPort()).isEqualTo(8080);
    assertThat(uri.getRawPath()).startsWith("/a@b/%20/");
  }
}
