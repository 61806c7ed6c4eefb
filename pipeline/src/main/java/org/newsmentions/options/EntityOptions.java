package org.newsmentions.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Which entities are recognised. */
public interface EntityOptions extends PipelineOptions {
  @Description(
      "Optional gazetteer file (same TSV format as the bundled one) whose entries are added to,"
          + " or replace by id, the bundled entities.")
  String getEntities();

  void setEntities(String value);

  @Description(
      "How names outside the gazetteer are found: ner (a statistical tagger trained on CoNLL-2003,"
          + " then the rules for what it leaves) or rules (the rules alone, faster).")
  @Default.String("ner")
  String getRecognizer();

  void setRecognizer(String value);
}
