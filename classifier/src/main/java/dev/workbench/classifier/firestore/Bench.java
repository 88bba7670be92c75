package dev.workbench.classifier.firestore;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import dev.workbench.classifier.data.Product;
import dev.workbench.classifier.model.ProductClassifier;
import java.time.Duration;
import java.util.List;

/**
 * The book's way against this project's way, on the same products. The book's job streamed every
 * document and updated each with its own write, waiting for each answer: one round trip per
 * product. The project's job writes 500 per round trip, several round trips at once. Each way gets
 * its own fresh collection, seeded identically, and is checked afterwards by counting.
 */
public final class Bench {
  /**
   * How one way did: how many products it wrote, how long it took, how many a census found
   * categorised.
   */
  public record Way(String name, long written, Duration elapsed, Census.Counts after) {
    public double docsPerSecond() {
      return written / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
  }

  /** Both ways, and where the batched way's time went; {@code warmUp} products each ran untimed. */
  public record Report(
      int warmUp, Way naive, Way batched, ClassifyJob.Timings batchedTimings, int workers) {
    public double ratio() {
      return batched.docsPerSecond() / naive.docsPerSecond();
    }

    public String breakdownLine() {
      return "batched breakdown: " + batchedTimings.line(workers);
    }
  }

  private final Firestore db;
  private final ProductClassifier classifier;

  public Bench(Firestore db, ProductClassifier classifier) {
    this.db = db;
    this.classifier = classifier;
  }

  /**
   * Products each way runs on, untimed, before either is timed. Whichever way is timed second would
   * otherwise run on a client and an emulator whose code the first way had already JIT-compiled.
   */
  static final int WARM_UP = 1000;

  public Report run(List<Product> source, int count, String collectionPrefix) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, found " + count);
    }
    Seeder seeder = new Seeder(db);
    int warm = Math.min(count, WARM_UP);
    seeder.seed(collectionPrefix + "-warm-naive", source, warm);
    seeder.seed(collectionPrefix + "-warm-batched", source, warm);
    naive(collectionPrefix + "-warm-naive");
    batched(collectionPrefix + "-warm-batched");

    String naiveCollection = collectionPrefix + "-naive";
    String batchedCollection = collectionPrefix + "-batched";
    seeder.seed(naiveCollection, source, count);
    seeder.seed(batchedCollection, source, count);

    long start = System.nanoTime();
    long written = naive(naiveCollection);
    Duration naiveTime = Duration.ofNanos(System.nanoTime() - start);
    Way naive = new Way("naive", written, naiveTime, Census.of(db, naiveCollection));

    ClassifyJob.Result r = batched(batchedCollection);
    Way batched =
        new Way("batched", r.categorised(), r.elapsed(), Census.of(db, batchedCollection));
    return new Report(
        warm, naive, batched, r.timings(), ClassifyJob.Settings.defaults().parallelCommits());
  }

  /** The production job with its default settings, as {@code classify} runs it. */
  private ClassifyJob.Result batched(String collection) {
    return new ClassifyJob(
            db,
            classifier,
            ClassifyJob.Settings.defaults().withCollection(collection),
            ClassifyJob.Progress.NONE)
        .run();
  }

  /**
   * The book's loop, kept as plain as it was: read everything, then one awaited update per product.
   */
  private long naive(String collection) {
    long written = 0;
    for (QueryDocumentSnapshot doc :
        Rpc.await(db.collection(collection).get(), "reading products").getDocuments()) {
      var prediction = classifier.predict(ProductFields.text(doc));
      if (prediction.isPresent()) {
        Rpc.await(
            doc.getReference().update(ProductFields.CATEGORIA, prediction.get().category()),
            "writing a category");
        written++;
      }
    }
    return written;
  }
}
