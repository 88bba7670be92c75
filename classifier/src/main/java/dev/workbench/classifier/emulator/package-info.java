/**
 * The Cloud Firestore emulator as a host process: found through the Cloud SDK, started on a free
 * port, awaited until {@code GET /} answers {@code Ok}, exported, killed. Used by {@code bench}
 * when no emulator is given, and by the integration tests.
 */
package dev.workbench.classifier.emulator;
