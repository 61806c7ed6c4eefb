package org.newsmentions.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Which co-mentioned pairs are written. */
public interface CoMentionOptions extends PipelineOptions {
  @Description(
      "Write a pair of entities to comentions/ when at least this many kept articles of a window"
          + " name both (each article counts the pairs of its 10 most mentioned entities).")
  @Default.Integer(2)
  int getMinCoMentions();

  void setMinCoMentions(int value);
}
