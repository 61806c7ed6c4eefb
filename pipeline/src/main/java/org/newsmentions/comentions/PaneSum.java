package org.newsmentions.comentions;

import java.io.Serializable;

/**
 * A pair's sum over the kept articles of one window as of one upstream pane. Each pane of a window
 * holds the window's whole set of kept stories (panes accumulate), so sums of one pane add up and a
 * later pane replaces an earlier one instead of adding to it: {@link #merge} keeps the sum of the
 * highest pane and adds only sums of that same pane. That is associative and commutative, so a
 * combiner may merge partial sums in any order and still get the latest pane's complete sum.
 *
 * @param pane the index of the upstream pane the sum comes from; -1 with a null sum for nothing
 */
public record PaneSum(long pane, CoMention sum) implements Serializable {
  /** No contribution yet. */
  public static final PaneSum EMPTY = new PaneSum(-1, null);

  public static PaneSum merge(PaneSum x, PaneSum y) {
    if (x.sum == null || y.pane > x.pane) {
      return y;
    }
    if (y.sum == null || y.pane < x.pane) {
      return x;
    }
    return new PaneSum(x.pane, x.sum.plus(y.sum));
  }
}
