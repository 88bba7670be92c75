package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.TestEngines;
import dev.workbench.run.CourseRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code docker} CLI against the terminal's socket, which forwards to the real engine:
 * what would reach the host is refused with the rule's sentence, and the ordinary commands — {@code
 * run} attached, {@code run -i} with input, {@code exec}, {@code logs}, {@code ps} — work through
 * it, on containers labelled as the learner's.
 */
class ApiProxyIT {
  private static final String IMAGE = "workbench/debian:bookworm";

  @TempDir Path dataDir;
  @TempDir Path dockerConfig;
  Engine engine;
  Session session;
  ApiProxy proxy;

  record Result(int exit, String out, String err) {}

  @BeforeEach
  void open() {
    TestEngines.require(dataDir).close();
    engine = new Engine(null, dataDir, Quotas.DEFAULT);
    engine.images().provide(IMAGE, OutputSink.NONE);
    session = CourseRun.newSession();
    proxy = ApiProxy.open(engine, session, dataDir.resolve("docker.sock"));
  }

  @AfterEach
  void close() {
    proxy.close();
    engine.removeAll(session, null);
    engine.close();
  }

  private Result docker(String input, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("DOCKER_HOST", "unix://" + proxy.socket());
    builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
    builder.environment().put("DOCKER_BUILDKIT", "0");
    Path out = Files.createTempFile(dataDir, "out", ".txt");
    Path err = Files.createTempFile(dataDir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (input != null) {
      process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker %s ended", List.of(args)).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void a_privileged_container_is_refused_and_nothing_is_made() throws Exception {
    Result result = docker(null, "run", "--rm", "--privileged", IMAGE, "true");

    assertThat(result.exit()).isNotZero();
    assertThat(result.err()).contains("--privileged não é permitido no terminal");
    assertThat(engine.snapshot(session).containers()).isEmpty();
  }

  @Test
  void a_bind_of_a_host_folder_is_refused_and_so_is_the_engines_socket() throws Exception {
    Result etc =
        docker(null, "run", "--rm", "-v", "/etc:/host-etc", IMAGE, "cat", "/host-etc/hostname");
    Result sock =
        docker(
            null,
            "run",
            "--rm",
            "--mount",
            "type=bind,source=/var/run/docker.sock,target=/s",
            IMAGE,
            "true");
    Result network = docker(null, "run", "--rm", "--network", "host", IMAGE, "true");

    assertThat(etc.exit()).isNotZero();
    assertThat(etc.err()).contains("montar uma pasta da máquina");
    assertThat(sock.err()).contains("--mount type=bind não é permitido");
    assertThat(network.err()).contains("--network host não é permitido");
    assertThat(engine.snapshot(session).containers()).isEmpty();
  }

  @Test
  void a_normal_run_works_attached_with_input_and_is_labelled_as_the_learners() throws Exception {
    Result hello =
        docker(null, "run", "--name", "ola-" + session.id(), IMAGE, "echo", "olá do terminal");
    Result cat = docker("linha digitada\n", "run", "-i", "--rm", IMAGE, "cat");

    assertThat(hello.exit()).as(hello.err()).isZero();
    assertThat(hello.out()).contains("olá do terminal");
    assertThat(cat.out()).contains("linha digitada");
    Result inspect =
        docker(
            null,
            "inspect",
            "-f",
            "{{index .Config.Labels \"workbench.session\"}} {{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}",
            "ola-" + session.id());
    assertThat(inspect.out().strip()).isEqualTo(session.id() + " " + (512L << 20) + " 256");
    assertThat(engine.snapshot(session).containers())
        .extracting(Snapshot.ContainerView::name)
        .contains("ola-" + session.id());
  }

  @Test
  void ps_shows_the_learners_own_containers_and_exec_and_logs_reach_them() throws Exception {
    String name = "longo-" + session.id();
    assertThat(
            docker(null, "run", "-d", "--name", name, IMAGE, "sh", "-c", "echo começou; sleep 60")
                .exit())
        .isZero();
    Scope other = new Scope(CourseRun.newSession(), "outro");
    engine
        .containers()
        .create(
            other,
            new dev.workbench.step.ContainerSpec(
                "vizinho", IMAGE, List.of("true"), null, List.of(), null, null, null, null),
            Map.of());
    try {
      Result ps = docker(null, "ps", "-a", "--format", "{{.Names}}");
      Result exec = docker(null, "exec", name, "cat", "/etc/os-release");
      Result logs = docker(null, "logs", name);
      Result neighbour = docker(null, "logs", other.name("vizinho"));

      assertThat(ps.out().lines()).contains(name).doesNotContain(other.name("vizinho"));
      assertThat(exec.out()).contains("Debian");
      assertThat(logs.out()).contains("começou");
      assertThat(neighbour.exit()).isNotZero();
      assertThat(neighbour.err())
          .contains("nenhum contêiner seu se chama " + other.name("vizinho"));
    } finally {
      engine.removeAll(other.session(), null);
    }
  }

  @Test
  void a_container_past_the_learners_quota_is_refused_with_the_quota_sentence() throws Exception {
    proxy.close();
    engine.close();
    engine = new Engine(null, dataDir, new Quotas(1, 1, 1, 1, 1, 1));
    proxy = ApiProxy.open(engine, session, dataDir.resolve("docker.sock"));

    assertThat(docker(null, "create", IMAGE, "true").exit()).isZero();
    Result second = docker(null, "create", IMAGE, "true");

    assertThat(second.exit()).isNotZero();
    assertThat(second.err()).contains("Limite atingido: contêineres por aluno (no máximo 1)");
  }

  @Test
  void a_build_goes_through_labelled_as_the_learners_and_logs_follow_to_the_end() throws Exception {
    Path context = Files.createDirectories(dataDir.resolve("contexto"));
    Files.writeString(
        context.resolve("Dockerfile"), "FROM " + IMAGE + "\nRUN echo construido > /marca\n");
    String tag = "app-" + session.id() + ":1";

    Result build = docker(null, "build", "-t", tag, context.toString());
    assertThat(build.exit()).as(build.out() + build.err()).isZero();
    Result label =
        docker(
            null, "image", "inspect", "-f", "{{index .Config.Labels \"workbench.session\"}}", tag);
    assertThat(label.out().strip()).isEqualTo(session.id());

    String name = "conta-" + session.id();
    assertThat(
            docker(
                    null,
                    "run",
                    "-d",
                    "--name",
                    name,
                    tag,
                    "sh",
                    "-c",
                    "cat /marca; sleep 1; echo depois")
                .exit())
        .isZero();
    Result follow = docker(null, "logs", "-f", name);
    assertThat(follow.out()).contains("construido", "depois");
    docker(null, "rm", "-f", name);
    docker(null, "rmi", tag);
  }

  @Test
  void the_learners_own_container_with_added_capabilities_is_not_reachable() throws Exception {
    // as the cloud lesson's nested engine is: the learner's labels, more than the terminal grants
    String name = "elevado-" + session.id();
    engine
        .docker()
        .createContainerCmd(IMAGE)
        .withName(name)
        .withCmd("sleep", "60")
        .withLabels(new Scope(session, "nuvem").labels())
        .withHostConfig(
            com.github.dockerjava.api.model.HostConfig.newHostConfig()
                .withCapAdd(com.github.dockerjava.api.model.Capability.NET_ADMIN))
        .exec();
    engine.docker().startContainerCmd(name).exec();

    Result exec = docker(null, "exec", name, "true");

    assertThat(exec.exit()).isNotZero();
    assertThat(exec.err()).contains("nenhum contêiner seu se chama " + name);
  }
}
