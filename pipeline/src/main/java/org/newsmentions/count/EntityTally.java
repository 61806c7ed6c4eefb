package org.newsmentions.count;

/**
 * The counts of one entity over a set of kept stories.
 *
 * @param mentions sum of mentions over kept articles
 * @param articles kept articles that mention the entity
 * @param copies copies of those articles' stories, kept copies included
 * @param outlets distinct outlets over those copies
 */
public record EntityTally(
    String id, String name, String type, long mentions, long articles, long copies, long outlets) {}
