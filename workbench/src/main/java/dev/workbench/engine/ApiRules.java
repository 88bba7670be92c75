package dev.workbench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workbench.step.Limits;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the terminal's {@code docker} CLI may ask of the learner's engine: the one place the rules
 * live, pure (what the engine holds comes through {@link Owners}), so each rule has a unit test.
 *
 * <p>The terminal is learner code. It may do what the course teaches — run, exec, logs, build,
 * volumes, networks — on what is the learner's own, and nothing that reaches the host: no
 * privileged container, no added capability, no host path (bind, {@code --mount type=bind}, a
 * volume with driver options), no host network, PID, IPC, UTS or user namespace, no device, no
 * unconfined security profile or system path, no cgroup parent, no sysctl; ports publish on the
 * loopback only. What it creates carries the learner's labels (so quotas, the panel, a reset and
 * the reaper see it) and the course's limits unless it asks for smaller ones. Containers, volumes
 * and networks of others (other learners, the workbench's own nested engines) are not found; base
 * images ({@code workbench/…}) cannot be replaced or removed. Anything not listed is refused.
 */
final class ApiRules {
  /** The lesson label of what the terminal makes: not a lesson's, so no lesson reset takes it. */
  static final String LESSON = "terminal";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VERSION = Pattern.compile("^(/v[0-9]+(?:\\.[0-9]+)?)(/.*)$");
  private static final Set<String> DEFAULT_NETWORKS = Set.of("default", "bridge", "none");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "localhost");
  private static final String BASE = "workbench/";

  /** What the engine says about things that already exist, asked only when a rule needs it. */
  interface Owners {
    /** A container named or numbered {@code ref}; empty when there is none. */
    Optional<ContainerFacts> container(String ref);

    /** The container an exec instance runs in; empty when there is none. */
    Optional<String> execContainer(String execId);

    Optional<Map<String, String>> network(String ref);

    Optional<Map<String, String>> volume(String name);

    /** The tags and labels of an image; empty when there is none. */
    Optional<ImageFacts> image(String ref);
  }

  record ImageFacts(List<String> tags, Map<String, String> labels) {}

  /**
   * A container's labels, and whether it runs with more than the terminal may grant (privileged,
   * added capabilities, an unconfined profile, a host namespace, a device): such a container — the
   * cloud lesson's nested engine is one, labelled as the learner's — is never the terminal's to
   * enter, or {@code docker exec} would be a way out to the host.
   */
  record ContainerFacts(Map<String, String> labels, boolean elevated) {}

  /** A request as it arrived: {@code version} is the {@code /v1.41} prefix, or empty. */
  record Request(
      String method,
      String version,
      String path,
      List<Map.Entry<String, String>> query,
      byte[] body) {
    public Request {
      query = List.copyOf(query);
    }

    static Request parse(String method, String target, byte[] body) {
      int question = target.indexOf('?');
      String path = question < 0 ? target : target.substring(0, question);
      String version = "";
      Matcher m = VERSION.matcher(path);
      if (m.matches()) {
        version = m.group(1);
        path = m.group(2);
      }
      List<Map.Entry<String, String>> query = new ArrayList<>();
      if (question >= 0) {
        for (String pair : target.substring(question + 1).split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String key = decode(eq < 0 ? pair : pair.substring(0, eq));
          String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
          query.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
        }
      }
      return new Request(
          method,
          version,
          URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8),
          query,
          body);
    }

    String param(String name) {
      return query.stream()
          .filter(e -> e.getKey().equals(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    List<String> params(String name) {
      return query.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }
  }

  /** The answer to a request. */
  sealed interface Decision {
    /**
     * Send it on, to {@code target} (path and query, version kept).
     *
     * @param body the body to send instead of the learner's; null to pass theirs through as it is
     * @param demand what it adds to the learner's resources, checked against the quota first
     * @param volumes named volumes that do not exist yet, to make (labelled) before it
     */
    record Forward(String target, byte[] body, Demand demand, List<String> volumes)
        implements Decision {
      public Forward {
        volumes = List.copyOf(volumes);
      }
    }

    /** Refused, with the engine's kind of status and a sentence the CLI prints. */
    record Refuse(int status, String message) implements Decision {}

    /** Answered here, without the engine. */
    record Answer(int status, String json) implements Decision {}
  }

  private final Session session;
  private final Owners owners;

  ApiRules(Session session, Owners owners) {
    this.session = session;
    this.owners = owners;
  }

  /** The labels everything the terminal creates carries. */
  Map<String, String> labels() {
    return new Scope(session, LESSON).labels();
  }

  /** True when the rules read this request's body (a JSON document); other bodies pass through. */
  static boolean readsBody(String method, String target) {
    Request r = Request.parse(method, target, null);
    String p = r.path();
    return r.method().equals("POST")
        && (p.equals("/containers/create")
            || p.equals("/commit")
            || p.equals("/networks/create")
            || p.equals("/volumes/create")
            || p.matches("/containers/[^/]+/(exec|update)")
            || p.matches("/networks/[^/]+/(connect|disconnect)"));
  }

  Decision decide(Request r) {
    try {
      return route(r);
    } catch (IOException e) {
      return refuse(400, "o pedido não é um JSON válido: " + e.getMessage());
    }
  }

  private Decision route(Request r) throws IOException {
    String m = r.method();
    String p = r.path();
    String[] part = p.substring(1).split("/");
    for (String segment : part) {
      // a name never is "." or "..": such a path could be read one way here and another by the
      // engine
      if (segment.equals(".") || segment.equals("..")) {
        return refuse(400, "caminho inválido: " + p);
      }
    }
    boolean get = m.equals("GET") || m.equals("HEAD");
    // reading the engine's state: what everyone may see on a laptop, and nothing of other learners'
    if (get
        && (p.equals("/_ping")
            || p.equals("/version")
            || p.equals("/info")
            || p.equals("/system/df"))) {
      return pass(r);
    }
    if (get
        && (p.equals("/images/json")
            || p.equals("/images/get")
            || p.equals("/networks")
            || p.startsWith("/distribution/"))) {
      return pass(r);
    }
    if (get && (p.equals("/containers/json") || p.equals("/volumes") || p.equals("/events"))) {
      return pass(r, withLabelFilter(r.query()));
    }
    if (m.equals("POST")
        && (p.equals("/containers/prune")
            || p.equals("/volumes/prune")
            || p.equals("/networks/prune")
            || p.equals("/images/prune"))) {
      return pass(r, withLabelFilter(r.query()));
    }
    if (m.equals("POST") && p.equals("/build/prune")) {
      // the build cache is the whole class's: nothing of it is this learner's alone to clear
      return new Decision.Answer(200, "{\"CachesDeleted\":[],\"SpaceReclaimed\":0}");
    }
    if (part[0].equals("images") && part.length >= 2) {
      return image(r, part);
    }
    if (m.equals("POST") && p.equals("/build")) {
      return build(r);
    }
    if (m.equals("POST") && p.equals("/containers/create")) {
      return createContainer(r);
    }
    if (part[0].equals("containers") && part.length >= 2) {
      return existingContainer(r, part);
    }
    if (part[0].equals("exec") && part.length == 3) {
      Optional<String> container = owners.execContainer(part[1]);
      if (container.isPresent() && !mineContainer(container.get())) {
        return refuse(404, "nenhuma execução sua tem o id " + part[1]);
      }
      return pass(r);
    }
    if (m.equals("POST") && p.equals("/commit")) {
      return commit(r);
    }
    if (part[0].equals("networks") && part.length >= 2) {
      return network(r, part);
    }
    if (part[0].equals("volumes") && part.length >= 2) {
      return volume(r, part);
    }
    return refuse(
        403,
        "o terminal do curso não permite "
            + m
            + " "
            + p
            + " (só o que as lições usam: contêineres, imagens, volumes e redes seus)");
  }

  private Decision image(Request r, String[] part) {
    String m = r.method();
    if (m.equals("POST") && part[1].equals("create")) {
      String from = Optional.ofNullable(r.param("fromImage")).orElse(r.param("repo"));
      if (from != null && from.startsWith(BASE)) {
        return baseImage(from);
      }
      return pass(r, r.query(), Demand.images(1));
    }
    if (m.equals("POST") && part[1].equals("load")) {
      return refuse(
          403,
          "docker load não é permitido no terminal: uma imagem carregada poderia tomar o nome de uma"
              + " imagem base do curso (workbench/…), que todos usam");
    }
    String name =
        String.join("/", List.of(part).subList(1, part.length - (part.length > 2 ? 1 : 0)));
    String op = part.length > 2 ? part[part.length - 1] : "";
    if (m.equals("GET") && (op.equals("json") || op.equals("history") || op.equals("get"))) {
      return pass(r);
    }
    if (m.equals("POST") && op.equals("tag")) {
      String repo = r.param("repo");
      if (repo != null && repo.startsWith(BASE)) {
        return baseImage(repo);
      }
      return pass(r);
    }
    if (m.equals("POST") && op.equals("push")) {
      return pass(r);
    }
    if (m.equals("DELETE")) {
      name = String.join("/", List.of(part).subList(1, part.length));
      if (name.startsWith(BASE)) {
        return baseImage(name);
      }
      Optional<ImageFacts> facts = owners.image(name);
      if (facts.isPresent()) {
        if (facts.get().tags().stream().anyMatch(t -> t.startsWith(BASE))) {
          return baseImage(
              facts.get().tags().stream()
                  .filter(t -> t.startsWith(BASE))
                  .findFirst()
                  .orElseThrow());
        }
        String owner = facts.get().labels().get(Scope.SESSION_LABEL);
        if (owner != null && !owner.equals(session.id())) {
          return refuse(404, "nenhuma imagem sua se chama " + name);
        }
      }
      return pass(r);
    }
    return refuse(403, "o terminal do curso não permite " + m + " " + r.path());
  }

  private Decision build(Request r) throws IOException {
    for (String tag : r.params("t")) {
      if (tag.startsWith(BASE)) {
        return baseImage(tag);
      }
    }
    if ("2".equals(r.param("version"))) {
      return refuse(
          403,
          "o BuildKit não é usado no terminal: rode com DOCKER_BUILDKIT=0 (já é o padrão aqui)");
    }
    String network = r.param("networkmode");
    if (network != null && !network.isEmpty() && !DEFAULT_NETWORKS.contains(network)) {
      return refuse(
          403,
          "docker build --network "
              + network
              + " não é permitido no terminal"
              + " (só a rede padrão ou none)");
    }
    if (notEmpty(r.param("cgroupparent"))) {
      return refuse(
          403, "--cgroup-parent não é permitido no terminal: sairia dos limites do curso");
    }
    ObjectNode labels = object(r.param("labels"));
    labels().forEach(labels::put);
    List<Map.Entry<String, String>> query =
        replaced(r.query(), "labels", JSON.writeValueAsString(labels));
    return pass(r, query, Demand.images(1));
  }

  private Decision createContainer(Request r) throws IOException {
    ObjectNode config = object(r.body());
    ObjectNode host = config.with("HostConfig");
    String problem = hostProblem(host);
    if (problem != null) {
      return refuse(403, problem);
    }
    List<String> volumes = new ArrayList<>();
    for (JsonNode bind : iterable(host.get("Binds"))) {
      String source = bind.asText().split(":", 2)[0];
      Optional<Map<String, String>> volume = owners.volume(source);
      if (volume.isEmpty()) {
        volumes.add(source);
      } else if (!mine(volume)) {
        return refuse(404, "nenhum volume seu se chama " + source);
      }
    }
    for (JsonNode mount : iterable(host.get("Mounts"))) {
      String source = mount.path("Source").asText("");
      if (mount.path("Type").asText("volume").equals("volume") && !source.isEmpty()) {
        Optional<Map<String, String>> volume = owners.volume(source);
        if (volume.isEmpty()) {
          volumes.add(source);
        } else if (!mine(volume)) {
          return refuse(404, "nenhum volume seu se chama " + source);
        }
      }
    }
    String networkProblem = networkModeProblem(host.path("NetworkMode").asText(""));
    if (networkProblem != null) {
      return refuse(403, networkProblem);
    }
    for (Iterator<String> names =
            config.path("NetworkingConfig").path("EndpointsConfig").fieldNames();
        names.hasNext(); ) {
      String name = names.next();
      String endpointProblem = networkModeProblem(name);
      if (endpointProblem != null) {
        return refuse(403, endpointProblem);
      }
    }
    publishOnLoopback(host);
    limit(host);
    ObjectNode labels = config.with("Labels");
    labels().forEach(labels::put);
    return new Decision.Forward(
        target(r, r.query()), JSON.writeValueAsBytes(config), Demand.containers(1), volumes);
  }

  /** The host-reaching settings of a container, or null when it has none. */
  String hostProblem(ObjectNode host) {
    if (host.path("Privileged").asBoolean(false)) {
      return "--privileged não é permitido no terminal: um contêiner privilegiado alcança a máquina inteira";
    }
    if (!isEmpty(host.get("CapAdd"))) {
      return "--cap-add não é permitido no terminal ("
          + host.get("CapAdd")
          + "): capacidades a mais alcançam a máquina";
    }
    for (JsonNode bind : iterable(host.get("Binds"))) {
      String source = bind.asText().split(":", 2)[0];
      if (source.startsWith("/")
          || source.startsWith(".")
          || source.startsWith("~")
          || source.contains("/")) {
        return "montar uma pasta da máquina (-v "
            + source
            + ":…) não é permitido no terminal: use um volume"
            + " com nome (-v dados:/caminho)";
      }
    }
    for (JsonNode mount : iterable(host.get("Mounts"))) {
      String type = mount.path("Type").asText("volume");
      if (!type.equals("volume") && !type.equals("tmpfs")) {
        return "--mount type=" + type + " não é permitido no terminal: só volumes com nome e tmpfs";
      }
      if (!isEmpty(mount.path("VolumeOptions").path("DriverConfig").get("Options"))
          || notEmpty(mount.path("VolumeOptions").path("DriverConfig").path("Name").asText(""))
              && !mount
                  .path("VolumeOptions")
                  .path("DriverConfig")
                  .path("Name")
                  .asText()
                  .equals("local")) {
        return "opções de driver num volume não são permitidas no terminal: montariam pastas da máquina";
      }
    }
    for (String mode : List.of("PidMode", "IpcMode", "UTSMode", "UsernsMode", "CgroupnsMode")) {
      String value = host.path(mode).asText("");
      if (value.equals("host")) {
        return flag(mode) + "=host não é permitido no terminal: o contêiner veria a máquina";
      }
      if (value.startsWith("container:")
          && !mineContainer(value.substring("container:".length()))) {
        return flag(mode) + "=" + value + ": esse contêiner não é seu";
      }
    }
    if (!isEmpty(host.get("Devices"))
        || !isEmpty(host.get("DeviceRequests"))
        || !isEmpty(host.get("DeviceCgroupRules"))) {
      return "--device e --gpus não são permitidos no terminal: dispositivos são da máquina";
    }
    for (JsonNode option : iterable(host.get("SecurityOpt"))) {
      if (!option.asText().startsWith("no-new-privileges")) {
        return "--security-opt "
            + option.asText()
            + " não é permitido no terminal (só no-new-privileges)";
      }
    }
    if (host.hasNonNull("MaskedPaths") || host.hasNonNull("ReadonlyPaths")) {
      return "--security-opt systempaths=unconfined não é permitido no terminal";
    }
    if (!isEmpty(host.get("Sysctls"))) {
      return "--sysctl não é permitido no terminal";
    }
    if (notEmpty(host.path("CgroupParent").asText(""))) {
      return "--cgroup-parent não é permitido no terminal: sairia dos limites do curso";
    }
    String runtime = host.path("Runtime").asText("");
    if (!runtime.isEmpty() && !runtime.equals("runc")) {
      return "--runtime " + runtime + " não é permitido no terminal";
    }
    if (host.path("PublishAllPorts").asBoolean(false)) {
      return "-P publicaria as portas em todas as interfaces: use -p 127.0.0.1:PORTA:PORTA";
    }
    for (JsonNode from : iterable(host.get("VolumesFrom"))) {
      String container = from.asText().split(":", 2)[0];
      if (!mineContainer(container)) {
        return "--volumes-from " + container + ": esse contêiner não é seu";
      }
    }
    for (JsonNode link : iterable(host.get("Links"))) {
      String container = link.asText().split(":", 2)[0];
      if (!mineContainer(container.startsWith("/") ? container.substring(1) : container)) {
        return "--link " + container + ": esse contêiner não é seu";
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> ports = host.path("PortBindings").fields();
        ports.hasNext(); ) {
      for (JsonNode binding : iterable(ports.next().getValue())) {
        String ip = binding.path("HostIp").asText("");
        if (!ip.isEmpty() && !LOOPBACK.contains(ip)) {
          return "-p "
              + ip
              + ":… publicaria a porta para a rede: use -p 127.0.0.1:PORTA:PORTA (ou só -p PORTA:PORTA)";
        }
      }
    }
    Limits max = Limits.MAX;
    if (host.path("Memory").asLong(0) > max.memoryBytes()) {
      return "--memory passa do máximo do curso (" + (max.memoryBytes() >> 20) + "m)";
    }
    if (host.path("NanoCpus").asLong(0) > (long) (max.cpus() * 1e9)) {
      return "--cpus passa do máximo do curso (" + max.cpus() + ")";
    }
    if (host.path("PidsLimit").asLong(0) > max.pids()) {
      return "--pids-limit passa do máximo do curso (" + max.pids() + ")";
    }
    return null;
  }

  private String networkModeProblem(String mode) {
    if (mode.isEmpty() || DEFAULT_NETWORKS.contains(mode)) {
      return null;
    }
    if (mode.equals("host")) {
      return "--network host não é permitido no terminal: o contêiner usaria a rede da máquina";
    }
    if (mode.startsWith("container:")) {
      return mineContainer(mode.substring("container:".length()))
          ? null
          : "--network " + mode + ": esse contêiner não é seu";
    }
    Optional<Map<String, String>> network = owners.network(mode);
    return network.isEmpty() || mine(network) ? null : "nenhuma rede sua se chama " + mode;
  }

  private static String flag(String mode) {
    return "--" + mode.replace("Mode", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** Ports with no address publish on the loopback, as the lessons' containers do. */
  private static void publishOnLoopback(ObjectNode host) {
    for (Iterator<Map.Entry<String, JsonNode>> ports = host.path("PortBindings").fields();
        ports.hasNext(); ) {
      for (JsonNode binding : iterable(ports.next().getValue())) {
        if (binding instanceof ObjectNode b && b.path("HostIp").asText("").isEmpty()) {
          b.put("HostIp", "127.0.0.1");
        }
      }
    }
  }

  /** The course's limits where the learner set none (a smaller one they set is kept). */
  private static void limit(ObjectNode host) {
    Limits limits = Limits.DEFAULT;
    if (host.path("Memory").asLong(0) <= 0) {
      host.put("Memory", limits.memoryBytes());
      host.put("MemorySwap", limits.memoryBytes());
    }
    if (host.path("NanoCpus").asLong(0) <= 0 && host.path("CpuQuota").asLong(0) <= 0) {
      host.put("NanoCpus", (long) (limits.cpus() * 1_000_000_000L));
    }
    if (host.path("PidsLimit").asLong(0) <= 0) {
      host.put("PidsLimit", limits.pids());
    }
    if (host.path("LogConfig").path("Type").asText("").isEmpty()) {
      ObjectNode log = host.putObject("LogConfig");
      log.put("Type", "json-file");
      log.putObject("Config").put("max-size", Containers.LOG_MAX_SIZE).put("max-file", "1");
    }
  }

  private Decision existingContainer(Request r, String[] part) throws IOException {
    String ref = part[1];
    if (!mineContainer(ref)) {
      return refuse(
          404,
          "nenhum contêiner seu se chama "
              + ref
              + " (o terminal só alcança os seus: docker ps -a)");
    }
    String op = part.length > 2 ? part[2] : "";
    if (r.method().equals("POST") && op.equals("exec")) {
      ObjectNode exec = object(r.body());
      if (exec.path("Privileged").asBoolean(false)) {
        return refuse(403, "docker exec --privileged não é permitido no terminal");
      }
      return new Decision.Forward(
          target(r, r.query()), JSON.writeValueAsBytes(exec), Demand.NONE, List.of());
    }
    if (r.method().equals("POST") && op.equals("update")) {
      ObjectNode update = object(r.body());
      Limits max = Limits.MAX;
      if (update.path("Memory").asLong(0) > max.memoryBytes()
          || update.path("PidsLimit").asLong(1) <= 0 && update.has("PidsLimit")
          || update.path("PidsLimit").asLong(0) > max.pids()
          || update.path("NanoCpus").asLong(0) > (long) (max.cpus() * 1e9)) {
        return refuse(403, "docker update passaria dos limites do curso");
      }
      return new Decision.Forward(
          target(r, r.query()), JSON.writeValueAsBytes(update), Demand.NONE, List.of());
    }
    return pass(r);
  }

  private Decision commit(Request r) throws IOException {
    String container = r.param("container");
    if (container == null || !mineContainer(container)) {
      return refuse(404, "nenhum contêiner seu se chama " + container);
    }
    String repo = r.param("repo");
    if (repo != null && repo.startsWith(BASE)) {
      return baseImage(repo);
    }
    ObjectNode config = object(r.body());
    ObjectNode labels = config.with("Labels");
    labels().forEach(labels::put);
    return new Decision.Forward(
        target(r, r.query()), JSON.writeValueAsBytes(config), Demand.images(1), List.of());
  }

  private Decision network(Request r, String[] part) throws IOException {
    String m = r.method();
    if (m.equals("POST") && part[1].equals("create")) {
      ObjectNode config = object(r.body());
      String driver = config.path("Driver").asText("");
      if (!driver.isEmpty() && !driver.equals("bridge")) {
        return refuse(
            403, "redes com o driver " + driver + " não são permitidas no terminal (só bridge)");
      }
      if (config.path("ConfigOnly").asBoolean(false)
          || config.has("ConfigFrom") && !config.get("ConfigFrom").isNull()) {
        return refuse(403, "--config-only e --config-from não são permitidos no terminal");
      }
      ObjectNode labels = config.with("Labels");
      labels().forEach(labels::put);
      return new Decision.Forward(
          target(r, r.query()), JSON.writeValueAsBytes(config), Demand.networks(1), List.of());
    }
    String ref = part[1];
    if (m.equals("GET") && part.length == 2) {
      return pass(r);
    }
    boolean builtIn = DEFAULT_NETWORKS.contains(ref);
    if (m.equals("POST")
        && part.length == 3
        && (part[2].equals("connect") || part[2].equals("disconnect"))) {
      if (!builtIn && !mine(owners.network(ref))) {
        return refuse(404, "nenhuma rede sua se chama " + ref);
      }
      ObjectNode body = object(r.body());
      String container = body.path("Container").asText("");
      if (!mineContainer(container)) {
        return refuse(404, "nenhum contêiner seu se chama " + container);
      }
      return new Decision.Forward(
          target(r, r.query()), JSON.writeValueAsBytes(body), Demand.NONE, List.of());
    }
    if (m.equals("DELETE") && part.length == 2) {
      return builtIn || !mine(owners.network(ref))
          ? refuse(404, "nenhuma rede sua se chama " + ref)
          : pass(r);
    }
    return refuse(403, "o terminal do curso não permite " + m + " " + r.path());
  }

  private Decision volume(Request r, String[] part) throws IOException {
    String m = r.method();
    if (m.equals("POST") && part[1].equals("create")) {
      ObjectNode config = object(r.body());
      String driver = config.path("Driver").asText("");
      if (!driver.isEmpty() && !driver.equals("local")) {
        return refuse(403, "volumes com o driver " + driver + " não são permitidos no terminal");
      }
      if (!isEmpty(config.get("DriverOpts"))) {
        return refuse(
            403,
            "volume create --opt não é permitido no terminal: as opções montariam pastas da máquina");
      }
      ObjectNode labels = config.with("Labels");
      labels().forEach(labels::put);
      return new Decision.Forward(
          target(r, r.query()), JSON.writeValueAsBytes(config), Demand.volumes(1), List.of());
    }
    Optional<Map<String, String>> volume = owners.volume(part[1]);
    if (m.equals("GET") && part.length == 2) {
      return volume.isPresent() && !mine(volume)
          ? refuse(404, "nenhum volume seu se chama " + part[1])
          : pass(r);
    }
    if (m.equals("DELETE") && part.length == 2) {
      return mine(volume) ? pass(r) : refuse(404, "nenhum volume seu se chama " + part[1]);
    }
    return refuse(403, "o terminal do curso não permite " + m + " " + r.path());
  }

  private boolean mineContainer(String ref) {
    return owners
        .container(ref)
        .filter(c -> !c.elevated())
        .map(c -> mine(Optional.of(c.labels())))
        .orElse(false);
  }

  /**
   * Labelled as the learner's, and not a part of the workbench's own machinery (a kernel, a cloud's
   * engine, registry or network, the toolbox): those carry a kind and are the workbench's to run.
   */
  private boolean mine(Optional<Map<String, String>> labels) {
    return labels
        .map(
            l ->
                session.id().equals(l.get(Scope.SESSION_LABEL))
                    && !l.containsKey(Kernels.KIND_LABEL))
        .orElse(false);
  }

  /** The filters a list or prune is given, with the learner's label added: only theirs answer. */
  List<Map.Entry<String, String>> withLabelFilter(List<Map.Entry<String, String>> query)
      throws IOException {
    String given =
        query.stream()
            .filter(e -> e.getKey().equals("filters"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    ObjectNode filters = object(given);
    JsonNode label = filters.get("label");
    ObjectNode labels = JsonNodeFactory.instance.objectNode();
    if (label instanceof ArrayNode list) {
      list.forEach(l -> labels.put(l.asText(), true));
    } else if (label instanceof ObjectNode map) {
      labels.setAll(map);
    }
    labels.put(Scope.SESSION_LABEL + "=" + session.id(), true);
    filters.set("label", labels);
    return replaced(query, "filters", JSON.writeValueAsString(filters));
  }

  private static List<Map.Entry<String, String>> replaced(
      List<Map.Entry<String, String>> query, String key, String value) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, String> e : query) {
      if (!e.getKey().equals(key)) {
        out.add(e);
      }
    }
    out.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
    return out;
  }

  private Decision baseImage(String name) {
    return refuse(
        403,
        name + " é uma imagem base do curso, usada por todos: o terminal não a troca nem a remove");
  }

  private static Decision refuse(int status, String message) {
    return new Decision.Refuse(status, message);
  }

  private static Decision pass(Request r) {
    return pass(r, r.query());
  }

  private static Decision pass(Request r, List<Map.Entry<String, String>> query) {
    return pass(r, query, Demand.NONE);
  }

  private static Decision pass(Request r, List<Map.Entry<String, String>> query, Demand demand) {
    return new Decision.Forward(target(r, query), null, demand, List.of());
  }

  static String target(Request r, List<Map.Entry<String, String>> query) {
    StringBuilder out = new StringBuilder(r.version());
    for (String segment : r.path().substring(1).split("/", -1)) {
      out.append('/')
          .append(
              URLEncoder.encode(segment, StandardCharsets.UTF_8)
                  .replace("+", "%20")
                  .replace("%3A", ":")
                  .replace("%40", "@"));
    }
    String sep = "?";
    for (Map.Entry<String, String> e : query) {
      out.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = "&";
    }
    return out.toString();
  }

  private static ObjectNode object(byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    return object(JSON.readTree(body));
  }

  private static ObjectNode object(String text) throws IOException {
    if (text == null || text.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    return object(JSON.readTree(text));
  }

  private static ObjectNode object(JsonNode node) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!(node instanceof ObjectNode object)) {
      throw new IOException("esperava um objeto JSON");
    }
    return object;
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    return node == null || !node.isArray() ? List.of() : node;
  }

  private static boolean isEmpty(JsonNode node) {
    return node == null
        || node.isNull()
        || node.isMissingNode()
        || node.isContainerNode() && node.isEmpty();
  }

  private static boolean notEmpty(String text) {
    return text != null && !text.isEmpty();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
