package org.newsmentions.sink;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.newsmentions.dedup.KeptStories;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.EntityMentionCount;

/**
 * The four outputs of the job (counts, co-mentions, articles, dead letters), plus the kept stories
 * that the counts come from (in streaming one element per window pane, for sinks that need whole
 * panes, such as the Kafka upserts; in batch one or more stories per element, every count row being
 * final): what the sinks take. It lives with the sinks, not with the job that makes it, so the
 * sinks need nothing from the composition root.
 */
public final class JobOutputs implements PInput, POutput {
  public static final TupleTag<EntityMentionCount> COUNTS = new TupleTag<>("counts") {};
  public static final TupleTag<EntityCoMentionCount> CO_MENTIONS = new TupleTag<>("coMentions") {};
  public static final TupleTag<Article> ARTICLES = new TupleTag<>("articles") {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>("deadLetters") {};
  public static final TupleTag<KeptStories> KEPT_STORIES = new TupleTag<>("keptStories") {};

  private final Pipeline pipeline;
  private final PCollection<EntityMentionCount> counts;
  private final PCollection<EntityCoMentionCount> coMentions;
  private final PCollection<Article> articles;
  private final PCollection<DeadLetter> deadLetters;
  private final PCollection<KeptStories> keptStories;
  private final boolean panes;

  /**
   * The job's outputs as {@code NewsMentions} makes them.
   *
   * @param panes whether each kept-stories element is a whole window pane (streaming) rather than a
   *     part of a window whose counts are final (batch)
   */
  public static JobOutputs of(
      Pipeline pipeline,
      PCollection<EntityMentionCount> counts,
      PCollection<EntityCoMentionCount> coMentions,
      PCollection<Article> articles,
      PCollection<DeadLetter> deadLetters,
      PCollection<KeptStories> keptStories,
      boolean panes) {
    return new JobOutputs(pipeline, counts, coMentions, articles, deadLetters, keptStories, panes);
  }

  private JobOutputs(
      Pipeline pipeline,
      PCollection<EntityMentionCount> counts,
      PCollection<EntityCoMentionCount> coMentions,
      PCollection<Article> articles,
      PCollection<DeadLetter> deadLetters,
      PCollection<KeptStories> keptStories,
      boolean panes) {
    this.pipeline = pipeline;
    this.counts = counts;
    this.coMentions = coMentions;
    this.articles = articles;
    this.deadLetters = deadLetters;
    this.keptStories = keptStories;
    this.panes = panes;
  }

  public PCollection<EntityMentionCount> counts() {
    return counts;
  }

  /** Per window, the pairs of entities named together in at least the minimum of kept articles. */
  public PCollection<EntityCoMentionCount> coMentions() {
    return coMentions;
  }

  public PCollection<Article> articles() {
    return articles;
  }

  public PCollection<DeadLetter> deadLetters() {
    return deadLetters;
  }

  /**
   * What {@link #counts()} tallies: in streaming one element per dated window pane (empty panes
   * included), in batch kept stories in their windows in no particular grouping.
   */
  public PCollection<KeptStories> keptStories() {
    return keptStories;
  }

  /** Whether {@link #keptStories()} holds whole window panes (streaming). */
  public boolean keptStoriesArePanes() {
    return panes;
  }

  /** The same result with more dead letters (e.g. the source's) flattened into it. */
  public JobOutputs withMoreDeadLetters(PCollection<DeadLetter> more) {
    PCollection<DeadLetter> all =
        PCollectionList.of(deadLetters).and(more).apply("AllDeadLetters", Flatten.pCollections());
    return new JobOutputs(pipeline, counts, coMentions, articles, all, keptStories, panes);
  }

  /** Applies a sink (or any transform of all the outputs) to this result. */
  public <O extends POutput> O apply(String name, PTransform<? super JobOutputs, O> transform) {
    return Pipeline.applyTransform(name, this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(
        COUNTS,
        counts,
        CO_MENTIONS,
        coMentions,
        ARTICLES,
        articles,
        DEAD_LETTERS,
        deadLetters,
        KEPT_STORIES,
        keptStories);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
