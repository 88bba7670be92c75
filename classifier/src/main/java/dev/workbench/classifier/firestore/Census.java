package dev.workbench.classifier.firestore;

import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.util.List;

/**
 * Counts a collection's products, and how many carry a category: the benchmark's and tests' check.
 */
public final class Census {
  public record Counts(long products, long categorised) {}

  private Census() {}

  public static Counts of(Firestore db, String collection) {
    long products = 0;
    long categorised = 0;
    String after = null;
    while (true) {
      Query q =
          db.collection(collection)
              .select(ProductFields.CATEGORIA)
              .orderBy(FieldPath.documentId())
              .limit(1000);
      List<QueryDocumentSnapshot> page =
          Rpc.await((after == null ? q : q.startAfter(after)).get(), "counting products")
              .getDocuments();
      if (page.isEmpty()) {
        return new Counts(products, categorised);
      }
      after = page.get(page.size() - 1).getId();
      for (QueryDocumentSnapshot doc : page) {
        products++;
        if (!ProductFields.uncategorised(doc)) {
          categorised++;
        }
      }
    }
  }
}
