package org.newsmentions.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How the launcher behaves once the job is handed to a runner. */
public interface RunOptions extends PipelineOptions {
  @Description(
      "Batch: wait for the job to end, then print the run report (counters, top entities)."
          + " false returns as soon as the runner has accepted the job: a detached Flink"
          + " submission (--attachedMode=false), a Dataflow job, or a Dataflow template"
          + " (--templateLocation). Streaming jobs never wait.")
  @Default.Boolean(true)
  Boolean getWaitUntilFinish();

  void setWaitUntilFinish(Boolean value);
}
