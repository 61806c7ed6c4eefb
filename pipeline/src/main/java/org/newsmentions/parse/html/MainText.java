package org.newsmentions.parse.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Finds a page's main text by its structure, in the manner of Readability: boilerplate containers
 * are removed by tag and by class/id hints, paragraph-like blocks give points to their parent and
 * grandparent, the container with the best score (weighted by its class/id hints and semantic tag,
 * and by how little of its text is link text) is the article, with the siblings that score nearly
 * as well. The article is then written out one block a line, leaving out link lists.
 *
 * <p>Mutates the document it is given (removes boilerplate), so metadata must be read first.
 */
final class MainText {
  private MainText() {}

  /** Never visible or never article text. */
  private static final String DROP_TAGS =
      "script, style, noscript, template, svg, iframe, object, embed, canvas, button, input,"
          + " select, textarea, link, meta, dialog, nav, aside, footer, form[role=search],"
          + " [hidden], [aria-hidden=true], [role=navigation], [role=complementary],"
          + " [role=contentinfo], [role=banner], [role=dialog], [role=alertdialog]";

  /** Class/id words that mark boilerplate whatever else the element says it is. */
  static final Pattern STRONG_NEGATIVE =
      Pattern.compile(
          "(?:^|[^a-z])(?:comments?|kommentar\\w*|disqus|respond|reply|share|sharing|sharebar|social"
              + "|socials|related|relatedposts|recommend\\w*|promo\\w*|newsletter|subscri\\w+"
              + "|cookies?|consent|gdpr|cmp|privacy-banner|breadcrumbs?|advert\\w*|sponsor\\w*"
              + "|outbrain|taboola|ligatus|plista|most-?read|mostpopular|popular|trending|paywall"
              + "|modal|popup|overlay|author-?box|author-?bio|print|tag-?list|tags|tagcloud"
              + "|pagination|pager|rating|signup|login|jump-?to|skip)(?:[^a-z]|$)");

  /** Class/id words that mark boilerplate unless a positive word is there too. */
  static final Pattern WEAK_NEGATIVE =
      Pattern.compile(
          "(?:^|[^a-z])(?:nav|navi|navigation|menu|footer|sidebar|side|banner|widget\\w*|ads?"
              + "|ad-\\w+|header|masthead|toolbar|teaser-?list|more|meta|byline|shoutbox|combx"
              + "|infobox|links)(?:[^a-z]|$)");

  /** Class/id words that mark the article. */
  static final Pattern POSITIVE =
      Pattern.compile(
          "(?:^|[^a-z])(?:article\\w*|content|entry\\w*|post|posting|story|body|text|main|blog"
              + "|hentry|page-?content|artikel\\w*|beitrag|inhalt|contenido|texto|article-?body"
              + "|story-?body|post-?body|entry-?content|post-?content)(?:[^a-z]|$)");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "table",
          "tr",
          "thead",
          "tbody",
          "tfoot",
          "caption",
          "blockquote",
          "pre",
          "figure",
          "figcaption",
          "address",
          "hr",
          "details",
          "summary",
          "center");

  private static final Set<String> PARAGRAPH_LIKE = Set.of("p", "pre", "td", "blockquote", "dd");

  /** Per-element text statistics, computed once bottom-up. */
  static final class Stats {
    int chars;
    int linkChars;
    int commas;
    double score;
    boolean scored;
  }

  /** The main text's blocks; empty when none found. */
  static List<String> extract(Document doc, boolean strict) {
    Element body = doc.body();
    if (body == null) {
      return List.of();
    }
    body.select(DROP_TAGS).remove();
    removeHidden(body);
    removeByHints(body, strict);
    Map<Element, Stats> stats = measure(body);
    Element top = bestCandidate(body, stats);
    if (top == null) {
      return List.of();
    }
    List<Element> parts = withSiblings(top, stats);
    for (Element part : parts) {
      cleanConditionally(part, stats);
    }
    List<Line> lines = new ArrayList<>();
    for (Element part : parts) {
      writeBlocks(part, lines);
    }
    return PageFurniture.trim(withoutOrphanHeadings(lines));
  }

  /**
   * Removes the boxes inside the article that are mostly links (related stories, "more on this",
   * tag lists), or that say they are boilerplate and carry links, with their headings.
   */
  private static void cleanConditionally(Element root, Map<Element, Stats> stats) {
    List<Element> doomed = new ArrayList<>();
    for (Element e : root.select("div, section, ul, ol, aside, header, figure, table, dl, p")) {
      if (e == root) {
        continue;
      }
      Stats s = stats.get(e);
      if (s == null || s.chars == 0) {
        continue;
      }
      double ld = linkDensity(s);
      String h = hints(e);
      boolean negative =
          !h.isEmpty()
              && (STRONG_NEGATIVE.matcher(h).find() || WEAK_NEGATIVE.matcher(h).find())
              && !POSITIVE.matcher(h).find();
      if ((ld > 0.5 && s.chars < 2000) || (negative && ld > 0.25 && s.chars < 1000)) {
        doomed.add(e);
      }
    }
    for (Element e : doomed) {
      if (e.parent() != null) {
        e.remove();
      }
    }
  }

  /** One output line: its text, whether it is a heading, whether it was kept. */
  record Line(String text, boolean heading, boolean kept, boolean listOrTable) {}

  /**
   * Drops headings whose section kept no text (the heading of a removed link list), and short
   * headings at the very end.
   */
  static List<String> withoutOrphanHeadings(List<Line> lines) {
    List<String> out = new ArrayList<>();
    List<Boolean> structured = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (!l.kept()) {
        continue;
      }
      if (l.heading()) {
        boolean content = false;
        for (int j = i + 1; j < lines.size() && !lines.get(j).heading(); j++) {
          if (lines.get(j).kept()) {
            content = true;
            break;
          }
        }
        if (!content) {
          continue;
        }
      }
      out.add(l.text());
      structured.add(l.listOrTable());
    }
    // Short lines after the last paragraph are the page's furniture (prompts, credits, labels).
    int end = out.size();
    while (end > 0
        && !structured.get(end - 1)
        && out.get(end - 1).length() < 40
        && !endsSentence(out.get(end - 1))) {
      end--;
    }
    return end > 0 && end < out.size() ? new ArrayList<>(out.subList(0, end)) : out;
  }

  private static boolean endsSentence(String line) {
    char c = line.charAt(line.length() - 1);
    return c == '.' || c == '!' || c == '"' || c == '»' || c == '“' || c == ')';
  }

  private static void removeHidden(Element body) {
    for (Element e : body.select("[style]")) {
      String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
      if (style.contains("display:none") || style.contains("visibility:hidden")) {
        e.remove();
      }
    }
  }

  static String hints(Element e) {
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    return (cls + " " + id).toLowerCase(Locale.ROOT);
  }

  private static final String PROTECTED = "article, main, [itemprop=articleBody], h1";

  private static void removeByHints(Element body, boolean strict) {
    List<Element> doomed = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      String tag = e.normalName();
      if (tag.equals("article") || tag.equals("main") || tag.equals("html")) {
        continue;
      }
      String h = hints(e);
      if (h.isEmpty() || "articleBody".equals(e.attr("itemprop"))) {
        continue;
      }
      boolean strong = STRONG_NEGATIVE.matcher(h).find();
      boolean weak = strict && !strong && WEAK_NEGATIVE.matcher(h).find();
      if (!strong && !weak) {
        continue;
      }
      boolean positive = POSITIVE.matcher(h).find();
      if (weak && positive) {
        continue;
      }
      if (strong && positive && !strict) {
        continue;
      }
      if (!e.select(PROTECTED).isEmpty()) {
        continue;
      }
      doomed.add(e);
    }
    for (Element e : doomed) {
      if (e.parent() != null) {
        e.remove();
      }
    }
  }

  /** Text and link-text length of every element, bottom-up in one pass. */
  static Map<Element, Stats> measure(Element root) {
    Map<Element, Stats> map = new IdentityHashMap<>();
    root.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element el) {
              map.put(el, new Stats());
            }
          }

          @Override
          public void tail(Node node, int depth) {
            Node parent = node.parentNode();
            if (node instanceof TextNode t) {
              if (parent instanceof Element pe) {
                Stats s = map.get(pe);
                if (s != null) {
                  String text = t.getWholeText();
                  s.chars += visibleLength(text);
                  s.commas += commas(text);
                }
              }
            } else if (node instanceof Element el && parent instanceof Element pe && node != root) {
              Stats c = map.get(el);
              Stats p = map.get(pe);
              if (p != null) {
                p.chars += c.chars;
                p.commas += c.commas;
                p.linkChars += el.normalName().equals("a") ? c.chars : c.linkChars;
              }
            }
          }
        });
    return map;
  }

  static int visibleLength(String s) {
    int n = 0;
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        if (!space) {
          n++;
          space = true;
        }
      } else {
        n++;
        space = false;
      }
    }
    return n;
  }

  private static int commas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '，' || c == '、' || c == '،') {
        n++;
      }
    }
    return n;
  }

  static double linkDensity(Stats s) {
    return s.chars == 0 ? 0 : (double) s.linkChars / s.chars;
  }

  private static double baseScore(Element e) {
    double score =
        switch (e.normalName()) {
          case "article" -> 15;
          case "main" -> 8;
          case "div", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    String h = hints(e);
    if (!h.isEmpty()) {
      if (STRONG_NEGATIVE.matcher(h).find() || WEAK_NEGATIVE.matcher(h).find()) {
        score -= 25;
      }
      if (POSITIVE.matcher(h).find()) {
        score += 25;
      }
    }
    if ("articleBody".equals(e.attr("itemprop"))) {
      score += 50;
    }
    return score;
  }

  private static void addScore(Element e, double points, Map<Element, Stats> stats) {
    Stats s = stats.get(e);
    if (s == null) {
      return;
    }
    if (!s.scored) {
      s.scored = true;
      s.score = baseScore(e);
    }
    s.score += points;
  }

  private static boolean paragraphLike(Element e, Map<Element, Stats> stats) {
    String tag = e.normalName();
    if (PARAGRAPH_LIKE.contains(tag)) {
      return true;
    }
    if (tag.equals("div") || tag.equals("section") || tag.equals("li") || tag.equals("th")) {
      // A block holding text of its own and no block children acts as a paragraph.
      for (Element c : e.children()) {
        if (BLOCKS.contains(c.normalName())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  static Element bestCandidate(Element body, Map<Element, Stats> stats) {
    List<Element> scored = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (!paragraphLike(e, stats)) {
        continue;
      }
      Stats s = stats.get(e);
      if (s == null || s.chars < 25) {
        continue;
      }
      double points = 1 + s.commas + Math.min(s.chars / 100.0, 3);
      points *= 1 - Math.min(1, linkDensity(s));
      Element p = e.parent();
      int level = 0;
      while (p != null && level < 3) {
        Stats ps = stats.get(p);
        if (ps == null) {
          break;
        }
        boolean first = !ps.scored;
        addScore(p, level == 0 ? points : level == 1 ? points / 2 : points / 3, stats);
        if (first) {
          scored.add(p);
        }
        p = p.parent();
        level++;
      }
    }
    Element best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Element e : scored) {
      Stats s = stats.get(e);
      double score = s.score * (1 - linkDensity(s));
      s.score = score;
      if (score > bestScore) {
        bestScore = score;
        best = e;
      }
    }
    if (best == null) {
      return body;
    }
    // Climb while the parent adds little text of its own (a header with the lead, a figure).
    Element cur = best;
    while (cur.parent() != null && cur.parent() != body) {
      Element parent = cur.parent();
      Stats ps = stats.get(parent);
      Stats cs = stats.get(cur);
      if (ps == null || ps.chars > cs.chars * 1.25 + 40 || linkDensity(ps) > 0.35) {
        break;
      }
      cur = parent;
    }
    return cur;
  }

  private static List<Element> withSiblings(Element top, Map<Element, Stats> stats) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    Stats ts = stats.get(top);
    double threshold = Math.max(10, ts.score * 0.2);
    List<Element> out = new ArrayList<>();
    for (Element sib : parent.children()) {
      if (sib == top) {
        out.add(sib);
        continue;
      }
      Stats s = stats.get(sib);
      if (s == null || s.chars == 0) {
        continue;
      }
      double ld = linkDensity(s);
      if (s.scored && s.score >= threshold && ld < 0.3) {
        out.add(sib);
      } else if (sib.normalName().equals("p") || paragraphLike(sib, stats)) {
        if ((s.chars > 80 && ld < 0.25)
            || (s.chars > 0 && s.chars <= 80 && ld == 0 && s.commas > 0)) {
          out.add(sib);
        }
      } else if (sib.normalName().matches("h[1-6]") && ld == 0 && isNear(sib, top)) {
        out.add(sib);
      }
    }
    return out;
  }

  private static boolean isNear(Element sib, Element top) {
    Element next = sib.nextElementSibling();
    return next == top || (next != null && next.nextElementSibling() == top);
  }

  /** One visual line being built, with how much of it is link text. */
  private static final class LineBuilder {
    final StringBuilder text = new StringBuilder();
    int linkChars;
    int chars;
    boolean heading;
    boolean inList;
  }

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Writes the blocks under {@code root}, one a line, dropping link-list lines. */
  static void writeBlocks(Element root, List<Line> out) {
    BlockWriter w = new BlockWriter(out);
    root.traverse(w);
    w.flush();
  }

  private static final Pattern WS = Pattern.compile("[\\s\\u00a0\\u200b]+");

  /**
   * One pass over an element tree, cutting its text into lines at block boundaries. Its depths
   * (inside a link, a heading, a table, a list item) are the state of one traversal, so a writer is
   * made per call.
   */
  private static final class BlockWriter implements NodeVisitor {
    private final List<Line> out;
    private LineBuilder cur = new LineBuilder();
    private int headingDepth;
    private int linkDepth;
    private int tableDepth;
    private int listDepth;

    BlockWriter(List<Line> out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String s = t.getWholeText();
        int len = visibleLength(s);
        if (len == 0) {
          if (!s.isEmpty()) {
            cur.text.append(' ');
          }
          return;
        }
        cur.text.append(s);
        cur.chars += len;
        if (linkDepth > 0) {
          cur.linkChars += len;
        }
      } else if (node instanceof Element el) {
        String tag = el.normalName();
        if (tag.equals("a")) {
          linkDepth++;
        } else if (tag.equals("table")) {
          tableDepth++;
        } else if (tag.equals("br")) {
          flush();
        } else if (BLOCKS.contains(tag)) {
          flush();
          if (isListItem(tag)) {
            listDepth++;
            cur.inList = true;
          }
          if (HEADINGS.contains(tag)) {
            headingDepth++;
            cur.heading = true;
          }
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element el)) {
        return;
      }
      String tag = el.normalName();
      if (tag.equals("a")) {
        linkDepth--;
      } else if (tag.equals("td") || tag.equals("th")) {
        cur.text.append(' ');
      } else if (BLOCKS.contains(tag)) {
        flush();
        if (HEADINGS.contains(tag)) {
          headingDepth--;
        }
        if (isListItem(tag)) {
          listDepth--;
        }
        cur.inList = listDepth > 0;
        cur.heading = headingDepth > 0;
        if (tag.equals("table")) {
          tableDepth--;
        }
      }
    }

    private static boolean isListItem(String tag) {
      return tag.equals("li") || tag.equals("dd") || tag.equals("dt");
    }

    /** Ends the line being written (if it has text) and starts the next. */
    void flush() {
      boolean inTable = tableDepth > 0;
      LineBuilder b = cur;
      if (b.chars > 0) {
        String line = WS.matcher(b.text).replaceAll(" ").strip();
        double ld = (double) b.linkChars / b.chars;
        boolean linkList = ld > 0.5 && !(inTable && b.chars < 40);
        if (!line.isEmpty()) {
          out.add(new Line(line, b.heading, !linkList, inTable || b.inList));
        }
      }
      cur = new LineBuilder();
      cur.heading = b.heading;
      cur.inList = listDepth > 0;
    }
  }
}
