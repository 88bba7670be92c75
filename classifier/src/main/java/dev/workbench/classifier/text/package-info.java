/**
 * Portuguese text to tokens: lower case, accents folded, stop words dropped, optional bigrams. The
 * model stores the settings it was trained with so prediction normalises text the very same way.
 */
package dev.workbench.classifier.text;
