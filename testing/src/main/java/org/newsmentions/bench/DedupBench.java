package org.newsmentions.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.newsmentions.dedup.DedupCoders;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.dedup.KeyedDedup;
import org.newsmentions.dedup.StoryDeduplicator;
import org.newsmentions.dedup.StoryDigest;
import org.newsmentions.dedup.StorySignatures;
import org.newsmentions.dedup.StoryVerdict;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.schema.Article;
import org.newsmentions.window.PublicationWindows;

/**
 * The dedup stage alone on N generated articles, in bounded memory, as the pipeline does it per
 * daily window (issue 6's measurement): one pass makes each article's digest (entities and MinHash
 * signature, the signature timed on its own) and spills it, encoded with {@link
 * DedupCoders.DigestCoder} as the runner would keep it in state, to a file per publication day; a
 * second pass walks the days in order holding only the digests within the horizon of the current
 * window (the window and three days either side) and runs {@link StoryDeduplicator} on them, as
 * {@code DeduplicateAcrossOutlets} does per window.
 *
 * <p>Articles come from {@link CorpusGenerator} without the parser (its truth: paragraphs,
 * publication time, outlet), streamed, so N = 1M needs neither the parser's 15 CPU minutes nor the
 * whole corpus in memory. Dates spread over one month as in the generated corpora, so a window's
 * visible set grows with N: 1M articles is about 33,000 a day and 230,000 digests in a window's
 * horizon, the heaviest case measured.
 */
final class DedupBench {
  private static final long DAY = 86_400_000L;
  private static final int HORIZON_DAYS = 3;

  private DedupBench() {}

  static void run(long n, long seed, int days, Path results) throws IOException {
    Path spill = Files.createTempDirectory("dedup-bench");
    try {
      runIn(n, seed, days, results, spill);
    } finally {
      try (Stream<Path> s = Files.list(spill)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(spill);
    }
  }

  private static void runIn(long n, long seed, int spanDays, Path results, Path spill)
      throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CorpusGenerator generator =
        new CorpusGenerator(CorpusGenerator.Settings.defaults(seed).withDays(spanDays));
    StorySignatures signatures = new StorySignatures();
    EntityExtractor extractor = new EntityExtractor(Gazetteer.loadDefault());
    DedupCoders.DigestCoder coder = DedupCoders.DigestCoder.of();
    Map<Long, OutputStream> days = new TreeMap<>();
    long digests = 0;
    long encodedBytes = 0;
    long maxEncoded = 0;
    long signatureCpu = 0;
    long bodyChars = 0;
    ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
    long signWall;
    long signCpu;
    long signPeak;
    try (ResourceMeter meter = new ResourceMeter()) {
      for (long i = 0; i < n; i++) {
        generator.next();
        CorpusGenerator.Truth t = generator.lastTruth();
        if (t == null) {
          continue; // a bad record: the parser would dead-letter it
        }
        Article a =
            Article.newBuilder()
                .setId("g:" + i)
                .setSource("generated#" + i)
                .setOutlet(t.outlet())
                .setTitle("")
                .setBody(t.body())
                .setPublished(Instant.ofEpochMilli(t.publishedMillis()))
                .setIngested(Instant.ofEpochMilli(t.publishedMillis() + 60_000))
                .build();
        a.setEntities(extractor.extract(a.getTitle(), a.getBody()));
        long c0 = threads.getCurrentThreadCpuTime();
        StoryDigest d = signatures.digest(a, t.publishedMillis());
        signatureCpu += threads.getCurrentThreadCpuTime() - c0;
        bodyChars += t.body().length();
        buf.reset();
        coder.encode(d, buf);
        encodedBytes += buf.size();
        maxEncoded = Math.max(maxEncoded, buf.size());
        long day = Math.floorDiv(t.publishedMillis(), DAY);
        OutputStream out = days.get(day);
        if (out == null) {
          out =
              new BufferedOutputStream(Files.newOutputStream(spill.resolve(day + ".bin")), 1 << 16);
          days.put(day, out);
        }
        buf.writeTo(out);
        digests++;
      }
      for (OutputStream out : days.values()) {
        out.close();
      }
      meter.stop();
      signWall = (long) (meter.wallSeconds() * 1e9);
      signCpu = (long) (meter.cpuSeconds() * 1e9);
      signPeak = meter.peakHeapBytes();
      Bench.append(
          results,
          String.join(
              "\t",
              Long.toString(n),
              "dedup:digests",
              Long.toString(n),
              "-",
              seconds(signWall),
              seconds(signCpu),
              Long.toString(signPeak),
              Long.toString(meter.liveHeapBytes()),
              Long.toString(ResourceMeter.maxHeapBytes()),
              "1",
              String.format(
                  Locale.ROOT,
                  "generate + entities + signature + encode + spill; %d digests; signature %.1f"
                      + " us/article (%.0f articles per CPU s, %.0f body chars avg); digest"
                      + " encoded %.0f bytes avg, %d max; %s",
                  digests,
                  signatureCpu / 1e3 / digests,
                  digests / (signatureCpu / 1e9),
                  (double) bodyChars / digests,
                  (double) encodedBytes / digests,
                  maxEncoded,
                  Bench.load())));
    }

    // Pass 2: windows in order, holding the digests within the horizon only.
    StoryDeduplicator deduplicator =
        new StoryDeduplicator(
            DedupMode.NEAR, StorySignatures.DEFAULT_THRESHOLD, HORIZON_DAYS * DAY);
    TreeMap<Long, List<StoryDigest>> held = new TreeMap<>();
    List<Long> dayList = new ArrayList<>(days.keySet());
    dayList.sort(Comparator.naturalOrder());
    long duplicates = 0;
    long kept = 0;
    int maxVisible = 0;
    long heldBytesPerDigest = -1;
    long decisions = 0;
    Map<String, StoryVerdict> windowVerdicts = n <= KEYED_MAX ? new HashMap<>() : null;
    try (ResourceMeter meter = new ResourceMeter()) {
      for (long day : dayList) {
        while (!held.isEmpty() && held.firstKey() < day - HORIZON_DAYS) {
          held.pollFirstEntry();
        }
        for (long d = day - HORIZON_DAYS; d <= day + HORIZON_DAYS; d++) {
          if (!held.containsKey(d) && days.containsKey(d)) {
            held.put(d, readDay(spill.resolve(d + ".bin"), coder));
          }
        }
        List<StoryDigest> visible = new ArrayList<>();
        held.values().forEach(visible::addAll);
        if (visible.size() > maxVisible) {
          maxVisible = visible.size();
        }
        if (heldBytesPerDigest < 0 && day == dayList.get(dayList.size() / 2)) {
          heldBytesPerDigest = heapPerDigest(spill.resolve(day + ".bin"), coder);
        }
        StoryDeduplicator.Result r = deduplicator.deduplicate(visible, day * DAY, (day + 1) * DAY);
        for (StoryDeduplicator.Decision dec : r.decisions()) {
          decisions++;
          if (windowVerdicts != null) {
            windowVerdicts.put(dec.versionKey(), dec.verdict());
          }
          if (dec.verdict().duplicateOf() != null) {
            duplicates++;
          }
        }
        kept += r.kept().size();
      }
      meter.stop();
      Bench.append(
          results,
          meteredRow(
              n,
              "dedup:windows",
              meter,
              String.format(
                  Locale.ROOT,
                  "StoryDeduplicator per daily window over the digests within the 3-day horizon;"
                      + " %d windows, at most %d digests visible to one window; %d decisions, %d"
                      + " duplicates, %d kept; heap per held digest %d bytes (after GC); %s",
                  dayList.size(),
                  maxVisible,
                  decisions,
                  duplicates,
                  kept,
                  heldBytesPerDigest,
                  Bench.load())));
    }
    if (windowVerdicts != null) {
      keyed(n, dayList, spill, coder, windowVerdicts, results);
    }
  }

  /** A result row of a measurement taken on this thread's JVM with {@code meter}. */
  private static String meteredRow(long n, String name, ResourceMeter meter, String note) {
    return String.join(
        "\t",
        Long.toString(n),
        name,
        Long.toString(n),
        "-",
        String.format(Locale.ROOT, "%.3f", meter.wallSeconds()),
        String.format(Locale.ROOT, "%.3f", meter.cpuSeconds()),
        Long.toString(meter.peakHeapBytes()),
        Long.toString(meter.liveHeapBytes()),
        Long.toString(ResourceMeter.maxHeapBytes()),
        "1",
        note);
  }

  /** The keyed pass is in memory (every digest and bucket at once): run it up to this size. */
  static final long KEYED_MAX = 100_000;

  /**
   * Pass 3: {@link KeyedDedup} over every digest at once, each step on what its key would hold, and
   * its verdicts compared with pass 2's (StoryDeduplicator per window).
   */
  private static void keyed(
      long n,
      List<Long> dayList,
      Path spill,
      DedupCoders.DigestCoder coder,
      Map<String, StoryVerdict> expected,
      Path results)
      throws IOException {
    List<StoryDigest> all = new ArrayList<>();
    for (long day : dayList) {
      all.addAll(readDay(spill.resolve(day + ".bin"), coder));
    }
    KeyedDedup keyedDedup =
        new KeyedDedup(
            DedupMode.NEAR,
            StorySignatures.DEFAULT_THRESHOLD,
            HORIZON_DAYS * DAY,
            PublicationWindows.DAILY_UTC,
            KeyedDedup.DEFAULT_BUCKET_CAP);
    try (ResourceMeter meter = new ResourceMeter()) {
      KeyedDedup.Result r = keyedDedup.run(all, true);
      meter.stop();
      int differ = 0;
      for (Map.Entry<String, StoryVerdict> e : expected.entrySet()) {
        if (!e.getValue().equals(r.verdicts().get(e.getKey()))) {
          differ++;
        }
      }
      differ += Math.max(0, r.verdicts().size() - expected.size());
      Bench.append(
          results,
          meteredRow(
              n,
              "dedup:keyed",
              meter,
              String.format(
                  Locale.ROOT,
                  "KeyedDedup in memory (versions, LSH buckets, parents, stories); largest bucket"
                      + " %d digests, %d members left out by the cap; %d verdicts, %d differ"
                      + " from StoryDeduplicator per window; %s",
                  r.largestBucket(),
                  r.capped(),
                  r.verdicts().size(),
                  differ,
                  Bench.load())));
    }
  }

  private static List<StoryDigest> readDay(Path file, DedupCoders.DigestCoder coder)
      throws IOException {
    List<StoryDigest> out = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      while (true) {
        in.mark(1);
        if (in.read() < 0) {
          break;
        }
        in.reset();
        try {
          out.add(coder.decode(in));
        } catch (EOFException e) {
          break;
        }
      }
    }
    return out;
  }

  /** Heap one day's digests take, per digest: used heap after GC with and without a copy. */
  private static long heapPerDigest(Path dayFile, DedupCoders.DigestCoder coder)
      throws IOException {
    long before = usedAfterGc();
    List<StoryDigest> copy = readDay(dayFile, coder);
    long after = usedAfterGc();
    long per = copy.isEmpty() ? 0 : (after - before) / copy.size();
    copy.clear();
    return per;
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }
}
