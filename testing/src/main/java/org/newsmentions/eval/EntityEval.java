package org.newsmentions.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.schema.ArticleEntity;

/**
 * Entity mention counts on the dev set's gold text (so parser errors do not blur the measure):
 * count-level precision = sum of min(predicted, gold) / sum of predicted, recall likewise over
 * gold, per type, for gazetteer and open-set names, with the worst misses listed.
 */
final class EntityEval {
  private EntityEval() {}

  private static final class Score {
    long matched;
    long predicted;
    long gold;

    double precision() {
      return Texts.ratio(matched, predicted);
    }

    double recall() {
      return Texts.ratio(matched, gold);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private record Miss(String ref, String entity, int gold, int predicted) {}

  static boolean run(List<DevSet.Item> items, EntityExtractor extractor, PrintStream out) {
    Map<String, Score> scores = new TreeMap<>();
    List<Miss> misses = new ArrayList<>();
    Map<String, String[]> resolved = new HashMap<>();
    for (DevSet.Item item : items) {
      DevSet.Gold gold = item.gold();
      String body = String.join("\n\n", gold.body());
      Map<String, int[]> byKey = new HashMap<>(); // key -> {gold, predicted}
      Map<String, String> group = new HashMap<>();
      Map<String, String> label = new HashMap<>();
      for (Map.Entry<String, Integer> g : gold.mentions().entrySet()) {
        String[] r = resolved.computeIfAbsent(g.getKey(), n -> resolve(extractor, n));
        String key = r[0];
        byKey.computeIfAbsent(key, k -> new int[2])[0] += g.getValue();
        boolean open = gold.openSet().contains(g.getKey());
        group.put(key, open ? "open-set" : "gazetteer " + (r[1] == null ? "UNKNOWN" : r[1]));
        label.put(key, g.getKey());
      }
      for (ArticleEntity e : extractor.extract(gold.title(), body)) {
        String key = e.getId();
        if (!byKey.containsKey(key) && byKey.containsKey("name:" + Texts.key(e.getName()))) {
          key = "name:" + Texts.key(e.getName());
        }
        byKey.computeIfAbsent(key, k -> new int[2])[1] += e.getMentions();
        group.putIfAbsent(
            key, fromGazetteer(e.getId()) ? "gazetteer " + e.getType().name() : "open-set");
        label.putIfAbsent(key, e.getName() + " [" + e.getId() + "]");
      }
      for (Map.Entry<String, int[]> e : byKey.entrySet()) {
        int g = e.getValue()[0];
        int p = e.getValue()[1];
        String grp = group.get(e.getKey());
        List<String> buckets = new ArrayList<>(List.of("overall", grp));
        if (grp.startsWith("gazetteer")) {
          buckets.add("gazetteer (all types)");
        }
        for (String bucket : buckets) {
          Score s = scores.computeIfAbsent(bucket, k -> new Score());
          s.matched += Math.min(g, p);
          s.gold += g;
          s.predicted += p;
        }
        if (g != p) {
          misses.add(new Miss(gold.ref(), label.get(e.getKey()), g, p));
        }
      }
    }
    out.println("## Entities (" + items.size() + " articles, gold text)");
    out.println();
    out.println("| group | precision | recall | F1 | gold mentions | predicted |");
    out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, Score> e : scores.entrySet()) {
      Score s = e.getValue();
      out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.3f | %d | %d |%n",
          e.getKey(),
          s.precision(),
          s.recall(),
          s.f1(),
          s.gold,
          s.predicted);
    }
    out.println();
    misses.sort(
        (a, b) -> Integer.compare(Math.abs(b.gold - b.predicted), Math.abs(a.gold - a.predicted)));
    out.println("Worst misses (gold vs predicted):");
    for (Miss m : misses.subList(0, Math.min(25, misses.size()))) {
      out.printf(
          Locale.ROOT, "- %s: %s gold %d, predicted %d%n", m.ref, m.entity, m.gold, m.predicted);
    }
    out.println();
    Score gaz = scores.getOrDefault("gazetteer (all types)", new Score());
    Score open = scores.getOrDefault("open-set", new Score());
    return gaz.f1() >= 0.97 && open.f1() >= 0.85;
  }

  /** Gazetteer ids are Wikidata QIDs or "x:" slugs; anything else was found open-set. */
  private static boolean fromGazetteer(String id) {
    return id.matches("Q\\d+") || id.startsWith("x:");
  }

  /**
   * Maps a gold canonical name to the extractor's id when the extractor reads (most of) the name as
   * one entity; otherwise to a name key, which open-set predictions are matched on.
   */
  private static String[] resolve(EntityExtractor extractor, String name) {
    ArticleEntity best = null;
    int bestLength = 0;
    // The gazetteer alone: a name on its own is no context for a recogniser's type.
    for (ArticleEntity e : extractor.withOpenSet(false).extract(name, "")) {
      for (var span : e.getSpans()) {
        if (span.getEnd() - span.getStart() > bestLength) {
          best = e;
          bestLength = span.getEnd() - span.getStart();
        }
      }
    }
    if (best != null && bestLength >= 0.6 * name.length()) {
      return new String[] {best.getId(), best.getType().name()};
    }
    return new String[] {"name:" + Texts.key(name), null};
  }
}
