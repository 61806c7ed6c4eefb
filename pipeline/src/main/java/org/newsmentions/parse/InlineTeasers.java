package org.newsmentions.parse;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts "Also read | ..." style teasers out of a paragraph.
 *
 * <p>Scrapers that flatten a page into one line leave the teaser's headline glued to the next
 * sentence of the article. The headline is taken to end at a sentence end, or where a capitalised
 * word follows a lowercase content word ("... by the bodyguard Flood warnings issued"): in running
 * text a capital after a lowercase noun or verb starts a new sentence or heading, while a capital
 * after a function word ("of Maria") is still inside the headline. A teaser at the end of the
 * paragraph runs to the end.
 */
final class InlineTeasers {

  /** A paragraph led by a teaser marker and at most this long is all teaser. */
  static final int MAX_TEASER_LINE_WORDS = 30;

  /** Teaser markers that may be followed by a headline directly, or by a separator. */
  private static final String STRONG =
      "(?i:also\\s+read|read\\s+also|read\\s+more|must\\s+read|see\\s+also|don'?t\\s+miss)";

  /** Markers that are ordinary words unless a separator follows. */
  private static final String WEAK = "(?i:related|read|more|watch|video|also\\s+see)";

  static final Pattern MARKER =
      Pattern.compile(
          "(?:^|(?<=[.!?\"”’)\\]])\\s+|\\s{2,})(?<m>(?:"
              + STRONG
              + "(?:\\s*[|:»>›–—-]+\\s*|\\s+(?=[\\p{Lu}\"“‘']))"
              + "|"
              + WEAK
              + "\\s*[|:»›]+\\s*))");

  /** Every alternative of MARKER spells out one of these words (a cheap test before it). */
  static final LiteralScanner MARKER_WORDS =
      new LiteralScanner(
          List.of(List.of("read", "see", "miss", "related", "more", "watch", "video")));

  /** A teaser headline whose first this many words are capitalised is in Title Case. */
  static final int TITLE_CASE_LEAD = 4;

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern TOKEN = Pattern.compile("\\S+");
  private static final Pattern LOWER_WORD = Pattern.compile("^\\p{Ll}[\\p{Ll}'’-]*$");
  private static final Pattern ABBREVIATION =
      Pattern.compile(
          "^(?:(?:\\p{L}\\.){1,4}|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|St\\.|Jr\\.|Sr\\.|vs\\.|No\\.)$");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’')\\]]*$");

  /** Function words: a capital after one of these is still inside the teaser's headline. */
  static final Set<String> FUNCTION_WORDS =
      Set.of(
          "of", "the", "in", "on", "at", "by", "for", "to", "a", "an", "and", "or", "with", "from",
          "as", "is", "are", "was", "were", "be", "into", "onto", "over", "after", "before",
          "about", "amid", "against", "between", "than", "that", "but", "nor", "its", "his", "her",
          "their", "our", "has", "have", "had", "will", "would", "can", "could", "not", "vs", "via",
          "per");

  private InlineTeasers() {}

  /** The paragraph with its teasers cut out; empty when the paragraph is only a teaser. */
  static String cut(String paragraph) {
    if (MARKER_WORDS.scan(paragraph) == 0) {
      return paragraph.strip(); // no marker word, so MARKER cannot match
    }
    Matcher m = MARKER.matcher(paragraph);
    if (!m.find()) {
      return paragraph.strip();
    }
    if (m.start("m") == 0 && isShortLine(paragraph)) {
      return "";
    }
    StringBuilder out = new StringBuilder(paragraph.length());
    int from = 0;
    do {
      append(out, paragraph.substring(from, m.start("m")));
      from = headlineEnd(paragraph, m.end("m"));
    } while (from < paragraph.length() && m.find(from));
    append(out, paragraph.substring(from));
    return out.toString();
  }

  private static void append(StringBuilder out, String piece) {
    String p = piece.strip();
    if (p.isEmpty()) {
      return;
    }
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(p);
  }

  private static boolean isShortLine(String text) {
    String[] words = SPACES.split(text.strip());
    if (words.length > MAX_TEASER_LINE_WORDS) {
      return false;
    }
    for (int i = 0; i < words.length - 1; i++) {
      if (isSentenceEnd(words[i]) && startsUpper(words[i + 1])) {
        return false;
      }
    }
    return true;
  }

  /** Where the teaser's headline that starts at {@code from} ends. */
  static int headlineEnd(String text, int from) {
    int titleCaseEnd = titleCaseHeadlineEnd(text, from);
    if (titleCaseEnd >= 0) {
      return titleCaseEnd;
    }
    Matcher t = TOKEN.matcher(text);
    t.region(from, text.length());
    String prev = null;
    int prevEnd = from;
    while (t.find()) {
      String tok = t.group();
      if (prev != null && startsUpper(tok)) {
        if (isSentenceEnd(prev)) {
          return prevEnd;
        }
        if (LOWER_WORD.matcher(prev).matches() && !FUNCTION_WORDS.contains(prev)) {
          return prevEnd;
        }
      }
      prev = tok;
      prevEnd = t.end();
    }
    return text.length();
  }

  /**
   * A headline in Title Case ("Stork Builds Its Nest On A Traffic Light") capitalises its every
   * content word, so the article resumes with the capitalised word just before the first lowercase
   * content word ("... Light Officials said" resumes at "Officials"; "... Light Energy and trade
   * The" at "Energy"). Returns that offset, or -1 when the headline is not in Title Case (its first
   * {@value #TITLE_CASE_LEAD} words, after a "Video:" style label, are not all capitalised: a
   * sentence-case headline may open with a three-word name) or no lowercase content word follows.
   */
  static int titleCaseHeadlineEnd(String text, int from) {
    Matcher t = TOKEN.matcher(text);
    t.region(from, text.length());
    int index = 0;
    int capitalised = 0;
    int lastCapStart = -1;
    int lastCapIndex = -1;
    String prev = null;
    int prevEnd = from;
    while (t.find()) {
      String tok = t.group();
      boolean upper = startsUpper(tok);
      if (index == 0 && upper && tok.endsWith(":")) {
        prevEnd = t.end(); // a "Video:" label before the headline
        continue;
      }
      if (index < TITLE_CASE_LEAD) {
        if (!upper) {
          return -1;
        }
        capitalised++;
      } else if (prev != null && upper && isSentenceEnd(prev)) {
        return prevEnd;
      } else if (LOWER_WORD.matcher(tok).matches() && !FUNCTION_WORDS.contains(tok)) {
        return lastCapIndex >= TITLE_CASE_LEAD - 1 ? lastCapStart : -1;
      }
      if (upper) {
        lastCapStart = t.start();
        lastCapIndex = index;
      }
      prev = tok;
      prevEnd = t.end();
      index++;
    }
    return capitalised >= TITLE_CASE_LEAD ? text.length() : -1;
  }

  private static boolean isSentenceEnd(String tok) {
    return SENTENCE_END.matcher(tok).find() && !ABBREVIATION.matcher(tok).matches();
  }

  private static boolean startsUpper(String tok) {
    for (int i = 0; i < tok.length(); i++) {
      char c = tok.charAt(i);
      if (Character.isLetter(c)) {
        return Character.isUpperCase(c);
      }
      if (Character.isDigit(c)) {
        return false;
      }
    }
    return false;
  }
}
