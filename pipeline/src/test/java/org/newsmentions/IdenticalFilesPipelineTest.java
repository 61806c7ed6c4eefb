package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;
import org.newsmentions.sink.JobOutputs;

/**
 * Two files whose text is the same are two articles: both reach the articles output, one is the
 * kept copy and the other is marked {@code duplicate_of} it. (When ids came from the text, the two
 * got one id and the second vanished as "superseded", in neither articles nor dead letters.)
 */
@ExtendWith(TestPipelineExtension.class)
class IdenticalFilesPipelineTest {
  private static final String TEXT =
      " date 2025-05-07 Harbour Bridge Reopens After Repairs\n\n"
          + "The harbour bridge reopened to traffic on Wednesday after eight months of repairs,"
          + " the council said, and the ferries that replaced it will stop running next week.\n\n"
          + "Engineers replaced the deck and two of the cables; the bridge will be inspected"
          + " again in the spring, when the council meets in Brussels with the European Union.";

  @Test
  void bothFilesAreArticlesAndOneIsTheCopy(TestPipeline pipeline) {
    JobOutputs result =
        pipeline
            .apply(
                Create.of(raw("/scraped/a.txt"), raw("/scraped/copy-of-a.txt"))
                    .withCoder(AvroCoder.of(RawArticle.class)))
            .apply(new NewsMentions(Fixtures.settings(false)));
    PAssert.that(result.articles())
        .satisfies(
            articles -> {
              List<Article> all = new ArrayList<>();
              articles.forEach(all::add);
              assertEquals(2, all.size(), all.toString());
              assertNotEquals(all.get(0).getId(), all.get(1).getId());
              long copies = all.stream().filter(a -> a.getDuplicateOf() != null).count();
              assertEquals(1, copies, all.toString());
              return null;
            });
    PAssert.that(result.counts())
        .satisfies(
            counts -> {
              counts.forEach(c -> assertEquals(1L, c.getArticles(), c.toString()));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static RawArticle raw(String source) {
    return RawArticle.newBuilder()
        .setSource(source)
        .setFormat(RawFormat.RAW_TEXT)
        .setPayload(ByteBuffer.wrap(TEXT.getBytes(StandardCharsets.UTF_8)))
        .setIngested(Instant.parse("2025-05-08T10:00:00Z"))
        .build();
  }
}
