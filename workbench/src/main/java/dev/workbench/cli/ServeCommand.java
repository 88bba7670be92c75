package dev.workbench.cli;

import dev.workbench.Workbench;
import dev.workbench.cloud.CloudConfig;
import dev.workbench.cloud.CloudLimits;
import dev.workbench.cloud.CloudTarget;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.engine.LearnerEngines;
import dev.workbench.engine.Quotas;
import dev.workbench.hub.ClassHub;
import dev.workbench.hub.HubUnreachable;
import dev.workbench.hub.Outbox;
import dev.workbench.hub.WrongCode;
import dev.workbench.labs.Capacity;
import dev.workbench.labs.LabSettings;
import dev.workbench.labs.Labs;
import dev.workbench.lesson.Course;
import dev.workbench.lesson.LessonFormatError;
import dev.workbench.run.CourseRun;
import dev.workbench.run.StepRunner;
import dev.workbench.web.ClassMode;
import dev.workbench.web.WebApp;
import dev.workbench.web.WebConfig;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    description = "Abre o curso no navegador, com o laboratório ligado ao Docker desta máquina.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", description = "porta (padrão: ${DEFAULT-VALUE})", defaultValue = "7070")
  int port;

  @Option(
      names = "--host",
      description =
          "endereço (padrão: ${DEFAULT-VALUE}, só esta máquina); outro endereço exige token",
      defaultValue = WebConfig.DEFAULT_HOST)
  String host;

  @Option(
      names = "--data-dir",
      description =
          "pasta de dados: progresso e arquivos dos alunos"
              + " (padrão: $XDG_DATA_HOME/workbench ou ~/.local/share/workbench, fora do projeto)")
  Path dataDir;

  @Option(
      names = "--max-containers",
      description = "contêineres por aluno (padrão: ${DEFAULT-VALUE})")
  int maxContainers = Quotas.DEFAULT.containers();

  @Option(names = "--max-images", description = "imagens por aluno (padrão: ${DEFAULT-VALUE})")
  int maxImages = Quotas.DEFAULT.images();

  @Option(names = "--max-volumes", description = "volumes por aluno (padrão: ${DEFAULT-VALUE})")
  int maxVolumes = Quotas.DEFAULT.volumes();

  @Option(names = "--max-networks", description = "redes por aluno (padrão: ${DEFAULT-VALUE})")
  int maxNetworks = Quotas.DEFAULT.networks();

  @Option(
      names = "--max-runs",
      description = "passos rodando ao mesmo tempo, por aluno (padrão: ${DEFAULT-VALUE})")
  int maxRuns = Quotas.DEFAULT.runs();

  @Option(
      names = "--max-total-runs",
      description = "passos rodando ao mesmo tempo, no servidor todo (padrão: ${DEFAULT-VALUE})")
  int maxTotalRuns = Quotas.DEFAULT.totalRuns();

  @Option(
      names = "--cloud-registry",
      description =
          "registro da lição nuvem (host:porta ou URL; padrão: um local por aluno);"
              + " usuário e senha em WORKBENCH_CLOUD_USER e WORKBENCH_CLOUD_PASSWORD")
  String cloudRegistry;

  @Option(
      names = "--cloud-engine",
      description =
          "engine remoto da lição nuvem (tcp://… ou unix://…; padrão: um dockerd num contêiner por aluno)")
  String cloudEngine;

  @Option(
      names = "--no-token",
      description =
          "sem token (só no loopback; qualquer página aberta neste navegador"
              + " poderá então usar o workbench)")
  boolean noToken;

  @Option(
      names = "--allow-host",
      paramLabel = "NOME",
      description =
          "outro nome pelo qual o workbench no loopback"
              + " pode ser chamado (além de 127.0.0.1, localhost e [::1]); repita para vários")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--max-clouds",
      description =
          "nuvens (lição nuvem) ligadas ao mesmo tempo, uma por aluno (padrão: "
              + CloudLimits.LAPTOP_CLOUDS
              + ")")
  Integer maxClouds;

  @Option(
      names = "--class",
      paramLabel = "NOME",
      description =
          "abre uma turma: este workbench passa a receber"
              + " o progresso dos alunos (visão do instrutor em /instrutor, modo apresentação em /apresentar/LIÇÃO)")
  String className;

  @Option(
      names = "--join",
      paramLabel = "URL",
      description =
          "entra na turma do instrutor neste endereço"
              + " (com --code e --name); os resultados dos passos vão para a turma, nada mais sai desta máquina")
  String join;

  @Option(
      names = "--code",
      paramLabel = "CÓDIGO",
      description = "o código da turma (com --join), como K7QF-M2XD")
  String code;

  @Option(names = "--name", paramLabel = "NOME", description = "o seu nome na turma (com --join)")
  String learnerName;

  @Option(
      names = "--labs",
      description =
          "um Docker só seu para cada aluno (laboratórios hospedados): um dockerd"
              + " num contêiner limitado desta máquina por sessão")
  boolean labs;

  @Option(
      names = "--labs-max",
      description =
          "laboratórios ligados ao mesmo tempo; além disso, 503 com Retry-After"
              + " (padrão: ${DEFAULT-VALUE})")
  int labsMax = LabSettings.DEFAULT.capacity();

  @Option(
      names = "--labs-spawn",
      description =
          "laboratórios ligando ao mesmo tempo; os outros esperam na fila,"
              + " que mostra o lugar de cada um (padrão: ${DEFAULT-VALUE})")
  int labsSpawn = LabSettings.DEFAULT.spawnLimit();

  @Option(
      names = "--labs-warm",
      description = "laboratórios ligados antes de alguém pedir (padrão: ${DEFAULT-VALUE})")
  int labsWarm = LabSettings.DEFAULT.warm();

  @Option(
      names = "--labs-idle",
      description =
          "minutos sem ação do aluno até o laboratório parar; os dados ficam"
              + " (padrão: ${DEFAULT-VALUE})")
  int labsIdleMinutes = (int) LabSettings.DEFAULT.idleAfter().toMinutes();

  @Option(
      names = "--labs-max-age",
      description =
          "horas que um laboratório roda no máximo (o instrutor pode"
              + " estender; padrão: ${DEFAULT-VALUE})")
  int labsMaxAgeHours = (int) LabSettings.DEFAULT.maxAge().toHours();

  @Override
  public Integer call() throws InterruptedException {
    if (className != null && join != null) {
      System.out.println("erro: --class abre uma turma e --join entra em outra; use um dos dois.");
      return 2;
    }
    if (join != null && (code == null || learnerName == null)) {
      System.out.println(
          "erro: --join precisa de --code (o código da turma) e --name (o seu nome).");
      return 2;
    }
    Path root = Workbench.projectRoot();
    boolean loopback = WebConfig.isLoopbackAddress(host);
    if (noToken && !loopback) {
      System.out.println(
          "erro: --no-token só vale no loopback; em "
              + host
              + " qualquer pessoa na rede comandaria"
              + " o Docker desta máquina.");
      return 2;
    }
    // a token on loopback too, as Jupyter does: any web page open in the learner's browser can send
    // requests to 127.0.0.1, and only the token tells the learner's own tab from such a page
    String token = noToken ? null : token();
    Path data = dataDir == null ? Workbench.defaultDataDir() : dataDir;
    Set<String> allowed = new java.util.LinkedHashSet<>(allowHosts);
    if (className != null && !loopback) {
      allowed.addAll(ClassAddress.namesOf(host));
    }
    WebConfig web = new WebConfig(host, port, data, root, token, Set.copyOf(allowed));
    if (noToken) {
      System.out.println(
          "aviso: sem token (--no-token). Qualquer página aberta neste navegador pode rodar passos"
              + " no seu Docker; use só numa máquina onde você confia em todas as abas.");
    }

    CloudConfig clouds;
    try {
      clouds = cloudConfig(System.getenv());
    } catch (IllegalArgumentException e) {
      System.out.println("erro: " + e.getMessage());
      return 2;
    }

    Course course = Course.load(root.resolve("lessons"));
    for (LessonFormatError problem : course.problems()) {
      System.out.println("lição com problema: " + problem.getMessage());
    }
    Engine engine =
        engine(
            web,
            new Quotas(maxContainers, maxImages, maxVolumes, maxNetworks, maxRuns, maxTotalRuns));
    if (!engine.available()) {
      System.out.println("aviso: " + EngineUnavailable.HOW_TO_START);
    } else if (CourseRun.removeOrphans(engine) > 0) {
      System.out.println(
          "removido o que execuções interrompidas (verify, notebooks de um servidor"
              + " encerrado à força) deixaram no Docker");
    }
    ClassMode mode;
    try {
      mode = classMode(data, course);
    } catch (IllegalArgumentException e) {
      System.out.println("erro: " + e.getMessage());
      engine.close();
      return 2;
    }
    AtomicReference<StepRunner> runnerRef = new AtomicReference<>();
    Labs hosted = labs ? openLabs(engine, root, runnerRef) : null;
    StepRunner runner =
        new StepRunner(
            engine, hosted == null ? LearnerEngines.shared(engine) : hosted, root, clouds);
    runnerRef.set(runner);
    Javalin app = WebApp.create(web, course, engine, runner, hosted, mode).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  runner
                      .close(); // the one shutdown path: kernels and clouds, while the engine they
                  // use still answers
                  if (hosted != null) {
                    hosted.close();
                  }
                  engine.close();
                  stopped.countDown();
                },
                "workbench-stop"));

    String address = "http://" + shown(web.host()) + ":" + app.port();
    System.out.println("Workbench em " + address);
    if (!web.loopback() && Files.exists(Path.of("/.dockerenv"))) {
      // the container's own name means nothing on the host: the instructor opens the published port
      System.out.println(
          "(dentro de um contêiner: no navegador, use o endereço e a porta que o docker run publicou,"
              + " por exemplo http://localhost:"
              + app.port()
              + ")");
    }
    if (token != null) {
      System.out.println(
          "Abra com o token (só uma vez por navegador): " + address + "/?token=" + token);
    } else {
      System.out.println("Abra: " + address + "/");
    }
    if (mode.hub() != null) {
      printClass(mode.hub(), web, app.port(), address, token);
    }
    stopped.await();
    return 0;
  }

  /**
   * The clouds' setup: the environment's WORKBENCH_CLOUD_* settings, the command line's options
   * over them.
   */
  CloudConfig cloudConfig(Map<String, String> env) {
    CloudConfig fromEnv = CloudConfig.fromEnvironment(env);
    CloudTarget target =
        fromEnv
            .target()
            .withRegistry(cloudRegistry)
            .withEngine(cloudEngine == null ? null : URI.create(cloudEngine));
    return new CloudConfig(
        target, maxClouds == null ? fromEnv.limits() : CloudLimits.LAPTOP.withClouds(maxClouds));
  }

  /** The hub, the learner's outbox (joining with --join), from the data dir either way. */
  private ClassMode classMode(Path data, Course course) {
    Path dir = data.resolve("class");
    if (className != null) {
      return ClassMode.hub(ClassHub.open(dir, className, course));
    }
    Outbox outbox = Outbox.open(dir);
    if (join != null) {
      try {
        Outbox.Status joined = outbox.join(join, code, learnerName);
        System.out.println(
            "turma: “"
                + joined.className()
                + "” como "
                + joined.name()
                + " ("
                + joined.hub()
                + "); os resultados dos passos vão para o instrutor");
      } catch (WrongCode | HubUnreachable | IllegalArgumentException e) {
        System.out.println("turma: " + e.getMessage() + " O workbench segue funcionando sozinho.");
      }
    } else if (outbox.status().joined()) {
      System.out.println(
          "turma: “" + outbox.status().className() + "” (" + outbox.status().hub() + ")");
    }
    return ClassMode.learner(outbox);
  }

  /**
   * The three lines an instructor reads out: the class and its code, their own view, the learners'
   * command.
   */
  private void printClass(ClassHub hub, WebConfig web, int port, String address, String token) {
    String forLearners = "http://" + ClassAddress.forLearners(web.host(), allowHosts) + ":" + port;
    System.out.println("turma: " + hub.info().name() + " — código " + hub.info().code());
    System.out.println(
        "instrutor: " + address + "/instrutor" + (token == null ? "" : "?token=" + token));
    System.out.println(
        "alunos: bin/workbench serve --join "
            + forLearners
            + " --code "
            + hub.info().code()
            + " --name \"SEU NOME\"");
    if (web.loopback()) {
      System.out.println(
          "(a turma só é alcançada desta máquina; para alunos na rede, use --host 0.0.0.0"
              + " ou o endereço desta máquina na rede)");
    } else {
      System.out.println(
          "(os alunos usam exatamente "
              + forLearners
              + ": a turma recusa outro nome no Host;"
              + " para aceitar outro, acrescente --allow-host NOME)");
    }
  }

  /**
   * Starts hosted labs: the reaper, the registry filled from this machine's base images, the warm
   * pool; then measures a lab and prints how many this machine holds.
   */
  private Labs openLabs(Engine engine, Path root, AtomicReference<StepRunner> runner) {
    LabSettings settings =
        new LabSettings(
            labsMax,
            labsSpawn,
            Math.min(labsWarm, labsMax),
            Duration.ofMinutes(labsIdleMinutes),
            Duration.ofMinutes(Math.max(1, Math.min(5, labsIdleMinutes / 3))),
            Duration.ofHours(labsMaxAgeHours),
            LabSettings.LAB_LIMITS,
            new Quotas(maxContainers, maxImages, maxVolumes, maxNetworks, maxRuns, maxTotalRuns));
    Labs hosted =
        new Labs(
            engine,
            settings,
            root,
            gone -> {
              StepRunner r = runner.get();
              if (r != null) {
                r.forget(gone);
              }
            });
    System.out.println(
        "laboratórios: preparando o registro local com as imagens base desta máquina…");
    hosted.open(new ConsoleLines());
    Capacity capacity = new Capacity(hosted.measure(), Capacity.availableMemory());
    System.out.println(
        "laboratórios: "
            + capacity.perLabMegabytes()
            + " MB por laboratório (medido agora, ocioso);"
            + " esta máquina comporta "
            + capacity.labs()
            + " com os "
            + capacity.availableMegabytes()
            + " MB livres; limite: "
            + labsMax
            + " ligados, "
            + labsSpawn
            + " ligando por vez, "
            + settings.warm()
            + " prontos de reserva");
    if (capacity.labs() > 0 && capacity.labs() < labsMax) {
      System.out.println(
          "aviso: --labs-max "
              + labsMax
              + " passa do que a memória desta máquina comporta ("
              + capacity.labs()
              + "); os passos com JVM usam bem mais que um laboratório ocioso");
    }
    return hosted;
  }

  /** Prints the labs' preparation as it goes. */
  private static final class ConsoleLines implements dev.workbench.engine.OutputSink {
    @Override
    public void out(String line) {
      System.out.println(line);
    }

    @Override
    public void err(String line) {
      System.out.println(line);
    }

    @Override
    public void info(String line) {
      System.out.println(line);
    }

    @Override
    public void progress(String label, long current, long total) {}
  }

  /**
   * The one place the site's engine is made: the engine named by {@code DOCKER_HOST}, else the
   * local socket, with the data dir under which learners' bind mounts live and the learners'
   * quotas.
   */
  static Engine engine(WebConfig web, Quotas quotas) {
    return new Engine(null, web.dataDir(), quotas);
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
