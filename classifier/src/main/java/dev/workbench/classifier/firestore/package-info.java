/**
 * Firestore through firebase-admin, as the book's job did: connecting (the emulator when {@code
 * FIRESTORE_EMULATOR_HOST} is set, else a service-account key named by {@code
 * GOOGLE_APPLICATION_CREDENTIALS}), the classify job itself, seeding products, clearing categories
 * and the naive-versus-batched benchmark.
 */
package dev.workbench.classifier.firestore;
