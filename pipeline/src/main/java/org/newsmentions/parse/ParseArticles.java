package org.newsmentions.parse;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.newsmentions.deadletter.DeadLetters;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.RawArticle;

/**
 * Parses raw records into {@link Article}s (clean title and body, date, outlet, id). Records that
 * cannot be an article go to {@link #DEAD_LETTERS} with the reason and the original payload; a bad
 * field in a good article (an impossible date) costs the field, not the article.
 */
public class ParseArticles extends PTransform<PCollection<RawArticle>, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private final ParserSettings settings;

  public ParseArticles(ParserSettings settings) {
    this.settings = settings;
  }

  @Override
  public PCollectionTuple expand(PCollection<RawArticle> raw) {
    PCollectionTuple out =
        raw.apply(
            "Parse",
            ParDo.of(new ParseFn(settings))
                .withOutputTags(ARTICLES, TupleTagList.of(DEAD_LETTERS)));
    out.get(ARTICLES).setCoder(AvroCoder.of(Article.class));
    out.get(DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }

  static class ParseFn extends DoFn<RawArticle, Article> {
    private final Counter parsed = Metrics.counter(ParseArticles.class, "parsed");
    private final Counter rejected = Metrics.counter(ParseArticles.class, "deadLettered");
    private final Counter datesRejected = Metrics.counter(ParseArticles.class, "datesRejected");
    private final ParserSettings settings;
    private transient ArticleParser parser;

    ParseFn(ParserSettings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      parser = new ArticleParser(settings);
    }

    @ProcessElement
    public void process(@Element RawArticle raw, MultiOutputReceiver out) {
      try {
        ParseOutcome outcome = parser.parse(raw);
        if (outcome.dateRejected()) {
          datesRejected.inc();
        }
        parsed.inc();
        out.get(ARTICLES).output(outcome.article());
      } catch (BadArticleException e) {
        rejected.inc();
        out.get(DEAD_LETTERS).output(dead(raw, e.reason() + ": " + e.getMessage(), e.getCause()));
      } catch (RuntimeException e) {
        // A parser bug must not stop the pipeline; the stack trace says where to look.
        rejected.inc();
        out.get(DEAD_LETTERS).output(dead(raw, "internal: " + e, e));
      }
    }

    private DeadLetter dead(RawArticle raw, String error, Throwable cause) {
      ByteBuffer b = raw.getPayload().duplicate();
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return DeadLetters.of(
          raw.getSource(), "parse", error, cause, bytes, Instant.now(settings.clock()));
    }
  }
}
