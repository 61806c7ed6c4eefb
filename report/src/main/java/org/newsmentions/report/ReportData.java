package org.newsmentions.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.newsmentions.report.RunOutput.ArticleRow;
import org.newsmentions.report.RunOutput.CoMentionRow;
import org.newsmentions.report.RunOutput.CountRow;
import org.newsmentions.report.RunOutput.DeadLetterRow;

/**
 * Aggregates a run's output into what the page shows, so that the page stays small however large
 * the run: per-entity series over the windows (sparse), the top rows per window, the biggest
 * stories, the top pairs and the dead-letter reasons. {@link #toJson()} is the data block the
 * page's script reads.
 */
public final class ReportData {
  /** How much of each list the page gets. */
  public record Limits(
      int chartEntities, int rowsPerWindow, int stories, int pairs, int pickerEntities) {
    public static Limits defaults() {
      return new Limits(8, 10, 20, 20, 20_000);
    }
  }

  /** An entity with its totals and its mentions and articles in each window (0 when absent). */
  record Entity(String id, String name, String type, long[] mentions, long[] articles) {
    long totalMentions() {
      long t = 0;
      for (long m : mentions) {
        t += m;
      }
      return t;
    }

    long totalArticles() {
      long t = 0;
      for (long a : articles) {
        t += a;
      }
      return t;
    }
  }

  /** A pair of entities summed over the windows. */
  record Pair(
      String aId,
      String aName,
      String aType,
      String bId,
      String bName,
      String bType,
      long articles,
      long mentionsA,
      long mentionsB,
      int windows) {}

  /** Short explanations of the dead-letter reason codes (docs/running.md#dead-letters). */
  static final Map<String, String> REASONS =
      Map.of(
          "empty", "no bytes at all, or only white space",
          "binary", "not text: control characters, many NUL bytes",
          "bad-json", "JSON cut short or malformed, not an object, or a field of the wrong type",
          "no-text", "after cleaning, neither a title nor any body text is left",
          "oversize", "bigger than --maxArticleBytes (or --maxPageBytes for pages)",
          "internal", "a bug in the parser: the stack_trace field shows where",
          "unreadable", "a file that disappeared, cannot be opened or is a broken archive",
          "bad-avro", "a Kafka record shaped as Avro that is not an Article of this schema",
          "late", "streaming only: arrived too late for its window");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String runName;
  private final List<Instant> windowStarts;
  private final List<Instant> windowEnds;
  private final List<Entity> entities;
  private final List<List<CountRow>> topPerWindow;
  private final List<ArticleRow> stories;
  private final List<Pair> pairs;
  private final long pairRows;
  private final Map<String, long[]> reasons;
  private final Map<String, TreeSet<String>> reasonStages;
  private final RunOutput run;
  private final Limits limits;

  private ReportData(RunOutput run, String runName, Limits limits) {
    this.run = run;
    this.runName = runName;
    this.limits = limits;
    TreeMap<Instant, Instant> windows = new TreeMap<>();
    for (CountRow r : run.counts()) {
      Instant start = Instant.parse(r.windowStart());
      Instant end = r.windowEnd() == null ? start : Instant.parse(r.windowEnd());
      windows.merge(start, end, (a, b) -> a.isAfter(b) ? a : b);
    }
    windowStarts = new ArrayList<>(windows.keySet());
    windowEnds = new ArrayList<>(windows.values());
    Map<String, Integer> windowIndex = new HashMap<>();
    for (int i = 0; i < windowStarts.size(); i++) {
      windowIndex.put(windowStarts.get(i).toString(), i);
    }

    Map<String, Entity> byId = new LinkedHashMap<>();
    List<List<CountRow>> perWindow = new ArrayList<>();
    for (int i = 0; i < windowStarts.size(); i++) {
      perWindow.add(new ArrayList<>());
    }
    int w = windowStarts.size();
    for (CountRow r : run.counts()) {
      int wi = windowIndex.get(Instant.parse(r.windowStart()).toString());
      Entity e =
          byId.computeIfAbsent(
              r.entityId(),
              id -> new Entity(id, r.entityName(), r.entityType(), new long[w], new long[w]));
      e.mentions()[wi] = r.mentions();
      e.articles()[wi] = r.articles();
      perWindow.get(wi).add(r);
    }
    Comparator<Entity> byMentions =
        Comparator.comparingLong(Entity::totalMentions)
            .reversed()
            .thenComparing(Comparator.comparingLong(Entity::totalArticles).reversed())
            .thenComparing(e -> nullToEmpty(e.name()))
            .thenComparing(Entity::id);
    entities = new ArrayList<>(byId.values());
    entities.sort(byMentions);

    Comparator<CountRow> rowOrder =
        Comparator.comparingLong(CountRow::mentions)
            .reversed()
            .thenComparing(Comparator.comparingLong(CountRow::articles).reversed())
            .thenComparing(r -> nullToEmpty(r.entityName()))
            .thenComparing(CountRow::entityId);
    topPerWindow = new ArrayList<>();
    for (List<CountRow> rows : perWindow) {
      rows.sort(rowOrder);
      topPerWindow.add(List.copyOf(rows.subList(0, Math.min(limits.rowsPerWindow(), rows.size()))));
    }

    stories =
        run.articles().stream()
            .filter(a -> a.kept() && a.copies() != null && a.copies() > 1)
            .sorted(
                Comparator.comparingLong((ArticleRow a) -> a.copies())
                    .reversed()
                    .thenComparing(
                        Comparator.comparingLong((ArticleRow a) -> orZero(a.outlets())).reversed())
                    .thenComparing(a -> nullToEmpty(a.published()))
                    .thenComparing(ArticleRow::id))
            .limit(limits.stories())
            .toList();

    if (run.comentions() == null) {
      pairs = null;
      pairRows = 0;
    } else {
      Map<String, Pair> sums = new LinkedHashMap<>();
      for (CoMentionRow r : run.comentions()) {
        // One pair, whichever way round a row names it.
        boolean swap = r.entityAId().compareTo(r.entityBId()) > 0;
        Pair p =
            swap
                ? new Pair(
                    r.entityBId(),
                    r.entityBName(),
                    r.entityBType(),
                    r.entityAId(),
                    r.entityAName(),
                    r.entityAType(),
                    r.articles(),
                    r.mentionsB(),
                    r.mentionsA(),
                    1)
                : new Pair(
                    r.entityAId(),
                    r.entityAName(),
                    r.entityAType(),
                    r.entityBId(),
                    r.entityBName(),
                    r.entityBType(),
                    r.articles(),
                    r.mentionsA(),
                    r.mentionsB(),
                    1);
        sums.merge(
            p.aId() + '|' + p.bId(),
            p,
            (x, y) ->
                new Pair(
                    x.aId(),
                    x.aName(),
                    x.aType(),
                    x.bId(),
                    x.bName(),
                    x.bType(),
                    x.articles() + y.articles(),
                    x.mentionsA() + y.mentionsA(),
                    x.mentionsB() + y.mentionsB(),
                    x.windows() + y.windows()));
      }
      pairRows = run.comentions().size();
      pairs =
          sums.values().stream()
              .sorted(
                  Comparator.comparingLong(Pair::articles)
                      .reversed()
                      .thenComparing(
                          Comparator.comparingLong((Pair p) -> p.mentionsA() + p.mentionsB())
                              .reversed())
                      .thenComparing(p -> nullToEmpty(p.aName()))
                      .thenComparing(p -> nullToEmpty(p.bName())))
              .limit(limits.pairs())
              .toList();
    }

    reasons = new TreeMap<>();
    reasonStages = new TreeMap<>();
    for (DeadLetterRow d : run.deadLetters()) {
      reasons.computeIfAbsent(d.reason(), k -> new long[1])[0]++;
      reasonStages
          .computeIfAbsent(d.reason(), k -> new TreeSet<>())
          .add(d.stage() == null ? "?" : d.stage());
    }
  }

  public static ReportData of(RunOutput run, String runName, Limits limits) {
    return new ReportData(run, runName, limits);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static long orZero(Long n) {
    return n == null ? 0 : n;
  }

  /** Window labels: dates when every window is whole days from midnight UTC, else minutes. */
  List<String> windowLabels() {
    boolean days = true;
    for (int i = 0; i < windowStarts.size(); i++) {
      Instant s = windowStarts.get(i);
      long len = Duration.between(s, windowEnds.get(i)).toMinutes();
      if (len <= 0 || len % (24 * 60) != 0 || s.getEpochSecond() % 86_400 != 0) {
        days = false;
      }
    }
    List<String> labels = new ArrayList<>();
    for (Instant s : windowStarts) {
      labels.add(days ? DAY.format(s) : MINUTE.format(s) + " UTC");
    }
    return labels;
  }

  List<Entity> entities() {
    return entities;
  }

  /** The entities the page lists: the most mentioned ones, and every one in a window's table. */
  List<Entity> listedEntities() {
    if (entities.size() <= limits.pickerEntities()) {
      return entities;
    }
    java.util.Set<String> inTables = new java.util.HashSet<>();
    topPerWindow.forEach(rows -> rows.forEach(r -> inTables.add(r.entityId())));
    List<Entity> listed = new ArrayList<>();
    for (int i = 0; i < entities.size(); i++) {
      if (i < limits.pickerEntities() || inTables.contains(entities.get(i).id())) {
        listed.add(entities.get(i));
      }
    }
    return listed;
  }

  /** The JSON the page reads (compact; characters that could end a script block are escaped). */
  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("run", runName);
      writeSummary(g);
      g.writeArrayFieldStart("windows");
      List<String> labels = windowLabels();
      for (int i = 0; i < windowStarts.size(); i++) {
        g.writeStartArray();
        g.writeString(windowStarts.get(i).toString());
        g.writeString(windowEnds.get(i).toString());
        g.writeString(labels.get(i));
        g.writeNumber(windowStarts.get(i).toEpochMilli());
        g.writeEndArray();
      }
      g.writeEndArray();

      // The entities, most mentioned first: [id, name, type, total mentions, total articles,
      // [window index, mentions, articles, ...]] with only the windows it appears in. Past
      // --pickerEntities only those in a window's table are kept, so the page stays small when
      // a run names a long tail of entities once each.
      Map<String, Integer> index = new HashMap<>();
      g.writeArrayFieldStart("entities");
      for (Entity e : listedEntities()) {
        index.put(e.id(), index.size());
        g.writeStartArray();
        g.writeString(e.id());
        g.writeString(e.name());
        g.writeString(e.type());
        g.writeNumber(e.totalMentions());
        g.writeNumber(e.totalArticles());
        g.writeStartArray();
        for (int wi = 0; wi < e.mentions().length; wi++) {
          if (e.mentions()[wi] != 0 || e.articles()[wi] != 0) {
            g.writeNumber(wi);
            g.writeNumber(e.mentions()[wi]);
            g.writeNumber(e.articles()[wi]);
          }
        }
        g.writeEndArray();
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeNumberField("chartEntities", Math.min(limits.chartEntities(), entities.size()));

      // Per window: [entity index, mentions, articles, copies, outlets] of its top rows.
      g.writeArrayFieldStart("perWindow");
      for (List<CountRow> rows : topPerWindow) {
        g.writeStartArray();
        for (CountRow r : rows) {
          g.writeStartArray();
          g.writeNumber(index.get(r.entityId()));
          g.writeNumber(r.mentions());
          g.writeNumber(r.articles());
          g.writeNumber(r.copies());
          g.writeNumber(r.outlets());
          g.writeEndArray();
        }
        g.writeEndArray();
      }
      g.writeEndArray();

      g.writeArrayFieldStart("stories");
      for (ArticleRow a : stories) {
        g.writeStartArray();
        g.writeString(a.title());
        g.writeString(a.outlet());
        g.writeString(a.published());
        g.writeNumber(orZero(a.copies()));
        g.writeNumber(orZero(a.outlets()));
        g.writeString(a.id());
        g.writeEndArray();
      }
      g.writeEndArray();

      if (pairs == null) {
        g.writeNullField("pairs");
      } else {
        g.writeArrayFieldStart("pairs");
        for (Pair p : pairs) {
          g.writeStartArray();
          g.writeString(p.aName());
          g.writeString(p.aType());
          g.writeString(p.bName());
          g.writeString(p.bType());
          g.writeNumber(p.articles());
          g.writeNumber(p.mentionsA());
          g.writeNumber(p.mentionsB());
          g.writeNumber(p.windows());
          g.writeString(p.aId());
          g.writeString(p.bId());
          g.writeEndArray();
        }
        g.writeEndArray();
      }

      g.writeArrayFieldStart("deadLetters");
      for (Map.Entry<String, long[]> r : reasons.entrySet()) {
        g.writeStartArray();
        g.writeString(r.getKey());
        g.writeNumber(r.getValue()[0]);
        g.writeString(String.join(", ", reasonStages.get(r.getKey())));
        g.writeString(REASONS.getOrDefault(r.getKey(), ""));
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return scriptSafe(out.toString());
  }

  private void writeSummary(JsonGenerator g) throws IOException {
    long kept = 0;
    long duplicates = 0;
    long undated = 0;
    for (ArticleRow a : run.articles()) {
      if (a.kept()) {
        kept++;
      } else {
        duplicates++;
      }
      if (a.published() == null) {
        undated++;
      }
    }
    long storiesWithCopies =
        run.articles().stream()
            .filter(a -> a.kept() && a.copies() != null && a.copies() > 1)
            .count();
    g.writeObjectFieldStart("summary");
    g.writeNumberField("articles", run.articles().size());
    g.writeNumberField("kept", kept);
    g.writeNumberField("duplicates", duplicates);
    g.writeNumberField("undated", undated);
    g.writeNumberField("storiesWithCopies", storiesWithCopies);
    g.writeNumberField("countRows", run.counts().size());
    g.writeNumberField("countRowsRead", run.countRowsRead());
    g.writeNumberField("entities", entities.size());
    g.writeNumberField("entitiesListed", listedEntities().size());
    g.writeNumberField("deadLetters", run.deadLetters().size());
    g.writeNumberField("pairRows", pairRows);
    g.writeNumberField("skippedLines", run.skippedLines());
    g.writeEndObject();
  }

  /**
   * JSON that can sit inside a {@code <script>} element: {@code <}, {@code >} and {@code &} only
   * occur inside JSON strings, where their \\u escapes mean the same, so no {@code </script>} or
   * {@code <!--} can end the block early.
   */
  static String scriptSafe(String json) {
    StringBuilder b = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
