package org.newsmentions.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic, deterministic corpus of scraper-style news articles for the benchmarks.
 *
 * <p>Each article is about 3 KB: a wire or staff story (headline, byline with one of several date
 * forms, dateline, body paragraphs naming people, places and organisations) wrapped in the site
 * furniture scrapers keep (menus, TRENDING lists naming other people, "Read next" with clock times,
 * "Also read | ..." teasers, disclaimers, footers). A share of articles are syndicated copies of a
 * recent wire story (same body with a paragraph cut and light word substitutions, another outlet's
 * headline and furniture, published within a day of the original), some are independent reports of
 * the same event, and about 1% are bad records (truncated JSON, empty, binary).
 *
 * <p>Layout under OUT: the corpus is cut into blocks of 10,000 articles; block B writes its
 * JSON-lines share (70% by default, news-please shape) to {@code jsonl/part-B.jsonl} and its raw
 * scraper texts (30%) to {@code raw/B-K/NNNNNNNNN.txt}, at most 1,000 files a folder. {@code
 * corpus.properties} records what was written. The output depends only on the arguments (same seed,
 * same bytes, whatever the thread count). Generation streams: memory stays bounded whatever N.
 *
 * <pre>
 * CorpusGenerator N OUT [--seed=S] [--syndicated=0.3] [--sameEvent=0.1] [--bad=0.01]
 *                       [--jsonl=0.7] [--month=2025-05] [--days=N] [--threads=CPUs]
 * </pre>
 */
public final class CorpusGenerator {
  static final int LINES_PER_JSONL_FILE = 10_000;
  static final int FILES_PER_RAW_DIR = 1_000;
  private static final int RECENT_WIRE_STORIES = 512;

  /** Generation knobs; see the class comment. */
  public record Settings(
      long seed,
      double syndicated,
      double sameEvent,
      double bad,
      double jsonlShare,
      YearMonth month,
      int days) {
    public static Settings defaults(long seed) {
      return new Settings(seed, 0.3, 0.1, 0.01, 0.7, YearMonth.of(2025, 5), 0);
    }

    /** The same settings with publication dates over the first {@code n} days of the month. */
    public Settings withDays(int n) {
      if (n < 0 || n > month.lengthOfMonth()) {
        throw new IllegalArgumentException("--days must be 1 to " + month.lengthOfMonth());
      }
      return new Settings(seed, syndicated, sameEvent, bad, jsonlShare, month, n);
    }

    /** The days publication dates spread over: {@code days}, or the whole month when 0. */
    int spanDays() {
      return days > 0 ? days : month.lengthOfMonth();
    }
  }

  /** How an article relates to the others. */
  public enum Role {
    ORIGINAL,
    SYNDICATED,
    SAME_EVENT,
    BAD
  }

  /** One generated record: a whole raw-text file or one JSON line (without its newline). */
  public record Record(boolean jsonLine, byte[] bytes, Role role) {}

  /** A story that copies and same-event reports can refer back to. */
  private record Story(
      long seed,
      long published,
      Names.Name person,
      Names.Name person2,
      Names.Name place,
      Names.Name org,
      int topic,
      int agency) {}

  private final Settings settings;
  private final Names names;
  private final SplittableRandom rnd;
  private final Story[] recent = new Story[RECENT_WIRE_STORIES];
  private int recentCount;
  private long index;
  private final StringBuilder sb = new StringBuilder(8192);
  private final StringBuilder body = new StringBuilder(4096);

  public CorpusGenerator(Settings settings) {
    this(settings, Names.load(), 0, 0);
  }

  /**
   * @param firstIndex number of the first article (keeps URLs unique across blocks)
   * @param block which block of the corpus this generator writes; each block has its own random
   *     stream, so the output does not depend on how many threads generate it
   */
  CorpusGenerator(Settings settings, Names names, long firstIndex, long block) {
    this.settings = settings;
    this.names = names;
    this.index = firstIndex;
    this.rnd = new SplittableRandom(settings.seed() ^ (block * 0x9E3779B97F4A7C15L));
  }

  /** Where the entity names come from (gazetteer or fallback list). */
  public String namesOrigin() {
    return names.origin;
  }

  /** The next record of the corpus. */
  public Record next() {
    long i = index++;
    boolean json = rnd.nextDouble() < settings.jsonlShare();
    if (rnd.nextDouble() < settings.bad()) {
      last = null;
      return new Record(json, bad(json), Role.BAD);
    }
    double r = rnd.nextDouble();
    Story story;
    Role role;
    long storySeed;
    if (recentCount > 0 && r < settings.syndicated()) {
      story = recent[rnd.nextInt(Math.min(recentCount, RECENT_WIRE_STORIES))];
      role = Role.SYNDICATED;
      storySeed = story.seed();
    } else if (recentCount > 0 && r < settings.syndicated() + settings.sameEvent()) {
      story = recent[rnd.nextInt(Math.min(recentCount, RECENT_WIRE_STORIES))];
      role = Role.SAME_EVENT;
      storySeed = rnd.nextLong();
    } else {
      story = newStory();
      role = Role.ORIGINAL;
      storySeed = story.seed();
      if (story.agency() >= 0) {
        recent[recentCount++ % RECENT_WIRE_STORIES] = story;
      }
    }
    long published =
        role == Role.ORIGINAL ? story.published() : story.published() + rnd.nextInt(86_400);
    if (settings.days() > 0) {
      // A copy published a day later must not leave the busy days.
      long end =
          settings.month().atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC)
              + settings.days() * 86_400L;
      published = Math.min(published, end - 1);
    }
    int outlet = rnd.nextInt(OUTLETS.length);
    writeBody(story, storySeed, role == Role.SYNDICATED, role == Role.SAME_EVENT, outlet);
    last = new Truth(clean.toString(), published * 1000, OUTLETS[outlet], role);
    String headline = headline(story, new SplittableRandom(rnd.nextLong()));
    byte[] bytes =
        json
            ? jsonLine(i, story, headline, published, outlet)
            : rawText(headline, published, story, outlet);
    return new Record(json, bytes, role);
  }

  private Story newStory() {
    int days = settings.spanDays();
    long start = settings.month().atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    long published = start + rnd.nextLong((long) days * 86_400);
    boolean wire = rnd.nextDouble() < 0.6;
    return new Story(
        rnd.nextLong(),
        published,
        pick(names.people),
        pick(names.people),
        pick(names.places),
        pick(names.orgs),
        rnd.nextInt(TOPICS.length),
        wire ? rnd.nextInt(AGENCIES.length) : -1);
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static <T> T pick(SplittableRandom r, T[] a) {
    return a[r.nextInt(a.length)];
  }

  // ---------------------------------------------------------------------------------------------
  // Body text: regenerated from the story seed, so a copy is the same wire text without storing it.

  private final List<String> paragraphs = new ArrayList<>(16);
  private final StringBuilder clean = new StringBuilder(4096);
  private Truth last;

  /**
   * What the last record says beneath its furniture: the article paragraphs (as a parser should
   * find them, teasers and disclaimers left out), publication time and outlet; null after a bad
   * record. Lets a benchmark of a later stage skip parsing.
   */
  public record Truth(String body, long publishedMillis, String outlet, Role role) {}

  /** The truth behind the record {@link #next} returned last. */
  public Truth lastTruth() {
    return last;
  }

  private void writeBody(Story s, long seed, boolean copy, boolean sameEvent, int outlet) {
    SplittableRandom r = new SplittableRandom(seed);
    paragraphs.clear();
    int count = 7 + r.nextInt(4);
    StringBuilder p = new StringBuilder(512);
    for (int k = 0; k < count; k++) {
      p.setLength(0);
      if (k == 0 && s.agency() >= 0 && !sameEvent) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(s.published(), 0, ZoneOffset.UTC);
        p.append(dateline(s)).append(", ").append(month(d)).append(' ').append(d.getDayOfMonth());
        p.append(" (").append(AGENCIES[s.agency()]).append(") - ");
      }
      int sentences = 2 + r.nextInt(3);
      for (int j = 0; j < sentences; j++) {
        if (j > 0) {
          p.append(' ');
        }
        sentence(p, s, r, k == 0 && j == 0);
      }
      paragraphs.add(p.toString());
    }
    SplittableRandom c = copy ? new SplittableRandom(rnd.nextLong()) : null;
    if (copy && paragraphs.size() > 4 && c.nextDouble() < 0.8) {
      paragraphs.remove(2 + c.nextInt(paragraphs.size() - 2));
    }
    body.setLength(0);
    clean.setLength(0);
    SplittableRandom teasers = new SplittableRandom(rnd.nextLong());
    for (int k = 0; k < paragraphs.size(); k++) {
      String text = paragraphs.get(k);
      if (copy) {
        text = substitute(text, c);
      }
      if (k > 0) {
        body.append('\n');
        clean.append("\n\n");
      }
      body.append(text);
      clean.append(text);
      if (k == 2 && teasers.nextDouble() < 0.5) {
        body.append("\nAlso read | ").append(otherHeadline(teasers));
      }
    }
    if (OUTLET_DISCLAIMER[outlet] && teasers.nextDouble() < 0.7) {
      body.append('\n').append(pick(teasers, DISCLAIMERS));
    }
  }

  private static String substitute(String text, SplittableRandom c) {
    for (String[] swap : SWAPS) {
      if (c.nextDouble() < 0.35 && text.contains(swap[0])) {
        text = text.replace(swap[0], swap[1]);
      }
    }
    return text;
  }

  private String dateline(Story s) {
    String place = s.place().name();
    return place.toUpperCase(Locale.ROOT);
  }

  private void sentence(StringBuilder p, Story s, SplittableRandom r, boolean lead) {
    if (!lead && r.nextInt(10) != 0) {
      // A sentence of the story's own content words, as most of a real article is: stock
      // templates are one sentence in ten after the lead and a quote verb one in four of the
      // rest, so unrelated articles share about as many word pairs as real ones (2-gram Jaccard
      // a few per cent at most, like the dev set), while the subject keeps the entity density.
      switch (r.nextInt(4)) {
        case 0 -> p.append(s.person().shortName());
        case 1 -> p.append("The ").append(s.org().shortName());
        case 2 -> p.append(names.people.get(r.nextInt(names.people.size())).name());
        default -> p.append("The");
      }
      int words = 6 + r.nextInt(7);
      boolean quote = r.nextInt(4) == 0;
      for (int w = 0; w < words; w++) {
        p.append(' ').append(VOCABULARY[r.nextInt(VOCABULARY.length)]);
        if (quote && w == words / 2) {
          p.append(' ').append(pick(r, SAID)).append(" the");
        }
      }
      p.append(r.nextInt(3) == 0 ? " in " + s.place().name() + "." : ".");
      return;
    }
    String t = lead ? pick(r, LEADS) : pick(r, SENTENCES);
    String[] topic = TOPICS[s.topic()];
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (ch != '{') {
        p.append(ch);
        continue;
      }
      char key = t.charAt(i + 1);
      i += 2;
      switch (key) {
        case 'P' -> p.append(lead ? s.person().name() : s.person().shortName());
        case 'Q' -> p.append(lead ? s.person2().name() : s.person2().shortName());
        case 'R' -> p.append(pick(r, ROLES));
        case 'L' -> p.append(s.place().name());
        case 'O' -> p.append(r.nextBoolean() ? s.org().name() : s.org().shortName());
        case 'X' -> p.append(names.people.get(r.nextInt(names.people.size())).name());
        case 'Y' -> p.append(names.places.get(r.nextInt(names.places.size())).name());
        case 'T' -> p.append(topic[r.nextInt(topic.length)]);
        case 'D' -> p.append(pick(r, DAYS));
        case 'N' -> p.append(1 + r.nextInt(98));
        case 'V' -> p.append(pick(r, SAID));
        case 'A' -> p.append(pick(r, ADJECTIVES));
        case 'G' -> p.append(pick(r, GROUPS));
        case 'M' -> p.append(pick(r, MEASURES));
        default -> throw new IllegalStateException("bad template key " + key);
      }
    }
    // Real articles share few word pairs beyond stock phrases; a clause of content words drawn
    // from a large vocabulary keeps unrelated synthetic articles as dissimilar as real ones
    // (2-gram Jaccard of a few per cent), so deduplication sees realistic candidate rates.
    if (p.length() > 0 && p.charAt(p.length() - 1) == '.') {
      p.setLength(p.length() - 1);
      p.append(", ").append(CONNECTORS[r.nextInt(CONNECTORS.length)]);
      int words = 2 + r.nextInt(3);
      for (int w = 0; w < words; w++) {
        p.append(' ').append(VOCABULARY[r.nextInt(VOCABULARY.length)]);
      }
      p.append('.');
    }
  }

  private static final String[] CONNECTORS = {
    "citing", "amid", "with", "including", "after", "despite", "alongside", "over"
  };

  /** About 20,000 pronounceable invented words, the same for every run. */
  private static final String[] VOCABULARY = vocabulary(20_000);

  private static String[] vocabulary(int n) {
    String[] onsets = {
      "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr"
    };
    String[] vowels = {"a", "e", "i", "o", "u", "ai", "ou"};
    String[] codas = {"", "n", "r", "l", "s", "t", "m"};
    SplittableRandom r = new SplittableRandom(0x70CAB);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder w = new StringBuilder();
      int syllables = 2 + r.nextInt(2);
      for (int k = 0; k < syllables; k++) {
        w.append(onsets[r.nextInt(onsets.length)])
            .append(vowels[r.nextInt(vowels.length)])
            .append(codas[r.nextInt(codas.length)]);
      }
      out[i] = w.toString();
    }
    return out;
  }

  private String headline(Story s, SplittableRandom r) {
    String[] topic = TOPICS[s.topic()];
    String t = pick(r, HEADLINES);
    return t.replace("{P}", s.person().shortName())
        .replace("{L}", s.place().name())
        .replace("{O}", s.org().shortName())
        .replace("{T}", topic[r.nextInt(topic.length)])
        .replace("{A}", pick(r, ADJECTIVES));
  }

  private String otherHeadline(SplittableRandom r) {
    String[] topic = pick(r, TOPICS);
    return pick(r, HEADLINES)
        .replace("{P}", names.people.get(r.nextInt(names.people.size())).shortName())
        .replace("{L}", names.places.get(r.nextInt(names.places.size())).name())
        .replace("{O}", names.orgs.get(r.nextInt(names.orgs.size())).shortName())
        .replace("{T}", topic[r.nextInt(topic.length)])
        .replace("{A}", pick(r, ADJECTIVES));
  }

  // ---------------------------------------------------------------------------------------------
  // Record shapes.

  private byte[] rawText(String headline, long published, Story s, int outlet) {
    SplittableRandom r = new SplittableRandom(rnd.nextLong());
    LocalDateTime d = LocalDateTime.ofEpochSecond(published, 0, ZoneOffset.UTC);
    sb.setLength(0);
    if (r.nextDouble() < 0.7) {
      sb.append(" date ").append(d.toLocalDate()).append(' ');
    }
    sb.append(pick(r, MENUS)).append('\n');
    sb.append(OUTLET_NAMES[outlet]).append(" - ").append(OUTLETS[outlet]).append("\n\n");
    sb.append(headline).append("\n\n");
    if (r.nextBoolean()) {
      sb.append(pick(r, STANDFIRSTS).replace("{L}", s.place().name())).append("\n\n");
    }
    String by = s.agency() >= 0 ? AGENCIES[s.agency()] : pick(r, REPORTERS);
    sb.append(by).append(" | ").append(pick(r, DESKS));
    String date = dateForm(d, r);
    if (date != null) {
      sb.append(" | ").append(date);
    }
    sb.append("\n\n");
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      sb.append(ch);
      if (ch == '\n') {
        sb.append('\n');
      }
    }
    sb.append("\n\nTRENDING\n\n");
    int trending = 3 + r.nextInt(3);
    for (int k = 1; k <= trending; k++) {
      sb.append(k).append('\n').append(otherHeadline(r)).append('\n');
    }
    sb.append("\nRead next\n");
    for (int k = 0; k < 3; k++) {
      pad2(sb, r.nextInt(24)).append(':');
      pad2(sb, r.nextInt(60)).append(' ');
      sb.append(otherHeadline(r)).append('\n');
    }
    // Non-Latin-1-free furniture goes through its own builder: a '\u00a9' in the shared builder
    // would
    // switch it to UTF-16 for good and make every later article slower to build and encode.
    StringBuilder foot = new StringBuilder(256);
    foot.append('\n').append(pick(r, SHARES)).append('\n');
    foot.append("Get the ")
        .append(OUTLET_NAMES[outlet])
        .append(" morning briefing in your inbox\n");
    foot.append("\u00a9 ").append(d.getYear()).append(' ').append(OUTLET_NAMES[outlet]);
    foot.append(" | ").append(OUTLETS[outlet]).append(" | About us | Privacy | Terms | Contact\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] tail = foot.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private String dateForm(LocalDateTime d, SplittableRandom r) {
    String mon = month(d);
    StringBuilder f = new StringBuilder(40);
    switch (r.nextInt(12)) {
      case 0, 1, 2 -> {
        f.append(d.getDayOfMonth()).append(' ').append(mon).append(' ').append(d.getYear());
        pad2(f.append(", "), d.getHour()).append(':');
        pad2(f, d.getMinute()).append(" CEST");
      }
      case 3, 4 -> {
        f.append(mon).append(' ').append(d.getDayOfMonth()).append(", ").append(d.getYear());
        f.append(' ').append((d.getHour() + 11) % 12 + 1).append(':');
        pad2(f, d.getMinute()).append(d.getHour() < 12 ? " AM ET" : " PM ET");
      }
      case 5, 6 -> f.append("Published: ").append(d.toInstant(ZoneOffset.UTC));
      case 7, 8 -> {
        f.append("Updated: ").append(WEEKDAYS[d.getDayOfWeek().ordinal()]).append(", ");
        f.append(mon).append(' ').append(d.getDayOfMonth()).append(", ").append(d.getYear());
      }
      case 9, 10 -> {
        pad2(f, d.getDayOfMonth()).append('/');
        pad2(f, d.getMonthValue()).append('/').append(d.getYear()).append(' ');
        pad2(f, d.getHour()).append(':');
        pad2(f, d.getMinute());
      }
      default -> {
        return null; // undated in the page: a raw header, if any, is all there is
      }
    }
    return f.toString();
  }

  private static StringBuilder pad2(StringBuilder b, int v) {
    if (v < 10) {
      b.append('0');
    }
    return b.append(v);
  }

  private static final String[] WEEKDAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };

  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  private static String month(LocalDateTime d) {
    return MONTHS[d.getMonthValue() - 1];
  }

  private byte[] jsonLine(long i, Story s, String headline, long published, int outlet) {
    SplittableRandom r = new SplittableRandom(rnd.nextLong());
    LocalDateTime d = LocalDateTime.ofEpochSecond(published, 0, ZoneOffset.UTC);
    String domain = "www." + OUTLETS[outlet];
    sb.setLength(0);
    sb.append("{\"url\": \"https://").append(domain).append('/');
    sb.append(TOPIC_SECTIONS[s.topic()])
        .append('/')
        .append(d.toLocalDate().toString().replace('-', '/'));
    sb.append('/');
    slug(headline);
    sb.append('-').append(i).append("\", \"source_domain\": \"").append(domain);
    sb.append("\", \"title\": ");
    string(headline);
    sb.append(", \"maintext\": ");
    string(body);
    sb.append(", \"date_publish\": ");
    if (r.nextDouble() < 0.06) {
      sb.append("null");
    } else {
      sb.append('"').append(sqlDate(d)).append('"');
    }
    sb.append(", \"date_download\": \"");
    sb.append(sqlDate(d.plusSeconds(600 + r.nextInt(172_800)))).append('"');
    sb.append(", \"language\": \"en\"}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String sqlDate(LocalDateTime d) {
    StringBuilder b = new StringBuilder(19).append(d.toLocalDate()).append(' ');
    pad2(b, d.getHour()).append(':');
    pad2(b, d.getMinute()).append(':');
    return pad2(b, d.getSecond()).toString();
  }

  private void slug(String headline) {
    int n = 0;
    boolean dash = false;
    for (int k = 0; k < headline.length() && n < 60; k++) {
      char ch = Character.toLowerCase(headline.charAt(k));
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        if (dash && n > 0) {
          sb.append('-');
          n++;
        }
        sb.append(ch);
        n++;
        dash = false;
      } else {
        dash = true;
      }
    }
  }

  private void string(CharSequence s) {
    sb.append('"');
    int run = 0;
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      if (ch >= 0x20 && ch != '"' && ch != '\\') {
        continue;
      }
      sb.append(s, run, k);
      run = k + 1;
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      }
    }
    sb.append(s, run, s.length());
    sb.append('"');
  }

  /** A bad record: truncated JSON, empty, or binary (never containing a newline). */
  private byte[] bad(boolean json) {
    int kind = rnd.nextInt(3);
    if (kind == 0) {
      if (!json) {
        return new byte[0];
      }
      return "{\"url\": \"https://www.example.invalid/x\", \"title\": null, \"maintext\": \"\"}"
          .getBytes(StandardCharsets.UTF_8);
    }
    if (kind == 1 && json) {
      int outlet = rnd.nextInt(OUTLETS.length);
      Story s = newStory();
      writeBody(s, s.seed(), false, false, outlet);
      byte[] whole = jsonLine(index, s, "Truncated", s.published(), outlet);
      return java.util.Arrays.copyOf(whole, 20 + rnd.nextInt(whole.length / 2));
    }
    byte[] b = new byte[200 + rnd.nextInt(2000)];
    for (int k = 0; k < b.length; k++) {
      int v = rnd.nextInt(256);
      b[k] = (byte) (v == '\n' ? 0 : v);
    }
    return b;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing to disk.

  /** What a generation run wrote. */
  public record Summary(
      long articles,
      long bytes,
      long jsonLines,
      long rawFiles,
      Map<Role, Long> roles,
      double seconds) {}

  /** Articles per block: one JSON-lines file and its own raw folders, generated independently. */
  static final int BLOCK = LINES_PER_JSONL_FILE;

  /**
   * Streams N records under {@code out}; see the class comment for the layout. Blocks of {@value
   * #BLOCK} articles are generated in parallel, each with its own random stream and files, so the
   * bytes depend on the seed only, not on the thread count.
   */
  public static Summary write(long n, Path out, Settings settings, int threads) throws IOException {
    long start = System.nanoTime();
    Names names = Names.load();
    Path jsonDir = out.resolve("jsonl");
    Path rawDir = out.resolve("raw");
    Files.createDirectories(jsonDir);
    Files.createDirectories(rawDir);
    long blocks = (n + BLOCK - 1) / BLOCK;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Summary>> parts = new ArrayList<>();
    for (long b = 0; b < blocks; b++) {
      long block = b;
      long count = Math.min(BLOCK, n - b * BLOCK);
      parts.add(pool.submit(() -> writeBlock(block, count, jsonDir, rawDir, settings, names)));
    }
    pool.shutdown();
    Map<Role, Long> roles = new LinkedHashMap<>();
    long bytes = 0;
    long lines = 0;
    long files = 0;
    try {
      for (Future<Summary> f : parts) {
        Summary part = f.get();
        bytes += part.bytes();
        lines += part.jsonLines();
        files += part.rawFiles();
        part.roles().forEach((k, v) -> roles.merge(k, v, Long::sum));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Summary summary = new Summary(n, bytes, lines, files, roles, seconds);
    StringBuilder props = new StringBuilder();
    props.append("# written by org.newsmentions.bench.CorpusGenerator\n");
    props.append("articles=").append(n).append('\n');
    props.append("bytes=").append(bytes).append('\n');
    props.append("jsonLines=").append(lines).append('\n');
    props.append("rawFiles=").append(files).append('\n');
    for (Role role : Role.values()) {
      props.append("role.").append(role.name().toLowerCase(Locale.ROOT)).append('=');
      props.append(roles.getOrDefault(role, 0L)).append('\n');
    }
    props.append("seed=").append(settings.seed()).append('\n');
    props.append("syndicated=").append(settings.syndicated()).append('\n');
    props.append("sameEvent=").append(settings.sameEvent()).append('\n');
    props.append("bad=").append(settings.bad()).append('\n');
    props.append("jsonlShare=").append(settings.jsonlShare()).append('\n');
    props.append("month=").append(settings.month()).append('\n');
    props.append("days=").append(settings.spanDays()).append('\n');
    props.append("names=").append(names.origin).append('\n');
    props.append("input=").append(jsonDir).append("/*.jsonl,").append(rawDir).append("/*/*.txt\n");
    Files.writeString(out.resolve("corpus.properties"), props);
    return summary;
  }

  private static Summary writeBlock(
      long block, long count, Path jsonDir, Path rawDir, Settings settings, Names names)
      throws IOException {
    CorpusGenerator gen = new CorpusGenerator(settings, names, block * BLOCK, block);
    Map<Role, Long> roles = new EnumMap<>(Role.class);
    long bytes = 0;
    long lines = 0;
    long files = 0;
    Path jsonFile = jsonDir.resolve("part-" + zeros(block, 5) + ".jsonl");
    try (OutputStream json = new BufferedOutputStream(Files.newOutputStream(jsonFile), 1 << 20)) {
      Path dir = null;
      for (long i = 0; i < count; i++) {
        long number = block * BLOCK + i;
        Record rec = gen.next();
        roles.merge(rec.role(), 1L, Long::sum);
        bytes += rec.bytes().length;
        if (rec.jsonLine()) {
          json.write(rec.bytes());
          json.write('\n');
          bytes++;
          lines++;
        } else {
          if (files % FILES_PER_RAW_DIR == 0) {
            dir = rawDir.resolve(zeros(block, 5) + "-" + (files / FILES_PER_RAW_DIR));
            Files.createDirectories(dir);
          }
          Files.write(dir.resolve(zeros(number, 9) + ".txt"), rec.bytes());
          files++;
        }
      }
    }
    return new Summary(count, bytes, lines, files, roles, 0);
  }

  private static String zeros(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: CorpusGenerator N OUT [--seed=S] [--syndicated=0.3] [--sameEvent=0.1]"
              + " [--bad=0.01] [--jsonl=0.7] [--month=2025-05] [--days=N] [--threads=CPUs]");
      System.exit(2);
    }
    long n = Long.parseLong(args[0].replace("_", ""));
    Path out = Path.of(args[1]);
    Settings d = Settings.defaults(42);
    long seed = d.seed();
    double syndicated = d.syndicated();
    double sameEvent = d.sameEvent();
    double bad = d.bad();
    double jsonl = d.jsonlShare();
    YearMonth month = d.month();
    int days = 0;
    int threads = Runtime.getRuntime().availableProcessors();
    for (int k = 2; k < args.length; k++) {
      String a = args[k];
      String v = a.substring(a.indexOf('=') + 1);
      if (a.startsWith("--seed=")) {
        seed = Long.parseLong(v);
      } else if (a.startsWith("--syndicated=")) {
        syndicated = Double.parseDouble(v);
      } else if (a.startsWith("--sameEvent=") || a.startsWith("--same-event=")) {
        sameEvent = Double.parseDouble(v);
      } else if (a.startsWith("--bad=")) {
        bad = Double.parseDouble(v);
      } else if (a.startsWith("--jsonl=")) {
        jsonl = Double.parseDouble(v);
      } else if (a.startsWith("--threads=")) {
        threads = Integer.parseInt(v);
      } else if (a.startsWith("--month=")) {
        month = YearMonth.parse(v);
      } else if (a.startsWith("--days=")) {
        days = Integer.parseInt(v);
      } else {
        throw new IllegalArgumentException("unknown option " + a);
      }
    }
    Summary s =
        write(
            n,
            out,
            new Settings(seed, syndicated, sameEvent, bad, jsonl, month, 0).withDays(days),
            threads);
    PrintStream o = System.out;
    o.printf(
        Locale.ROOT,
        "wrote %,d articles (%.1f MB; %,d JSON lines, %,d raw files; %s) to %s in %.1f s"
            + " (%,.0f articles/s)%n",
        s.articles(),
        s.bytes() / 1e6,
        s.jsonLines(),
        s.rawFiles(),
        s.roles(),
        out,
        s.seconds(),
        s.articles() / s.seconds());
  }

  // ---------------------------------------------------------------------------------------------
  // Word and phrase banks, written for this generator.

  private static final String[] OUTLET_NAMES = {
    "The Daily Lantern", "Riverside Courier", "Northfield Gazette", "The Coastal Record",
    "Granite City Post", "The Evening Compass", "Valley Dispatch", "The Morning Ledger",
    "Harbourside Herald", "The Upland Observer", "Metro Signal", "The Continental Review",
    "Eastbank Tribune", "The Prairie Journal", "Lakeshore Bulletin", "The Summit Times",
    "Old Town Chronicle", "The Weekly Beacon", "Southgate News", "The Capital Monitor",
    "Bayview Standard", "The Frontier Press", "Midland Echo", "The Island Examiner",
    "Crossroads Daily", "The Pioneer Sentinel", "Westbrook Mail", "The Global Outlook",
    "Highland Reporter", "The Civic Register", "Delta Times", "The Open Wire"
  };

  private static final String[] OUTLETS = new String[OUTLET_NAMES.length];
  private static final boolean[] OUTLET_DISCLAIMER = new boolean[OUTLET_NAMES.length];

  static {
    for (int k = 0; k < OUTLET_NAMES.length; k++) {
      OUTLETS[k] =
          OUTLET_NAMES[k].replaceFirst("^The ", "").toLowerCase(Locale.ROOT).replace(" ", "")
              + ".example";
      OUTLET_DISCLAIMER[k] = k % 3 == 0;
    }
  }

  private static final String[] AGENCIES = {
    "Continental Press Agency", "Global Wire Service", "Meridian News Agency", "Allied Press"
  };

  private static final String[] REPORTERS = {
    "By Maren Holt",
    "By Tomas Reyes",
    "By Ada Okafor",
    "By Lena Brandt",
    "By Kiran Desai",
    "By Sofia Marquez",
    "By Owen Pryce",
    "Staff reporter"
  };

  private static final String[] DESKS = {
    "World Desk", "Business Desk", "Politics", "International", "Energy and Climate", "Newsroom"
  };

  private static final String[] MENUS = {
    "Home | World | Business | Politics | Climate | Opinion | Sign in",
    "Menu  Search  News  Sport  Markets  Culture  Subscribe",
    "Skip to content | Latest | Regions | Economy | Video | Newsletters | Log in",
    "HOME  NEWS  WORLD  BUSINESS  TECH  LIFESTYLE  E-PAPER",
    "Top Stories > World > Diplomacy"
  };

  private static final String[] STANDFIRSTS = {
    "Officials in {L} offered few details, and several questions remain open.",
    "The move follows weeks of talks and is expected to face scrutiny at home.",
    "Analysts said the outcome would be watched closely by markets in {L}.",
    "Critics say the plan is vague; supporters call it a first step."
  };

  private static final String[] SHARES = {
    "Share: Facebook \u00b7 X \u00b7 LinkedIn \u00b7 Email",
    "Follow us on social media for the latest updates",
    "Comments are closed for this article",
    "Advertisement - scroll to continue"
  };

  private static final String[] DISCLAIMERS = {
    "(This story has not been edited by our staff and is published from a syndicated feed.)",
    "Disclaimer: The views expressed above are those of the author and do not reflect the views"
        + " of this publication.",
    "(Reporting by the wire service; editing by the news desk)",
    "Catch all the latest world news and updates on our app."
  };

  private static final String[] DAYS = {
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
    "late on Tuesday",
    "early on Friday",
    "this week",
    "last week"
  };

  private static final String[] SAID = {
    "said",
    "told reporters",
    "said in a statement",
    "told a news conference",
    "wrote in a post",
    "said in an interview",
    "told lawmakers",
    "said at a briefing"
  };

  private static final String[] ROLES = {
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Finance Minister",
    "spokesperson",
    "envoy",
    "chief executive",
    "governor"
  };

  private static final String[] ADJECTIVES = {
    "new",
    "long-delayed",
    "broad",
    "limited",
    "fresh",
    "major",
    "modest",
    "contested",
    "joint",
    "temporary",
    "regional",
    "ambitious"
  };

  private static final String[] GROUPS = {
    "officials",
    "diplomats",
    "analysts",
    "economists",
    "lawmakers",
    "industry groups",
    "union leaders",
    "residents",
    "investors",
    "aid workers"
  };

  private static final String[] MEASURES = {
    "per cent",
    "billion dollars",
    "million euros",
    "thousand tonnes",
    "kilometres",
    "million people",
    "basis points",
    "days"
  };

  private static final String[][] TOPICS = {
    {
      "gas supplies",
      "a pipeline project",
      "electricity prices",
      "oil output",
      "energy security",
      "fuel subsidies"
    },
    {
      "trade tariffs",
      "export controls",
      "a customs agreement",
      "shipping costs",
      "supply chains",
      "a free trade deal"
    },
    {
      "the election campaign",
      "a vote of confidence",
      "coalition talks",
      "electoral reform",
      "a referendum",
      "the opposition's demands"
    },
    {
      "emissions targets",
      "a climate fund",
      "flood defences",
      "drought relief",
      "renewable investment",
      "carbon pricing"
    },
    {
      "air defence systems",
      "a ceasefire proposal",
      "military aid",
      "border security",
      "arms control",
      "peace talks"
    },
    {
      "vaccine supplies",
      "hospital funding",
      "a disease outbreak",
      "health insurance",
      "drug prices",
      "medical staff shortages"
    },
    {
      "chip manufacturing",
      "data protection rules",
      "artificial intelligence",
      "satellite launches",
      "a telecoms merger",
      "online platforms"
    },
    {
      "interest rates",
      "inflation",
      "public debt",
      "a budget deficit",
      "bond yields",
      "the currency"
    },
    {
      "rail freight",
      "a new airport",
      "port capacity",
      "road tolls",
      "high-speed rail",
      "air traffic"
    }
  };

  private static final String[] TOPIC_SECTIONS = {
    "energy",
    "business",
    "politics",
    "climate",
    "world",
    "health",
    "technology",
    "markets",
    "transport"
  };

  private static final String[] LEADS = {
    "{R} {P} and {Q} agreed {D} to work on {T} after talks in {L}, {G} {V}.",
    "{P} {V} {D} that {L} would press ahead with {A} measures on {T} despite objections from"
        + " {O}.",
    "The {O} {V} {D} it would review {T} in {L}, a decision {P} welcomed within hours.",
    "Talks between {P} and {Q} on {T} ended {D} without a deal, {G} in {L} {V}."
  };

  private static final String[] SENTENCES = {
    "{P} {V} the plan would cover {T} and {T} over the next {N} months.",
    "According to {G}, the package is worth about {N} {M}.",
    "{Q} {V} that {L} had not been consulted on {T}.",
    "The {O} has warned that {T} could weigh on growth in {L} this year.",
    "{G} in {L} {V} the talks had been {A} but productive.",
    "A spokesperson for {P} declined to comment on {T}.",
    "Earlier {D}, {X} {V} {Y} would follow the negotiations closely.",
    "Figures released {D} showed {T} rising by {N} {M} compared with a year earlier.",
    "{P} has faced criticism at home over {T}, and {G} expect more protests.",
    "The {A} agreement still needs approval from parliament in {L}.",
    "{Q} arrived in {L} {D} for a visit that is due to last {N} days.",
    "Representatives of the {O} were expected to join the next round of talks.",
    "It was not immediately clear how {T} would be financed, {G} {V}.",
    "{G} {V} the proposal on {T} left many questions unanswered.",
    "Both sides {V} they would meet again before the end of the month.",
    "In a separate development, {X} urged {Y} to resume talks on {T}.",
    "Markets in {L} reacted calmly, with {G} pointing to {T} as the main risk.",
    "The {O} is due to publish its own assessment of {T} in {N} weeks.",
    "{P} described the outcome as {A} and said further steps on {T} would follow.",
    "Opposition politicians in {L} called the deal {A} and demanded a debate on {T}.",
    "The last comparable agreement, signed {N} years ago, covered only {T}.",
    "{Q} {V} {P} had promised to address {T} before the summer.",
    "Neither government gave a timetable, and {G} cautioned against expecting quick results.",
    "Police said about {N} people took part in a demonstration near the venue in {L}.",
    "The {O} said the measures on {T} were consistent with earlier commitments."
  };

  private static final String[] HEADLINES = {
    "{P} and {L} agree {A} steps on {T}",
    "{O} warns over {T} as talks in {L} stall",
    "{L} to push ahead with {T}, {P} says",
    "What the {A} deal on {T} means for {L}",
    "{P} under pressure over {T}",
    "{O} backs {A} plan for {T}",
    "Talks on {T} end without agreement in {L}",
    "{P} visits {L} as {T} dominates agenda"
  };

  private static final String[][] SWAPS = {
    {" said ", " stated "}, {"officials", "authorities"}, {" about ", " around "},
    {"told reporters", "told journalists"}, {" but ", " though "}, {"would", "will"},
    {" talks", " negotiations"}, {"per cent", "percent"}, {" agreed ", " consented "},
    {"earlier", "previously"}
  };

  /** A few records in memory, for microbenchmarks and tests. */
  public static List<Record> sample(long seed, int n) {
    CorpusGenerator g = new CorpusGenerator(Settings.defaults(seed));
    List<Record> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(g.next());
    }
    return out;
  }

  /** The instant records of this month start at (for clocks in benchmarks). */
  public static Instant monthEnd(YearMonth month) {
    return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
