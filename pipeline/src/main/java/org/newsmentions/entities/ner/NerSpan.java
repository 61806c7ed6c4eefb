package org.newsmentions.entities.ner;

/** A recognised name: tokens {@code first..last} (inclusive) and its type. */
public record NerSpan(int first, int last, NerType type) {}
