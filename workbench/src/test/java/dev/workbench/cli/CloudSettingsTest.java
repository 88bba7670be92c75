package dev.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.cloud.CloudConfig;
import dev.workbench.cloud.CloudLimits;
import dev.workbench.cloud.CloudTarget;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** serve reads the clouds' setup once: the environment, then its own options over it. */
class CloudSettingsTest {

  private static CloudConfig serve(Map<String, String> env, String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    return serve.cloudConfig(env);
  }

  @Test
  void nothing_set_is_a_local_cloud_per_learner_with_a_laptops_limits() {
    assertThat(serve(Map.of())).isEqualTo(CloudConfig.LOCAL);
  }

  @Test
  void the_environment_names_the_registry_and_engine_and_options_win_over_it() {
    Map<String, String> env =
        Map.of(
            "WORKBENCH_CLOUD_REGISTRY",
            "registro.example:5000",
            "WORKBENCH_CLOUD_USER",
            "prof",
            "WORKBENCH_CLOUD_PASSWORD",
            "segredo",
            "WORKBENCH_CLOUD_ENGINE",
            "tcp://engine.example:2375");
    assertThat(serve(env).target())
        .isEqualTo(
            new CloudTarget(
                "registro.example:5000",
                "prof",
                "segredo",
                URI.create("tcp://engine.example:2375")));

    CloudConfig overridden =
        serve(env, "--cloud-engine", "unix:///run/outro.sock", "--max-clouds", "5");
    assertThat(overridden.target().engine()).isEqualTo(URI.create("unix:///run/outro.sock"));
    assertThat(overridden.target().registry()).isEqualTo("registro.example:5000");
    assertThat(overridden.limits()).isEqualTo(CloudLimits.LAPTOP.withClouds(5));
  }

  @Test
  void a_registry_without_its_user_is_refused_before_the_server_starts() {
    assertThatThrownBy(() -> serve(Map.of(), "--cloud-registry", "registro.example:5000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WORKBENCH_CLOUD_USER");
  }
}
