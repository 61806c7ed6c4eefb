/**
 * Entity extraction: which people, places and organisations an article mentions, and where.
 *
 * <p>{@link org.newsmentions.entities.Gazetteer} is the list of known entities (bundled TSV, or a
 * user's file in the same format, merged with {@code withOverrides}). {@link
 * org.newsmentions.entities.EntityExtractor} applies the counting rules of MENTIONS.md to one
 * article's title and body; {@link org.newsmentions.entities.OpenSetRecognizer} adds, by rules over
 * capitalisation and cue words, the people, organisations and places the gazetteer does not list
 * (ids {@code n:type:normalised-name}). None of them uses Beam types; a DoFn wraps the extractor.
 *
 * <h2>Matching rules</h2>
 *
 * <ul>
 *   <li>One pass over word tokens; at each token the longest gazetteer name starting there wins
 *       ("Nazi Germany", "North Korean", "South China Sea", "China National Petroleum Corporation"
 *       count only as themselves). A name may continue across spaces, one comma ("Washington,
 *       D.C."), a hyphen, or the dot after an initial or "St.", never across a line break.
 *   <li>Hyphenated compounds are split: "Russian-Chinese", "China-Russia", "U.S.-Japan" count each
 *       part. Dotted abbreviations ("U.S.", "U.K.") are one token.
 *   <li>Keys ignore case, accents (NFD), dots and apostrophes; possessive 's / ’s / s' is cut off
 *       and not part of the span.
 *   <li>Case: the first word of a match must be capitalised or all capitals; words the alias writes
 *       in lower case ("of", "bin", "state") may be either; an all-capitals alias (US, EU, UN, WHO)
 *       matches only in capitals. Lower-case text never starts a match.
 *   <li>A capitalised token that matches nothing and ends in s / es / ies is tried as a broken
 *       possessive or French plural of a single-word person or place name ("Xis", "XIS's",
 *       "Serbias", "Slovakies").
 *   <li>Names, aliases and demonyms are strong claims; surnames are weak and lose to a strong claim
 *       on the same words. A name claimed by several entries, or marked {@code ~}, counts only when
 *       exactly one of its claimants is also named unambiguously in the same text; otherwise it is
 *       not counted.
 *   <li>A surname preceded by its person's given name with one letter dropped ("Nicols Maduro")
 *       takes that word into the span.
 *   <li>Titles are not part of spans and bare titles name no one ("the Russian president" counts
 *       Russia only). IGNORE rows (events, landmarks) are matched and dropped.
 *   <li>Open-set names use only words no gazetteer name or alias claimed; they may take over a
 *       one-word demonym or shared surname inside them ("Zarichne Pole", "Korean Central News
 *       Agency", "Kadri Saar"). Discovered in the body when a cue gives their type, they are then
 *       counted everywhere in the article, with surname and suffix-less short forms.
 * </ul>
 *
 * <h2>Known gaps</h2>
 *
 * <ul>
 *   <li>Capitalised common words that are also names still match at the start of a sentence or in a
 *       headline ("Chad", "Jordan" as first names; "WHO" in an all-capitals headline).
 *   <li>Inside all-capitals runs an acronym that is also an English word is read as the word when a
 *       neighbouring capitalised word names nothing: "CONTACT US" is right, but "US SANCTIONS" in
 *       an all-capitals headline is missed too.
 *   <li>No coreference: pronouns and descriptions ("his host") are not resolved; a given name used
 *       alone ("Vladimir") is not a mention.
 *   <li>Names split by a line break, or written with punctuation other than the above inside, are
 *       not joined; a broken possessive of a multi-word name matches only its last word.
 *   <li>Open-set names without a type cue ("20 Airbus aircraft") are skipped; "X region" is read as
 *       X. See the README's "Entities" section.
 *   <li>Boilerplate and repeated paragraphs are removed by the parser, not here.
 * </ul>
 */
package org.newsmentions.entities;
