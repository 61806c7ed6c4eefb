package org.newsmentions.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, started for one page load at a time with a fresh profile and the
 * flags that keep it off the network (no background networking, component updates or sync). A real
 * browser, not a DOM emulation: the page's script runs as it would for a user.
 */
final class HeadlessChromium {
  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /**
   * The browser at {@code $CHROMIUM} or /usr/bin/chromium. When it is missing the calling test is
   * skipped with the reason, or fails under CI (the {@code CI} variable set), where .ci/run
   * installs it.
   */
  static HeadlessChromium require() {
    String env = System.getenv("CHROMIUM");
    Path binary = Path.of(env != null && !env.isBlank() ? env : "/usr/bin/chromium");
    if (!Files.isExecutable(binary)) {
      String why =
          "headless Chromium not found at "
              + binary
              + ": install Debian's chromium (apt-get install chromium) or set CHROMIUM";
      if (System.getenv("CI") != null) {
        fail(why + " (CI is set, so the browser test may not be skipped)");
      }
      assumeTrue(false, why);
    }
    return new HeadlessChromium(binary);
  }

  /** The page's DOM after its scripts ran (up to {@code budgetMillis} of virtual time). */
  String dumpDom(Path page, int budgetMillis) throws IOException, InterruptedException {
    return dumpDom(page, "", budgetMillis);
  }

  /** The same, for the page's address with {@code fragment} ("#q=...") appended. */
  String dumpDom(Path page, String fragment, int budgetMillis)
      throws IOException, InterruptedException {
    return run(page, fragment, List.of("--virtual-time-budget=" + budgetMillis, "--dump-dom"));
  }

  private String run(Path page, String fragment, List<String> extra)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("report-chromium-");
    Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
    Path stderr = profile.resolveSibling(profile.getFileName() + ".err");
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(binary.toString());
      cmd.addAll(
          List.of(
              "--headless=new",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-quic",
              "--no-first-run",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--user-data-dir=" + profile));
      cmd.addAll(extra);
      cmd.add(page.toAbsolutePath().toUri() + fragment);
      Process p =
          new ProcessBuilder(cmd)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail("chromium did not finish within 120 s: " + tail(stderr));
      }
      if (p.exitValue() != 0) {
        fail("chromium exited with " + p.exitValue() + ": " + tail(stderr));
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
      deleteTree(profile);
    }
  }

  private static String tail(Path file) throws IOException {
    String s = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
