package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog of bases is the resource files beside BaseImages, read in the order they can be made.
 */
class BaseImagesTest {

  @Test
  void every_base_the_lessons_use_is_in_the_catalog_in_an_order_that_can_be_made() {
    assertThat(BaseImages.names())
        .startsWith("workbench/debian:bookworm", "workbench/debian:trixie")
        .contains(
            "workbench/jre:17",
            "workbench/jdk:17",
            "workbench/jdk:21",
            "workbench/nginx",
            "workbench/redis",
            "workbench/registry",
            "workbench/dockerd",
            "workbench/firestore-emulator");
    List<String> made = new ArrayList<>();
    for (BaseImages.Base base : BaseImages.CATALOG.values()) {
      if (BaseImages.isBase(base.from())) {
        assertThat(made)
            .as("%s is made from %s, listed before it", base.name(), base.from())
            .contains(base.from());
      }
      made.add(base.name());
    }
  }

  @Test
  void the_header_says_where_to_pull_from_and_what_the_build_context_needs() {
    BaseImages.Base debian = BaseImages.CATALOG.get("workbench/debian:bookworm");
    assertThat(debian.pullFrom()).isEqualTo("debian:bookworm-slim");
    assertThat(debian.rootfs()).isEqualTo("bookworm");
    assertThat(debian.from()).isEqualTo("scratch");
    assertThat(debian.dockerfile()).contains("ADD " + BaseImages.ROOTFS_TAR + " /");

    BaseImages.Base jre = BaseImages.CATALOG.get("workbench/jre:17");
    assertThat(jre.pullFrom()).isEqualTo("eclipse-temurin:17-jre");
    assertThat(jre.from()).isEqualTo("workbench/debian:bookworm");
    assertThat(jre.dockerfile()).contains("openjdk-17-jre-headless");

    BaseImages.Base emulator = BaseImages.CATALOG.get("workbench/firestore-emulator");
    assertThat(emulator.pullFrom()).as("no registry has it: always built here").isNull();
    assertThat(emulator.hostFile()).isEqualTo("cloud-firestore-emulator.jar");
  }

  @Test
  void a_dockerfile_without_its_name_is_refused_by_file() {
    assertThatThrownBy(
            () -> BaseImages.parse("extra.Dockerfile", "FROM workbench/debian:bookworm\n"))
        .hasMessageContaining("base-images/extra.Dockerfile")
        .hasMessageContaining("# image:");
    assertThat(
            BaseImages.parse(
                "x.Dockerfile", "# image: workbench/x\n#   pull:  x:1\nfrom workbench/jre:17\n"))
        .isEqualTo(
            new BaseImages.Base(
                "workbench/x",
                "x:1",
                null,
                null,
                "workbench/jre:17",
                "# image: workbench/x\n#   pull:  x:1\nfrom workbench/jre:17\n"));
  }
}
