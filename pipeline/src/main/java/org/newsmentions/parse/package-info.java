/**
 * Parsing of scraped news records into {@link org.newsmentions.schema.Article}s, in plain Java with
 * no Beam types so it can be tested and benchmarked on its own.
 *
 * <p>{@link org.newsmentions.parse.ArticleParser} is the entry point. It decodes the bytes ({@link
 * org.newsmentions.parse.TextDecoder}), reads a news-please JSON line or a scraper's raw text,
 * separates title and body from boilerplate ({@code ArticleTextCleaner}, {@code InlineTeasers}),
 * finds the publication date ({@link org.newsmentions.parse.PublicationDateExtractor}) and the
 * outlet ({@link org.newsmentions.parse.OutletResolver}), and gives the article a stable id ({@link
 * org.newsmentions.parse.ArticleIds}). Records that cannot be articles raise {@link
 * org.newsmentions.parse.BadArticleException} with a short reason for the dead-letter sink.
 */
package org.newsmentions.parse;
