package dev.workbench.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbench's connection to one Docker engine. The API version is negotiated, never pinned: the
 * same build talks to Debian's Engine 20.10 (API 1.41) and to Engine 29.
 */
public final class Engine implements AutoCloseable {
  private static final Pattern ENGINE_MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  static final String LOOPBACK = "127.0.0.1";

  private final URI host;
  private final DefaultDockerClientConfig config;
  private final DockerHttpClient http;
  private final DockerClient docker;
  private final Path dataDir;
  private final Quotas quotas;
  private final String baseRegistry;
  private final String publishedOn;

  /** The engine named by {@code DOCKER_HOST}, else the local socket. */
  public Engine(Path dataDir) {
    this(null, dataDir);
  }

  public Engine(URI host, Path dataDir) {
    this(host, dataDir, Quotas.DEFAULT);
  }

  /**
   * @param host the engine's address ({@code unix:///var/run/docker.sock}, {@code tcp://…}); null
   *     for the default
   * @param dataDir the workbench's data dir: bind mounts resolve under it, never elsewhere
   * @param quotas what one learner may hold in this engine
   */
  public Engine(URI host, Path dataDir, Quotas quotas) {
    this(host, dataDir, quotas, null);
  }

  /**
   * @param baseRegistry where this engine gets the course's base images ({@code host:port}, a
   *     registry the workbench filled from this machine's own), instead of a public registry or a
   *     local build: a hosted lab's engine, which must never reach the internet; null for none
   */
  public Engine(URI host, Path dataDir, Quotas quotas, String baseRegistry) {
    this(host, dataDir, quotas, baseRegistry, LOOPBACK);
  }

  /**
   * @param publishedOn the address at which this machine reaches the ports this engine publishes:
   *     the loopback for the local engine (and ports are published on it alone); a hosted lab's
   *     address on its own network, where its engine publishes them for this machine to probe
   */
  public Engine(URI host, Path dataDir, Quotas quotas, String baseRegistry, String publishedOn) {
    this.baseRegistry = baseRegistry;
    this.publishedOn = Objects.requireNonNull(publishedOn, "publishedOn");
    DefaultDockerClientConfig.Builder config =
        DefaultDockerClientConfig.createDefaultConfigBuilder();
    if (host != null) {
      config.withDockerHost(host.toString());
    }
    this.config = config.build();
    this.host = this.config.getDockerHost();
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.quotas = Objects.requireNonNull(quotas, "quotas");
    this.http = httpClient(64, Duration.ofMinutes(30));
    this.docker = DockerClientImpl.getInstance(this.config, http);
  }

  private DockerHttpClient httpClient(int maxConnections, Duration responseTimeout) {
    return new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(maxConnections)
        .connectionTimeout(Duration.ofSeconds(5))
        .responseTimeout(responseTimeout)
        .build();
  }

  public URI host() {
    return host;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Quotas quotas() {
    return quotas;
  }

  /** Where this machine reaches the ports the engine publishes (HTTP checks, the tables). */
  public String publishedOn() {
    return publishedOn;
  }

  /** True for the usual engine, whose ports are published on this machine's loopback only. */
  boolean publishesOnLoopback() {
    return LOOPBACK.equals(publishedOn);
  }

  /** The registry base images come from, when this engine has one (a hosted lab). */
  public java.util.Optional<String> baseRegistry() {
    return java.util.Optional.ofNullable(baseRegistry);
  }

  /**
   * Refuses, with {@link QuotaExceeded}, what would take the learner past a quota; asked before a
   * step starts so the site can answer 429 with nothing made. Each creation checks again.
   */
  public void requireRoom(Scope scope, Demand demand) {
    quota().require(scope.session(), demand, null, Set.of());
  }

  Quota quota() {
    return new Quota(this, quotas);
  }

  /**
   * True when the engine answers a ping now, on a connection of its own: a stopping dockerd closes
   * its socket at once but serves the connections already open (our pool's) until it has stopped
   * every container, so a pooled ping would say yes for seconds after the engine went away.
   */
  public boolean available() {
    try (DockerHttpClient probe = httpClient(1, Duration.ofSeconds(10));
        DockerClient client = DockerClientImpl.getInstance(config, probe)) {
      client.pingCmd().exec();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** "Docker Engine 20.10.24 (API 1.41)", or the reason it cannot be reached. */
  public String describe() {
    Version v = call(() -> docker.versionCmd().exec());
    return "Docker Engine " + v.getVersion() + " (API " + v.getApiVersion() + ")";
  }

  public Containers containers() {
    return new Containers(this);
  }

  public Images images() {
    return new Images(this);
  }

  public Storage storage() {
    return new Storage(this);
  }

  public NestedEngines nestedEngines() {
    return new NestedEngines(this);
  }

  /**
   * The swarm this engine manages, if it manages one (a stand-in host of the orquestracao lesson).
   */
  public Swarm swarm() {
    return new Swarm(this);
  }

  public Compose compose() {
    return new Compose(this);
  }

  /** The learner's resources as the engine sees them, for the live panel. */
  public Snapshot snapshot(Session session) {
    return new Inventory(this).snapshot(session);
  }

  /** Removes what the session created for a lesson (every lesson when lessonId is null). */
  public void removeAll(Session session, String lessonId) {
    new Inventory(this).removeAll(session, lessonId);
  }

  /**
   * Removes what the sessions the predicate picks left behind (runs that were killed), and the
   * notebook kernels of servers that are gone (killed before they could close them).
   */
  public int removeOrphans(Predicate<String> deadSessions) {
    return new Kernels(this).removeOrphans()
        + Toolboxes.removeOrphans(this)
        + new Inventory(this).removeSessions(deadSessions);
  }

  /** The containers notebook cells run in. */
  public Kernels kernels() {
    return new Kernels(this);
  }

  /**
   * Removes every container, network, volume and image whose labels the predicate picks, whatever
   * its session (what a killed process left: see {@link Owner}).
   */
  public int removeLabelled(Predicate<Map<String, String>> labels) {
    return new Inventory(this).removeLabelled(labels);
  }

  DockerClient docker() {
    return docker;
  }

  DockerHttpClient http() {
    return http;
  }

  /**
   * Runs one engine call, turning docker-java's failures into ours: a connection that fails is
   * {@link EngineUnavailable}; an engine that refuses is a {@link KnownError} when its words name a
   * problem learners meet often (a name taken, no such container or image, a port taken, a full
   * disk), else {@link EngineError} with its own words.
   */
  <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (DockerException e) {
      String said = engineMessage(e);
      throw KnownError.in(said, e)
          .map(EngineError.class::cast)
          .orElseGet(() -> new EngineError("o Docker respondeu: " + said, e));
    } catch (RuntimeException e) {
      if (causedByIo(e)) {
        throw new EngineUnavailable(host.toString(), e);
      }
      throw e;
    }
  }

  void run(Runnable operation) {
    call(
        () -> {
          operation.run();
          return null;
        });
  }

  static String engineMessage(DockerException e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    Matcher m = ENGINE_MESSAGE.matcher(text);
    return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\n", " ") : text.strip();
  }

  static boolean causedByIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      docker.close();
    } catch (IOException e) {
      // closing a dead connection is not worth reporting
    }
  }
}
