package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsmentions.deadletter.DeadLetters;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;
import org.newsmentions.sink.JobOutputs;

/**
 * Bad records of every kind, mixed with good ones: each bad one lands in the dead letters with its
 * reason and original bytes, and every good one is still parsed and counted.
 */
@ExtendWith(TestPipelineExtension.class)
class DeadLetterPipelineTest {
  private static final String GOOD_JSON =
      "{\"url\":\"https://www.example-news.test/world/summit-1\",\"source_domain\":"
          + "\"www.example-news.test\",\"title\":\"Leaders meet in Geneva\",\"maintext\":"
          + "\"President Emmanuel Macron of France met Chancellor Olaf Scholz of Germany in Geneva"
          + " on Monday to discuss energy prices.\\nBoth leaders said Europe needs cheaper power.\","
          + "\"date_publish\":\"2025-05-05 09:00:00\",\"language\":\"en\"}";
  private static final String GOOD_RAW =
      " date 2025-05-05 Menu\n\nPrices rise in France\n\nFrench officials said on Monday that"
          + " food prices in France rose for a third month, as Paris weighs new support for"
          + " households.\n";

  @Test
  void badRecordsAreDeadLetteredAndGoodOnesCounted(TestPipeline pipeline) {
    byte[] binary = new byte[600];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 37);
    }
    byte[] huge = ("{\"title\":\"x\",\"maintext\":\"" + "a".repeat(5000) + "\"}").getBytes();
    Map<String, byte[]> bad = new TreeMap<>();
    bad.put("empty.jsonl#0", new byte[0]);
    bad.put("blank.txt", "   \n\n  ".getBytes(StandardCharsets.UTF_8));
    bad.put("binary.txt", binary);
    bad.put("truncated.jsonl#3", "{\"title\": \"Half a rec".getBytes(StandardCharsets.UTF_8));
    bad.put("wrongtype.jsonl#1", "{\"title\": 42, \"maintext\": [1, 2]}".getBytes());
    bad.put("notobject.jsonl#2", "[1, 2, 3]".getBytes());
    bad.put("notext.jsonl#4", "{\"url\": \"https://a.test/x\", \"title\": \"\"}".getBytes());
    bad.put("huge.jsonl#5", huge);

    List<RawArticle> input = new ArrayList<>();
    bad.forEach(
        (source, bytes) ->
            input.add(
                raw(
                    source,
                    source.contains(".jsonl") ? RawFormat.JSON_LINE : RawFormat.RAW_TEXT,
                    bytes)));
    input.add(raw("good.jsonl#0", RawFormat.JSON_LINE, GOOD_JSON.getBytes(StandardCharsets.UTF_8)));
    input.add(raw("good.txt", RawFormat.RAW_TEXT, GOOD_RAW.getBytes(StandardCharsets.UTF_8)));

    NewsMentions.Settings base = Fixtures.settings(false);
    NewsMentions.Settings settings = base.withParser(base.parser().withMaxArticleBytes(4096));
    JobOutputs result =
        pipeline
            .apply(Create.of(input).withCoder(AvroCoder.of(RawArticle.class)))
            .apply(new NewsMentions(settings));

    PAssert.that(result.deadLetters())
        .satisfies(
            letters -> {
              Map<String, DeadLetter> bySource = new TreeMap<>();
              letters.forEach(l -> bySource.put(l.getSource(), l));
              assertEquals(bad.keySet(), bySource.keySet(), "every bad record, and only those");
              for (Map.Entry<String, DeadLetter> e : bySource.entrySet()) {
                DeadLetter l = e.getValue();
                assertEquals("parse", l.getStage());
                assertTrue(
                    Arrays.equals(bad.get(e.getKey()), DeadLetters.payloadBytes(l)),
                    "original payload kept for " + e.getKey());
              }
              assertTrue(bySource.get("empty.jsonl#0").getError().startsWith("empty"));
              assertTrue(bySource.get("blank.txt").getError().startsWith("empty"));
              assertTrue(bySource.get("binary.txt").getError().startsWith("binary"));
              assertEquals("base64", bySource.get("binary.txt").getPayloadEncoding());
              assertTrue(bySource.get("truncated.jsonl#3").getError().startsWith("bad-json"));
              assertTrue(bySource.get("wrongtype.jsonl#1").getError().startsWith("bad-json"));
              assertTrue(bySource.get("notobject.jsonl#2").getError().startsWith("bad-json"));
              assertTrue(bySource.get("notext.jsonl#4").getError().startsWith("no-text"));
              assertTrue(bySource.get("huge.jsonl#5").getError().startsWith("oversize"));
              return null;
            });
    PAssert.that(result.articles())
        .satisfies(
            articles -> {
              List<String> sources = new ArrayList<>();
              for (Article a : articles) {
                sources.add(a.getSource());
                assertTrue(a.getPublished() != null, "good articles keep their date");
              }
              sources.sort(null);
              assertEquals(List.of("good.jsonl#0", "good.txt"), sources);
              return null;
            });
    PAssert.that(result.counts())
        .satisfies(
            counts -> {
              Map<String, Long> mentions = new TreeMap<>();
              counts.forEach(c -> mentions.merge(c.getEntityName(), c.getMentions(), Long::sum));
              assertTrue(mentions.getOrDefault("France", 0L) >= 3, "France counted: " + mentions);
              assertTrue(mentions.getOrDefault("Emmanuel Macron", 0L) >= 1, "Macron: " + mentions);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static RawArticle raw(String source, RawFormat format, byte[] bytes) {
    return RawArticle.newBuilder()
        .setSource(source)
        .setFormat(format)
        .setPayload(ByteBuffer.wrap(bytes))
        .setIngested(Instant.parse("2025-05-05T10:00:00Z"))
        .build();
  }
}
