package org.newsmentions.eval;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.Article;

/**
 * Parser quality on the dev set: body token precision/recall, boilerplate lines leaked into the
 * body, scraper repeats leaked, date accuracy and false dates, outlet and title accuracy.
 */
final class ParsingEval {
  private ParsingEval() {}

  static boolean run(List<DevSet.Item> items, ParserSettings settings, PrintStream out) {
    ArticleParser parser = new ArticleParser(settings);
    long predTokens = 0;
    long goldTokens = 0;
    long overlap = 0;
    int boilerplate = 0;
    int leaked = 0;
    int repeats = 0;
    int repeatsLeaked = 0;
    int dated = 0;
    int datesRight = 0;
    int undated = 0;
    int falseDates = 0;
    int outletsRight = 0;
    int titlesRight = 0;
    int failures = 0;
    List<String> problems = new ArrayList<>();
    for (DevSet.Item item : items) {
      DevSet.Gold gold = item.gold();
      Article a;
      try {
        a = parser.parse(item.raw()).article();
      } catch (BadArticleException e) {
        failures++;
        problems.add(gold.ref() + ": rejected as " + e.reason() + ": " + e.getMessage());
        a = Article.newBuilder().setId("?").setSource(gold.ref()).build();
      }
      String body = Texts.norm(a.getBody());
      Map<String, Integer> p = Texts.tokens(a.getBody());
      Map<String, Integer> g = Texts.tokens(String.join("\n", gold.body()));
      predTokens += Texts.size(p);
      goldTokens += Texts.size(g);
      int ov = Texts.overlap(p, g);
      overlap += ov;
      if (Texts.ratio(ov, Texts.size(g)) < 0.98 || Texts.ratio(ov, Texts.size(p)) < 0.98) {
        problems.add(
            String.format(
                Locale.ROOT,
                "%s: body precision %.3f recall %.3f",
                gold.ref(),
                Texts.ratio(ov, Texts.size(p)),
                Texts.ratio(ov, Texts.size(g))));
      }
      Set<String> bodyLines = new HashSet<>(Texts.lines(a.getBody()));
      Set<String> goldParagraphs = new HashSet<>();
      gold.body().forEach(x -> goldParagraphs.add(Texts.norm(x)));
      for (String line : gold.boilerplate()) {
        String n = Texts.norm(line);
        if (n.isEmpty() || goldParagraphs.contains(n) || Texts.norm(gold.title()).equals(n)) {
          continue; // also article text elsewhere: not a leak to look for
        }
        boilerplate++;
        boolean leak = bodyLines.contains(n) || (n.length() >= 25 && body.contains(n));
        if (leak) {
          leaked++;
          problems.add(gold.ref() + ": boilerplate leaked: " + abbreviate(n));
        }
      }
      for (String para : goldParagraphs) {
        repeats++;
        if (Texts.occurrences(body, para) > 1) {
          repeatsLeaked++;
          problems.add(gold.ref() + ": repeat leaked: " + abbreviate(para));
        }
      }
      LocalDate predicted =
          a.getPublished() == null ? null : a.getPublished().atZone(ZoneOffset.UTC).toLocalDate();
      if (gold.published() != null) {
        dated++;
        if (gold.published().equals(predicted)) {
          datesRight++;
        } else {
          problems.add(gold.ref() + ": date " + predicted + ", gold " + gold.published());
        }
      } else {
        undated++;
        if (predicted != null) {
          falseDates++;
          problems.add(gold.ref() + ": false date " + predicted);
        }
      }
      if (Objects.equals(gold.outlet(), a.getOutlet())) {
        outletsRight++;
      } else {
        problems.add(gold.ref() + ": outlet " + a.getOutlet() + ", gold " + gold.outlet());
      }
      if (Texts.norm(gold.title()).equals(Texts.norm(a.getTitle()))) {
        titlesRight++;
      } else {
        problems.add(
            gold.ref()
                + ": title \""
                + abbreviate(a.getTitle())
                + "\", gold \""
                + abbreviate(gold.title())
                + "\"");
      }
    }
    double precision = Texts.ratio(overlap, predTokens);
    double recall = Texts.ratio(overlap, goldTokens);
    double leakRate = Texts.ratio(leaked, boilerplate);
    double dateAccuracy = Texts.ratio(datesRight, dated);
    out.println("## Parsing (" + items.size() + " articles)");
    out.println();
    out.println("| metric | value | target |");
    out.println("|---|---|---|");
    out.printf(Locale.ROOT, "| body token precision | %.4f | |%n", precision);
    out.printf(Locale.ROOT, "| body token recall | %.4f | >= 0.98 |%n", recall);
    out.printf(
        Locale.ROOT,
        "| boilerplate lines leaked | %d / %d (%.2f%%) | < 1%% |%n",
        leaked,
        boilerplate,
        100 * leakRate);
    out.printf(
        Locale.ROOT,
        "| scraper repeats leaked | %d / %d paragraphs | 0 |%n",
        repeatsLeaked,
        repeats);
    out.printf(
        Locale.ROOT,
        "| date accuracy (dated) | %d / %d (%.3f) | 1.00 |%n",
        datesRight,
        dated,
        dateAccuracy);
    out.printf(Locale.ROOT, "| false dates (undated) | %d / %d | 0 |%n", falseDates, undated);
    out.printf(
        Locale.ROOT,
        "| outlet accuracy | %d / %d (%.3f) | |%n",
        outletsRight,
        items.size(),
        Texts.ratio(outletsRight, items.size()));
    out.printf(
        Locale.ROOT,
        "| title accuracy | %d / %d (%.3f) | |%n",
        titlesRight,
        items.size(),
        Texts.ratio(titlesRight, items.size()));
    out.printf(Locale.ROOT, "| rejected as bad input | %d | 0 |%n", failures);
    out.println();
    if (!problems.isEmpty()) {
      out.println("Problems:");
      problems.forEach(x -> out.println("- " + x));
      out.println();
    }
    return recall >= 0.98
        && leakRate < 0.01
        && dateAccuracy == 1.0
        && falseDates == 0
        && failures == 0;
  }

  static String abbreviate(String s) {
    return s.length() <= 90 ? s : s.substring(0, 87) + "...";
  }
}
