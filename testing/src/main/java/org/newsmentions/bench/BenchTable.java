package org.newsmentions.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Formats the rows {@link Bench} appended into one Markdown table. A row whose wall time is "-" is
 * a measurement the script did not run; its note says why.
 */
final class BenchTable {
  private BenchTable() {}

  record Row(
      long size,
      String name,
      long articles,
      long bytes,
      double wall,
      double cpu,
      long peak,
      long live,
      long xmx,
      int cores,
      String note) {
    boolean ran() {
      return !Double.isNaN(wall);
    }

    double perSecond() {
      return articles / wall;
    }
  }

  static List<Row> read(Path results) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(results)) {
      if (line.isBlank() || line.startsWith("size\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      rows.add(
          new Row(
              Long.parseLong(f[0]),
              f[1],
              num(f[2]),
              num(f[3]),
              f[4].equals("-") ? Double.NaN : Double.parseDouble(f[4]),
              f[5].equals("-") ? Double.NaN : Double.parseDouble(f[5]),
              num(f[6]),
              num(f[7]),
              num(f[8]),
              f[9].equals("-") ? 0 : Integer.parseInt(f[9]),
              f.length > 10 ? f[10] : ""));
    }
    return rows;
  }

  private static long num(String s) {
    return s.equals("-") ? -1 : Long.parseLong(s);
  }

  static void print(Path results, int machineCores, PrintStream out) throws IOException {
    List<Row> rows = read(results);
    Map<Long, Row> core = new HashMap<>();
    for (Row r : rows) {
      if (r.name().equals("core") && r.ran()) {
        core.put(r.size(), r);
      }
    }
    out.println(
        "| articles | measurement | -Xmx | articles/s | MB/s | wall s | CPU s | articles per CPU s"
            + " | cores busy | peak heap MB | live heap MB | vs core | vs core per core |");
    out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    List<String> notes = new ArrayList<>();
    for (Row r : rows) {
      String label = label(r.name());
      if (!r.ran()) {
        out.printf(
            Locale.ROOT,
            "| %,d | %s | %s | %s |  |  |  |  |  |  |  |  |  |%n",
            r.size(),
            label,
            r.xmx() > 0 ? mb(r.xmx()) : "",
            r.note());
        continue;
      }
      boolean stage = r.name().startsWith("stage:");
      boolean alone = stage || r.name().startsWith("dedup:"); // no runner: no ratio to the core
      String ratio = "";
      String perCore = "";
      Row c = core.get(r.size());
      if (c != null && !r.name().equals("core") && !alone) {
        double x = r.perSecond() / c.perSecond();
        ratio = String.format(Locale.ROOT, "%.3fx", x);
        double cpuRatio = (r.articles() / r.cpu()) / (c.articles() / c.cpu());
        perCore =
            String.format(
                Locale.ROOT,
                "%.3fx (%d cores); by CPU time %.3fx",
                x / r.cores(),
                r.cores(),
                cpuRatio);
      }
      out.printf(
          Locale.ROOT,
          "| %,d | %s | %s | %,.0f | %s | %.2f | %.2f | %,.0f | %.2f | %s | %s | %s | %s |%n",
          r.size(),
          label,
          mb(r.xmx()),
          r.perSecond(),
          r.bytes() < 0 ? "" : String.format(Locale.ROOT, "%.1f", r.bytes() / r.wall() / 1e6),
          r.wall(),
          r.cpu(),
          r.articles() / r.cpu(),
          r.cpu() / r.wall(),
          stage ? "(stages JVM: " + mb(r.peak()) + ")" : mb(r.peak()),
          stage ? "(" + mb(r.live()) + ")" : mb(r.live()),
          ratio,
          perCore);
      if (!stage || r.name().equals("stage:parse") || r.name().startsWith("dedup:")) {
        notes.add(String.format(Locale.ROOT, "%,d %s: %s", r.size(), label, r.note()));
      }
    }
    out.println();
    out.println(
        "articles/s and MB/s: generated articles (bad records included) and input bytes over"
            + " wall time; CPU s: process CPU time (all threads, JIT and GC included), for stages"
            + " the thread's CPU time in that stage; articles per CPU s: throughput if the CPU time"
            + " had been uninterrupted (robust to other load on the machine, which stretches wall"
            + " time); cores busy = CPU s / wall s; peak heap: most"
            + " heap in use (before a GC), live heap: most heap still in use after a GC; vs core"
            + " per core: runner throughput / core throughput / cores the runner was given, and by CPU"
            + " time: runner articles per CPU s / core articles per CPU s ("
            + machineCores
            + "-core machine).");
    out.println();
    for (String n : notes) {
      out.println("- " + n);
    }
  }

  private static String label(String name) {
    return switch (name) {
      case "core" -> "(1) core: parse+signature+entities, 1 thread";
      case "direct" -> "(3) pipeline, Direct Runner";
      case "flink" -> "(4) pipeline, Flink [local] p=2";
      default ->
          name.startsWith("stage:")
              ? "(2) stage: " + name.substring("stage:".length())
              : name.startsWith("dedup:")
                  ? "dedup stage alone: " + name.substring("dedup:".length())
                  : name;
    };
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "" : String.format(Locale.ROOT, "%,d", bytes / (1024 * 1024));
  }
}
