package dev.workbench.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The terminal's rules, against a made-up engine (pure logic): what reaches the host is refused.
 */
class ApiRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Session ME = new Session("aaaa1111");
  private static final Map<String, String> MINE = Map.of(Scope.SESSION_LABEL, "aaaa1111");
  private static final Map<String, String> OTHERS = Map.of(Scope.SESSION_LABEL, "bbbb2222");

  private final Map<String, Map<String, String>> containers =
      new HashMap<>(
          Map.of(
              "meu",
              MINE,
              "alheio",
              OTHERS,
              "minha-nuvem",
              MINE,
              "wb-cccc3333-nuvem-engine",
              Map.of("workbench.kind", "stand-in-engine")));
  private final Map<String, Map<String, String>> volumes =
      new HashMap<>(Map.of("dados", MINE, "deles", OTHERS));
  private final Map<String, Map<String, String>> networks =
      new HashMap<>(
          Map.of(
              "minha-rede",
              MINE,
              "rede-deles",
              OTHERS,
              "rede-da-nuvem",
              Map.of(Scope.SESSION_LABEL, "aaaa1111", Kernels.KIND_LABEL, "stand-in-engine")));

  private final ApiRules rules =
      new ApiRules(
          ME,
          new ApiRules.Owners() {
            public Optional<ApiRules.ContainerFacts> container(String ref) {
              return Optional.ofNullable(containers.get(ref))
                  .map(labels -> new ApiRules.ContainerFacts(labels, ref.equals("minha-nuvem")));
            }

            public Optional<String> execContainer(String execId) {
              return Optional.of(execId.equals("exec-meu") ? "meu" : "alheio");
            }

            public Optional<Map<String, String>> network(String ref) {
              return Optional.ofNullable(networks.get(ref));
            }

            public Optional<Map<String, String>> volume(String name) {
              return Optional.ofNullable(volumes.get(name));
            }

            public Optional<ApiRules.ImageFacts> image(String ref) {
              return ref.equals("sha256:base")
                  ? Optional.of(
                      new ApiRules.ImageFacts(List.of("workbench/debian:bookworm"), Map.of()))
                  : Optional.empty();
            }
          });

  private ApiRules.Decision ask(String method, String target, String body) {
    return rules.decide(
        ApiRules.Request.parse(method, target, body == null ? null : body.getBytes(UTF_8)));
  }

  private ApiRules.Decision create(String hostConfig) {
    return ask(
        "POST",
        "/v1.41/containers/create?name=web",
        "{\"Image\":\"nginx\",\"HostConfig\":" + hostConfig + "}");
  }

  private static String refusal(ApiRules.Decision decision) {
    assertThat(decision).isInstanceOf(ApiRules.Decision.Refuse.class);
    return ((ApiRules.Decision.Refuse) decision).message();
  }

  private static JsonNode sent(ApiRules.Decision decision) throws Exception {
    assertThat(decision).isInstanceOf(ApiRules.Decision.Forward.class);
    return JSON.readTree(((ApiRules.Decision.Forward) decision).body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"Privileged\":true}",
        "{\"CapAdd\":[\"SYS_ADMIN\"]}",
        "{\"Binds\":[\"/:/host\"]}",
        "{\"Binds\":[\"/var/run/docker.sock:/var/run/docker.sock\"]}",
        "{\"Binds\":[\"./projeto:/app\"]}",
        "{\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/etc\",\"Target\":\"/x\"}]}",
        "{\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"v\",\"Target\":\"/x\",\"VolumeOptions\":{\"DriverConfig\":{\"Name\":\"local\",\"Options\":{\"device\":\"/\",\"o\":\"bind\"}}}}]}",
        "{\"NetworkMode\":\"host\"}",
        "{\"PidMode\":\"host\"}",
        "{\"IpcMode\":\"host\"}",
        "{\"UTSMode\":\"host\"}",
        "{\"UsernsMode\":\"host\"}",
        "{\"CgroupnsMode\":\"host\"}",
        "{\"Devices\":[{\"PathOnHost\":\"/dev/sda\",\"PathInContainer\":\"/dev/sda\",\"CgroupPermissions\":\"rwm\"}]}",
        "{\"SecurityOpt\":[\"seccomp=unconfined\"]}",
        "{\"SecurityOpt\":[\"apparmor=unconfined\"]}",
        "{\"MaskedPaths\":[],\"ReadonlyPaths\":[]}",
        "{\"Sysctls\":{\"kernel.shmmax\":\"1\"}}",
        "{\"CgroupParent\":\"/\"}",
        "{\"PublishAllPorts\":true}",
        "{\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"8080\"}]}}",
        "{\"PidMode\":\"container:alheio\"}",
        "{\"NetworkMode\":\"container:wb-cccc3333-nuvem-engine\"}",
        "{\"VolumesFrom\":[\"alheio\"]}",
        "{\"Memory\":99999999999}"
      })
  void a_container_that_would_reach_the_host_is_refused(String hostConfig) {
    assertThat(refusal(create(hostConfig))).isNotBlank().doesNotContainIgnoringCase("exception");
  }

  @Test
  void a_plain_run_goes_through_labelled_limited_and_published_on_the_loopback() throws Exception {
    JsonNode sent =
        sent(create("{\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]}}"));

    assertThat(sent.path("Labels").path(Scope.SESSION_LABEL).asText()).isEqualTo("aaaa1111");
    assertThat(sent.path("Labels").path(Scope.LESSON_LABEL).asText()).isEqualTo(ApiRules.LESSON);
    assertThat(sent.path("HostConfig").path("Memory").asLong()).isEqualTo(512L << 20);
    assertThat(sent.path("HostConfig").path("PidsLimit").asLong()).isEqualTo(256);
    assertThat(sent.path("HostConfig").path("NanoCpus").asLong()).isEqualTo(1_000_000_000L);
    assertThat(
            sent.path("HostConfig")
                .path("PortBindings")
                .path("80/tcp")
                .get(0)
                .path("HostIp")
                .asText())
        .isEqualTo("127.0.0.1");
    assertThat(((ApiRules.Decision.Forward) create("{}")).demand()).isEqualTo(Demand.containers(1));
  }

  @Test
  void a_smaller_limit_the_learner_sets_is_kept() throws Exception {
    JsonNode sent = sent(create("{\"Memory\":67108864,\"PidsLimit\":32}"));

    assertThat(sent.path("HostConfig").path("Memory").asLong()).isEqualTo(64L << 20);
    assertThat(sent.path("HostConfig").path("PidsLimit").asLong()).isEqualTo(32);
  }

  @Test
  void named_volumes_of_the_learner_are_mounted_and_new_ones_are_made_with_their_labels() {
    ApiRules.Decision decision = create("{\"Binds\":[\"dados:/dados\",\"novo:/novo:ro\"]}");

    assertThat(decision).isInstanceOf(ApiRules.Decision.Forward.class);
    assertThat(((ApiRules.Decision.Forward) decision).volumes()).containsExactly("novo");
    assertThat(refusal(create("{\"Binds\":[\"deles:/x\"]}"))).contains("nenhum volume seu");
  }

  @Test
  void another_learners_network_is_not_found_and_the_learners_own_is() {
    assertThat(create("{\"NetworkMode\":\"minha-rede\"}"))
        .isInstanceOf(ApiRules.Decision.Forward.class);
    assertThat(create("{\"NetworkMode\":\"bridge\"}"))
        .isInstanceOf(ApiRules.Decision.Forward.class);
    assertThat(refusal(create("{\"NetworkMode\":\"rede-deles\"}"))).contains("nenhuma rede sua");
    assertThat(
            refusal(ask("POST", "/v1.41/networks/rede-deles/connect", "{\"Container\":\"meu\"}")))
        .contains("nenhuma rede sua");
    assertThat(
            refusal(
                ask("POST", "/v1.41/networks/minha-rede/connect", "{\"Container\":\"alheio\"}")))
        .contains("nenhum contêiner seu");
  }

  @Test
  void containers_that_are_not_the_learners_are_not_found_whatever_the_operation() {
    for (String[] request :
        new String[][] {
          {"GET", "/v1.41/containers/alheio/json"},
          {"POST", "/v1.41/containers/alheio/exec"},
          {"POST", "/v1.41/containers/alheio/attach?stream=1"},
          {"DELETE", "/v1.41/containers/alheio"},
          {"GET", "/v1.41/containers/wb-cccc3333-nuvem-engine/logs"},
          {"POST", "/v1.41/exec/exec-alheio/start"}
        }) {
      assertThat(refusal(ask(request[0], request[1], "{}"))).as(request[1]).startsWith("nenhum");
    }
    assertThat(ask("POST", "/v1.41/containers/meu/attach?stream=1&stdin=1", null))
        .isInstanceOf(ApiRules.Decision.Forward.class);
    assertThat(ask("POST", "/v1.41/exec/exec-meu/start", null))
        .isInstanceOf(ApiRules.Decision.Forward.class);
    assertThat(ask("GET", "/v1.41/containers/meu/logs?follow=1", null))
        .isInstanceOf(ApiRules.Decision.Forward.class);
  }

  @Test
  void the_learners_own_elevated_container_is_out_of_reach_so_exec_is_no_way_to_the_host() {
    // the cloud lesson's nested engine is the learner's, and runs with every capability
    assertThat(refusal(ask("POST", "/v1.41/containers/minha-nuvem/exec", "{\"Cmd\":[\"sh\"]}")))
        .startsWith("nenhum contêiner seu");
    assertThat(refusal(create("{\"PidMode\":\"container:minha-nuvem\"}"))).contains("não é seu");
  }

  @Test
  void the_workbenchs_own_machinery_is_not_the_terminals_even_when_labelled_as_the_learners() {
    assertThat(refusal(create("{\"NetworkMode\":\"rede-da-nuvem\"}"))).contains("nenhuma rede sua");
    assertThat(
            refusal(
                ask("POST", "/v1.41/networks/rede-da-nuvem/connect", "{\"Container\":\"meu\"}")))
        .contains("nenhuma rede sua");
  }

  @Test
  void a_path_with_dot_segments_is_refused() {
    assertThat(refusal(ask("GET", "/v1.41/containers/meu/../alheio/json", null)))
        .contains("caminho inválido");
    assertThat(refusal(ask("GET", "/v1.41/containers/meu%2F..%2Falheio/json", null)))
        .contains("caminho inválido");
  }

  @Test
  void a_privileged_exec_is_refused_even_in_the_learners_own_container() {
    assertThat(
            refusal(
                ask(
                    "POST",
                    "/v1.41/containers/meu/exec",
                    "{\"Cmd\":[\"sh\"],\"Privileged\":true}")))
        .contains("--privileged");
    assertThat(ask("POST", "/v1.41/containers/meu/exec", "{\"Cmd\":[\"sh\"],\"Tty\":true}"))
        .isInstanceOf(ApiRules.Decision.Forward.class);
  }

  @Test
  void lists_and_prunes_see_only_the_learners_own() {
    ApiRules.Decision list =
        ask(
            "GET",
            "/v1.41/containers/json?all=1&filters=%7B%22status%22%3A%7B%22running%22%3Atrue%7D%7D",
            null);

    String target = URLDecoder.decode(((ApiRules.Decision.Forward) list).target(), UTF_8);
    assertThat(target)
        .startsWith("/v1.41/containers/json?all=1&filters=")
        .contains("\"status\":{\"running\":true}")
        .contains("\"label\":{\"workbench.session=aaaa1111\":true}");
    assertThat(
            URLDecoder.decode(
                ((ApiRules.Decision.Forward) ask("POST", "/v1.41/containers/prune", null)).target(),
                UTF_8))
        .contains("workbench.session=aaaa1111");
  }

  @Test
  void base_images_cannot_be_replaced_or_removed() {
    assertThat(refusal(ask("DELETE", "/v1.41/images/workbench/debian:bookworm", null)))
        .contains("imagem base");
    assertThat(refusal(ask("DELETE", "/v1.41/images/sha256:base", null))).contains("imagem base");
    assertThat(
            refusal(
                ask("POST", "/v1.41/images/minha/tag?repo=workbench%2Fdebian&tag=bookworm", null)))
        .contains("imagem base");
    assertThat(refusal(ask("POST", "/v1.41/build?t=workbench%2Fnginx", null)))
        .contains("imagem base");
    assertThat(refusal(ask("POST", "/v1.41/images/load", null))).contains("docker load");
    assertThat(ask("GET", "/v1.41/images/workbench/debian:bookworm/json", null))
        .isInstanceOf(ApiRules.Decision.Forward.class);
  }

  @Test
  void a_build_is_labelled_as_the_learners_and_may_not_use_the_host_network() {
    ApiRules.Decision build =
        ask("POST", "/v1.41/build?t=meu-app%3A1&labels=%7B%22a%22%3A%22b%22%7D", null);

    String target = URLDecoder.decode(((ApiRules.Decision.Forward) build).target(), UTF_8);
    assertThat(target).contains("\"a\":\"b\"").contains("\"workbench.session\":\"aaaa1111\"");
    assertThat(((ApiRules.Decision.Forward) build).body())
        .as("the context passes through")
        .isNull();
    assertThat(refusal(ask("POST", "/v1.41/build?networkmode=host", null)))
        .contains("--network host");
  }

  @Test
  void volumes_with_driver_options_are_refused_since_they_would_mount_host_folders()
      throws Exception {
    assertThat(
            refusal(
                ask(
                    "POST",
                    "/v1.41/volumes/create",
                    "{\"Name\":\"v\",\"DriverOpts\":{\"type\":\"none\",\"device\":\"/\",\"o\":\"bind\"}}")))
        .contains("--opt");
    JsonNode sent = sent(ask("POST", "/v1.41/volumes/create", "{\"Name\":\"v\"}"));
    assertThat(sent.path("Labels").path(Scope.SESSION_LABEL).asText()).isEqualTo("aaaa1111");
    assertThat(refusal(ask("DELETE", "/v1.41/volumes/deles", null))).contains("nenhum volume seu");
  }

  @Test
  void what_the_course_does_not_use_is_refused_by_name() {
    assertThat(refusal(ask("POST", "/v1.41/swarm/init", "{}"))).contains("POST /swarm/init");
    assertThat(refusal(ask("POST", "/v1.41/plugins/pull?remote=x", null)))
        .contains("/plugins/pull");
    assertThat(
            refusal(
                ask("POST", "/v1.41/networks/create", "{\"Name\":\"n\",\"Driver\":\"macvlan\"}")))
        .contains("macvlan");
  }
}
