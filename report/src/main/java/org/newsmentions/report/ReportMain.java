package org.newsmentions.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes {@code DIR/report/index.html} for a run's output folder DIR:
 *
 * <pre>
 *   ReportMain --output=DIR [--top=8] [--rows=10] [--stories=20] [--pairs=20]
 * </pre>
 *
 * --top is how many entities the first chart draws, --rows the rows per window table, --stories and
 * --pairs the length of those tables.
 */
public final class ReportMain {
  private ReportMain() {}

  public static void main(String[] args) throws IOException {
    Path dir = null;
    ReportData.Limits d = ReportData.Limits.defaults();
    int top = d.chartEntities();
    int rows = d.rowsPerWindow();
    int stories = d.stories();
    int pairs = d.pairs();
    int picker = d.pickerEntities();
    for (String a : args) {
      if (a.startsWith("--output=")) {
        dir = Path.of(a.substring("--output=".length()));
      } else if (a.startsWith("--top=")) {
        top = positive(a);
      } else if (a.startsWith("--rows=")) {
        rows = positive(a);
      } else if (a.startsWith("--stories=")) {
        stories = positive(a);
      } else if (a.startsWith("--pairs=")) {
        pairs = positive(a);
      } else if (a.startsWith("--pickerEntities=")) {
        picker = positive(a);
      } else {
        usage("unknown argument: " + a);
      }
    }
    if (dir == null) {
      usage("--output=DIR is required");
    }
    if (!Files.isDirectory(dir)) {
      usage("no such folder: " + dir);
    }
    long began = System.nanoTime();
    Path page = write(dir, new ReportData.Limits(top, rows, stories, pairs, picker));
    System.out.printf(
        Locale.ROOT,
        "Report: %s (%,d bytes, %.1f s)%n",
        page,
        Files.size(page),
        (System.nanoTime() - began) / 1e9);
  }

  /** Reads the run under {@code dir} and writes its page; returns the page's path. */
  public static Path write(Path dir, ReportData.Limits limits) throws IOException {
    RunOutput run = RunOutput.read(dir);
    Path abs = dir.toAbsolutePath().normalize();
    String name = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    String html = ReportPage.render(ReportData.of(run, name, limits), Instant.now());
    Path page = dir.resolve("report").resolve("index.html");
    Files.createDirectories(page.getParent());
    Path tmp = page.resolveSibling("index.html.tmp");
    Files.writeString(tmp, html, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        page,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return page;
  }

  private static int positive(String arg) {
    String v = arg.substring(arg.indexOf('=') + 1);
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    usage("not a positive number: " + arg);
    return 0;
  }

  private static void usage(String why) {
    System.err.println(why);
    System.err.println(
        "usage: scripts/report.sh --output=DIR [--top=8] [--rows=10] [--stories=20] [--pairs=20]"
            + " [--pickerEntities=20000]");
    System.exit(2);
  }
}
