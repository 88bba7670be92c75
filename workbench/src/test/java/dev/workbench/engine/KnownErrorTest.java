package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.KnownError.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's own words, as Engine 20.10 wrote them on this project's machine (and, for a full
 * disk, as Docker writes them: filling the disk is no test), become one sentence each, with the
 * values read out of them; and a page finds the problem back in that sentence.
 */
class KnownErrorTest {
  private static KnownError read(String said) {
    return KnownError.in(said, null)
        .orElseThrow(() -> new AssertionError("not recognised: " + said));
  }

  @Test
  void a_taken_name_names_the_container_and_the_docker_rm_that_clears_it() {
    KnownError e =
        read(
            "Conflict. The container name \"/wb-1a2b3c4d-volumes-efemero\" is already in use by"
                + " container \"5c0ffee\". You have to remove (or rename) that container to be able to reuse that name.");
    assertThat(e).isInstanceOf(NameInUse.class);
    assertThat(e.getMessage())
        .startsWith(NameInUse.LEAD + "wb-1a2b3c4d-volumes-efemero ")
        .contains("`docker rm -f wb-1a2b3c4d-volumes-efemero`");
  }

  @Test
  void no_such_container_names_it_and_says_how_to_list_the_ones_there_are() {
    KnownError e = read("No such container: wb-1a2b3c4d-conteineres-maquina-1");
    assertThat(e.problem()).isEqualTo(Problem.NO_SUCH_CONTAINER);
    assertThat(e.values()).containsExactly("wb-1a2b3c4d-conteineres-maquina-1");
    assertThat(e.getMessage())
        .contains("O contêiner wb-1a2b3c4d-conteineres-maquina-1 não existe", "`docker ps -a`");
  }

  @Test
  void no_such_image_names_it_from_the_api_and_from_a_pull_that_was_refused() {
    assertThat(read("No such image: wb-1a2b3c4d-imagens-meu-site:latest").values())
        .containsExactly("wb-1a2b3c4d-imagens-meu-site:latest");
    assertThat(
            read("pull access denied for nada, repository does not exist or may require 'docker login':"
                    + " denied: requested access to the resource is denied")
                .values())
        .containsExactly("nada");
    assertThat(
            read("failed to solve: nada: failed to resolve source metadata for docker.io/library/nada:latest:"
                    + " pull access denied")
                .values())
        .containsExactly("nada:latest");
    assertThat(read("No such image: x:1").getMessage())
        .contains("`docker build -t x:1 PASTA`", "`docker image ls`");
  }

  @Test
  void a_build_whose_from_is_nowhere_and_no_registry_answers_names_the_image_of_the_from() {
    String offline =
        "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on"
            + " 10.255.255.53:53: no such host";
    assertThat(KnownError.in(offline, null)).isEmpty();
    KnownError e = KnownError.inBuild(offline, "python:3.10.2", null).orElseThrow();
    assertThat(e.problem()).isEqualTo(Problem.NO_SUCH_IMAGE);
    assertThat(e.values()).containsExactly("python:3.10.2");
    assertThat(KnownError.inBuild(offline, "${BASE}", null)).isEmpty();
    assertThat(KnownError.inBuild("COPY failed: file not found in build context", "x", null))
        .isEmpty();
  }

  @Test
  void a_taken_port_names_the_address_and_the_filter_that_finds_who_holds_it() {
    KnownError byContainer =
        read(
            "driver failed programming external connectivity on endpoint wtc-b"
                + " (96c84b49417351c8f491a1614f1f4518787833bcd407d7ba18c8bf6295169322): Bind for 127.0.0.1:18765"
                + " failed: port is already allocated");
    assertThat(byContainer.problem()).isEqualTo(Problem.PORT_TAKEN);
    assertThat(byContainer.values()).containsExactly("127.0.0.1:18765", "18765");
    assertThat(byContainer.getMessage())
        .contains("A porta 127.0.0.1:18765", "`docker ps --filter publish=18765`");
    KnownError byProgram =
        read(
            "driver failed programming external connectivity on endpoint wtc-e (32a7b0e8):"
                + " Error starting userland proxy: listen tcp4 127.0.0.1:18766: bind: address already in use");
    assertThat(byProgram.values()).containsExactly("127.0.0.1:18766", "18766");
    assertThat(
            read("ERROR: for proxy  Cannot start service proxy: driver failed programming external"
                    + " connectivity on endpoint p (1): Bind for 0.0.0.0:8080 failed: port is already allocated")
                .values())
        .containsExactly("0.0.0.0:8080", "8080");
  }

  @Test
  void a_full_disk_is_recognised_wherever_docker_says_it() {
    for (String said :
        List.of(
            "write /var/lib/docker/tmp/GetImageBlob381021: no space left on device",
            "failed to register layer: Error processing tar file(exit status 1): write /usr/lib/jvm/x.so: no space left on device",
            "mkdir /var/lib/docker/overlay2/4a1c-init: no space left on device",
            "Could not build image: failed to copy files: copy file range failed: no space left on device")) {
      KnownError e = read(said);
      assertThat(e.problem()).as(said).isEqualTo(Problem.NO_SPACE);
      assertThat(e.getMessage()).contains("`docker system df`", "`docker image prune`");
    }
  }

  @Test
  void other_words_are_no_known_problem() {
    assertThat(KnownError.in("Container abc is not running", null)).isEmpty();
    assertThat(KnownError.in("", null)).isEmpty();
    assertThat(KnownError.in(null, null)).isEmpty();
  }

  @Test
  void every_sentence_is_read_back_with_its_values_once_the_session_prefix_is_gone() {
    for (Problem problem : Problem.values()) {
      List<String> values =
          problem == Problem.PORT_TAKEN
              ? List.of("127.0.0.1:8080", "8080")
              : problem == Problem.NO_SPACE ? List.of() : List.of("efemero");
      assertThat(Problem.read(problem.say(values)))
          .as(problem.name())
          .hasValue(new KnownError.Said(problem, values));
    }
    assertThat(Problem.read("o Docker respondeu: algo")).isEmpty();
  }
}
