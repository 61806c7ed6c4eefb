package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsmentions.read.ReadArticles;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.sink.JobOutputs;

/**
 * The five real scraped articles in ../shared/seeds through the whole pipeline, checked against
 * what a careful reader of them expects.
 */
@ExtendWith(TestPipelineExtension.class)
class SeedsPipelineTest {
  private static final String XI = "Q15031";
  private static final String PUTIN = "Q7747";

  @Test
  void seedsCountAsACarefulReaderWould(TestPipeline pipeline) {
    Path seeds = Fixtures.seedsDir();
    JobOutputs result =
        pipeline
            .apply(
                "ReadArticles",
                ReadArticles.from(seeds + "/*.txt").withMaxArticleBytes(2 * 1024 * 1024))
            .get(ReadArticles.RECORDS)
            .apply("NewsMentions", new NewsMentions(Fixtures.settings(false)));

    PAssert.that(result.counts())
        .satisfies(
            counts -> {
              Map<String, Map<String, EntityMentionCount>> byDay = new TreeMap<>();
              for (EntityMentionCount c : counts) {
                String day = c.getWindowStart().toString().substring(0, 10);
                byDay.computeIfAbsent(day, d -> new HashMap<>()).put(c.getEntityId(), c);
              }
              // Only the two dated seeds make windows; the three undated ones are not counted.
              assertEquals(Set.of("2025-05-04", "2025-05-08"), byDay.keySet());
              for (String day : byDay.keySet()) {
                Map<String, EntityMentionCount> d = byDay.get(day);
                assertTrue(d.containsKey(XI), "Xi Jinping counted on " + day);
                assertTrue(d.containsKey(PUTIN), "Vladimir Putin counted on " + day);
                assertEquals(1, d.get(XI).getArticles());
              }
              Set<String> may4 = names(byDay.get("2025-05-04"));
              // Names only in the TRENDING / OPINION lists of the 4 May article do not count.
              for (String absent : Set.of("Singapore", "Japan", "Uzbekistan", "United States")) {
                assertFalse(may4.contains(absent), absent + " is only in boilerplate: " + may4);
              }
              assertTrue(may4.contains("Russia") && may4.contains("China"), may4.toString());
              Set<String> may8 = names(byDay.get("2025-05-08"));
              // "Ivanka Trump" and "the United Kingdom" are only in the inline teasers.
              assertFalse(may8.contains("United Kingdom"), "teaser-only name counted: " + may8);
              assertFalse(may8.contains("Ivanka Trump"), "teaser-only name counted: " + may8);
              assertTrue(may8.contains("Moscow") && may8.contains("BRICS"), may8.toString());
              // The 8 May machine translation names Putin 8 times (once as "Poutine") and Xi 10
              // times (as "XI", "XIS" and "XIS's" too).
              assertEquals(8, byDay.get("2025-05-08").get(PUTIN).getMentions());
              assertEquals(10, byDay.get("2025-05-08").get(XI).getMentions());
              return null;
            });

    PAssert.that(result.articles())
        .satisfies(
            articles -> {
              Map<String, Article> byFile = new TreeMap<>();
              for (Article a : articles) {
                byFile.put(a.getSource().replaceAll(".*/", "").substring(0, 3), a);
              }
              assertEquals(Set.of("000", "001", "002", "003", "004"), byFile.keySet());
              assertNotNull(byFile.get("000").getPublished());
              assertNotNull(byFile.get("001").getPublished());
              for (String undated : Set.of("002", "003", "004")) {
                assertNull(byFile.get(undated).getPublished(), undated + " has no date");
              }
              // MENAFN printed three paragraphs twice: each counts once.
              Map<String, Integer> menafn = mentions(byFile.get("004"));
              assertEquals(4, menafn.get(XI), "Xi in the MENAFN article: " + menafn);
              assertEquals(4, menafn.get(PUTIN), "Putin in the MENAFN article: " + menafn);
              assertEquals(1, count(byFile.get("004").getBody(), "Great Hall of the People"));
              // The related-headline list under seed 003 is not article text.
              Set<String> related = new TreeSet<>();
              byFile.get("003").getEntities().forEach(e -> related.add(e.getName()));
              for (String absent : Set.of("Canada", "Ukraine", "Volodymyr Zelensky")) {
                assertFalse(related.contains(absent), absent + " only in related list: " + related);
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static Set<String> names(Map<String, EntityMentionCount> day) {
    Set<String> out = new TreeSet<>();
    day.values().forEach(c -> out.add(c.getEntityName()));
    return out;
  }

  private static Map<String, Integer> mentions(Article a) {
    Map<String, Integer> out = new TreeMap<>();
    for (ArticleEntity e : a.getEntities()) {
      out.put(e.getId(), e.getMentions());
    }
    return out;
  }

  private static int count(String text, String probe) {
    int n = 0;
    for (int i = text.indexOf(probe); i >= 0; i = text.indexOf(probe, i + 1)) {
      n++;
    }
    return n;
  }
}
