package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.sink.JobOutputs;

/** A file that cannot be read is a dead letter of the read stage; the files beside it count. */
@ExtendWith(TestPipelineExtension.class)
class UnreadableFileTest {
  @TempDir Path dir;

  @Test
  void brokenArchiveIsDeadLetteredAndGoodFileCounted(TestPipeline pipeline) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        in.resolve("good.txt"),
        " date 2025-05-05 Menu\n\nFarmers protest in Madrid\n\nSpanish farmers drove tractors"
            + " into Madrid on Monday to protest against new rules on water use, and Spain's"
            + " agriculture minister promised talks this week.\n");
    // A gzip archive cut off in the middle, as a crashed scraper or copy leaves it.
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
      for (int i = 0; i < 2000; i++) {
        z.write(("{\"title\": \"Item " + i + "\", \"maintext\": \"Text " + i + "\"}\n").getBytes());
      }
    }
    byte[] whole = gz.toByteArray();
    Files.write(in.resolve("feed.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs("--input=" + in + "/*", "--output=" + dir.resolve("out"))
            .as(NewsMentionsOptions.class);

    JobOutputs result = NewsMentionsPipeline.build(pipeline, options, Fixtures.CLOCK);

    PAssert.that(result.deadLetters())
        .satisfies(
            letters -> {
              List<DeadLetter> all = new ArrayList<>();
              letters.forEach(all::add);
              all.removeIf(l -> !l.getStage().equals("read"));
              assertEquals(1, all.size(), all.toString());
              assertTrue(all.get(0).getSource().endsWith("feed.jsonl.gz"));
              assertTrue(all.get(0).getError().startsWith("unreadable"), all.get(0).getError());
              return null;
            });
    PAssert.that(result.counts())
        .satisfies(
            counts -> {
              List<String> names = new ArrayList<>();
              counts.forEach(c -> names.add(c.getEntityName()));
              assertTrue(names.contains("Madrid") && names.contains("Spain"), names.toString());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
