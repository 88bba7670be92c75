/**
 * The {@code classifier} command line (picocli): train, evaluate, predict and info work on files;
 * classify, seed, clear-categories and bench work on Firestore. Every failure ends as one line on
 * stderr and a non-zero exit, mapped in {@link dev.workbench.classifier.cli.ClassifierCli}.
 */
package dev.workbench.classifier.cli;
