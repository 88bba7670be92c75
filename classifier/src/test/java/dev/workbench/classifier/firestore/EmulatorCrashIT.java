package dev.workbench.classifier.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.classifier.ClassifierError;
import dev.workbench.classifier.firestore.EmulatorFixture.Seen;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database dies in the middle of {@code classify}; the job is run again; every product ends up
 * categorised exactly once.
 *
 * <p>How the data survives: real Firestore keeps a committed write whatever happens next, but the
 * emulator keeps everything in memory and has no data directory. So when the fifth batch has
 * committed, the test takes a snapshot through the emulator's export endpoint (everything committed
 * up to that moment, written inside the emulator's container and copied out) and then kills the
 * container with SIGKILL, in the middle of the run, with more batches being read and written. A
 * fresh container is seeded from that snapshot, copied in ({@code --seed_from_export}). A batch
 * that committed between snapshot and kill is lost with the emulator, which is the harsher case for
 * the job: it must then categorise those products again on the rerun, and does.
 */
class EmulatorCrashIT {
  private static final String COLLECTION = "produtos";

  @TempDir Path exports;

  @Test
  void a_rerun_after_the_emulator_dies_mid_job_categorises_every_product_exactly_once()
      throws Exception {
    Path snapshot;
    long total = 3000;
    long predictable;
    try (EmulatorContainer first = EmulatorContainer.start();
        FirestoreConnection c =
            FirestoreConnection.open(
                FirestoreTarget.emulator(first.hostPort(), EmulatorFixture.PROJECT))) {
      new Seeder(c.db()).seed(COLLECTION, EmulatorFixture.heldOut(), (int) total);
      predictable = EmulatorFixture.predictable(c.db(), COLLECTION);
      AtomicInteger batches = new AtomicInteger();
      AtomicBoolean exported = new AtomicBoolean();
      ClassifyJob.Progress pullThePlug =
          (batch, sofar) -> {
            if (batches.incrementAndGet() == 5) {
              first.exportInside(EmulatorFixture.PROJECT);
              exported.set(true);
              first.kill();
            }
          };
      var settings =
          ClassifyJob.Settings.defaults()
              .withBatchSize(100)
              .withParallelCommits(2)
              .withPageSize(500);

      assertThatThrownBy(
              () ->
                  new ClassifyJob(c.db(), EmulatorFixture.classifier(), settings, pullThePlug)
                      .run())
          .isInstanceOf(ClassifierError.class)
          .hasMessageStartingWith("Firestore failed while");
      assertThat(exported).as("the snapshot taken before the kill").isTrue();
      snapshot = first.copyExportTo(exports);
    }

    try (EmulatorContainer second = EmulatorContainer.seededFrom(snapshot);
        FirestoreConnection c =
            FirestoreConnection.open(
                FirestoreTarget.emulator(second.hostPort(), EmulatorFixture.PROJECT))) {
      Map<String, Seen> atRestart = EmulatorFixture.snapshot(c.db(), COLLECTION);
      long doneBeforeCrash =
          atRestart.values().stream().filter(EmulatorFixture::categorised).count();
      assertThat(atRestart).hasSize((int) total);
      assertThat(doneBeforeCrash).isGreaterThanOrEqualTo(500).isLessThan(predictable);

      ClassifyJob.Result rerun =
          new ClassifyJob(
                  c.db(),
                  EmulatorFixture.classifier(),
                  ClassifyJob.Settings.defaults(),
                  ClassifyJob.Progress.NONE)
              .run();

      Map<String, Seen> after = EmulatorFixture.snapshot(c.db(), COLLECTION);
      assertThat(rerun.categorised()).isEqualTo(predictable - doneBeforeCrash);
      assertThat(after.values().stream().filter(EmulatorFixture::categorised).count())
          .isEqualTo(predictable);
      // Exactly once: what the crashed run wrote was not written again (same value, same update
      // time).
      atRestart.forEach(
          (id, seen) -> {
            if (EmulatorFixture.categorised(seen)) {
              assertThat(after.get(id)).as(id).isEqualTo(seen);
            }
          });

      ClassifyJob.Result third =
          new ClassifyJob(
                  c.db(),
                  EmulatorFixture.classifier(),
                  ClassifyJob.Settings.defaults(),
                  ClassifyJob.Progress.NONE)
              .run();
      assertThat(third.categorised()).isZero();
      assertThat(EmulatorFixture.snapshot(c.db(), COLLECTION)).isEqualTo(after);
    }
  }
}
