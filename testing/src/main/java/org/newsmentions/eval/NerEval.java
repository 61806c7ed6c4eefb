package org.newsmentions.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;
import org.newsmentions.schema.Span;

/**
 * Named-entity scores on CoNLL-2003 through the pipeline's parse and extract path, as {@code
 * ../shared/ner/README.md} describes: each document becomes one news-please JSON line (title = the
 * headline, maintext = the later sentences one a line, date from the dateline, source reuters.com),
 * is parsed by {@link ArticleParser} and read by {@link EntityExtractor}; every predicted mention
 * is mapped back onto the gold tokens through its character offsets and scored by exact span and
 * type (conlleval) for PER, LOC and ORG. A prediction inside a gold MISC name is neither right nor
 * wrong. The differences between CoNLL's guidelines and the project's counting rules are counted
 * per rule.
 */
final class NerEval {
  private NerEval() {}

  private static final String[] TYPES = {"PER", "LOC", "ORG"};

  static boolean run(Path conll, EntityExtractor extractor, PrintStream out) throws IOException {
    List<Conll.Doc> docs = Conll.read(conll);
    boolean ok = run(conll, docs, extractor, true, out);
    run(conll, docs, extractor, false, out);
    return ok;
  }

  /** One scoring run: through the parser, or on the document's text with the parser bypassed. */
  private static boolean run(
      Path conll, List<Conll.Doc> docs, EntityExtractor extractor, boolean parse, PrintStream out)
      throws IOException {
    ArticleParser parser = new ArticleParser(ParserSettings.defaults());
    ObjectMapper json = new ObjectMapper();
    long[][] c = new long[3][3]; // type -> right, predicted, gold
    Map<String, Integer> diffs = new LinkedHashMap<>();
    for (String k :
        List.of(
            "demonym or nationality counted for its country (CoNLL: MISC)",
            "other name inside a CoNLL MISC name (event, product, etc.)",
            "dateline city found (CoNLL: LOC; our rules count it as text)",
            "dateline city missed",
            "title kept outside a person's span where CoNLL's span has it",
            "landmark, building or event not counted (CoNLL: LOC or ORG)",
            "part of a longer name of another type (error)",
            "right span, wrong type (error)",
            "gold name in text the parser dropped (lost before extraction)")) {
      diffs.put(k, 0);
    }
    int rejected = 0;
    long tokens = 0;
    for (Conll.Doc d : docs) {
      tokens += d.tokens().size();
      ObjectNode n = json.createObjectNode();
      n.put("url", "https://www.reuters.com/conll2003/" + conll.getFileName() + "/" + d.index());
      n.put("source_domain", "reuters.com");
      n.put("title", d.title());
      n.put("maintext", d.maintext());
      if (d.date() != null) {
        n.put("date_publish", d.date() + " 00:00:00");
      }
      n.put("language", "en");
      byte[] line = json.writeValueAsBytes(n);
      RawArticle raw =
          RawArticle.newBuilder()
              .setSource(conll + "#" + d.index())
              .setFormat(RawFormat.JSON_LINE)
              .setIngested(Instant.parse("1997-01-01T00:00:00Z"))
              .setPayload(ByteBuffer.wrap(line))
              .build();
      Set<String> gold = new HashSet<>();
      for (Conll.Name g : d.names()) {
        int t = indexOf(g.type());
        if (t >= 0) {
          gold.add(key(g.first(), g.last(), g.type()));
          c[t][2]++;
        }
      }
      String title = d.title();
      String body = d.maintext();
      if (parse) {
        try {
          Article a = parser.parse(raw).article();
          title = a.getTitle();
          body = a.getBody();
        } catch (BadArticleException e) {
          rejected++;
          int lost = 0;
          for (Conll.Name g : d.names()) {
            lost += indexOf(g.type()) >= 0 ? 1 : 0;
          }
          diffs.merge(
              "gold name in text the parser dropped (lost before extraction)", lost, Integer::sum);
          continue;
        }
      }
      String parsed = title + "\n\n" + body;
      int[] map = align(parsed, d.text());
      java.util.BitSet kept = new java.util.BitSet();
      for (int m : map) {
        if (m >= 0) {
          kept.set(m);
        }
      }
      for (Conll.Name g : d.names()) {
        if (indexOf(g.type()) >= 0 && !kept.get(d.tokens().get(g.first()).start())) {
          diffs.merge(
              "gold name in text the parser dropped (lost before extraction)", 1, Integer::sum);
        }
      }
      Set<String> predicted = new HashSet<>();
      Set<Integer> datelineFound = new HashSet<>();
      for (ArticleEntity e : extractor.extract(title, body)) {
        String type =
            switch (e.getType()) {
              case PERSON -> "PER";
              case LOCATION -> "LOC";
              case ORGANIZATION -> "ORG";
            };
        for (Span s : e.getSpans()) {
          int start = map[s.getStart()];
          int end = s.getEnd() == 0 ? -1 : map[s.getEnd() - 1];
          if (start < 0 || end < 0) {
            continue; // in text the parser rewrote: cannot be placed on the gold tokens
          }
          int[] r = d.tokenRange(start, end + 1);
          if (r == null) {
            continue;
          }
          Conll.Name misc = enclosing(d, r, "MISC");
          if (misc != null) {
            diffs.merge(
                type.equals("LOC")
                    ? "demonym or nationality counted for its country (CoNLL: MISC)"
                    : "other name inside a CoNLL MISC name (event, product, etc.)",
                1,
                Integer::sum);
            continue;
          }
          String k = key(r[0], r[1], type);
          if (!predicted.add(k)) {
            continue; // two entities on one span ("Russian-Chinese" maps to one CoNLL token)
          }
          int t = indexOf(type);
          c[t][1]++;
          if (gold.contains(k)) {
            c[t][0]++;
            if (type.equals("LOC") && d.sentenceOf(r[0]) == 1) {
              datelineFound.add(r[0]);
            }
          } else {
            classify(extractor, d, r, type, diffs);
          }
        }
      }
      for (Conll.Name g : d.names()) {
        if (indexOf(g.type()) >= 0
            && !predicted.contains(key(g.first(), g.last(), g.type()))
            && extractor.isIgnoredHeadWord(d.tokens().get(g.last()).word())) {
          diffs.merge(
              "landmark, building or event not counted (CoNLL: LOC or ORG)", 1, Integer::sum);
        }
        if (g.type().equals("LOC") && d.sentenceOf(g.first()) == 1 && d.sentences().length > 2) {
          diffs.merge(
              datelineFound.contains(g.first())
                  ? "dateline city found (CoNLL: LOC; our rules count it as text)"
                  : "dateline city missed",
              1,
              Integer::sum);
        }
      }
    }
    out.println(
        "## Named entities on CoNLL-2003 "
            + conll.getFileName()
            + (parse
                ? " through the pipeline (parser and extractor; "
                : " with the parser bypassed (extractor on each document's text; ")
            + docs.size()
            + " documents, "
            + tokens
            + " tokens; "
            + rejected
            + " rejected by the parser)");
    out.println();
    out.println("Exact span and type (conlleval); MISC not scored, predictions inside it ignored.");
    out.println();
    out.println("| type | precision | recall | F1 | gold | predicted | right |");
    out.println("|---|---|---|---|---|---|---|");
    long tp = 0;
    long p = 0;
    long g = 0;
    for (int t = 0; t < 3; t++) {
      row(out, TYPES[t], c[t][0], c[t][1], c[t][2]);
      tp += c[t][0];
      p += c[t][1];
      g += c[t][2];
    }
    double micro = TrainNer.f1(tp, p, g);
    row(out, "micro (PER/LOC/ORG)", tp, p, g);
    out.println();
    out.println(
        "Peer measured on this machine: Stanford CoreNLP 4.5.10's CRF, F1 0.89-0.90 (GPL, not"
            + " bundled). Target 0.92.");
    out.println();
    out.println(
        "Where CoNLL's guidelines and our counting rules (MENTIONS.md) differ, and errors:");
    out.println();
    out.println("| rule or error | count |");
    out.println("|---|---|");
    for (Map.Entry<String, Integer> e : diffs.entrySet()) {
      out.println("| " + e.getKey() + " | " + e.getValue() + " |");
    }
    out.println();
    return micro >= 0.92;
  }

  private static void classify(
      EntityExtractor extractor, Conll.Doc d, int[] r, String type, Map<String, Integer> diffs) {
    for (Conll.Name n : d.names()) {
      if (indexOf(n.type()) < 0) {
        continue;
      }
      if (n.first() == r[0] && n.last() == r[1]) {
        diffs.merge("right span, wrong type (error)", 1, Integer::sum);
        return;
      }
      if (n.first() == r[0] - 1
          && n.last() == r[1]
          && n.type().equals("PER")
          && type.equals("PER")
          && extractor.isTitleWord(d.tokens().get(n.first()).word())) {
        diffs.merge(
            "title kept outside a person's span where CoNLL's span has it", 1, Integer::sum);
        return;
      }
      if (n.first() <= r[0] && n.last() >= r[1] && !n.type().equals(type)) {
        diffs.merge("part of a longer name of another type (error)", 1, Integer::sum);
        return;
      }
    }
  }

  private static Conll.Name enclosing(Conll.Doc d, int[] r, String type) {
    for (Conll.Name n : d.names()) {
      if (n.type().equals(type) && n.first() <= r[0] && n.last() >= r[1]) {
        return n;
      }
    }
    return null;
  }

  /**
   * For each character of the parsed text, its offset in the source text, or -1. Whitespace is
   * ignored in the comparison (the parser joins wrapped lines into paragraphs), and each line of
   * the parsed text is looked up in the source after the previous one (the parser may drop lines).
   */
  static int[] align(String parsed, String source) {
    int[] map = new int[parsed.length() + 1];
    java.util.Arrays.fill(map, -1);
    StringBuilder src = new StringBuilder(source.length());
    int[] srcAt = new int[source.length()];
    for (int i = 0; i < source.length(); i++) {
      if (!Character.isWhitespace(source.charAt(i))) {
        srcAt[src.length()] = i;
        src.append(source.charAt(i));
      }
    }
    String compact = src.toString();
    int cursor = 0;
    int from = 0;
    while (from <= parsed.length()) {
      int nl = parsed.indexOf('\n', from);
      int to = nl < 0 ? parsed.length() : nl;
      StringBuilder line = new StringBuilder();
      List<Integer> at = new java.util.ArrayList<>();
      for (int k = from; k < to; k++) {
        if (!Character.isWhitespace(parsed.charAt(k))) {
          line.append(parsed.charAt(k));
          at.add(k);
        }
      }
      if (line.length() > 0) {
        int found = compact.indexOf(line.toString(), cursor);
        if (found >= 0) {
          for (int k = 0; k < line.length(); k++) {
            map[at.get(k)] = srcAt[found + k];
          }
          cursor = found + line.length();
        }
      }
      if (nl < 0) {
        break;
      }
      from = nl + 1;
    }
    return map;
  }

  private static void row(PrintStream out, String name, long right, long predicted, long gold) {
    double p = predicted == 0 ? 0 : right / (double) predicted;
    double r = gold == 0 ? 0 : right / (double) gold;
    out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f | %d | %d | %d |%n",
        name,
        p,
        r,
        TrainNer.f1(right, predicted, gold),
        gold,
        predicted,
        right);
  }

  private static String key(int first, int last, String type) {
    return first + ":" + last + ":" + type;
  }

  private static int indexOf(String type) {
    for (int i = 0; i < TYPES.length; i++) {
      if (TYPES[i].equals(type)) {
        return i;
      }
    }
    return -1;
  }
}
