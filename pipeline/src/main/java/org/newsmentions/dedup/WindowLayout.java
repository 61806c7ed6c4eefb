package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.List;

/**
 * The publication windows as deduplication needs them, in epoch millis (implemented by the window
 * package's PublicationWindows, which depends on this package and not the other way round).
 */
public interface WindowLayout extends Serializable {
  /** The (start, end) of the window holding t. */
  long[] windowOf(long t);

  /** The (start, end) of every window whose horizon holds t: those overlapping [t - h, t + h]. */
  List<long[]> windowsNear(long t, long horizonMillis);
}
