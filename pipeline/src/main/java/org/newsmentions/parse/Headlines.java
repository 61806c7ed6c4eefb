package org.newsmentions.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the headline of a page dumped as text, where 30-150 lines of menus, skip links, site names
 * and teasers may stand above it. A headline is a line shaped like one that the article's own
 * paragraphs follow closely and that shares words with them: a menu entry, a skip link or the
 * owner's name ("Skip to main content", "Dow Jones, a News Corp company") is followed by more menu,
 * not by prose that repeats its words.
 *
 * <p>The caller decides the shapes (which lines could be a headline, which are article prose); this
 * class only scores positions, so it knows no language and no site.
 */
final class Headlines {
  private Headlines() {}

  /** Prose paragraphs at most this many lines apart are one stretch of text. */
  static final int STRETCH_GAP = 20;

  /** How many prose paragraphs at the start of the article are its lead. */
  static final int LEAD_PARAGRAPHS = 4;

  /** A headline shares at least this part of its words with the lead. */
  static final double MIN_SHARED = 0.25;

  /** A headline of fewer compared tokens than this is more likely a kicker or a label. */
  static final int FULL_HEADLINE_TOKENS = 4;

  /** Score lost for each line between a candidate and the article's first paragraph. */
  static final double DISTANCE_COST = 0.002;

  /** How many lines above the best candidate a headline may stand over its standfirst. */
  static final int ABOVE = 5;

  /** The part of the best candidate's score that a headline above it needs. */
  static final double ABOVE_SHARE = 0.7;

  /** Tokens of fewer letters are mostly function words; they are not compared. */
  private static final int MIN_TOKEN = 4;

  /**
   * The index of the headline, or -1 when none is found. The article is a long stretch of prose
   * (paragraphs at most {@value #STRETCH_GAP} lines apart; see {@link #articleStart}); its headline
   * is the candidate above it, at most {@code limit} lines above, that shares most words with its
   * first {@value #LEAD_PARAGRAPHS} paragraphs, the nearer one on a tie. A candidate right after
   * prose is a subheading of some text, not a headline.
   *
   * @param texts the page's lines (blocks) in order
   * @param candidate whether each line is shaped like a headline
   * @param proseWords the words of each line that is prose (long, ending a sentence), else 0
   * @param limit how far above the article the headline may be
   */
  static int pick(List<String> texts, boolean[] candidate, int[] proseWords, int limit) {
    int n = texts.size();
    int start = articleStart(proseWords);
    if (start < 0) {
      return -1;
    }
    StringBuilder lead = new StringBuilder();
    for (int j = start, k = 0; j < n && k < LEAD_PARAGRAPHS; j++) {
      if (proseWords[j] > 0) {
        lead.append(texts.get(j)).append(' ');
        k++;
      }
    }
    Set<String> leadTokens = tokens(lead.toString());
    int best = -1;
    double bestScore = 0;
    double[] scores = new double[start];
    for (int i = start - 1; i >= 0 && i >= start - limit; i--) {
      if (!candidate[i] || i >= 1 && proseWords[i - 1] > 0 || i >= 2 && proseWords[i - 2] > 0) {
        continue;
      }
      Set<String> words = tokens(texts.get(i));
      double shared = shared(words, leadTokens);
      if (shared < MIN_SHARED) {
        continue;
      }
      double score =
          shared * Math.min(1.0, words.size() / (double) FULL_HEADLINE_TOKENS)
              - DISTANCE_COST * (start - i - 1);
      scores[i] = score;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    // A headline comes first: a candidate a few lines above the best one that shares nearly as
    // many words with the lead is the headline, and the best one its standfirst or a caption.
    for (boolean moved = true; moved && best > 0; ) {
      moved = false;
      for (int j = best - 1; j >= Math.max(0, best - ABOVE); j--) {
        if (scores[j] >= ABOVE_SHARE * scores[best]) {
          best = j;
          moved = true;
          break;
        }
      }
    }
    return best;
  }

  /**
   * The first paragraph of the article: of the first stretch of prose with at least {@value
   * #MAIN_STRETCH} of the words of the longest stretch (reader comments, which may be longer, come
   * after the article). -1 if there is no prose.
   */
  static int articleStart(int[] proseWords) {
    List<int[]> stretches = new ArrayList<>(); // {start, words}
    int last = -1;
    for (int i = 0; i < proseWords.length; i++) {
      if (proseWords[i] == 0) {
        continue;
      }
      if (last < 0 || i - last > STRETCH_GAP) {
        stretches.add(new int[] {i, 0});
      }
      stretches.get(stretches.size() - 1)[1] += proseWords[i];
      last = i;
    }
    int most = 0;
    for (int[] s : stretches) {
      most = Math.max(most, s[1]);
    }
    for (int[] s : stretches) {
      if (s[1] >= MAIN_STRETCH * most) {
        return s[0];
      }
    }
    return -1;
  }

  /** A stretch of prose with this part of the longest one's words may be the article. */
  static final double MAIN_STRETCH = 0.5;

  /**
   * The part of the headline's tokens found in the lead: words of {@value #MIN_TOKEN} letters or
   * more, lower-cased; in scripts without spaces, pairs of characters.
   */
  static double shared(Set<String> tokens, Set<String> leadTokens) {
    if (tokens.isEmpty()) {
      return 0;
    }
    int in = 0;
    for (String t : tokens) {
      if (leadTokens.contains(t) || t.length() >= 6 && containsStem(leadTokens, t)) {
        in++;
      }
    }
    return (double) in / tokens.size();
  }

  /** Inflected forms: the lead has a word sharing the token's first five letters and more. */
  private static boolean containsStem(Set<String> lead, String t) {
    String stem = t.substring(0, 5);
    for (String l : lead) {
      if (l.length() >= 6 && l.startsWith(stem)) {
        return true;
      }
    }
    return false;
  }

  static Set<String> tokens(String s) {
    Set<String> out = new HashSet<>();
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder word = new StringBuilder();
    char prevUnspaced = 0;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      if (ArticleTextCleaner.isUnspacedScript(c)) {
        if (prevUnspaced != 0) {
          out.add("" + prevUnspaced + c);
        }
        prevUnspaced = c;
        flush(word, out);
        continue;
      }
      prevUnspaced = 0;
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else {
        flush(word, out);
      }
    }
    return out;
  }

  private static void flush(StringBuilder word, Set<String> out) {
    if (word.length() >= MIN_TOKEN) {
      out.add(word.toString());
    }
    word.setLength(0);
  }
}
