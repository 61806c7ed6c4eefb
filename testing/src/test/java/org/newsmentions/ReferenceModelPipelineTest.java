package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsmentions.read.ReadArticles;
import org.newsmentions.reference.ModelAssert;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.sink.JobOutputs;

/** The Beam pipeline's output equals the in-memory reference model's on the bundled samples. */
@ExtendWith(TestPipelineExtension.class)
class ReferenceModelPipelineTest {

  @Test
  void pipelineOverSampleFilesEqualsReferenceModel(TestPipeline pipeline) {
    List<Path> files = Fixtures.sampleFiles();
    assertFalse(files.isEmpty(), "bundled samples missing");
    assertPipelineEqualsModel(pipeline, files);
  }

  /**
   * Part of the samples (the first part of the Flink restart test: one copy of the wire story, and
   * stories of one day from two files): batch counts once per (window, entity), not in parts.
   */
  @Test
  void pipelineOverPartOfTheSamplesEqualsReferenceModel(TestPipeline pipeline) {
    List<Path> files =
        Fixtures.sampleFiles().stream()
            .filter(f -> f.getFileName().toString().matches("0[1256]-.*"))
            .toList();
    assertTrue(files.size() == 4, "samples 01, 02, 05 and 06: " + files);
    assertPipelineEqualsModel(pipeline, files);
  }

  /** The HTML pages and the WARC crawl of them too: pages, skipped records and superseding. */
  @Test
  void pipelineOverEverySampleIncludingPagesAndTheCrawlEqualsReferenceModel(TestPipeline pipeline) {
    List<Path> files = Fixtures.allSampleFiles();
    assertTrue(
        files.stream().anyMatch(f -> f.toString().endsWith(".warc.gz")), "sample crawl missing");
    ReferenceModel.Output expected = assertPipelineEqualsModel(pipeline, files);
    assertTrue(
        expected.articles().stream().anyMatch(a -> "de".equals(a.getLanguage())),
        "the German page is an article");
  }

  /** Runs the job and the model over {@code files}; every output and field must agree. */
  private static ReferenceModel.Output assertPipelineEqualsModel(
      TestPipeline pipeline, List<Path> files) {
    NewsMentions.Settings settings = Fixtures.settings(false);
    ReferenceModel.Output expected =
        ReferenceModel.run(ReferenceModel.readFiles(files, 2 * 1024 * 1024), settings);
    String globs = String.join(",", files.stream().map(Path::toString).toList());
    JobOutputs result =
        pipeline
            .apply("ReadArticles", ReadArticles.from(globs).withMaxArticleBytes(2 * 1024 * 1024))
            .get(ReadArticles.RECORDS)
            .apply("NewsMentions", new NewsMentions(settings));

    ModelAssert.assertFinalPanes("counts", result.counts(), expected.counts());
    ModelAssert.assertFinalCoMentionPanes(
        "co-mentions", result.coMentions(), expected.coMentions());
    // Every field too (pane fields included), beyond the per-window figures.
    PAssert.that(result.counts()).containsInAnyOrder(expected.counts());
    PAssert.that(result.coMentions()).containsInAnyOrder(expected.coMentions());
    PAssert.that(result.articles()).containsInAnyOrder(expected.articles());
    PAssert.that(result.deadLetters()).containsInAnyOrder(expected.deadLetters());
    pipeline.run().waitUntilFinish();
    return expected;
  }

  @Test
  void inMemoryRecordsGiveTheSameCountsAsFiles(TestPipeline pipeline) {
    NewsMentions.Settings settings = Fixtures.settings(false);
    List<RawArticle> raws = ReferenceModel.readFiles(Fixtures.sampleFiles(), 2 * 1024 * 1024);
    ReferenceModel.Output expected = ReferenceModel.run(raws, settings);
    JobOutputs result =
        pipeline
            .apply(Create.of(raws).withCoder(AvroCoder.of(RawArticle.class)))
            .apply("NewsMentions", new NewsMentions(settings));
    ModelAssert.assertFinalPanes("counts", result.counts(), expected.counts());
    PAssert.that(result.counts()).containsInAnyOrder(expected.counts());
    pipeline.run().waitUntilFinish();
  }
}
