package org.newsmentions;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.GaugeResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.newsmentions.window.LatenessGate;

/**
 * Logs a {@link ProgressLine} every so often from a running pipeline's metrics, on a daemon thread.
 * Metrics are the attempted values (committed where the runner has them), so a line is a snapshot
 * of work in progress.
 */
final class ProgressLog implements AutoCloseable {
  private final PipelineResult result;
  private final long startMillis = System.currentTimeMillis();
  private final Consumer<String> log;
  private final ScheduledExecutorService timer;

  private ProgressLog(PipelineResult result, Consumer<String> log, long everyMillis) {
    this.result = result;
    this.log = log;
    if (everyMillis > 0) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "progress-log");
                t.setDaemon(true);
                return t;
              });
      timer.scheduleAtFixedRate(this::logNow, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    } else {
      timer = null;
    }
  }

  /** Starts logging every {@code everyMillis} (0: only when {@link #logNow} is called). */
  static ProgressLog start(PipelineResult result, long everyMillis, Consumer<String> log) {
    return new ProgressLog(result, log, everyMillis);
  }

  /** Logs one line now; a failure to read metrics is logged, never thrown. */
  void logNow() {
    try {
      log.accept(line(result, System.currentTimeMillis() - startMillis));
    } catch (RuntimeException e) {
      log.accept("progress: metrics not available (" + e + ")");
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** The progress line for a pipeline's current metrics. */
  static String line(PipelineResult result, long elapsedMillis) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
    Map<String, Long> counters = counters(metrics);
    Long watermark = null;
    String gauge = LatenessGate.class.getSimpleName() + ".watermarkEstimate";
    for (MetricResult<GaugeResult> g : metrics.getGauges()) {
      GaugeResult v = value(g);
      if (v != null && key(g).equals(gauge)) {
        watermark = watermark == null ? v.getValue() : Math.max(watermark, v.getValue());
      }
    }
    return ProgressLine.format(counters, watermark, elapsedMillis);
  }

  /** A counter's total over all steps by name, as the progress line reads it. */
  static long counter(PipelineResult result, String name) {
    return ProgressLine.byName(counterTotals(result), name);
  }

  /** Every counter's total over steps, keyed {@code SimpleNamespace.name}. */
  static Map<String, Long> counterTotals(PipelineResult result) {
    return counters(result.metrics().queryMetrics(MetricsFilter.builder().build()));
  }

  private static Map<String, Long> counters(MetricQueryResults metrics) {
    Map<String, Long> counters = new TreeMap<>();
    for (MetricResult<Long> c : metrics.getCounters()) {
      Long v = value(c);
      counters.merge(key(c), v == null ? 0L : v, Long::sum);
    }
    return counters;
  }

  private static String key(MetricResult<?> m) {
    return m.getName().getNamespace().replaceAll(".*\\.", "") + "." + m.getName().getName();
  }

  private static <T> T value(MetricResult<T> m) {
    try {
      return m.getCommitted();
    } catch (UnsupportedOperationException e) {
      return m.getAttempted();
    }
  }
}
