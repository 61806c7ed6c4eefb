package org.newsmentions.read;

import java.util.List;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;

/**
 * The watching source of {@link ReadArticles}, for tests that drive the watcher poll by poll: its
 * own poll function ({@link ReadArticles.CompleteFilesFn}, the {@link FileCompletion} rule), and
 * the source itself with a given poll function and end (the product polls for ever).
 */
public final class WatchParts {
  private WatchParts() {}

  /** The watcher's poll function, with its quiet period (the product uses the poll interval). */
  public static Watch.Growth.PollFn<String, MatchResult.Metadata> completeFiles(long quietMillis) {
    return new ReadArticles.CompleteFilesFn(quietMillis);
  }

  /** {@link ReadArticles#watching} with this poll function and end (the product polls for ever). */
  public static PTransform<PBegin, PCollectionTuple> watching(
      List<String> globs,
      int maxArticleBytes,
      Watch.Growth.PollFn<String, MatchResult.Metadata> pollFn,
      Duration pollInterval,
      Watch.Growth.TerminationCondition<String, ?> termination) {
    return ReadArticles.from(String.join(",", globs))
        .withMaxArticleBytes(maxArticleBytes)
        .watching(pollInterval)
        .withWatchPolls(pollFn, termination);
  }
}
