package org.newsmentions.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsmentions.parse.ArticleTextCleaner.Cleaned;

/**
 * Cleans text a scraper has already extracted as the article (news-please's {@code maintext}).
 *
 * <p>That text is the article: its tables, squads, lists, datelines and short lines are part of it,
 * so none of the line heuristics written for raw page dumps ({@link ArticleTextCleaner}) apply.
 * Only what a scraper leaves inside the article's own container is taken out: "Also read | ..."
 * teasers (whole lines, or glued into paragraphs), short calls to action on their own line ("Follow
 * us on Telegram", "Advertisement", "Read all comments"), and repeats (a paragraph that is the
 * title again, or a paragraph seen before).
 */
final class ScraperText {

  /** A call to action is a line of at most this many words. */
  static final int MAX_PROMPT_WORDS = 12;

  /** "Join Harbour Line on Telegram": an invitation to the site's channel on a network. */
  static final Pattern CHANNEL_INVITE =
      Pattern.compile(
          "^(?i:follow|join|subscribe\\s+to|find|watch)\\b.{0,60}\\b(?i:telegram|whatsapp|facebook"
              + "|twitter|instagram|youtube|tiktok|linkedin|threads|bluesky|google\\s+news)\\b");

  private ScraperText() {}

  /**
   * The clean text of a scraper's article.
   *
   * @param maintext the extracted text; a line is a paragraph
   * @param title the scraper's title, or "" when it has none
   */
  static Cleaned clean(String maintext, String title) {
    String cleanTitle = ArticleTextCleaner.normalizeLine(title);
    String titleKey = ArticleTextCleaner.key(cleanTitle);
    List<String> lines = ArticleTextCleaner.lines(maintext);
    List<String> paragraphs = new ArrayList<>(lines.size());
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      String p = InlineTeasers.cut(line);
      if (p.isEmpty() || isPrompt(p)) {
        continue;
      }
      String k = ArticleTextCleaner.key(p);
      if ((!titleKey.isEmpty() && k.equals(titleKey)) || !seen.add(k)) {
        continue;
      }
      paragraphs.add(p);
    }
    String first = lines.isEmpty() ? null : lines.get(0);
    return new Cleaned(cleanTitle, List.copyOf(paragraphs), first, lines, lines);
  }

  /** A short line that asks the reader to do something: the site's, not the article's. */
  static boolean isPrompt(String line) {
    return ArticleTextCleaner.words(line) <= MAX_PROMPT_WORDS
        && (ArticleTextCleaner.SOCIAL.matcher(line).find()
            || ArticleTextCleaner.ADVERT.matcher(line).find()
            || CHANNEL_INVITE.matcher(line).find());
  }
}
