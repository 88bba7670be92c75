/** The command line: serve, verify, lint, images and bench, one picocli command class each. */
package dev.workbench.cli;
