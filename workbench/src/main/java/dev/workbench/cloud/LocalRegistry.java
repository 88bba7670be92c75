package dev.workbench.cloud;

import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineError;
import dev.workbench.engine.OutputSink;
import dev.workbench.engine.Scope;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.Limits;
import java.util.List;
import java.util.Map;

/**
 * The registry of the local cloud: {@code workbench/registry} (Debian's CNCF distribution) in a
 * container of the learner's engine, labelled like the lesson's own containers (and as a part of
 * the cloud), with the limits every container gets, published on the host's loopback at a port the
 * engine picks. Docker lets engines use 127.0.0.0/8 registries without TLS, so the learner's engine
 * needs none; the stand-in remote engine reaches it by name on the cloud's network and is told to
 * trust it over plain HTTP. Its only user is written with {@code htpasswd -B} (bcrypt) as it
 * starts.
 */
final class LocalRegistry {
  static final String IMAGE = "workbench/registry";

  /** The container's logical name; the session prefix makes it the learner's own. */
  static final String CONTAINER = "nuvem-registro";

  private static final int PORT = 5000;

  /** The registry as the stand-in engine names it, on the cloud's network. */
  static final String ON_NETWORK = CONTAINER + ":" + PORT;

  /**
   * How the container serves: its one user written first (package-visible for RegistryApiIT, which
   * serves the same way).
   */
  static final String SERVE =
      "htpasswd -Bbn \"$WB_USER\" \"$WB_PASSWORD\" > /etc/docker/registry/htpasswd"
          + " && exec docker-registry serve /etc/docker/registry/config.yml";

  private LocalRegistry() {}

  /** Starts the registry for {@code user}; returns its {@code 127.0.0.1:port}. */
  static String start(
      Engine engine, Scope scope, String user, String password, Limits limits, OutputSink sink) {
    engine.images().provide(IMAGE, sink);
    stop(engine, scope);
    // Debian's config already asks for htpasswd; these point it at our file and keep its log short.
    Map<String, String> env =
        Map.of(
            "WB_USER", user,
            "WB_PASSWORD", password,
            "REGISTRY_AUTH_HTPASSWD_PATH", "/etc/docker/registry/htpasswd",
            "REGISTRY_AUTH_HTPASSWD_REALM", "workbench",
            "REGISTRY_LOG_LEVEL", "warn");
    ContainerSpec spec =
        new ContainerSpec(
            CONTAINER,
            IMAGE,
            List.of("sh", "-c", SERVE),
            env,
            List.of(),
            StandInEngine.NETWORK,
            List.of(PORT),
            null,
            limits);
    engine.containers().create(scope, spec, Map.of(), StandInEngine.labels());
    engine.containers().start(scope, CONTAINER);
    int port =
        engine
            .containers()
            .hostPort(scope, CONTAINER, PORT)
            .orElseThrow(() -> new EngineError("o registro não publicou a porta " + PORT));
    return "127.0.0.1:" + port;
  }

  static void stop(Engine engine, Scope scope) {
    if (engine.containers().inspect(scope, CONTAINER).isPresent()) {
      engine.containers().remove(scope, CONTAINER);
    }
  }
}
