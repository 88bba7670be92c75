package dev.workbench.classifier.model;

/** A predicted category and the model's score for it (a probability for both trainers offered). */
public record CategoryPrediction(String category, double score) {}
