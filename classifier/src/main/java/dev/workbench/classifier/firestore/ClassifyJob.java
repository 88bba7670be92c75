package dev.workbench.classifier.firestore;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldMask;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.QuerySnapshot;
import com.google.cloud.firestore.WriteBatch;
import dev.workbench.classifier.model.ProductClassifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The production job: find every product without a category, predict one, write it back.
 *
 * <p>Finding them. Firestore cannot query "field is missing", and uncategorised products come both
 * without the field and with {@code categoria: ""}. So the job pages through the whole collection
 * in document-id order ({@code orderBy(__name__)}, {@code startAfter(last id)}), asking only for the
 * three fields it reads ({@code select}), and filters on the client, asking for the next page while
 * it works on the current one. Pages are large (5,000 by default): the emulator's cost is per
 * query more than per document, and 5,000 three-field documents are a few megabytes. One read per
 * product per run:
 * the price of accepting both shapes; a collection that always writes {@code ""} could query {@code
 * categoria == ""} instead.
 *
 * <p>Writing them. Updates go in {@link WriteBatch}es of at most 500 (Firestore's limit), several
 * in flight at once. Each update carries {@code Precondition.updatedAt(time we read it)}: if anyone
 * changed the product since (categorised it by hand, say), the batch is refused, the job reads those
 * products again and retries without the ones no longer uncategorised. So a categorised product is
 * never rewritten.
 *
 * <p>Crashes. Every batch commits on its own; nothing is held in memory that a rerun needs. A rerun
 * after a crash finds exactly the products the crashed run did not write.
 */
public final class ClassifyJob {
  /** Told after each committed batch; the CLI prints progress, a test may pull the plug. */
  @FunctionalInterface
  public interface Progress {
    void committed(int batch, long categorisedSoFar);

    Progress NONE = (batch, total) -> {};
  }

  public record Settings(String collection, int batchSize, int parallelCommits, int pageSize) {
    public static final int MAX_BATCH = 500;

    public Settings {
      if (batchSize < 1 || batchSize > MAX_BATCH) {
        throw new IllegalArgumentException("batch size must be between 1 and 500, found " + batchSize);
      }
      if (parallelCommits < 1) {
        throw new IllegalArgumentException("parallel commits must be at least 1, found " + parallelCommits);
      }
      if (pageSize < 1) {
        throw new IllegalArgumentException("page size must be at least 1, found " + pageSize);
      }
    }

    public static Settings defaults() {
      return new Settings(ProductFields.COLLECTION, MAX_BATCH, 4, 5000);
    }

    public Settings withCollection(String name) {
      return new Settings(name, batchSize, parallelCommits, pageSize);
    }

    public Settings withBatchSize(int size) {
      return new Settings(collection, size, parallelCommits, pageSize);
    }

    public Settings withParallelCommits(int n) {
      return new Settings(collection, batchSize, n, pageSize);
    }

    public Settings withPageSize(int n) {
      return new Settings(collection, batchSize, parallelCommits, n);
    }
  }

  /** read = documents scanned; skipped = read but not written (already categorised, no known word, changed meanwhile). */
  public record Result(long read, long categorised, long skipped, Duration elapsed) {}

  private record Update(DocumentReference ref, com.google.cloud.Timestamp readAt, String category) {}

  private final Firestore db;
  private final ProductClassifier classifier;
  private final Settings settings;
  private final Progress progress;
  private final AtomicLong categorised = new AtomicLong();

  public ClassifyJob(Firestore db, ProductClassifier classifier, Settings settings, Progress progress) {
    this.db = db;
    this.classifier = classifier;
    this.settings = settings;
    this.progress = progress;
  }

  public Result run() {
    long start = System.nanoTime();
    long read = 0;
    ExecutorService committers = Executors.newFixedThreadPool(settings.parallelCommits());
    Semaphore inFlight = new Semaphore(settings.parallelCommits());
    List<Future<?>> commits = new ArrayList<>();
    try {
      List<Update> pending = new ArrayList<>();
      ApiFuture<QuerySnapshot> next = page(null).get();
      while (next != null) {
        failFast(commits);
        List<QueryDocumentSnapshot> page = Rpc.await(next, "reading products").getDocuments();
        read += page.size();
        // Ask for the next page before working on this one: reading overlaps predicting and writing.
        next = page.size() < settings.pageSize() ? null : page(page.get(page.size() - 1).getId()).get();
        for (QueryDocumentSnapshot doc : page) {
          toUpdate(doc).ifPresent(pending::add);
          if (pending.size() == settings.batchSize()) {
            commits.add(submit(committers, inFlight, pending));
            pending = new ArrayList<>();
          }
        }
      }
      if (!pending.isEmpty()) {
        commits.add(submit(committers, inFlight, pending));
      }
      for (Future<?> c : commits) {
        Futures.join(c);
      }
    } finally {
      committers.shutdownNow();
    }
    long done = categorised.get();
    return new Result(read, done, read - done, Duration.ofNanos(System.nanoTime() - start));
  }

  private Query page(String after) {
    Query q =
        db.collection(settings.collection())
            .select(ProductFields.NOME, ProductFields.DESCRICAO, ProductFields.CATEGORIA)
            .orderBy(FieldPath.documentId())
            .limit(settings.pageSize());
    return after == null ? q : q.startAfter(after);
  }

  private java.util.Optional<Update> toUpdate(DocumentSnapshot doc) {
    if (!ProductFields.uncategorised(doc)) {
      return java.util.Optional.empty();
    }
    return classifier
        .predict(ProductFields.text(doc))
        .map(p -> new Update(doc.getReference(), doc.getUpdateTime(), p.category()));
  }

  /** Blocks while enough commits are in flight: memory stays bounded on any collection size. */
  private Future<?> submit(ExecutorService pool, Semaphore inFlight, List<Update> batch) {
    Futures.acquire(inFlight);
    return pool.submit(
        () -> {
          try {
            int written = commit(batch);
            progress.committed(written, categorised.addAndGet(written));
          } finally {
            inFlight.release();
          }
        });
  }

  /** Returns how many products the batch categorised once conflicts are set aside. */
  private int commit(List<Update> updates) {
    List<Update> todo = updates;
    for (int attempt = 1; ; attempt++) {
      if (todo.isEmpty()) {
        return 0;
      }
      WriteBatch batch = db.batch();
      for (Update u : todo) {
        batch.update(u.ref(), Map.of(ProductFields.CATEGORIA, u.category()), Precondition.updatedAt(u.readAt()));
      }
      try {
        Rpc.await(batch.commit(), "writing a batch of " + todo.size() + " categories");
        return todo.size();
      } catch (Rpc.FirestoreFailure e) {
        boolean conflict = e.status().equals("FAILED_PRECONDITION") || e.status().equals("NOT_FOUND");
        if (!conflict || attempt == 3) {
          throw e;
        }
        todo = reread(todo);
      }
    }
  }

  /** Someone changed a product of the batch since we read it: keep those still uncategorised. */
  private List<Update> reread(List<Update> updates) {
    DocumentReference[] refs = updates.stream().map(Update::ref).toArray(DocumentReference[]::new);
    FieldMask fields = FieldMask.of(ProductFields.NOME, ProductFields.DESCRICAO, ProductFields.CATEGORIA);
    List<Update> still = new ArrayList<>();
    for (DocumentSnapshot doc : Rpc.await(db.getAll(refs, fields), "re-reading changed products")) {
      if (doc.exists()) {
        toUpdate(doc).ifPresent(still::add);
      }
    }
    return still;
  }

  /** Stop reading new pages as soon as one commit has failed; its error is the job's error. */
  private static void failFast(List<Future<?>> commits) {
    for (Future<?> c : commits) {
      if (c.isDone()) {
        Futures.join(c);
      }
    }
  }
}
