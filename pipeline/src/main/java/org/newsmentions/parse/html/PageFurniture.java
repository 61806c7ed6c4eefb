package org.newsmentions.parse.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines that sit inside a page's article container but are the site's, not the article's, told by
 * what they say: reading times and view counts, category and tag labels, author bios, licence and
 * reprint notices, sharing and newsletter prompts. They are cut only from the two ends of the main
 * text (at most {@value #MAX_LEADING} blocks at the start, {@value #MAX_TRAILING} at the end,
 * stopping at the first line that is not furniture), where such lines gather; a sentence in the
 * middle of the article that happens to match is never touched.
 *
 * <p>The rules are one table of patterns ({@link #RULES}), each a short line's whole shape, in the
 * languages of the pages measured (English, German, French, Spanish, Italian).
 */
final class PageFurniture {
  static final int MAX_LEADING = 3;
  static final int MAX_TRAILING = 8;

  /** Furniture lines are short: a longer block is article text whatever it says. */
  static final int MAX_CHARS = 200;

  /** One kind of furniture: its name (for tests and docs) and the line shape that marks it. */
  record Rule(String name, Pattern line) {}

  static final List<Rule> RULES =
      List.of(
          rule(
              "reading time",
              "^(?:\\d+\\s*(?:min(?:ute)?s?\\.?|minuten?)\\s+(?:read|lesezeit|lesen|de lecture|de lectura)|(?:lesezeit|reading time|temps de lecture|tiempo de lectura)\\s*:?\\s*\\d+.*)$"),
          rule(
              "views and comments count",
              "^(?:aufrufe|views|vues|visitas|visualizzazioni|kommentare|comments|commentaires|comentarios)\\s*:?\\s*\\d[\\d.,]*$"),
          rule(
              "category or tag label",
              "^(?:kategorie|kategorien|category|categories|catégorie|categoría|categoria|tags?|schlagw[öo]rter|themen|topics|mots-clés|etiquetas)\\s*:.*$"),
          rule(
              "author bio",
              "^\\p{Lu}[\\p{L}.'-]+(?:\\s+\\p{Lu}[\\p{L}.'-]+){0,3}\\s+(?:is|was)\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,4}(?:writer|reporter|editor|correspondent|journalist|contributor|columnist|expert|producer|author)\\b.*$"),
          rule(
              "licence or reprint notice",
              "^.*\\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|written permission|reprint|nachdruck|unless otherwise (?:stated|noted)|licensed under|creative commons)\\b.*$"),
          rule(
              "sharing prompt",
              "^(?:share|teilen|partager|compartir|condividi)\\b.{0,60}$|^.{0,40}\\b(?:mit anderen teilen|share this (?:article|story|post))\\b.*$"),
          rule(
              "newsletter prompt",
              "^.{0,80}\\b(?:newsletter|abonnieren|subscribe|inscrivez-vous|suscríbete)\\b.{0,80}$"),
          rule(
              "related heading",
              "^(?:notas relacionadas|related (?:articles|stories|posts|news)|mehr zum thema|ähnliche artikel|à lire aussi|lesen sie auch|leggi anche|te puede interesar)\\s*:?$"));

  private static Rule rule(String name, String regex) {
    return new Rule(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  private PageFurniture() {}

  /** The rule a line matches, or null when it is not furniture. */
  static Rule match(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.length() > MAX_CHARS) {
      return null;
    }
    for (Rule r : RULES) {
      if (r.line().matcher(t).matches()) {
        return r;
      }
    }
    return null;
  }

  /** The blocks without the furniture at their two ends. */
  static List<String> trim(List<String> blocks) {
    int start = 0;
    while (start < Math.min(MAX_LEADING, blocks.size()) && match(blocks.get(start)) != null) {
      start++;
    }
    int end = blocks.size();
    while (end > start
        && blocks.size() - end < MAX_TRAILING
        && match(blocks.get(end - 1)) != null) {
      end--;
    }
    return start == 0 && end == blocks.size()
        ? blocks
        : new ArrayList<>(blocks.subList(start, end));
  }
}
