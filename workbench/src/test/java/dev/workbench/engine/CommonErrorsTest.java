package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Docker's usual refusals reach the learner in pt-BR, with the command that fixes each. */
class CommonErrorsTest {

  @Test
  void a_missing_container_is_explained_with_docker_ps_a() {
    assertThat(CommonErrors.explain("No such container: wb-abc-volumes-efemero").orElseThrow())
        .startsWith("O contêiner wb-abc-volumes-efemero não existe")
        .contains("`docker ps -a`")
        .endsWith("(o Docker disse: No such container: wb-abc-volumes-efemero)");
  }

  @Test
  void a_missing_image_is_explained_with_build_pull_and_images() {
    assertThat(CommonErrors.explain("No such image: wb-abc-imagens-meu-site:latest").orElseThrow())
        .startsWith("A imagem wb-abc-imagens-meu-site:latest não existe nesta máquina")
        .contains("`docker build`", "`docker images`");
    assertThat(CommonErrors.explain(
        "pull access denied for meu-site, repository does not exist or may require 'docker login'"))
        .hasValueSatisfying(m -> assertThat(m).startsWith("A imagem meu-site não existe"));
  }

  @Test
  void a_taken_port_and_a_full_disk_say_what_to_run() {
    assertThat(CommonErrors.explain("driver failed programming external connectivity on endpoint x:"
        + " Bind for 127.0.0.1:8080 failed: port is already allocated").orElseThrow())
        .startsWith("A porta pedida já está em uso").contains("`docker ps`", "`docker stop NOME`");
    assertThat(CommonErrors.explain("write /var/lib/docker/tmp/x: no space left on device").orElseThrow())
        .startsWith("O disco do Docker está cheio").contains("`docker system df`");
  }

  @Test
  void anything_else_is_left_to_the_caller() {
    assertThat(CommonErrors.explain("invalid reference format")).isEmpty();
  }
}
