package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;
import org.newsmentions.sink.JobOutputs;

/**
 * {@code --entities=FILE} end to end: a newsroom's own list (a company, a local politician, and a
 * replacement for a bundled entry) is read by {@link NewsMentionsPipeline#settings}, and the whole
 * job counts its entities.
 */
@ExtendWith(TestPipelineExtension.class)
class EntitiesOptionPipelineTest {
  private static final String USER_LIST =
      String.join(
          "\n",
          "# our newsroom's list",
          "# version: newsroom-7",
          "id\ttype\tname\taliases\tdemonyms\tsurnames",
          "acme:brightwater\tORGANIZATION\tBrightwater Ferries\tBrightwater",
          "acme:ines-calloway\tPERSON\tInes Calloway\tCouncillor Calloway\t\tCalloway",
          // replaces the bundled European Union row: "the Brussels bloc" now names it too
          "Q458\tORGANIZATION\tEuropean Union\tEU|E.U.|Brussels bloc",
          "");

  private static final String ARTICLE_1 =
      "{\"url\":\"https://harbour.example/ferries-1\",\"title\":\"Brightwater Ferries adds a"
          + " route\",\"maintext\":\"Brightwater Ferries will sail to the islands from June,"
          + " councillor Ines Calloway said on Monday. Calloway said Brightwater had asked the EU"
          + " for a grant.\",\"date_publish\":\"2025-05-05 09:00:00\",\"language\":\"en\"}";

  private static final String ARTICLE_2 =
      "{\"url\":\"https://coast.example/council-2\",\"title\":\"Council backs harbour plan\","
          + "\"maintext\":\"The town council voted for the plan put forward by Ines Calloway. The"
          + " Brussels bloc will pay half, officials said.\",\"date_publish\":\"2025-05-05"
          + " 15:00:00\",\"language\":\"en\"}";

  @Test
  void usersEntitiesAreCounted(TestPipeline pipeline, @TempDir Path dir) throws IOException {
    Path list = dir.resolve("newsroom.tsv");
    Files.writeString(list, USER_LIST, StandardCharsets.UTF_8);
    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs(
                "--entities=" + list, "--input=" + dir + "/*.jsonl", "--output=" + dir)
            .as(NewsMentionsOptions.class);
    NewsMentions.Settings settings = RunSettings.from(options, Fixtures.CLOCK).job();
    assertEquals("Brightwater Ferries", settings.gazetteer().get("acme:brightwater").get().name());
    assertEquals(
        List.of("EU", "E.U.", "Brussels bloc"),
        settings.gazetteer().get("Q458").get().aliases(),
        "an entry with a bundled id replaces the bundled one");
    assertFalse(settings.gazetteer().get("Q159").isEmpty(), "bundled entries are kept");

    JobOutputs result =
        pipeline
            .apply(
                Create.of(raw("ferries.jsonl#0", ARTICLE_1), raw("council.jsonl#0", ARTICLE_2))
                    .withCoder(AvroCoder.of(RawArticle.class)))
            .apply(new NewsMentions(settings));

    PAssert.that(result.counts())
        .satisfies(
            counts -> {
              Map<String, Long> mentions = new TreeMap<>();
              Map<String, Long> articles = new TreeMap<>();
              counts.forEach(
                  c -> {
                    mentions.merge(c.getEntityId(), c.getMentions(), Long::sum);
                    articles.merge(c.getEntityId(), c.getArticles(), Long::sum);
                  });
              // title + "Brightwater Ferries" + "Brightwater"
              assertEquals(3L, mentions.get("acme:brightwater"), mentions.toString());
              assertEquals(1L, articles.get("acme:brightwater"), articles.toString());
              // "Ines Calloway" twice, "Calloway" once
              assertEquals(3L, mentions.get("acme:ines-calloway"), mentions.toString());
              assertEquals(2L, articles.get("acme:ines-calloway"), articles.toString());
              // "EU" and, by the override's new alias, "Brussels bloc"
              assertEquals(2L, mentions.get("Q458"), mentions.toString());
              assertFalse(
                  mentions.keySet().stream()
                      .anyMatch(id -> id.contains("calloway") && !id.startsWith("acme:")),
                  "the user's person is not also found as an open-set name: " + mentions);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static RawArticle raw(String source, String json) {
    return RawArticle.newBuilder()
        .setSource(source)
        .setFormat(RawFormat.JSON_LINE)
        .setPayload(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)))
        .setIngested(Instant.parse("2025-05-05T18:00:00Z"))
        .build();
  }
}
