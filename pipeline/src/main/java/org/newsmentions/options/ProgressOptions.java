package org.newsmentions.options;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How the running pipeline reports its progress. */
public interface ProgressOptions extends PipelineOptions {
  @Description(
      "Log a one-line progress summary this often (e.g. 30s, 5m), or 'off'. Default: every 30s in"
          + " streaming; in batch one line at the end, before the run report.")
  String getProgressEvery();

  void setProgressEvery(String value);
}
