package org.newsmentions.eval;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.Gazetteer;

/**
 * Single-threaded throughput of the plain-Java entity extractor on the dev set's gold texts, with
 * and without the open-set rules. A benchmark, not a test: numbers depend on the machine.
 */
final class EntityThroughput {
  private EntityThroughput() {}

  static void run(List<DevSet.Item> items, Gazetteer gazetteer, PrintStream out) {
    List<String[]> texts = new ArrayList<>();
    long bytes = 0;
    for (DevSet.Item item : items) {
      String body = String.join("\n\n", item.gold().body());
      texts.add(new String[] {item.gold().title(), body});
      bytes += (item.gold().title() + "\n\n" + body).getBytes(StandardCharsets.UTF_8).length;
    }
    out.println("## Entity extractor throughput (one thread, dev set texts repeated)");
    out.println();
    // CPU time of this thread, so that other processes on a shared machine do not skew it.
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    out.println("| extractor | MB/s (thread CPU time) | MB/s (wall clock) | articles/s (CPU) |");
    out.println("|---|---|---|---|");
    // Each configuration runs twice and only the second is printed, so JIT order does not matter.
    boolean[] configs = {false, true, false, true};
    for (int run = 0; run < configs.length; run++) {
      boolean openSet = configs[run];
      boolean print = run >= 2;
      EntityExtractor extractor = new EntityExtractor(gazetteer).withOpenSet(openSet);
      long sink = 0;
      for (int warm = 0; warm < 200; warm++) {
        for (String[] t : texts) {
          sink += extractor.extract(t[0], t[1]).size();
        }
      }
      int rounds = 0;
      long start = System.nanoTime();
      long cpuStart = cpu.getCurrentThreadCpuTime();
      long elapsed;
      do {
        for (String[] t : texts) {
          sink += extractor.extract(t[0], t[1]).size();
        }
        rounds++;
        elapsed = System.nanoTime() - start;
      } while (elapsed < 3_000_000_000L);
      double seconds = elapsed / 1e9;
      double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      if (!print) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %.0f |%n",
          openSet ? "gazetteer + open-set (default)" : "gazetteer only",
          bytes * (double) rounds / cpuSeconds / 1e6,
          bytes * (double) rounds / seconds / 1e6,
          texts.size() * (double) rounds / cpuSeconds);
      if (sink == 42) {
        out.println();
      }
    }
    out.println();
  }
}
