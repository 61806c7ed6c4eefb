package org.newsmentions.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsmentions.NewsMentions;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.RawArticle;

/**
 * Deduplication on the dev set, run through the whole job (reference model, so windows apply):
 * pairwise precision, recall and F1 against the gold copy groups, the adjusted Rand index, and
 * every false merge of two independent reports of one event. EXACT is shown as the baseline.
 */
final class DedupEval {
  private DedupEval() {}

  static boolean run(List<DevSet.Item> items, NewsMentions.Settings base, PrintStream out) {
    out.println("## Deduplication (" + items.size() + " articles)");
    out.println();
    out.println(
        "| mode | pairwise precision | recall | F1 | ARI | false merges of independent reports |");
    out.println("|---|---|---|---|---|---|");
    boolean ok = true;
    List<String> details = new ArrayList<>();
    for (DedupMode mode : List.of(DedupMode.EXACT, DedupMode.NEAR)) {
      NewsMentions.Settings settings = base.withStreaming(false).withDedup(mode);
      List<RawArticle> raws = new ArrayList<>();
      Map<String, DevSet.Gold> goldBySource = new HashMap<>();
      for (DevSet.Item i : items) {
        raws.add(i.raw());
        goldBySource.put(i.raw().getSource(), i.gold());
      }
      List<Article> articles = ReferenceModel.run(raws, settings).articles();
      List<DevSet.Gold> gold = new ArrayList<>();
      List<String> predicted = new ArrayList<>();
      for (Article a : articles) {
        gold.add(goldBySource.get(a.getSource()));
        predicted.add(a.getStoryId() != null ? a.getStoryId() : a.getId());
      }
      long tp = 0;
      long fp = 0;
      long fn = 0;
      int falseMerges = 0;
      for (int i = 0; i < gold.size(); i++) {
        for (int j = i + 1; j < gold.size(); j++) {
          boolean g = gold.get(i).story().equals(gold.get(j).story());
          boolean p = predicted.get(i).equals(predicted.get(j));
          if (g && p) {
            tp++;
          } else if (p) {
            fp++;
            boolean independent = gold.get(i).event().equals(gold.get(j).event());
            if (independent) {
              falseMerges++;
            }
            details.add(
                mode
                    + (independent ? " FALSE MERGE of independent reports: " : " false merge: ")
                    + gold.get(i).ref()
                    + " ("
                    + gold.get(i).story()
                    + ") ~ "
                    + gold.get(j).ref()
                    + " ("
                    + gold.get(j).story()
                    + ")");
          } else if (g) {
            fn++;
            if (mode == DedupMode.NEAR) {
              details.add(
                  mode
                      + " missed copy: "
                      + gold.get(i).ref()
                      + " ~ "
                      + gold.get(j).ref()
                      + " ("
                      + gold.get(i).story()
                      + ", published "
                      + gold.get(i).published()
                      + " / "
                      + gold.get(j).published()
                      + ")");
            }
          }
        }
      }
      double precision = Texts.ratio(tp, tp + fp);
      double recall = Texts.ratio(tp, tp + fn);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      double ari = adjustedRand(gold.stream().map(DevSet.Gold::story).toList(), predicted);
      out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.3f | %.3f | %d |%n",
          mode.name().toLowerCase(Locale.ROOT),
          precision,
          recall,
          f1,
          ari,
          falseMerges);
      if (mode == DedupMode.NEAR) {
        ok = f1 >= 0.97 && falseMerges == 0;
      }
    }
    out.println();
    details.forEach(d -> out.println("- " + d));
    out.println();
    return ok;
  }

  /** Adjusted Rand index of two labelings of the same items. */
  static double adjustedRand(List<String> a, List<String> b) {
    Map<String, Map<String, Integer>> table = new HashMap<>();
    Map<String, Integer> rows = new HashMap<>();
    Map<String, Integer> cols = new HashMap<>();
    for (int i = 0; i < a.size(); i++) {
      table.computeIfAbsent(a.get(i), k -> new HashMap<>()).merge(b.get(i), 1, Integer::sum);
      rows.merge(a.get(i), 1, Integer::sum);
      cols.merge(b.get(i), 1, Integer::sum);
    }
    double index = 0;
    for (Map<String, Integer> row : table.values()) {
      for (int n : row.values()) {
        index += pairs(n);
      }
    }
    double sumRows = rows.values().stream().mapToDouble(DedupEval::pairs).sum();
    double sumCols = cols.values().stream().mapToDouble(DedupEval::pairs).sum();
    double expected = sumRows * sumCols / pairs(a.size());
    double max = (sumRows + sumCols) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }

  private static double pairs(int n) {
    return n * (n - 1) / 2.0;
  }
}
