package dev.workbench.classifier.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import dev.workbench.classifier.TestData;
import dev.workbench.classifier.data.Product;
import dev.workbench.classifier.data.Split;
import dev.workbench.classifier.model.ProductClassifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/** Helpers the emulator tests share: the model, held-out products, and a look at every document. */
final class EmulatorFixture {
  static final String PROJECT = "demo-classifier-it";

  /** A document's category and the time it was last written: a rewrite changes the time. */
  record Seen(String categoria, Timestamp updated) {}

  private EmulatorFixture() {}

  static ProductClassifier classifier() {
    return TestData.shippedModel().classifier();
  }

  static List<Product> heldOut() {
    return Split.of(TestData.shippedTable().rows(), 0.2, 42).test();
  }

  static Map<String, Seen> snapshot(Firestore db, String collection)
      throws ExecutionException, InterruptedException {
    Map<String, Seen> seen = new TreeMap<>();
    for (QueryDocumentSnapshot d :
        db.collection(collection).orderBy(FieldPath.documentId()).get().get()) {
      Object c = d.get("categoria");
      seen.put(d.getId(), new Seen(c instanceof String s ? s : null, d.getUpdateTime()));
    }
    return seen;
  }

  static boolean categorised(Seen s) {
    return s.categoria() != null && !s.categoria().isBlank();
  }

  /** Products the model can predict: the only ones the job can categorise. */
  static long predictable(Firestore db, String collection)
      throws ExecutionException, InterruptedException {
    ProductClassifier c = classifier();
    return db.collection(collection).get().get().getDocuments().stream()
        .filter(d -> c.predict(ProductFields.text(d)).isPresent())
        .count();
  }
}
