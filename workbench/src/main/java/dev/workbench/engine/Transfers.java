package dev.workbench.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.LoadResponseItem;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Images to and from a registry, as {@code docker tag}, {@code docker push} and {@code docker pull}
 * do it: with the registry's credentials, streaming each layer's progress.
 */
public final class Transfers {
  private final Engine engine;

  public Transfers(Engine engine) {
    this.engine = engine;
  }

  /** Who may push and pull: {@code docker login}'s user and password for one registry. */
  public record Credentials(String registry, String user, String password) {
    AuthConfig auth() {
      return new AuthConfig()
          .withRegistryAddress(registry)
          .withUsername(user)
          .withPassword(password);
    }

    @Override
    public String toString() {
      return user + "@" + registry; // never the password, not even in a log
    }
  }

  /** A reference split as the API wants it: {@code 127.0.0.1:5000/app:latest} → repository, tag. */
  public record Reference(String repository, String tag) {
    public static Reference of(String reference) {
      int slash = reference.lastIndexOf('/');
      int colon = reference.lastIndexOf(':');
      return colon > slash
          ? new Reference(reference.substring(0, colon), reference.substring(colon + 1))
          : new Reference(reference, "latest");
    }

    @Override
    public String toString() {
      return repository + ":" + tag;
    }
  }

  /** {@code docker tag}: one more name for the session's image (it keeps the session's labels). */
  public void tag(Scope scope, String image, Reference target) {
    String source = scope.image(image);
    new Images(engine).requirePresent(source, image);
    engine.run(() -> engine.docker().tagImageCmd(source, target.repository(), target.tag()).exec());
  }

  /**
   * {@code docker push}; the engine's refusal (wrong password included) is an {@link EngineError}.
   */
  public void push(
      Reference reference, Credentials credentials, OutputSink sink, Duration timeout) {
    Progress<PushResponseItem> progress = new Progress<>(sink);
    engine.run(
        () ->
            engine
                .docker()
                .pushImageCmd(reference.repository())
                .withTag(reference.tag())
                .withAuthConfig(credentials.auth())
                .exec(progress));
    progress.await(engine, timeout, "o envio (push) de " + reference);
  }

  /** {@code docker pull} into this engine. */
  public void pull(
      Reference reference, Credentials credentials, OutputSink sink, Duration timeout) {
    Progress<PullResponseItem> progress = new Progress<>(sink);
    engine.run(
        () ->
            engine
                .docker()
                .pullImageCmd(reference.repository())
                .withTag(reference.tag())
                .withAuthConfig(credentials.auth())
                .exec(progress));
    progress.await(engine, timeout, "o download (pull) de " + reference);
  }

  /**
   * {@code docker save IMAGES > FILE}: the session's images, once, into a file of {@code folder} (a
   * folder of the data dir), so several engines that have no registry to pull from (stand-in hosts)
   * can each {@code docker load} them at the same time. Layers the images share are saved once.
   * Closing the result deletes the file.
   */
  public Saved save(Scope scope, List<String> images, Path folder) {
    Images here = new Images(engine);
    List<Reference> sources = new ArrayList<>();
    for (String image : images) {
      String source = scope.image(image);
      here.requirePresent(source, image);
      sources.add(Reference.of(source));
    }
    Path file;
    try {
      file = Files.createTempFile(folder, "imagens-", ".tar");
    } catch (IOException e) {
      throw new EngineError(
          "não consegui criar um arquivo em " + folder + ": " + e.getMessage(), e);
    }
    try (InputStream saved =
        engine.call(
            () -> {
              var save = engine.docker().saveImagesCmd();
              sources.forEach(r -> save.withImage(r.repository(), r.tag()));
              return save.exec();
            })) {
      Files.copy(saved, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(file);
      throw new EngineError(
          "não consegui salvar as imagens " + images + " (docker save): " + e.getMessage(), e);
    }
    return new Saved(images, sources, file);
  }

  /** Images saved by {@link #save}, ready to be loaded into other engines, each under its name. */
  public static final class Saved implements AutoCloseable {
    private final List<String> images;
    private final List<Reference> sources;
    private final Path file;

    private Saved(List<String> images, List<Reference> sources, Path file) {
      this.images = List.copyOf(images);
      this.sources = List.copyOf(sources);
      this.file = file;
    }

    /**
     * {@code docker -H OTHER load < FILE}, then {@code docker tag}: the images take their logical
     * names there ({@code ola:1}). Safe to call for several engines at once.
     */
    public void loadInto(Engine to, Duration timeout) {
      try (InputStream in = Files.newInputStream(file)) {
        // the load's answer streams until the engine has stored every layer: read it to its end
        Progress<LoadResponseItem> progress = new Progress<>(OutputSink.NONE);
        to.run(() -> to.docker().loadImageAsyncCmd(in).exec(progress));
        progress.await(to, timeout, "a cópia (docker load) de " + images);
      } catch (IOException e) {
        throw new EngineError(
            "a cópia das imagens " + images + " foi interrompida: " + e.getMessage(), e);
      }
      for (int i = 0; i < images.size(); i++) {
        Reference source = sources.get(i);
        Reference target = Reference.of(images.get(i));
        to.run(
            () ->
                to.docker()
                    .tagImageCmd(source.toString(), target.repository(), target.tag())
                    .exec());
        to.run(
            () ->
                to.docker()
                    .removeImageCmd(source.toString())
                    .withNoPrune(true)
                    .exec()); // only the name
      }
    }

    @Override
    public void close() {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // in a folder its owner removes as a whole
    }
  }

  /** Removes one name of an image ({@code docker rmi} of a tag the image has besides others). */
  public void untag(Reference reference) {
    engine.run(() -> engine.docker().removeImageCmd(reference.toString()).exec());
  }

  /** {@code docker tag} of any image of this engine (a base image seeding a registry). */
  public void tagShared(String image, Reference target) {
    new Images(engine).requirePresent(image, image);
    engine.run(() -> engine.docker().tagImageCmd(image, target.repository(), target.tag()).exec());
  }

  /**
   * One line per layer and status change ("Pushed", "Pull complete"), not per byte; errors kept.
   */
  private static final class Progress<T extends ResponseItem> extends ResultCallback.Adapter<T> {
    private final OutputSink sink;
    private final Set<String> said = new HashSet<>();
    private volatile String error;

    Progress(OutputSink sink) {
      this.sink = sink;
    }

    @Override
    public void onNext(T item) {
      if (item.getErrorDetail() != null || item.getError() != null) {
        error =
            item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage()
                : item.getError();
        return;
      }
      String status = item.getStatus();
      if (status == null
          || status.startsWith("Pushing")
          || status.startsWith("Downloading")
          || status.startsWith("Extracting")
          || status.startsWith("Waiting")) {
        return;
      }
      String line = (item.getId() == null ? "" : item.getId() + ": ") + status;
      if (said.add(line)) {
        sink.out(line);
      }
    }

    void await(Engine engine, Duration timeout, String what) {
      try {
        boolean done =
            engine.call(
                () -> {
                  try {
                    return awaitCompletion(timeout.toSeconds(), TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EngineError("interrompido", e);
                  }
                });
        if (!done) {
          throw new EngineError(what + " passou do limite de " + timeout.toSeconds() + " s");
        }
      } finally {
        try {
          close();
        } catch (IOException e) {
          // the stream is over either way
        }
      }
      if (error != null) {
        String said = error;
        throw KnownError.in(said, null)
            .map(EngineError.class::cast)
            .orElseGet(() -> new EngineError("o Docker respondeu: " + said));
      }
    }
  }
}
