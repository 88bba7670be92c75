package dev.workbench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Image operations: build with progress, history, list, remove; base images via {@link BaseImages}.
 */
public final class Images {
  private static final Pattern BUILD_STEP = Pattern.compile("^Step (\\d+)/(\\d+) :");

  /** A build step that takes an image: the image a failed pull was for. */
  private static final Pattern FROM_STEP =
      Pattern.compile("^Step \\d+/\\d+ : FROM (\\S+)", Pattern.CASE_INSENSITIVE);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Engine engine;
  private final DockerClient docker;

  Images(Engine engine) {
    this.engine = engine;
    this.docker = engine.docker();
  }

  /** One layer as {@code docker history} shows it. */
  public record Layer(String createdBy, long size) {}

  /**
   * Builds {@code context} (with its {@code .dockerignore}) into the session's image, streaming the
   * builder's output and reporting progress per Dockerfile instruction; returns the image id.
   */
  public String build(
      Scope scope,
      String image,
      Path context,
      String dockerfile,
      Map<String, String> buildArgs,
      OutputSink sink,
      Duration timeout) {
    Map<String, String> labels = scope.labels();
    // checked before, not held during: a build takes minutes, and a refused one makes nothing
    engine.requireRoom(scope, Demand.images(1));
    return build(scope.image(image), context, dockerfile, buildArgs, labels, sink, timeout);
  }

  String build(
      String reference,
      Path context,
      String dockerfile,
      Map<String, String> buildArgs,
      Map<String, String> labels,
      OutputSink sink,
      Duration timeout) {
    File dir = context.toFile();
    if (!dir.isDirectory()) {
      throw new EngineError("a pasta de contexto não existe: " + context);
    }
    var cmd =
        docker
            .buildImageCmd()
            .withBaseDirectory(dir)
            .withDockerfile(new File(dir, dockerfile == null ? "Dockerfile" : dockerfile))
            .withTags(Set.of(reference))
            .withLabels(labels)
            .withPull(false)
            .withRemove(true);
    buildArgs.forEach(cmd::withBuildArg);
    AtomicReference<String> lastFrom = new AtomicReference<>();
    Lines lines =
        new Lines(
            line -> {
              Matcher from = FROM_STEP.matcher(line);
              if (from.find()) {
                lastFrom.set(from.group(1));
              }
              Matcher step = BUILD_STEP.matcher(line);
              if (step.find()) {
                sink.progress(
                    "build", Long.parseLong(step.group(1)), Long.parseLong(step.group(2)));
              }
              sink.out(line);
            });
    BuildImageResultCallback callback =
        new BuildImageResultCallback() {
          @Override
          public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
              lines.accept(item.getStream());
            }
            super.onNext(item);
          }
        };
    try {
      engine.run(() -> cmd.exec(callback));
      String id = engine.call(() -> callback.awaitImageId(timeout.toSeconds(), TimeUnit.SECONDS));
      lines.flush();
      return id;
    } catch (RuntimeException e) {
      lines.flush();
      if (e instanceof EngineUnavailable || e instanceof KnownError) {
        throw e;
      }
      // the builder's own error (a FROM that is nowhere, a full disk) may be one learners meet
      // often
      String said = e.getMessage() == null ? "" : e.getMessage();
      throw KnownError.inBuild(said, lastFrom.get(), e)
          .map(EngineError.class::cast)
          .orElseGet(
              () ->
                  e instanceof EngineError known
                      ? known
                      : new EngineError("a construção da imagem falhou: " + said, e));
    }
  }

  /**
   * {@code docker tag}: one of the learner's images gets another name of the learner's (the layers
   * are shared; removing the lesson removes every name of it). Base images are shared by everyone
   * and carry no learner's labels: a name given to one would outlive the lesson, so they are
   * refused.
   */
  public void tag(Scope scope, String image, String tag) {
    if (BaseImages.isBase(image) || BaseImages.isBase(tag)) {
      throw new EngineError(
          "o workbench só dá outro nome às imagens que você construiu, não às imagens"
              + " base ("
              + image
              + "): construa uma imagem a partir dela e dê o nome a essa.");
    }
    String source = scope.image(image);
    requirePresent(source, image);
    String target = scope.image(tag);
    int colon = target.lastIndexOf(':');
    engine.run(
        () ->
            docker
                .tagImageCmd(source, target.substring(0, colon), target.substring(colon + 1))
                .withForce()
                .exec());
  }

  /** The layers of an image, newest first, as {@code docker history} prints them. */
  public List<Layer> history(Scope scope, String image) {
    String reference = scope.image(image);
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path("/images/" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "/history")
            .build();
    return engine.call(
        () -> {
          try (DockerHttpClient.Response response = engine.http().execute(request)) {
            if (response.getStatusCode() == 404) {
              throw new EngineError("a imagem " + image + " não existe");
            }
            JsonNode layers = JSON.readTree(response.getBody());
            List<Layer> result = new ArrayList<>();
            for (JsonNode layer : layers) {
              result.add(
                  new Layer(layer.path("CreatedBy").asText(""), layer.path("Size").asLong()));
            }
            return result;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  /** The session's images and the base images, tag → size in bytes. */
  public Map<String, Long> list(Scope scope) {
    Map<String, Long> images = new HashMap<>();
    List<Image> all = engine.call(() -> docker.listImagesCmd().exec());
    for (Image image : all) {
      if (image.getRepoTags() == null) {
        continue;
      }
      for (String tag : image.getRepoTags()) {
        if (tag.startsWith(scope.prefix()) || BaseImages.isBase(tag)) {
          images.put(scope.logical(tag), image.getSize());
        }
      }
    }
    return images;
  }

  /**
   * Removes one of the session's images. Base images are shared by every learner and lesson (and
   * take minutes to make again): they are refused, whatever the name leads to.
   */
  public void remove(Scope scope, String image) {
    String reference = scope.image(image);
    if (BaseImages.isBase(image) || BaseImages.isBase(reference)) {
      throw new EngineError(
          "a imagem "
              + image
              + " é uma imagem base, compartilhada por todas as"
              + " lições e por todos os alunos: ela não pode ser removida daqui. Remova as imagens que"
              + " você construiu.");
    }
    engine.run(() -> docker.removeImageCmd(reference).withForce(true).exec());
  }

  public boolean exists(String reference) {
    try {
      engine.run(() -> docker.inspectImageCmd(reference).exec());
      return true;
    } catch (EngineError e) {
      if (e.getCause() instanceof NotFoundException) {
        return false;
      }
      throw e;
    }
  }

  /** Files in any layer of the session's image that look like credentials. */
  public List<LayerScan.Finding> secretsIn(Scope scope, String image) {
    return new LayerScan(engine).scan(scope.image(image));
  }

  /** Resolves a base image: already here, pulled, or built locally; the sink says which. */
  public void provide(String base, OutputSink sink) {
    new BaseImages(engine, this).provide(base, sink);
  }

  void requirePresent(String reference, String logical) {
    if (!exists(reference)) {
      throw KnownError.noSuchImage(logical);
    }
  }
}
