package dev.workbench.classifier.cli;

import dev.workbench.classifier.firestore.FirestoreConnection;
import dev.workbench.classifier.firestore.FirestoreTarget;
import picocli.CommandLine.Option;

/** What every Firestore command shares: the collection, and the connection from the environment. */
final class FirestoreOptions {
  @Option(
      names = "--collection",
      defaultValue = "produtos",
      description = "collection (default ${DEFAULT-VALUE})")
  String collection;

  FirestoreConnection connect() {
    return FirestoreConnection.open(FirestoreTarget.fromEnvironment(System.getenv()));
  }
}
