package org.newsmentions.read;

import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Requirements;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.RawArticle;

/**
 * The parts of {@link ReadArticles#watching}, for tests that drive the watcher poll by poll: its
 * poll function ({@link ReadArticles.CompleteFilesFn}, the {@link FileCompletion} rule), its
 * identity of a file ({@link ReadArticles.PathOf}) and its record split ({@link
 * ReadArticles.SplitRecordsFn}), wired as {@code ReadArticles.expand} wires them, but with the poll
 * function and the termination condition given (the product polls for ever).
 */
public final class WatchParts {
  private WatchParts() {}

  /** The watcher's poll function, with its quiet period (the product uses the poll interval). */
  public static Watch.Growth.PollFn<String, MatchResult.Metadata> completeFiles(long quietMillis) {
    return new ReadArticles.CompleteFilesFn(quietMillis);
  }

  /** The watching branch of {@code ReadArticles.expand}, with this poll function and end. */
  public static PTransform<PBegin, PCollectionTuple> watching(
      List<String> globs,
      int maxArticleBytes,
      Watch.Growth.PollFn<String, MatchResult.Metadata> pollFn,
      Duration pollInterval,
      Watch.Growth.TerminationCondition<String, ?> termination) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(PBegin input) {
        PCollectionTuple out =
            input
                .apply("Globs", Create.of(globs))
                .apply(
                    "WatchFiles",
                    Watch.growthOf(
                            Contextful.of(pollFn, Requirements.empty()), new ReadArticles.PathOf())
                        .withPollInterval(pollInterval)
                        .withTerminationPerInput(termination)
                        .withOutputCoder(MetadataCoderV2.of())
                        .withOutputKeyCoder(StringUtf8Coder.of()))
                .apply("Files", Values.create())
                .apply(
                    "SplitRecords",
                    ParDo.of(
                            new ReadArticles.SplitRecordsFn(
                                new RawRecords.Limits(
                                    maxArticleBytes,
                                    org.newsmentions.parse.ParserSettings.DEFAULT_MAX_PAGE_BYTES)))
                        .withOutputTags(
                            ReadArticles.RECORDS, TupleTagList.of(ReadArticles.DEAD_LETTERS)));
        out.get(ReadArticles.RECORDS).setCoder(AvroCoder.of(RawArticle.class));
        out.get(ReadArticles.DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
        return out;
      }
    };
  }
}
