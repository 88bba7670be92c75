/**
 * The Tribuo model: products to examples (the feature set each trainer reads), the choice of
 * trainer by k-fold cross-validation on the training data, training, held-out evaluation, saving
 * and loading with provenance (which data, which trainer and settings and why it was chosen, which
 * split seed, which features and text normaliser), and prediction for one text.
 */
package dev.workbench.classifier.model;
