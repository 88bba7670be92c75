/**
 * The Tribuo model: products to examples, training with a chosen trainer, held-out evaluation,
 * saving and loading with provenance (which data, which trainer and settings, which split seed, which
 * text normaliser), and prediction for one text.
 */
package dev.workbench.classifier.model;
