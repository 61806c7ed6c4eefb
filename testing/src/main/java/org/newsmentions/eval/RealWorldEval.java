package org.newsmentions.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.parse.html.HtmlArticle;
import org.newsmentions.parse.html.HtmlArticleExtractor;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * Scores main text, publication dates and titles on the real-world pages of {@code
 * ../shared/realworld} (see its README for the metrics), per declared language, for three inputs:
 * the HTML extractor on the raw pages, the text parser on {@code dump_text.py}'s dumps, and
 * readability-lxml (a peer, run by {@code scripts/peers/readability_lxml.py}). Also times
 * extraction (pages per CPU second, one thread). Options: {@code --reuse-peer} reuses the peer's
 * output of an earlier run; {@code --details} writes per-page misses under {@code
 * testing/target/realworld/}. Reports, never fails.
 */
final class RealWorldEval {
  private RealWorldEval() {}

  private static final Path WORK = Path.of("testing/target/realworld");
  private static final String PYTHON = "/usr/bin/python3";

  record Page(String file, String lang, byte[] html) {}

  record ExtractionItem(String key, String file, List<String> with, List<String> without) {}

  record DateItem(String key, String file, String date) {}

  /** What one system said about one page. */
  record Output(String title, String text, String day) {}

  /** {@code realworld [DIR] [--reuse-peer] [--details]}; DIR defaults to ../shared/realworld. */
  static void main(String[] args) throws IOException, InterruptedException {
    Path dir = Path.of("../shared/realworld");
    boolean reuse = false;
    boolean details = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--reuse-peer" -> reuse = true;
        case "--details" -> details = true;
        default -> dir = Path.of(args[i]);
      }
    }
    run(dir, reuse, details, System.out);
  }

  static void run(Path dir, boolean reusePeer, boolean details, PrintStream out)
      throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    List<ExtractionItem> ex = new ArrayList<>();
    json.readTree(dir.resolve("extraction.json").toFile())
        .fields()
        .forEachRemaining(
            e ->
                ex.add(
                    new ExtractionItem(
                        e.getKey(),
                        e.getValue().get("file").asText(),
                        strings(e.getValue().get("with")),
                        strings(e.getValue().get("without")))));
    List<DateItem> dates = new ArrayList<>();
    json.readTree(dir.resolve("dates.json").toFile())
        .fields()
        .forEachRemaining(
            e ->
                dates.add(
                    new DateItem(
                        e.getKey(),
                        e.getValue().get("file").asText(),
                        e.getValue().get("date").asText())));
    Map<String, Page> pages = new TreeMap<>();
    Set<String> files = new TreeSet<>();
    ex.forEach(i -> files.add(i.file()));
    dates.forEach(i -> files.add(i.file()));
    for (String f : files) {
      byte[] html = gunzip(Files.readAllBytes(dir.resolve(f)));
      pages.put(f, new Page(f, declaredLanguage(html), html));
    }
    Map<String, String> urlOf = new HashMap<>();
    ex.forEach(i -> urlOf.putIfAbsent(i.file(), urlOrNull(i.key())));
    dates.forEach(i -> urlOf.put(i.file(), urlOrNull(i.key())));
    out.printf(
        Locale.ROOT,
        "# Real-world pages (%s): %d pages, %d with main-text labels, %d with dates%n%n",
        dir,
        pages.size(),
        ex.size(),
        dates.size());

    // The run's clock: fixed at the start, the "now" of the future-date rule (fetch times unknown).
    Instant now = Instant.now();
    ParserSettings settings =
        ParserSettings.defaults()
            .withClock(Clock.fixed(now, ZoneOffset.UTC))
            .withMaxArticleBytes(8 * 1024 * 1024);
    Map<String, Map<String, Output>> systems = new LinkedHashMap<>();

    // (a) HTML extractor on the raw pages.
    HtmlArticleExtractor extractor = new HtmlArticleExtractor(settings);
    Map<String, Output> html = new HashMap<>();
    Map<String, String> htmlFrom = new HashMap<>();
    for (Page p : pages.values()) {
      try {
        HtmlArticle a = extractor.extract(p.html(), null, urlOf.get(p.file()), null);
        String day = a.publishedLocal() == null ? null : a.publishedLocal().substring(0, 10);
        html.put(p.file(), new Output(a.title(), a.title() + "\n" + a.body(), day));
        htmlFrom.put(p.file(), a.sources().published() + " " + a.sources().body());
      } catch (BadArticleException e) {
        html.put(p.file(), new Output("", "", null));
        htmlFrom.put(p.file(), "rejected:" + e.reason());
      }
    }
    systems.put("HTML extractor (raw HTML)", html);

    // (b) text parser on the text dumps.
    Path dumps = textDumps(dir, out);
    ArticleParser parser = new ArticleParser(settings);
    List<RawArticle> dumpRecords = new ArrayList<>();
    if (dumps != null) {
      Map<String, Output> text = new HashMap<>();
      for (Page p : pages.values()) {
        Path dump = dumps.resolve(baseName(p.file()) + ".txt");
        Output o = new Output("", "", null);
        if (Files.exists(dump)) {
          RawArticle raw =
              RawArticle.newBuilder()
                  .setSource(dump.toString())
                  .setFormat(RawFormat.RAW_TEXT)
                  .setIngested(now)
                  .setPayload(java.nio.ByteBuffer.wrap(Files.readAllBytes(dump)))
                  .build();
          dumpRecords.add(raw);
          try {
            Article a = parser.parse(raw).article();
            // The page's own day where the text gives it (with or without an offset).
            String day =
                a.getPublishedLocal() != null
                    ? a.getPublishedLocal().substring(0, 10)
                    : a.getPublished() == null
                        ? null
                        : a.getPublished().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            o = new Output(a.getTitle(), a.getTitle() + "\n" + a.getBody(), day);
          } catch (BadArticleException e) {
            // no output
          }
        }
        text.put(p.file(), o);
      }
      systems.put("text parser (dump_text.py dumps)", text);
    }

    // (c) the peer.
    double[] peerRate = {Double.NaN};
    Map<String, Output> peer = readabilityPeer(dir, reusePeer, peerRate, out);
    if (peer != null) {
      Map<String, Output> keyed = new HashMap<>();
      for (Page p : pages.values()) {
        keyed.put(p.file(), peer.getOrDefault(Path.of(p.file()).getFileName().toString(), null));
      }
      systems.put("readability-lxml 0.8.1 (peer, raw HTML)", keyed);
    }

    out.println("## Main text (trafilatura's metric)\n");
    out.println(
        "Published on trafilatura's full 990-page set: trafilatura 2.2.0 P 0.906 R 0.943"
            + " F 0.924; readability-lxml 0.8.4.1 P 0.898 R 0.764 F 0.826 (README).\n");
    Map<String, String> exGroups = groups(ex.stream().map(ExtractionItem::file).toList(), pages);
    for (var sys : systems.entrySet()) {
      out.println("### " + sys.getKey() + "\n");
      out.println("| language | pages | precision | recall | F | accuracy |");
      out.println("|---|---:|---:|---:|---:|---:|");
      Map<String, long[]> counts = new TreeMap<>(groupOrder(exGroups));
      for (ExtractionItem i : ex) {
        Output o = sys.getValue().get(i.file());
        String t = o == null ? "" : norm(o.text());
        long[] c = counts.computeIfAbsent(exGroups.get(i.file()), k -> new long[5]);
        long[] all = counts.computeIfAbsent("all", k -> new long[5]);
        for (long[] x : List.of(c, all)) {
          x[4]++;
          for (String w : i.with()) {
            x[t.contains(norm(w)) ? 0 : 2]++; // TP : FN
          }
          for (String w : i.without()) {
            x[t.contains(norm(w)) ? 1 : 3]++; // FP : TN
          }
        }
      }
      counts.forEach(
          (g, c) -> {
            double p = ratio(c[0], c[0] + c[1]);
            double r = ratio(c[0], c[0] + c[2]);
            out.printf(
                Locale.ROOT,
                "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
                g,
                c[4],
                p,
                r,
                f(p, r),
                ratio(c[0] + c[3], c[0] + c[1] + c[2] + c[3]));
          });
      out.println();
    }

    out.println("## Publication dates (htmldate's metric)\n");
    out.println(
        "htmldate reports accuracy 0.86 (fast) to 0.90 (extensive) on its 1,000-page"
            + " evaluation, of which these 800 pages are the larger part (README).\n");
    Map<String, String> dGroups = groups(dates.stream().map(DateItem::file).toList(), pages);
    for (var sys : systems.entrySet()) {
      if (sys.getKey().startsWith("readability")) {
        continue; // readability finds no dates
      }
      out.println("### " + sys.getKey() + "\n");
      out.println("| language | pages | accuracy | precision | recall | F |");
      out.println("|---|---:|---:|---:|---:|---:|");
      Map<String, long[]> counts = new TreeMap<>(groupOrder(dGroups));
      for (DateItem i : dates) {
        Output o = sys.getValue().get(i.file());
        String day = o == null ? null : o.day();
        for (String g : List.of(dGroups.get(i.file()), "all")) {
          long[] c = counts.computeIfAbsent(g, k -> new long[3]);
          c[day == null ? 2 : day.equals(i.date()) ? 0 : 1]++;
        }
      }
      counts.forEach(
          (g, c) -> {
            long n = c[0] + c[1] + c[2];
            out.printf(
                Locale.ROOT,
                "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
                g,
                n,
                ratio(c[0], n),
                ratio(c[0], c[0] + c[1]),
                ratio(c[0], c[0] + c[2]),
                ratio(2 * c[0], 2 * c[0] + c[1] + c[2]));
          });
      out.println();
    }

    out.println("## Titles (agreement with the page's own og:title, twitter:title, h1, title)\n");
    Map<String, String> allGroups = groups(new ArrayList<>(pages.keySet()), pages);
    Map<String, List<String>> candidates = new HashMap<>();
    for (Page p : pages.values()) {
      candidates.put(p.file(), titleCandidates(p.html()));
    }
    out.print("| language | pages |");
    systems.keySet().forEach(k -> out.print(" " + k + " |"));
    out.println();
    out.print("|---|---:|");
    systems.keySet().forEach(k -> out.print("---:|"));
    out.println();
    Map<String, long[]> tcounts = new TreeMap<>(groupOrder(allGroups));
    int ns = systems.size();
    for (Page p : pages.values()) {
      List<String> cands = candidates.get(p.file());
      if (cands.isEmpty()) {
        continue;
      }
      int k = 0;
      for (var sys : systems.values()) {
        Output o = sys.get(p.file());
        boolean agree = o != null && agrees(o.title(), cands);
        for (String g : List.of(allGroups.get(p.file()), "all")) {
          long[] c = tcounts.computeIfAbsent(g, x -> new long[ns + 1]);
          if (agree) {
            c[k]++;
          }
        }
        k++;
      }
      for (String g : List.of(allGroups.get(p.file()), "all")) {
        tcounts.get(g)[ns]++;
      }
    }
    tcounts.forEach(
        (g, c) -> {
          out.printf(Locale.ROOT, "| %s | %d |", g, c[ns]);
          for (int k = 0; k < ns; k++) {
            out.printf(Locale.ROOT, " %.3f |", ratio(c[k], c[ns]));
          }
          out.println();
        });
    out.println();

    out.println("## Speed (pages per CPU second, one thread, decompressed pages in memory)\n");
    double ours = timeExtractor(extractor, pages.values(), urlOf);
    out.printf(
        Locale.ROOT, "| extractor | pages/CPU s |%n|---|---:|%n| HTML extractor | %.1f |%n", ours);
    if (!dumpRecords.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "| text parser (dumps, whole parse) | %.1f |%n",
          timeParser(parser, dumpRecords));
    }
    if (!Double.isNaN(peerRate[0])) {
      out.printf(Locale.ROOT, "| readability-lxml (+html_text) | %.1f |%n", peerRate[0]);
      out.printf(Locale.ROOT, "%nHTML extractor / readability-lxml: %.1fx%n", ours / peerRate[0]);
    }
    out.println();
    if (details) {
      writeDetails(ex, dates, html, htmlFrom, candidates);
    }
  }

  private static double timeParser(ArticleParser parser, List<RawArticle> records) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double rate = 0;
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      long t0 = mx.getCurrentThreadCpuTime();
      for (RawArticle r : records) {
        try {
          parser.parse(r);
        } catch (BadArticleException e) {
          // counted like any page
        }
      }
      rate = records.size() / ((mx.getCurrentThreadCpuTime() - t0) / 1e9);
    }
    return rate;
  }

  private static double timeExtractor(
      HtmlArticleExtractor extractor, java.util.Collection<Page> pages, Map<String, String> urlOf) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double rate = 0;
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      long t0 = mx.getCurrentThreadCpuTime();
      for (Page p : pages) {
        try {
          extractor.extract(p.html(), null, urlOf.get(p.file()), null);
        } catch (BadArticleException e) {
          // counted like any page
        }
      }
      long t1 = mx.getCurrentThreadCpuTime();
      rate = pages.size() / ((t1 - t0) / 1e9);
    }
    return rate;
  }

  private static void writeDetails(
      List<ExtractionItem> ex,
      List<DateItem> dates,
      Map<String, Output> html,
      Map<String, String> from,
      Map<String, List<String>> candidates)
      throws IOException {
    Files.createDirectories(WORK);
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(WORK.resolve("html-misses.txt")))) {
      for (ExtractionItem i : ex) {
        String t = norm(html.get(i.file()).text());
        for (String s : i.with()) {
          if (!t.contains(norm(s))) {
            w.println("FN\t" + i.file() + "\t" + cut(s));
          }
        }
        for (String s : i.without()) {
          if (t.contains(norm(s))) {
            w.println("FP\t" + i.file() + "\t" + cut(s));
          }
        }
      }
      for (DateItem i : dates) {
        String day = html.get(i.file()).day();
        if (!i.date().equals(day)) {
          w.println(
              "DATE\t"
                  + i.file()
                  + "\tgold "
                  + i.date()
                  + "\tgot "
                  + day
                  + "\t"
                  + from.get(i.file())
                  + "\t"
                  + i.key());
        }
      }
      for (var e : html.entrySet()) {
        List<String> c = candidates.get(e.getKey());
        if (!c.isEmpty() && !agrees(e.getValue().title(), c)) {
          w.println("TITLE\t" + e.getKey() + "\t" + e.getValue().title() + "\t" + c);
        }
      }
    }
  }

  private static String cut(String s) {
    String n = norm(s);
    return n.length() > 160 ? n.substring(0, 160) + "..." : n;
  }

  // ---- text dumps and the peer ----

  private static Path textDumps(Path dir, PrintStream out)
      throws IOException, InterruptedException {
    Path dumps = WORK.resolve("dumps");
    Path marker = dumps.resolve(".source");
    String source = dir.toAbsolutePath().normalize().toString();
    if (Files.exists(marker) && Files.readString(marker).equals(source)) {
      return dumps;
    }
    Path script = dir.resolve("dump_text.py");
    if (!Files.isExecutable(Path.of(PYTHON)) || !Files.exists(script)) {
      out.println("(text path skipped: " + PYTHON + " or " + script + " missing)\n");
      return null;
    }
    Files.createDirectories(dumps);
    Process p =
        new ProcessBuilder(
                PYTHON, script.toString(), dir.resolve("pages").toString(), dumps.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      out.println(
          "(text path skipped: dump_text.py failed (python3-bs4 and python3-lxml are"
              + " needed: apt-get install python3-bs4 python3-lxml): "
              + log.strip()
              + ")\n");
      return null;
    }
    Files.writeString(marker, source);
    return dumps;
  }

  private static Map<String, Output> readabilityPeer(
      Path dir, boolean reuse, double[] rate, PrintStream out)
      throws IOException, InterruptedException {
    Path cache = WORK.resolve("readability-lxml.jsonl");
    Path script = Path.of("scripts/peers/readability_lxml.py");
    if (!(reuse && Files.exists(cache))) {
      if (!Files.isExecutable(Path.of(PYTHON)) || !Files.exists(script)) {
        out.println("(peer skipped: " + PYTHON + " or " + script + " missing)\n");
        return null;
      }
      Files.createDirectories(WORK);
      Process p =
          new ProcessBuilder(PYTHON, script.toString(), dir.resolve("pages").toString())
              .redirectOutput(cache.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      int rc = p.waitFor();
      if (rc == 3) {
        out.println(
            "(peer readability-lxml skipped: module missing; apt-get install"
                + " python3-readability python3-html-text)\n");
        return null;
      }
      if (rc != 0) {
        out.println("(peer readability-lxml failed with exit code " + rc + ")\n");
        return null;
      }
    } else {
      out.println("(peer output reused from " + cache + ")\n");
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Output> res = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(cache, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode n = json.readTree(line);
        if (n.has("timing")) {
          rate[0] =
              n.get("timing").get("pages").asDouble()
                  / n.get("timing").get("cpu_seconds").asDouble();
        } else {
          String title = n.get("title").asText();
          res.put(
              n.get("file").asText(),
              new Output(title, title + "\n" + n.get("text").asText(), null));
        }
      }
    }
    return res;
  }

  // ---- grouping, titles, helpers ----

  private static final Pattern HTML_LANG =
      Pattern.compile("(?is)<html\\b[^>]*?\\blang\\s*=\\s*[\"']?\\s*([A-Za-z]+)");

  /** The primary subtag of {@code <html lang>}, lower case, or null. */
  static String declaredLanguage(byte[] html) {
    String head = new String(html, 0, Math.min(html.length, 65536), StandardCharsets.ISO_8859_1);
    Matcher m = HTML_LANG.matcher(head);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** file to group: a language with >= 30 pages of these files, "others", or "undeclared". */
  static Map<String, String> groups(List<String> files, Map<String, Page> pages) {
    Map<String, Integer> n = new HashMap<>();
    for (String f : files) {
      String l = pages.get(f).lang();
      if (l != null) {
        n.merge(l, 1, Integer::sum);
      }
    }
    Map<String, String> g = new HashMap<>();
    for (String f : files) {
      String l = pages.get(f).lang();
      g.put(f, l == null ? "undeclared" : n.get(l) >= 30 ? l : "others");
    }
    return g;
  }

  /** Languages by size, then others, undeclared, all. */
  private static java.util.Comparator<String> groupOrder(Map<String, String> groups) {
    Map<String, Integer> size = new HashMap<>();
    groups.values().forEach(v -> size.merge(v, 1, Integer::sum));
    return (a, b) ->
        Integer.compare(rank(a, size), rank(b, size)) != 0
            ? Integer.compare(rank(a, size), rank(b, size))
            : a.compareTo(b);
  }

  private static int rank(String g, Map<String, Integer> size) {
    return switch (g) {
      case "others" -> 1_000_001;
      case "undeclared" -> 1_000_002;
      case "all" -> 1_000_003;
      default -> 1_000_000 - size.getOrDefault(g, 0);
    };
  }

  private static final Pattern SPLIT = Pattern.compile(" \\| | - | – | : ");

  /** The page's own titles and the longest part of each when split. */
  static List<String> titleCandidates(byte[] html) {
    Document d = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    List<String> raw = new ArrayList<>();
    for (String sel :
        new String[] {
          "meta[property=og:title]", "meta[name=twitter:title]", "meta[property=twitter:title]"
        }) {
      Element e = d.selectFirst(sel);
      if (e != null) {
        raw.add(e.attr("content"));
      }
    }
    Element h1 = d.selectFirst("h1");
    if (h1 != null) {
      raw.add(h1.text());
    }
    Element t = d.selectFirst("title");
    if (t != null) {
      raw.add(t.text());
    }
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      String s = r.replaceAll("\\s+", " ").strip();
      if (s.isEmpty()) {
        continue;
      }
      out.add(s);
      String longest = "";
      for (String part : SPLIT.split(s)) {
        if (part.length() > longest.length()) {
          longest = part;
        }
      }
      if (!longest.equals(s)) {
        out.add(longest);
      }
    }
    return out;
  }

  static boolean agrees(String title, List<String> candidates) {
    Set<String> t = words(title);
    if (t.isEmpty()) {
      return false;
    }
    for (String c : candidates) {
      Set<String> ct = words(c);
      if (ct.isEmpty()) {
        continue;
      }
      if (share(t, ct) >= 0.6 && share(ct, t) >= 0.6) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static double share(Set<String> a, Set<String> b) {
    int in = 0;
    for (String w : a) {
      if (b.contains(w)) {
        in++;
      }
    }
    return (double) in / a.size();
  }

  private static final Pattern WS = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  static String norm(String s) {
    return WS.matcher(s).replaceAll(" ").strip();
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static double f(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null) {
      n.forEach(x -> out.add(x.asText()));
    }
    return out;
  }

  private static String urlOrNull(String key) {
    return key.startsWith("http://") || key.startsWith("https://") ? key : null;
  }

  static String baseName(String file) {
    return Path.of(file).getFileName().toString().replaceAll("(\\.html?)?(\\.gz)?$", "");
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
