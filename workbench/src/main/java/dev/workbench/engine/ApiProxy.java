package dev.workbench.engine;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Docker API endpoint for one learner's terminal: a unix socket the toolbox container sees (never
 * the engine's own socket), forwarding each request to the learner's engine once {@link ApiRules}
 * allows it. The proxy reads only the request's head (and the small JSON bodies the rules judge);
 * the rest — a build context, the answer, a log followed with {@code -f}, the raw stream of {@code
 * run -it} or {@code exec -it} after the engine upgrades the connection — is copied as it comes,
 * both ways. One request per connection: the engine is asked to close after its answer, so the
 * proxy never has to find where a streamed answer ends.
 */
public final class ApiProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProxy.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request's head; the engine's own limit is about the same. */
  private static final int HEAD_MAX = 64 * 1024;

  /** The JSON documents the rules read (a container's configuration is a few kB). */
  private static final int BODY_MAX = 1 << 20;

  /** Connections at once: a few CLIs with a follow and an attach each. */
  private static final int CONNECTIONS_MAX = 32;

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer", "host");

  private final Engine engine;
  private final Session session;
  private final Path socket;
  private final ApiRules rules;
  private final ServerSocketChannel server;
  private final ExecutorService threads;
  private final Semaphore room = new Semaphore(CONNECTIONS_MAX);
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private ApiProxy(Engine engine, Session session, Path socket) throws IOException {
    this.engine = engine;
    this.session = session;
    this.socket = socket;
    this.rules = new ApiRules(session, new EngineOwners(engine));
    Files.deleteIfExists(socket);
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "api-proxy-" + session.id() + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    threads.submit(this::accept);
  }

  /**
   * Serves {@code session}'s terminal at {@code socket} (created; an old one there is replaced),
   * forwarding to {@code engine}, the learner's own.
   */
  public static ApiProxy open(Engine engine, Session session, Path socket) {
    try {
      return new ApiProxy(engine, session, socket);
    } catch (IOException e) {
      throw new UncheckedIOException("não consegui abrir o socket do terminal em " + socket, e);
    }
  }

  public Path socket() {
    return socket;
  }

  private void accept() {
    while (!closed) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("terminal proxy of {} stopped accepting: {}", session.id(), e.toString());
        }
        return;
      }
      if (!room.tryAcquire()) {
        threads.submit(
            () -> {
              try (client) {
                answer(
                    client,
                    429,
                    json(
                        Map.of(
                            "message",
                            "conexões demais ao Docker a partir do terminal ao mesmo tempo")));
              } catch (IOException e) {
                // the CLI went away
              }
            });
        continue;
      }
      open.add(client);
      threads.submit(
          () -> {
            try {
              serve(client);
            } catch (IOException | RuntimeException e) {
              LOG.debug("terminal proxy connection of {} ended: {}", session.id(), e.toString());
            } finally {
              open.remove(client);
              closeQuietly(client);
              room.release();
            }
          });
    }
  }

  private void serve(SocketChannel client) throws IOException {
    Wire in = new Wire(client);
    Head head = in.readHead();
    if (head == null) {
      return;
    }
    byte[] body = null;
    if (ApiRules.readsBody(head.method(), head.target())) {
      body = in.readBody(head);
    }
    ApiRules.Decision decision =
        rules.decide(ApiRules.Request.parse(head.method(), head.target(), body));
    if (decision instanceof ApiRules.Decision.Refuse refuse) {
      LOG.info(
          "terminal of {} refused {} {}: {}",
          session.id(),
          head.method(),
          head.target(),
          refuse.message());
      answer(client, refuse.status(), json(Map.of("message", refuse.message())));
      return;
    }
    if (decision instanceof ApiRules.Decision.Answer answer) {
      answer(client, answer.status(), answer.json());
      return;
    }
    ApiRules.Decision.Forward forward = (ApiRules.Decision.Forward) decision;
    try {
      if (!forward.demand().equals(Demand.NONE) || !forward.volumes().isEmpty()) {
        engine
            .quota()
            .require(
                session,
                forward.demand().plus(Demand.volumes(forward.volumes().size())),
                null,
                Set.of());
      }
      for (String volume : forward.volumes()) {
        engine.run(
            () ->
                engine
                    .docker()
                    .createVolumeCmd()
                    .withName(volume)
                    .withLabels(rules.labels())
                    .exec());
      }
    } catch (QuotaExceeded e) {
      answer(client, 429, json(Map.of("message", e.getMessage())));
      return;
    } catch (EngineError e) {
      answer(client, 500, json(Map.of("message", e.getMessage())));
      return;
    }
    forward(client, in, head, forward, body != null);
  }

  private void forward(
      SocketChannel client, Wire in, Head head, ApiRules.Decision.Forward forward, boolean bodyRead)
      throws IOException {
    boolean upgrade = head.header("upgrade") != null;
    try (SocketChannel upstream = connect(engine.host())) {
      open.add(upstream);
      StringBuilder out = new StringBuilder();
      out.append(head.method()).append(' ').append(forward.target()).append(" HTTP/1.1\r\n");
      out.append("Host: docker\r\n");
      byte[] body = forward.body() != null ? forward.body() : bodyRead ? in.readBodyAgain() : null;
      for (String[] h : head.headers()) {
        String name = h[0].toLowerCase(Locale.ROOT);
        if (HOP_BY_HOP.contains(name)
            || body != null
                && (name.equals("content-length") || name.equals("transfer-encoding"))) {
          continue;
        }
        out.append(h[0]).append(": ").append(h[1]).append("\r\n");
      }
      // one request per connection; an upgrade keeps the engine's connection for the raw stream
      out.append(upgrade ? "Connection: Upgrade\r\n" : "Connection: close\r\n");
      if (body != null) {
        out.append("Content-Length: ").append(body.length).append("\r\n");
      }
      out.append("\r\n");
      writeAll(upstream, ByteBuffer.wrap(out.toString().getBytes(ISO_8859_1)));
      if (body != null) {
        writeAll(upstream, ByteBuffer.wrap(body));
      } else {
        writeAll(upstream, in.leftover());
      }
      // the learner's side: the rest of a streamed body, or what they type into run -it / exec -it
      threads.submit(
          () -> {
            try {
              copy(client, upstream);
              upstream.shutdownOutput();
            } catch (IOException e) {
              // either side closed: the other copy ends too
            }
          });
      copy(upstream, client);
    } finally {
      open.removeIf(c -> !c.isOpen());
    }
  }

  private static void copy(SocketChannel from, SocketChannel to) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
    while (from.read(buffer) >= 0) {
      buffer.flip();
      writeAll(to, buffer);
      buffer.clear();
    }
  }

  private static void writeAll(SocketChannel to, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      to.write(buffer);
    }
  }

  /** The learner's engine, as docker-java reaches it: a unix socket or TCP (no TLS). */
  static SocketChannel connect(URI host) throws IOException {
    if ("unix".equals(host.getScheme())) {
      return SocketChannel.open(UnixDomainSocketAddress.of(host.getPath()));
    }
    if ("tcp".equals(host.getScheme()) || "http".equals(host.getScheme())) {
      return SocketChannel.open(
          new InetSocketAddress(host.getHost(), host.getPort() < 0 ? 2375 : host.getPort()));
    }
    throw new IOException("o terminal não sabe falar com o engine em " + host);
  }

  private static void answer(SocketChannel client, int status, String json) throws IOException {
    byte[] body = (json + "\n").getBytes(UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason(status)
            + "\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    writeAll(client, ByteBuffer.wrap(head.getBytes(ISO_8859_1)));
    writeAll(client, ByteBuffer.wrap(body));
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 413 -> "Payload Too Large";
      case 429 -> "Too Many Requests";
      default -> "Error";
    };
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    open.forEach(ApiProxy::closeQuietly);
    threads.shutdownNow();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // the folder goes with the toolbox
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // already closed
    }
  }

  /** A request's first line and headers. */
  record Head(String method, String target, List<String[]> headers) {
    String header(String name) {
      return headers.stream()
          .filter(h -> h[0].equalsIgnoreCase(name))
          .map(h -> h[1])
          .findFirst()
          .orElse(null);
    }
  }

  /** Reads a request off a channel: the head, a body when the rules need it, and what is left. */
  static final class Wire {
    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(HEAD_MAX);
    private byte[] body;

    Wire(SocketChannel channel) {
      this.channel = channel;
      buffer.flip();
    }

    Head readHead() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        if (!buffer.hasRemaining() && !fill()) {
          return null;
        }
        byte b = buffer.get();
        head.write(b);
        matched =
            (b == '\r' && (matched == 0 || matched == 2))
                    || (b == '\n' && (matched == 1 || matched == 3))
                ? matched + 1
                : (b == '\r' ? 1 : 0);
        if (head.size() > HEAD_MAX) {
          throw new IOException("request head too large");
        }
      }
      String[] lines = head.toString(ISO_8859_1).split("\r\n");
      String[] first = lines[0].split(" ");
      if (first.length != 3) {
        throw new IOException("not an HTTP request: " + lines[0]);
      }
      List<String[]> headers = new ArrayList<>();
      for (String line : Arrays.asList(lines).subList(1, lines.length)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.add(
              new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
        }
      }
      return new Head(first[0], first[1], headers);
    }

    /** The whole body, by Content-Length or chunks, up to {@link #BODY_MAX}. */
    byte[] readBody(Head head) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String length = head.header("content-length");
      if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
        while (true) {
          String size = line();
          int n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
          if (n == 0) {
            while (!line().isEmpty()) {
              // trailers
            }
            break;
          }
          read(out, n);
          line();
        }
      } else if (length != null) {
        read(out, Integer.parseInt(length.strip()));
      }
      body = out.toByteArray();
      return body;
    }

    byte[] readBodyAgain() {
      return body;
    }

    ByteBuffer leftover() {
      return buffer.slice();
    }

    private void read(ByteArrayOutputStream out, int n) throws IOException {
      if (out.size() + n > BODY_MAX) {
        throw new IOException("request body too large");
      }
      for (int i = 0; i < n; i++) {
        if (!buffer.hasRemaining() && !fill()) {
          throw new IOException("body cut short");
        }
        out.write(buffer.get());
      }
    }

    private String line() throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      while (true) {
        if (!buffer.hasRemaining() && !fill()) {
          throw new IOException("body cut short");
        }
        byte b = buffer.get();
        if (b == '\n') {
          String text = out.toString(ISO_8859_1);
          return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        out.write(b);
      }
    }

    private boolean fill() throws IOException {
      buffer.clear();
      int n = channel.read(buffer);
      buffer.flip();
      return n > 0;
    }
  }

  /** The rules' questions, answered by the learner's engine. */
  private static final class EngineOwners implements ApiRules.Owners {
    private final Engine engine;

    EngineOwners(Engine engine) {
      this.engine = engine;
    }

    @Override
    public Optional<ApiRules.ContainerFacts> container(String ref) {
      return found(
          () -> {
            InspectContainerResponse c = engine.docker().inspectContainerCmd(ref).exec();
            Map<String, String> labels =
                c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels();
            return new ApiRules.ContainerFacts(labels, elevated(c.getHostConfig()));
          });
    }

    /** More than the terminal may grant: what {@link ApiRules#hostProblem} would have refused. */
    static boolean elevated(HostConfig host) {
      if (host == null) {
        return false;
      }
      List<String> options = host.getSecurityOpts() == null ? List.of() : host.getSecurityOpts();
      return Boolean.TRUE.equals(host.getPrivileged())
          || host.getCapAdd() != null && host.getCapAdd().length > 0
          || options.stream().anyMatch(o -> !o.startsWith("no-new-privileges"))
          || host.getDevices() != null && host.getDevices().length > 0
          || "host".equals(host.getPidMode())
          || "host".equals(host.getNetworkMode())
          || "host".equals(host.getIpcMode())
          || "host".equals(host.getUsernsMode());
    }

    @Override
    public Optional<String> execContainer(String execId) {
      return found(() -> engine.docker().inspectExecCmd(execId).exec().getContainerID());
    }

    @Override
    public Optional<Map<String, String>> network(String ref) {
      return found(() -> engine.docker().inspectNetworkCmd().withNetworkId(ref).exec().getLabels());
    }

    @Override
    public Optional<Map<String, String>> volume(String name) {
      return found(() -> engine.docker().inspectVolumeCmd(name).exec().getLabels());
    }

    @Override
    public Optional<ApiRules.ImageFacts> image(String ref) {
      return found(
          () -> {
            InspectImageResponse image = engine.docker().inspectImageCmd(ref).exec();
            Map<String, String> labels =
                image.getConfig() == null || image.getConfig().getLabels() == null
                    ? Map.of()
                    : image.getConfig().getLabels();
            return new ApiRules.ImageFacts(
                image.getRepoTags() == null ? List.of() : image.getRepoTags(), labels);
          });
    }

    /** Empty when the engine has no such thing; a null map (no labels) reads as no labels. */
    @SuppressWarnings("unchecked")
    private <T> Optional<T> found(Supplier<T> question) {
      try {
        T answer = engine.call(question);
        return Optional.of(answer == null ? (T) Map.of() : answer);
      } catch (EngineError e) {
        if (e.getCause() instanceof NotFoundException) {
          return Optional.empty();
        }
        throw e;
      }
    }
  }
}
