package org.newsmentions.window;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.newsmentions.dedup.WindowLayout;

/**
 * The window arithmetic, without Beam: windows of a whole number of days follow the calendar of the
 * time zone (DST included); shorter windows are fixed lengths aligned to the zone's standard
 * offset. Used by the reference model; the pipeline uses Beam's CalendarWindows / FixedWindows with
 * the same alignment.
 */
public final class PublicationWindows implements Serializable, WindowLayout {
  private static final long serialVersionUID = 1L;
  private static final long DAY = 86_400_000L;
  private static final Instant ALIGNMENT_REFERENCE = Instant.parse("2025-01-01T00:00:00Z");

  /** Calendar days in UTC: the default windows. */
  public static final PublicationWindows DAILY_UTC = new PublicationWindows(DAY, "UTC");

  private final long sizeMillis;
  private final String zone;

  public PublicationWindows(long sizeMillis, String zone) {
    if (sizeMillis <= 0) {
      throw new IllegalArgumentException("the window size must be positive, not " + sizeMillis);
    }
    ZoneId.of(zone); // fails early with a clear message on a bad id
    this.sizeMillis = sizeMillis;
    this.zone = zone;
  }

  public boolean calendarDays() {
    return sizeMillis % DAY == 0;
  }

  public int days() {
    return (int) (sizeMillis / DAY);
  }

  public long sizeMillis() {
    return sizeMillis;
  }

  public String zone() {
    return zone;
  }

  /** Offset that aligns fixed (sub-day) windows to the zone's standard time. */
  public long fixedOffsetMillis() {
    ZoneOffset standard = ZoneId.of(zone).getRules().getStandardOffset(ALIGNMENT_REFERENCE);
    return Math.floorMod(-standard.getTotalSeconds() * 1000L, sizeMillis);
  }

  /** [start, end) of the window holding {@code t}. */
  public Instant[] windowOf(Instant t) {
    if (calendarDays()) {
      ZoneId z = ZoneId.of(zone);
      LocalDate date = t.atZone(z).toLocalDate();
      long epochDay = date.toEpochDay();
      long startDay = Math.floorDiv(epochDay, days()) * days();
      LocalDate start = LocalDate.ofEpochDay(startDay);
      return new Instant[] {
        start.atStartOfDay(z).toInstant(), start.plusDays(days()).atStartOfDay(z).toInstant()
      };
    }
    long offset = fixedOffsetMillis();
    long start = Math.floorDiv(t.toEpochMilli() - offset, sizeMillis) * sizeMillis + offset;
    return new Instant[] {Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + sizeMillis)};
  }

  /**
   * Every window that an article at {@code t} is visible to when copies are looked for within
   * {@code horizonMillis}: the windows that overlap [t - horizon, t + horizon]. With a zero horizon
   * that is just the window holding t.
   */
  public List<Instant[]> windowsNear(Instant t, long horizonMillis) {
    List<Instant[]> out = new ArrayList<>();
    Instant last = t.plusMillis(horizonMillis);
    Instant[] w = windowOf(t.minusMillis(horizonMillis));
    while (!w[0].isAfter(last)) {
      out.add(w);
      w = windowOf(w[1]);
    }
    return out;
  }

  @Override
  public long[] windowOf(long t) {
    Instant[] w = windowOf(Instant.ofEpochMilli(t));
    return new long[] {w[0].toEpochMilli(), w[1].toEpochMilli()};
  }

  @Override
  public List<long[]> windowsNear(long t, long horizonMillis) {
    List<long[]> out = new ArrayList<>();
    for (Instant[] w : windowsNear(Instant.ofEpochMilli(t), horizonMillis)) {
      out.add(new long[] {w[0].toEpochMilli(), w[1].toEpochMilli()});
    }
    return out;
  }
}
