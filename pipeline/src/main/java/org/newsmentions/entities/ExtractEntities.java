package org.newsmentions.entities;

import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;

/**
 * Finds the entities each article's clean title and body mention, by the rules of MENTIONS.md, and
 * stores them with counts and offsets on the article. Articles in a language other than English
 * pass through with no entities (counted), since the gazetteer and rules are English.
 */
public class ExtractEntities extends PTransform<PCollection<Article>, PCollection<Article>> {
  private final Gazetteer gazetteer;

  public ExtractEntities(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @Override
  public PCollection<Article> expand(PCollection<Article> articles) {
    return articles
        .apply("Extract", ParDo.of(new ExtractFn(gazetteer)))
        .setCoder(AvroCoder.of(Article.class));
  }

  /** True for articles entity extraction runs on: English or of unknown language. */
  public static boolean extractable(Article a) {
    String lang = a.getLanguage();
    return lang == null || lang.isBlank() || lang.toLowerCase().startsWith("en");
  }

  static class ExtractFn extends DoFn<Article, Article> {
    private final Counter withEntities = Metrics.counter(ExtractEntities.class, "withEntities");
    private final Counter notEnglish = Metrics.counter(ExtractEntities.class, "notEnglish");
    private final Gazetteer gazetteer;
    private transient EntityExtractor extractor;

    ExtractFn(Gazetteer gazetteer) {
      this.gazetteer = gazetteer;
    }

    @Setup
    public void setup() {
      extractor = new EntityExtractor(gazetteer);
    }

    @ProcessElement
    public void process(@Element Article article, OutputReceiver<Article> out) {
      if (!extractable(article)) {
        notEnglish.inc();
        out.output(article);
        return;
      }
      List<ArticleEntity> entities = extractor.extract(article.getTitle(), article.getBody());
      if (!entities.isEmpty()) {
        withEntities.inc();
      }
      out.output(Article.newBuilder(article).setEntities(entities).build());
    }
  }
}
