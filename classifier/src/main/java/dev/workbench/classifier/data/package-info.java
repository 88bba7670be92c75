/**
 * Products as data: the CSV format of the training set ({@code nome;descricao;categoria}), reading
 * it with the rows that cannot be used counted, and the deterministic train/held-out split that
 * both {@code train} and {@code seed} rely on.
 */
package dev.workbench.classifier.data;
