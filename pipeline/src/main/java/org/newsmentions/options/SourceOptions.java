package org.newsmentions.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.newsmentions.parse.ParserSettings;

/** Where articles come from. */
public interface SourceOptions extends PipelineOptions {
  @Description(
      "Comma-separated file globs to read. *.txt are raw scraper text (one article per file),"
          + " *.jsonl / *.ndjson / *.json are JSON lines (one article per line); other files are"
          + " recognised by content.")
  String getInput();

  void setInput(String value);

  @Description(
      "Records larger than this many bytes are dead-lettered as 'oversize' (their payload is"
          + " kept truncated to this size).")
  @Default.Integer(ParserSettings.DEFAULT_MAX_ARTICLE_BYTES)
  int getMaxArticleBytes();

  void setMaxArticleBytes(int value);

  @Description(
      "Raw HTML pages (files, WARC records, JSON lines with an 'html' field) larger than this many"
          + " bytes are dead-lettered as 'oversize'; the text extracted from a page is still bounded"
          + " by --maxArticleBytes.")
  @Default.Integer(ParserSettings.DEFAULT_MAX_PAGE_BYTES)
  int getMaxPageBytes();

  void setMaxPageBytes(int value);

  @Description(
      "Optional TSV of outlets that write numeric dates month first (outlet key, then month-first"
          + " or day-first), laid over the bundled list. Day first is the default.")
  String getDateOrderFile();

  void setDateOrderFile(String value);

  @Description(
      "Keep watching the --input globs for new files, polling this often (e.g. 30s); implies"
          + " --streaming. Each path is read once, when it has not changed for one interval and its"
          + " name does not end with .tmp/.part (or start with a dot).")
  String getWatch();

  void setWatch(String value);
}
