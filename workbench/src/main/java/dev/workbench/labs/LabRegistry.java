package dev.workbench.labs;

import dev.workbench.engine.BaseImages;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Owner;
import dev.workbench.engine.Scope;
import dev.workbench.engine.Session;
import dev.workbench.engine.Transfers;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Limits;
import dev.workbench.step.Mount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where labs get the course's base images: {@code workbench/registry} (Debian's CNCF distribution
 * registry, the one the cloud lesson runs) in a container of this machine's engine, filled from
 * this machine's own base images, never from the internet. It is written once, through a port on
 * this machine's loopback, and then started again read-only: a learner's lab (or their terminal)
 * can pull from it but never replace a base image the whole class uses. Each lab reaches it by name
 * on the lab's own network, which it joins.
 */
final class LabRegistry {
  static final String IMAGE = "workbench/registry";
  static final String CONTAINER = "registro";
  private static final String VOLUME = "registro-dados";
  private static final int PORT = 5000;
  private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(10);
  private static final Limits LIMITS = new Limits(256L << 20, 0.5, 128);

  /** Writes a config of our own: Debian's asks for htpasswd; $WB_READONLY turns pushes off. */
  private static final String SERVE =
      "printf 'version: 0.1\\nlog:\\n  level: warn\\nstorage:\\n  filesystem:\\n    rootdirectory:"
          + " /var/lib/docker-registry\\n  maintenance:\\n    readonly:\\n      enabled: %s\\nhttp:\\n"
          + "  addr: \":5000\"\\n' \"$WB_READONLY\" > /tmp/config.yml"
          + " && exec docker-registry serve /tmp/config.yml";

  private final Engine host;
  private final Scope scope;
  private final List<String> seeded = new ArrayList<>();
  private String published;

  LabRegistry(Engine host, Session infrastructure) {
    this.host = host;
    this.scope = new Scope(infrastructure, "lab");
  }

  /** The registry as a lab's engine names it ({@code --insecure-registry}, pulls). */
  String address() {
    return scope.name(CONTAINER) + ":" + PORT;
  }

  /** Bases this machine had and the registry now holds. */
  synchronized List<String> seeded() {
    return List.copyOf(seeded);
  }

  /**
   * Starts the registry writable and pushes the bases in {@code first} into it (the ones the first
   * lessons need, small); the others follow on a thread of their own with {@link #finish}, after
   * which the registry starts again read-only. Bases this machine lacks are left out (a lab that
   * needs one says so).
   */
  void start(List<String> first, OutputSink sink) {
    host.images().provide(IMAGE, sink);
    remove();
    host.storage().createVolume(scope, VOLUME, Labs.labels());
    published = serve(false);
    for (String base : first) {
      seed(base, sink);
    }
  }

  /** Pushes the remaining bases, then makes the registry read-only. */
  void finish(OutputSink sink) {
    for (String base : BaseImages.names()) {
      if (!seeded().contains(base)) {
        seed(base, sink);
      }
    }
    synchronized (this) { // no lab joins while the registry is swapped for its read-only self
      List<String> networks =
          host.containers()
              .inspect(scope, CONTAINER)
              .map(c -> List.copyOf(c.getNetworkSettings().getNetworks().keySet()))
              .orElse(List.of());
      host.containers().remove(scope, CONTAINER);
      serve(true);
      for (String network : networks) {
        if (!network.equals("bridge")) {
          host.storage().connect(scope, CONTAINER, network);
        }
      }
    }
    sink.info(
        "laboratórios: registro local pronto, só leitura (" + seeded().size() + " imagens base)");
  }

  private void seed(String base, OutputSink sink) {
    if (!host.images().exists(base)) {
      return;
    }
    Transfers transfers = new Transfers(host);
    Transfers.Reference copy = Transfers.Reference.of(published + "/" + base);
    transfers.tagShared(base, copy);
    try {
      transfers.push(
          copy, new Transfers.Credentials(published, null, null), OutputSink.NONE, PUSH_TIMEOUT);
      synchronized (this) {
        seeded.add(base);
      }
      sink.info("laboratórios: " + base + " no registro local");
    } finally {
      transfers.untag(copy);
    }
  }

  /** Lets the lab whose network is {@code network} (of {@code lab}) reach the registry by name. */
  synchronized void join(Scope lab, String network) {
    host.storage().connect(scope, CONTAINER, lab, network);
  }

  private String serve(boolean readOnly) {
    ContainerSpec spec =
        new ContainerSpec(
            CONTAINER,
            IMAGE,
            List.of("sh", "-c", SERVE),
            Map.of("WB_READONLY", String.valueOf(readOnly)),
            List.of(new Mount.Volume(VOLUME, "/var/lib/docker-registry", false)),
            null,
            readOnly ? List.of() : List.of(PORT),
            null,
            LIMITS);
    host.containers().create(scope, spec, Map.of(), Labs.labels());
    host.containers().start(scope, CONTAINER);
    if (readOnly) {
      return address();
    }
    int port =
        host.containers()
            .hostPort(scope, CONTAINER, PORT)
            .orElseThrow(
                () -> new EngineError("o registro dos laboratórios não publicou a porta " + PORT));
    String published = "127.0.0.1:" + port;
    awaitAnswer(published);
    return published;
  }

  private static void awaitAnswer(String published) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        java.net.HttpURLConnection c =
            (java.net.HttpURLConnection)
                java.net.URI.create("http://" + published + "/v2/").toURL().openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(1000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Labs.sleep(200);
    }
    throw new EngineError("o registro dos laboratórios não respondeu em 30 s");
  }

  /** Removes the registry's container and volume. */
  void remove() {
    if (host.containers().inspect(scope, CONTAINER).isPresent()) {
      host.containers().remove(scope, CONTAINER);
    }
    if (host.storage().volumeExists(scope, VOLUME)) {
      host.storage().removeVolume(scope, VOLUME);
    }
  }

  static String owner() {
    return Owner.current();
  }
}
