package org.newsmentions.entities;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.SerializableUtils;
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
  private final EntityExtractor.Recognizer recognizer;

  public ExtractEntities(Gazetteer gazetteer) {
    this(gazetteer, EntityExtractor.Recognizer.defaultChoice());
  }

  /** With the given recogniser for names outside the gazetteer ({@code --recognizer}). */
  public ExtractEntities(Gazetteer gazetteer, EntityExtractor.Recognizer recognizer) {
    this.gazetteer = gazetteer;
    this.recognizer = recognizer;
  }

  @Override
  public PCollection<Article> expand(PCollection<Article> articles) {
    return articles
        .apply("Extract", ParDo.of(new ExtractFn(gazetteer, recognizer)))
        .setCoder(AvroCoder.of(Article.class));
  }

  /** True for articles entity extraction runs on: English or of unknown language. */
  public static boolean extractable(Article a) {
    String lang = a.getLanguage();
    return lang == null || lang.isBlank() || lang.toLowerCase(Locale.ROOT).startsWith("en");
  }

  static class ExtractFn extends DoFn<Article, Article> {
    /**
     * Extractors by gazetteer content and recogniser, one per JVM: extractors are thread-safe, and
     * building one (gazetteer, lookup index, open-set word lists) costs far more than a bundle of
     * articles. The tagger's model is read once per JVM whatever the key ({@code NerTagger}).
     */
    private static final Map<String, EntityExtractor> EXTRACTORS = new ConcurrentHashMap<>();

    private final Counter withEntities = Metrics.counter(ExtractEntities.class, "withEntities");
    private final Counter notEnglish = Metrics.counter(ExtractEntities.class, "notEnglish");

    /**
     * The gazetteer serialised once, as bytes: the Direct Runner serialises and deserialises this
     * DoFn for every bundle, and a byte array costs a copy where the gazetteer's object graph (some
     * 55 KB of small strings) cost a walk both ways.
     */
    private final byte[] gazetteer;

    private final String gazetteerKey;
    private final EntityExtractor.Recognizer recognizer;
    private transient EntityExtractor extractor;

    ExtractFn(Gazetteer gazetteer, EntityExtractor.Recognizer recognizer) {
      this.gazetteer = SerializableUtils.serializeToByteArray(gazetteer);
      this.gazetteerKey = sha256(this.gazetteer) + "/" + recognizer;
      this.recognizer = recognizer;
    }

    @Setup
    public void setup() {
      extractor =
          EXTRACTORS.computeIfAbsent(
              gazetteerKey,
              k ->
                  new EntityExtractor(
                          (Gazetteer)
                              SerializableUtils.deserializeFromByteArray(gazetteer, "gazetteer"))
                      .withRecognizer(recognizer));
    }

    private static String sha256(byte[] bytes) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
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
