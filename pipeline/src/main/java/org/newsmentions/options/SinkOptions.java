package org.newsmentions.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where results go. */
public interface SinkOptions extends PipelineOptions {
  @Description(
      "Output directory (local path or any Beam filesystem such as gs://). Receives counts/,"
          + " comentions/, articles/ and dead-letter/.")
  String getOutput();

  void setOutput(String value);

  @Description(
      "Output formats, comma-separated: json (JSON lines with the Avro field names), avro,"
          + " parquet (ZSTD), csv (counts and co-mentions only).")
  @Default.String("json")
  String getFormat();

  void setFormat(String value);
}
