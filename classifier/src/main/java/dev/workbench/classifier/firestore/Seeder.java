package dev.workbench.classifier.firestore;

import com.google.api.core.ApiFuture;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import com.google.cloud.firestore.WriteResult;
import dev.workbench.classifier.data.Product;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts uncategorised products in a collection, drawn in order from the given products (the part of
 * the dataset the model was not trained on), cycling with a " (2)", " (3)"... suffix when more are
 * asked for. Half are written without {@code categoria} and half with {@code categoria: ""}: real
 * data has both and the job must handle both.
 */
public final class Seeder {
  private final Firestore db;

  public Seeder(Firestore db) {
    this.db = db;
  }

  public int seed(String collection, List<Product> source, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, found " + count);
    }
    if (source.isEmpty() && count > 0) {
      throw new IllegalArgumentException("no products to seed from");
    }
    CollectionReference products = db.collection(collection);
    List<ApiFuture<List<WriteResult>>> commits = new ArrayList<>();
    WriteBatch batch = db.batch();
    int inBatch = 0;
    for (int i = 0; i < count; i++) {
      Product p = source.get(i % source.size());
      int round = i / source.size() + 1;
      Map<String, Object> doc = new HashMap<>();
      doc.put(ProductFields.NOME, round == 1 ? p.nome() : p.nome() + " (" + round + ")");
      doc.put(ProductFields.DESCRICAO, p.descricao());
      if (i % 2 == 1) {
        doc.put(ProductFields.CATEGORIA, "");
      }
      batch.set(products.document(), doc);
      if (++inBatch == ClassifyJob.Settings.MAX_BATCH) {
        commits.add(batch.commit());
        batch = db.batch();
        inBatch = 0;
      }
    }
    if (inBatch > 0) {
      commits.add(batch.commit());
    }
    commits.forEach(c -> Rpc.await(c, "seeding products"));
    return count;
  }
}
