package dev.workbench.classifier.firestore;

import com.google.api.gax.rpc.ApiStreamObserver;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldMask;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.WriteBatch;
import dev.workbench.classifier.model.ProductClassifier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The production job: find every product without a category, predict one, write it back.
 *
 * <p>Finding them. Firestore cannot query "field is missing", and uncategorised products come both
 * without the field and with {@code categoria: ""}. So the job pages through the whole collection
 * in document-id order ({@code orderBy(__name__)}, {@code startAfter(last id)}), asking only for
 * the three fields it reads ({@code select}), and filters on the client. Each page is streamed: the
 * first products are predicted and written while the rest of the page is still arriving. The first
 * page is small (one batch per worker), so writing starts early; each next page is asked for as
 * soon as the previous one has arrived, so it is built while that one is written. Later pages are
 * large (20,000 by default): the emulator pays per query, more so the further a query starts into
 * the collection, and at most two pages (a few megabytes of three-field documents) are held at
 * once. One read per product per run: the price of accepting both shapes; a collection that always
 * writes {@code ""} could query {@code categoria == ""} instead.
 *
 * <p>Writing them. Worker threads, as many as commits in flight, each take a batch of at most 500
 * uncategorised products (Firestore's limit), predict them and commit the updates in one {@link
 * WriteBatch}: prediction runs in parallel and overlaps other batches' round trips. Each update
 * carries {@code Precondition.updatedAt(time we read it)}: if anyone changed the product since
 * (categorised it by hand, say), the batch is refused, the job reads those products again and
 * retries without the ones no longer uncategorised. So a categorised product is never rewritten.
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
        throw new IllegalArgumentException(
            "batch size must be between 1 and 500, found " + batchSize);
      }
      if (parallelCommits < 1) {
        throw new IllegalArgumentException(
            "parallel commits must be at least 1, found " + parallelCommits);
      }
      if (pageSize < 1) {
        throw new IllegalArgumentException("page size must be at least 1, found " + pageSize);
      }
    }

    public static Settings defaults() {
      return new Settings(ProductFields.COLLECTION, MAX_BATCH, 4, 20_000);
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

  /**
   * read = documents scanned; skipped = read but not written (already categorised, no known word,
   * changed meanwhile).
   */
  public record Result(
      long read, long categorised, long skipped, Duration elapsed, Timings timings) {}

  /**
   * Where the time went. The three stages overlap, so they do not add up to the elapsed time:
   * {@code scan} is wall time from the first query to the last document received ({@code
   * firstDocument} from the first query to the first document), of which {@code slotWait} the
   * reader spent blocked because every commit slot was busy (commits were the bottleneck then);
   * {@code predict} is CPU time and {@code commit} wall time (the round trip), both summed over the
   * worker threads.
   */
  public record Timings(
      Duration scan,
      int queries,
      Duration firstDocument,
      Duration slotWait,
      Duration predict,
      long predicted,
      Duration commit,
      int batches,
      Duration afterScan) {
    public String line(int workers) {
      return String.format(
          java.util.Locale.ROOT,
          "scan %.2f s (%d %s, first document after %.2f s, %.2f s waiting for a free commit slot),"
              + " predict %.2f s of CPU"
              + " over %d threads (%.0f us/product), commit %.2f s summed over %d threads (%d"
              + " batches), %.2f s after the last document arrived",
          seconds(scan),
          queries,
          queries == 1 ? "query" : "queries",
          seconds(firstDocument),
          seconds(slotWait),
          seconds(predict),
          workers,
          predicted == 0 ? 0.0 : predict.toNanos() / 1e3 / predicted,
          seconds(commit),
          workers,
          batches,
          seconds(afterScan));
    }

    private static double seconds(Duration d) {
      return d.toNanos() / 1e9;
    }
  }

  private record Update(
      DocumentReference ref, com.google.cloud.Timestamp readAt, String category) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Firestore db;
  private final ProductClassifier classifier;
  private final Settings settings;
  private final Progress progress;
  private final AtomicLong categorised = new AtomicLong();
  private final LongAdder predictNanos = new LongAdder();
  private final LongAdder predicted = new LongAdder();
  private final LongAdder commitNanos = new LongAdder();
  private final LongAdder batches = new LongAdder();

  public ClassifyJob(
      Firestore db, ProductClassifier classifier, Settings settings, Progress progress) {
    this.db = db;
    this.classifier = classifier;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * The reader (this thread) streams each page and hands the uncategorised products, a batch at a
   * time, to the worker threads; a worker predicts its batch and commits it. So reading, predicting
   * and writing overlap from the first document on, and prediction runs on as many threads as there
   * are commits in flight.
   */
  public Result run() {
    long start = System.nanoTime();
    long read = 0;
    int queries = 0;
    long slotWait = 0;
    ExecutorService workers = Executors.newFixedThreadPool(settings.parallelCommits());
    Semaphore inFlight = new Semaphore(settings.parallelCommits());
    List<Future<?>> commits = new ArrayList<>();
    long scanEnd;
    long firstDocument = start;
    try {
      List<DocumentSnapshot> pending = new ArrayList<>(settings.batchSize());
      PageStream page = open(null, firstPageSize());
      while (page != null) {
        queries++;
        PageStream next = null;
        for (DocumentSnapshot doc = page.next(); doc != null; doc = page.next()) {
          if (read++ == 0) {
            firstDocument = System.nanoTime();
          }
          if (next == null && page.endedFull()) {
            // The whole page has arrived and there may be more: ask for the next page now, so the
            // database builds it while this one is still being predicted and written.
            next = open(page.lastId(), settings.pageSize());
          }
          if (ProductFields.uncategorised(doc)) {
            pending.add(doc);
          }
          if (pending.size() == settings.batchSize()) {
            failFast(commits);
            slotWait += submit(workers, inFlight, pending, commits);
            pending = new ArrayList<>(settings.batchSize());
          }
        }
        if (next == null && page.endedFull()) {
          next = open(page.lastId(), settings.pageSize());
        }
        page = next;
      }
      scanEnd = System.nanoTime();
      if (!pending.isEmpty()) {
        slotWait += submit(workers, inFlight, pending, commits);
      }
      for (Future<?> c : commits) {
        Futures.join(c);
      }
    } finally {
      workers.shutdownNow();
    }
    long end = System.nanoTime();
    long done = categorised.get();
    Timings timings =
        new Timings(
            Duration.ofNanos(scanEnd - start),
            queries,
            Duration.ofNanos(firstDocument - start),
            Duration.ofNanos(slotWait),
            Duration.ofNanos(predictNanos.sum()),
            predicted.sum(),
            Duration.ofNanos(commitNanos.sum()),
            batches.intValue(),
            Duration.ofNanos(end - scanEnd));
    return new Result(read, done, read - done, Duration.ofNanos(end - start), timings);
  }

  /**
   * One page as a stream: documents are handed over as the server sends them, not when the whole
   * page has arrived. It also tells when the whole page has arrived full, so the next one can be
   * asked for before this one is used up: at most two pages are held, so memory stays bounded by
   * the page size.
   */
  private static final class PageStream implements ApiStreamObserver<DocumentSnapshot> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final int limit;
    private int received; // written by the gRPC thread only; read after `ended` is seen
    private volatile String lastId;
    private volatile boolean ended;

    PageStream(Query query, int limit) {
      this.limit = limit;
      query.stream(this);
    }

    @Override
    public void onNext(DocumentSnapshot doc) {
      received++;
      lastId = doc.getId();
      arrived.add(doc);
    }

    @Override
    public void onError(Throwable t) {
      arrived.add(t);
    }

    @Override
    public void onCompleted() {
      ended = true;
      arrived.add(END);
    }

    /** Every document has arrived and there were as many as asked for: there may be more. */
    boolean endedFull() {
      return ended && received == limit;
    }

    String lastId() {
      return lastId;
    }

    /** The next document, or null at the end of the page. */
    DocumentSnapshot next() {
      Object item;
      try {
        item = arrived.poll(Rpc.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Rpc.FirestoreFailure("reading products: interrupted", null);
      }
      if (item == null) {
        throw new Rpc.FirestoreFailure(
            "reading products: no answer after " + Rpc.TIMEOUT_SECONDS + " s", null);
      }
      if (item instanceof Throwable t) {
        throw new Rpc.FirestoreFailure("reading products", Rpc.unwrap(t));
      }
      return item == END ? null : (DocumentSnapshot) item;
    }
  }

  /** Asks for the {@code size} products after {@code after} (from the start when null). */
  private PageStream open(String after, int size) {
    Query q =
        db.collection(settings.collection())
            .select(ProductFields.NOME, ProductFields.DESCRICAO, ProductFields.CATEGORIA)
            .orderBy(FieldPath.documentId())
            .limit(size);
    return new PageStream(after == null ? q : q.startAfter(after), size);
  }

  /**
   * The first page is small, one batch per worker: the emulator builds a query's whole result
   * before it sends the first document, so a full first page would keep every worker idle for as
   * long as the largest page takes to build. The second page, asked for as soon as the first has
   * arrived, is built while the first is predicted and written.
   */
  private int firstPageSize() {
    return Math.min(settings.pageSize(), settings.batchSize() * settings.parallelCommits());
  }

  private java.util.Optional<Update> toUpdate(DocumentSnapshot doc) {
    if (!ProductFields.uncategorised(doc)) {
      return java.util.Optional.empty();
    }
    return classifier
        .predict(ProductFields.text(doc))
        .map(p -> new Update(doc.getReference(), doc.getUpdateTime(), p.category()));
  }

  /**
   * CPU time of this thread: on a busy machine a thread's wall time counts the time it waited for a
   * core, which says nothing about what prediction costs.
   */
  private static long cpuTime() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  /** Predicts every product of the batch that the model can predict, timing it. */
  private List<Update> predict(List<DocumentSnapshot> docs) {
    long t0 = cpuTime();
    List<Update> updates = new ArrayList<>(docs.size());
    for (DocumentSnapshot doc : docs) {
      toUpdate(doc).ifPresent(updates::add);
    }
    predictNanos.add(cpuTime() - t0);
    predicted.add(docs.size());
    return updates;
  }

  /**
   * Blocks while every commit slot is busy, so memory stays bounded on any collection size; returns
   * how long it blocked.
   */
  private long submit(
      ExecutorService pool, Semaphore inFlight, List<DocumentSnapshot> docs, List<Future<?>> out) {
    long t0 = System.nanoTime();
    Futures.acquire(inFlight);
    long waited = System.nanoTime() - t0;
    out.add(
        pool.submit(
            () -> {
              try {
                int written = commit(predict(docs));
                if (written > 0) {
                  progress.committed(written, categorised.addAndGet(written));
                }
              } finally {
                inFlight.release();
              }
            }));
    return waited;
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
        batch.update(
            u.ref(),
            Map.of(ProductFields.CATEGORIA, u.category()),
            Precondition.updatedAt(u.readAt()));
      }
      long t0 = System.nanoTime();
      try {
        Rpc.await(batch.commit(), "writing a batch of " + todo.size() + " categories");
        batches.increment();
        return todo.size();
      } catch (Rpc.FirestoreFailure e) {
        boolean conflict =
            e.status().equals("FAILED_PRECONDITION") || e.status().equals("NOT_FOUND");
        if (!conflict || attempt == 3) {
          throw e;
        }
        todo = reread(todo);
      } finally {
        commitNanos.add(System.nanoTime() - t0);
      }
    }
  }

  /** Someone changed a product of the batch since we read it: keep those still uncategorised. */
  private List<Update> reread(List<Update> updates) {
    DocumentReference[] refs = updates.stream().map(Update::ref).toArray(DocumentReference[]::new);
    FieldMask fields =
        FieldMask.of(ProductFields.NOME, ProductFields.DESCRICAO, ProductFields.CATEGORIA);
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
