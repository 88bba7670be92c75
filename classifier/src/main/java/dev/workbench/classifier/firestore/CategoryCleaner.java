package dev.workbench.classifier.firestore;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteBatch;
import com.google.cloud.firestore.WriteResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The lesson's "clear the categories and run again": deletes {@code categoria} from every product.
 */
public final class CategoryCleaner {
  private final Firestore db;

  public CategoryCleaner(Firestore db) {
    this.db = db;
  }

  /** Returns how many products had the field. */
  public int clear(String collection) {
    int cleared = 0;
    String after = null;
    List<ApiFuture<List<WriteResult>>> commits = new ArrayList<>();
    while (true) {
      Query q =
          db.collection(collection)
              .select(ProductFields.CATEGORIA)
              .orderBy(FieldPath.documentId())
              .limit(ClassifyJob.Settings.MAX_BATCH);
      List<QueryDocumentSnapshot> page =
          Rpc.await((after == null ? q : q.startAfter(after)).get(), "reading products")
              .getDocuments();
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).getId();
      WriteBatch batch = db.batch();
      int inBatch = 0;
      for (QueryDocumentSnapshot doc : page) {
        if (doc.contains(ProductFields.CATEGORIA)) {
          batch.update(doc.getReference(), ProductFields.CATEGORIA, FieldValue.delete());
          inBatch++;
        }
      }
      if (inBatch > 0) {
        commits.add(batch.commit());
        cleared += inBatch;
      }
    }
    commits.forEach(c -> Rpc.await(c, "clearing categories"));
    return cleared;
  }
}
