package dev.workbench.classifier.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import dev.workbench.classifier.firestore.EmulatorFixture.Seen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job against a real Firestore emulator, in a container Testcontainers starts from the local
 * image.
 */
class ClassifyJobIT {
  private static EmulatorContainer emulator;
  private static FirestoreConnection connection;
  private static Firestore db;

  @BeforeAll
  static void start() {
    emulator = EmulatorContainer.start();
    connection =
        FirestoreConnection.open(
            FirestoreTarget.emulator(emulator.hostPort(), EmulatorFixture.PROJECT));
    db = connection.db();
  }

  @AfterAll
  static void stop() {
    if (connection != null) {
      connection.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  private static ClassifyJob.Result classify(String collection, ClassifyJob.Progress progress) {
    var settings = ClassifyJob.Settings.defaults().withCollection(collection).withBatchSize(100);
    return new ClassifyJob(db, EmulatorFixture.classifier(), settings, progress).run();
  }

  @Test
  void every_seeded_product_is_categorised_exactly_once_and_a_rerun_writes_nothing()
      throws Exception {
    new Seeder(db).seed("once", EmulatorFixture.heldOut(), 1200);
    long predictable = EmulatorFixture.predictable(db, "once");
    AtomicLong reported = new AtomicLong();

    ClassifyJob.Result first = classify("once", (batch, total) -> reported.addAndGet(batch));

    Map<String, Seen> after = EmulatorFixture.snapshot(db, "once");
    assertThat(first.read()).isEqualTo(1200);
    assertThat(first.categorised()).isEqualTo(predictable).isEqualTo(reported.get());
    assertThat(first.skipped()).isEqualTo(1200 - predictable);
    assertThat(after.values().stream().filter(EmulatorFixture::categorised).count())
        .isEqualTo(predictable);

    ClassifyJob.Result second = classify("once", ClassifyJob.Progress.NONE);

    assertThat(second.categorised()).isZero();
    assertThat(second.skipped()).isEqualTo(1200);
    assertThat(EmulatorFixture.snapshot(db, "once")).isEqualTo(after);
  }

  @Test
  void a_product_categorised_before_the_run_keeps_its_category_even_a_wrong_one() throws Exception {
    new Seeder(db).seed("kept", EmulatorFixture.heldOut(), 300);
    String id = EmulatorFixture.snapshot(db, "kept").keySet().iterator().next();
    db.collection("kept").document(id).update("categoria", "categoria-errada").get();
    Seen before = EmulatorFixture.snapshot(db, "kept").get(id);

    classify("kept", ClassifyJob.Progress.NONE);

    assertThat(EmulatorFixture.snapshot(db, "kept").get(id)).isEqualTo(before);
  }

  @Test
  void a_product_categorised_while_the_job_runs_is_not_rewritten_and_its_batch_still_lands()
      throws Exception {
    new Seeder(db).seed("race", EmulatorFixture.heldOut(), 1000);
    long predictable = EmulatorFixture.predictable(db, "race");
    List<String> ids = new ArrayList<>(EmulatorFixture.snapshot(db, "race").keySet());
    // Read in the job's first page, written in a later batch: someone categorises it in between.
    String contested = ids.get(550);
    AtomicBoolean done = new AtomicBoolean();
    ClassifyJob.Progress someoneElse =
        (batch, total) -> {
          if (done.compareAndSet(false, true)) {
            try {
              db.collection("race").document(contested).update("categoria", "revisado-a-mao").get();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        };
    var settings =
        ClassifyJob.Settings.defaults()
            .withCollection("race")
            .withBatchSize(100)
            .withParallelCommits(1);

    ClassifyJob.Result r =
        new ClassifyJob(db, EmulatorFixture.classifier(), settings, someoneElse).run();

    Map<String, Seen> after = EmulatorFixture.snapshot(db, "race");
    assertThat(after.get(contested).categoria()).isEqualTo("revisado-a-mao");
    assertThat(r.categorised()).isEqualTo(predictable - 1);
    assertThat(after.values().stream().filter(EmulatorFixture::categorised).count())
        .isEqualTo(predictable);
  }

  @Test
  void clear_categories_makes_every_product_uncategorised_again() throws Exception {
    new Seeder(db).seed("clear", EmulatorFixture.heldOut(), 400);
    classify("clear", ClassifyJob.Progress.NONE);

    new CategoryCleaner(db).clear("clear");

    assertThat(EmulatorFixture.snapshot(db, "clear").values())
        .noneMatch(EmulatorFixture::categorised);
    assertThat(Census.of(db, "clear")).isEqualTo(new Census.Counts(400, 0));
  }

  @Test
  void seeding_more_than_the_held_out_part_cycles_with_a_suffix() throws Exception {
    int heldOut = EmulatorFixture.heldOut().size();
    new Seeder(db).seed("cycle", EmulatorFixture.heldOut(), heldOut + 5);
    var names =
        db.collection("cycle").get().get().getDocuments().stream()
            .map(d -> d.getString("nome"))
            .toList();
    assertThat(names).hasSize(heldOut + 5).doesNotHaveDuplicates();
    assertThat(names.stream().filter(n -> n.endsWith(" (2)"))).hasSize(5);
  }
}
