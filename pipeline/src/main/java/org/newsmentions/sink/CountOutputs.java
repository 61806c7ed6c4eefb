package org.newsmentions.sink;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PDone;

/**
 * Counts what the job hands to its sinks, as the metrics {@code CountOutputs.articles} and {@code
 * CountOutputs.deadLetters}: the right-hand side of the run report's record accounting (records
 * read = articles + dead letters + records skipped by reason).
 */
public class CountOutputs extends PTransform<JobOutputs, PDone> {

  @Override
  public PDone expand(JobOutputs outputs) {
    outputs.articles().apply("CountArticles", ParDo.of(new CountFn<>("articles")));
    outputs.deadLetters().apply("CountDeadLetters", ParDo.of(new CountFn<>("deadLetters")));
    return PDone.in(outputs.getPipeline());
  }

  static class CountFn<T> extends DoFn<T, Void> {
    private final Counter counter;

    CountFn(String name) {
      this.counter = Metrics.counter(CountOutputs.class, name);
    }

    @ProcessElement
    public void process() {
      counter.inc();
    }
  }
}
