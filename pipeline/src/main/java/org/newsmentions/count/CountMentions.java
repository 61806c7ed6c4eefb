package org.newsmentions.count;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.PCollection;
import org.newsmentions.dedup.KeptStories;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.PaneTiming;

/**
 * Turns each window pane's kept stories into one {@link EntityMentionCount} per entity. The counts
 * are recomputed from the pane's whole set, not added up from increments, so a later pane of a
 * window replaces the earlier one and the final pane equals the batch result.
 */
public class CountMentions
    extends PTransform<PCollection<KeptStories>, PCollection<EntityMentionCount>> {

  @Override
  public PCollection<EntityMentionCount> expand(PCollection<KeptStories> kept) {
    return kept.apply("Tally", ParDo.of(new TallyFn()))
        .setCoder(AvroCoder.of(EntityMentionCount.class));
  }

  /**
   * The count records of one window pane: one per entity of the pane's kept stories (none for a
   * pane whose stories name no entity, or that has no kept story).
   */
  public static List<EntityMentionCount> rows(
      KeptStories stories, BoundedWindow window, PaneInfo pane) {
    IntervalWindow w = (IntervalWindow) window;
    PaneTiming timing =
        switch (pane.getTiming()) {
          case EARLY -> PaneTiming.EARLY;
          case LATE -> PaneTiming.LATE;
          default -> PaneTiming.ON_TIME;
        };
    Instant start = Instant.ofEpochMilli(w.start().getMillis());
    Instant end = Instant.ofEpochMilli(w.end().getMillis());
    List<EntityMentionCount> out = new ArrayList<>();
    for (EntityTally t : MentionTally.tally(stories.stories())) {
      out.add(t.toCount(start, end, timing, pane.getIndex()));
    }
    return out;
  }

  static class TallyFn extends DoFn<KeptStories, EntityMentionCount> {
    private final Counter emitted = Metrics.counter(CountMentions.class, "countsEmitted");

    @ProcessElement
    public void process(
        @Element KeptStories stories,
        BoundedWindow window,
        PaneInfo pane,
        OutputReceiver<EntityMentionCount> out) {
      for (EntityMentionCount c : rows(stories, window, pane)) {
        emitted.inc();
        out.output(c);
      }
    }
  }
}
