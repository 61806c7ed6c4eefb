package org.newsmentions.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.newsmentions.dedup.StorySignatures;

/** How copies of one story are recognised. */
public interface DedupOptions extends PipelineOptions {
  @Description("off: count every article; exact: identical clean text only; near: MinHash/LSH.")
  @Default.String("near")
  String getDedup();

  void setDedup(String value);

  @Description("Estimated Jaccard similarity of word shingles above which two bodies are copies.")
  @Default.Double(StorySignatures.DEFAULT_THRESHOLD)
  double getDedupThreshold();

  void setDedupThreshold(double value);

  @Description(
      "Copies published further apart than this are separate stories; copies within it are found"
          + " across window boundaries.")
  @Default.String("3d")
  String getDedupHorizon();

  void setDedupHorizon(String value);
}
