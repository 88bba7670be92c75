package dev.workbench.cli;

import dev.workbench.Workbench;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.LessonFormatError;
import dev.workbench.run.CourseRun;
import dev.workbench.run.StepRunner;
import dev.workbench.web.WebApp;
import dev.workbench.web.WebConfig;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Abre o curso no navegador, com o laboratório ligado ao Docker desta máquina.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", description = "porta (padrão: ${DEFAULT-VALUE})", defaultValue = "7070")
  int port;

  @Option(names = "--host", description = "endereço (padrão: ${DEFAULT-VALUE}, só esta máquina); outro endereço exige token",
      defaultValue = WebConfig.DEFAULT_HOST)
  String host;

  @Option(names = "--data-dir", description = "pasta de dados: progresso e arquivos dos alunos (padrão: .workbench no projeto)")
  Path dataDir;

  @Option(names = "--cloud-registry", description = "registro da lição nuvem (host:porta ou URL; padrão: um local por aluno);"
      + " usuário e senha em WORKBENCH_CLOUD_USER e WORKBENCH_CLOUD_PASSWORD")
  String cloudRegistry;

  @Option(names = "--cloud-engine", description = "engine remoto da lição nuvem (tcp://… ou unix://…; padrão: um dockerd local por aluno)")
  String cloudEngine;

  @Override
  public Integer call() throws InterruptedException {
    // read by dev.workbench.cloud.CloudTarget, over WORKBENCH_CLOUD_REGISTRY / WORKBENCH_CLOUD_ENGINE
    if (cloudRegistry != null) {
      System.setProperty("workbench.cloud.registry", cloudRegistry);
    }
    if (cloudEngine != null) {
      System.setProperty("workbench.cloud.engine", cloudEngine);
    }
    Path root = Workbench.projectRoot();
    WebConfig web = new WebConfig(host, port, dataDir == null ? root.resolve(".workbench") : dataDir, root, null);
    // off loopback anyone on the network could drive this machine's Docker: require a token, as Jupyter does
    String token = web.loopback() ? null : token();
    web = web.withToken(token);

    Course course = Course.load(root.resolve("lessons"));
    for (LessonFormatError problem : course.problems()) {
      System.out.println("lição com problema: " + problem.getMessage());
    }
    Engine engine = engine(web);
    if (!engine.available()) {
      System.out.println("aviso: " + EngineUnavailable.HOW_TO_START);
    } else if (CourseRun.removeOrphans(engine) > 0) {
      System.out.println("removido o que execuções interrompidas (verify, notebooks de um servidor"
          + " encerrado à força) deixaram no Docker");
    }
    StepRunner runner = new StepRunner(engine, root);
    Javalin app = WebApp.create(web, course, engine, runner).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      runner.close(); // the notebooks' containers, while the engine still answers
      engine.close();
      stopped.countDown();
    }, "workbench-stop"));

    String address = "http://" + shown(web.host()) + ":" + app.port();
    System.out.println("Workbench em " + address);
    if (!web.loopback() && Files.exists(Path.of("/.dockerenv"))) {
      // the container's own name means nothing on the host: the instructor opens the published port
      System.out.println("(dentro de um contêiner: no navegador, use o endereço e a porta que o docker run publicou,"
          + " por exemplo http://localhost:" + app.port() + ")");
    }
    if (token != null) {
      System.out.println("Abra com o token (só uma vez por navegador): " + address + "/?token=" + token);
    }
    stopped.await();
    return 0;
  }

  /**
   * The one place the site's engine is made: the engine named by {@code DOCKER_HOST}, else the local
   * socket, with the data dir under which learners' bind mounts live.
   */
  static Engine engine(WebConfig web) {
    return new Engine(web.dataDir());
  }

  private static String token() {
    String fromEnv = System.getenv("WORKBENCH_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A wildcard bind is reached by this machine's name, not by 0.0.0.0. */
  private static String shown(String host) {
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      return host.contains(":") ? "[" + host + "]" : host;
    }
    if (Files.exists(Path.of("/.dockerenv"))) {
      return "localhost";
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return host;
    }
  }
}
