package org.newsmentions.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How the launcher behaves once the job is handed to a runner. */
public interface RunOptions extends PipelineOptions {
  @Description(
      "Wait for the job to end (batch: then print the run report; streaming: log progress until"
          + " it is cancelled). false returns as soon as the runner has accepted the job: a"
          + " detached Flink submission (--attachedMode=false), a Dataflow job, or a Dataflow"
          + " template (--templateLocation).")
  @Default.Boolean(true)
  Boolean getWaitUntilFinish();

  void setWaitUntilFinish(Boolean value);
}
