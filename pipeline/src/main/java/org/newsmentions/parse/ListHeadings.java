package org.newsmentions.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Headings that open the parts of a page beside the article, in the languages of the pages read, as
 * tables: where reader comments begin (the article ends there), and lists of other articles
 * ("Related", "Read also"). A heading is compared whole, lower-cased, without counts ("12
 * Kommentare", "Comments (3)") or a final colon, so a sentence that mentions comments is no
 * heading. The English ones are also in {@link ArticleTextCleaner}'s LIST_HEADING expression.
 */
final class ListHeadings {
  private ListHeadings() {}

  /** Headings and prompts that start the comments: en, de, fr, es, it, pt, nl, sv/da/no, ru. */
  static final List<String> COMMENTS =
      List.of(
          "comments",
          "comment",
          "leave a reply",
          "leave a comment",
          "reader comments",
          "kommentare",
          "kommentar",
          "leserkommentare",
          "schreibe einen kommentar",
          "hinterlasse einen kommentar",
          "hinterlasse jetzt einen kommentar",
          "kommentar schreiben",
          "kommentare anzeigen",
          "diskussion",
          "commentaires",
          "commentaire",
          "laisser un commentaire",
          "réagir",
          "comentarios",
          "comentario",
          "deja un comentario",
          "deja tu comentario",
          "commenti",
          "commento",
          "lascia un commento",
          "comentários",
          "comentário",
          "deixe um comentário",
          "reacties",
          "reactie",
          "laat een reactie achter",
          "kommentarer",
          "комментарии",
          "комментарий");

  /** Headings of lists of other articles, same languages. */
  static final List<String> RELATED =
      List.of(
          "das könnte sie auch interessieren",
          "das könnte dich auch interessieren",
          "das könnte sie interessieren",
          "auch interessant",
          "ähnliche artikel",
          "ähnliche beiträge",
          "verwandte artikel",
          "weitere artikel",
          "weitere beiträge",
          "mehr zum thema",
          "mehr zum thema:",
          "lesen sie auch",
          "lies auch",
          "auch lesenswert",
          "neueste beiträge",
          "neueste artikel",
          "aktuelle beiträge",
          "meistgelesen",
          "meistgelesene artikel",
          "empfehlungen der redaktion",
          "empfehlungen aus der redaktion",
          "weitere nachrichten",
          "top-themen",
          "zum thema",
          "articles similaires",
          "articles liés",
          "à lire aussi",
          "a lire aussi",
          "lire aussi",
          "sur le même sujet",
          "les plus lus",
          "dans la même rubrique",
          "artículos relacionados",
          "noticias relacionadas",
          "te puede interesar",
          "también te puede interesar",
          "lo más leído",
          "más noticias",
          "leggi anche",
          "articoli correlati",
          "potrebbe interessarti",
          "i più letti",
          "leia também",
          "leia mais",
          "notícias relacionadas",
          "mais lidas",
          "gerelateerde artikelen",
          "lees ook",
          "meest gelezen",
          "läs också",
          "relaterade artiklar",
          "читайте также",
          "похожие статьи");

  private static final Pattern COUNTS = Pattern.compile("\\(?\\d[\\d.,]*\\)?");
  private static final Pattern EDGES =
      Pattern.compile("^[\\s\\p{Punct}»›>|•·]+|[\\s\\p{Punct}»›>|•·]+$");

  // After COUNTS and EDGES, which key() needs.
  private static final Set<String> COMMENT_SET = normalized(COMMENTS);
  private static final Set<String> RELATED_SET = normalized(RELATED);

  /** Headings this long at most are compared. */
  static final int MAX_WORDS = 6;

  static boolean isComments(String line) {
    return COMMENT_SET.contains(key(line));
  }

  static boolean isRelated(String line) {
    return RELATED_SET.contains(key(line));
  }

  static String key(String line) {
    String k = COUNTS.matcher(line.toLowerCase(Locale.ROOT)).replaceAll(" ");
    k = EDGES.matcher(k.strip()).replaceAll("");
    return ArticleTextCleaner.normalizeLine(k);
  }

  private static Set<String> normalized(List<String> words) {
    return words.stream().map(ListHeadings::key).collect(Collectors.toUnmodifiableSet());
  }
}
