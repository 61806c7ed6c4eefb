package org.newsmentions.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How articles are windowed by publication date. */
public interface WindowOptions extends PipelineOptions {
  @Description("Window length by publication time, e.g. 1d, 6h, 30m.")
  @Default.String("1d")
  String getWindow();

  void setWindow(String value);

  @Description("Time zone the windows are aligned to (IANA id such as UTC or Asia/Kolkata).")
  @Default.String("UTC")
  String getWindowTimeZone();

  void setWindowTimeZone(String value);

  @Description(
      "What to do with articles without a trustworthy publication date: skip (written to"
          + " articles/ but counted in no window) or ingest-time (windowed by when they were read).")
  @Default.String("skip")
  String getUndated();

  void setUndated(String value);

  @Description("How late (in publication time behind the watermark) an article may arrive.")
  @Default.String("7d")
  String getAllowedLateness();

  void setAllowedLateness(String value);

  @Description("In streaming, emit an early (speculative) pane this often in processing time.")
  @Default.String("1m")
  String getEarlyFiring();

  void setEarlyFiring(String value);

  @Description(
      "Streaming sources only: how far behind the latest publication time seen the watermark"
          + " trails (articles published up to this much out of order are on time).")
  @Default.String("1d")
  String getMaxOutOfOrder();

  void setMaxOutOfOrder(String value);
}
