/**
 * The product classifier of the book's section 3.2, in Java: a Tribuo model trained on product
 * names and descriptions, and the production job that reads uncategorised products from Firestore,
 * predicts a category and writes it back.
 *
 * <p>Errors a user can cause or fix (missing file, bad CSV, unreachable Firestore) are {@link
 * dev.workbench.classifier.ClassifierError}s; the CLI turns them into one line on stderr.
 */
package dev.workbench.classifier;
