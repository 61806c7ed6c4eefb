package org.newsmentions.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteOutputsTest {
  @TempDir Path dir;

  @Test
  void clearsOnlyTheShardsOfAnEarlierRun() throws Exception {
    Path counts = Files.createDirectories(dir.resolve("counts"));
    Path articles = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(counts.resolve("counts-00000-of-00002.json"), "{}");
    Files.writeString(counts.resolve("counts-00001-of-00002.csv"), "x");
    Files.writeString(articles.resolve("articles-00000-of-00001.avro"), "x");
    Path coMentions = Files.createDirectories(dir.resolve("comentions"));
    Files.writeString(coMentions.resolve("comentions-00000-of-00001.parquet"), "x");
    Files.writeString(articles.resolve("notes.txt"), "mine");
    Files.writeString(dir.resolve("report.md"), "mine");

    assertEquals(4, WriteOutputs.clearPreviousRun(dir.toString()));

    assertFalse(Files.exists(counts.resolve("counts-00000-of-00002.json")));
    assertFalse(Files.exists(articles.resolve("articles-00000-of-00001.avro")));
    assertFalse(Files.exists(coMentions.resolve("comentions-00000-of-00001.parquet")));
    assertTrue(Files.exists(articles.resolve("notes.txt")), "other files are left alone");
    assertTrue(Files.exists(dir.resolve("report.md")));
  }

  @Test
  void parquetFilesAreNamedAsTheOtherFormatsShards() {
    WriteOutputs.ShardNaming naming = new WriteOutputs.ShardNaming("counts", ".parquet");
    assertEquals(
        "counts-00001-of-00004.parquet",
        naming.getFilename(
            GlobalWindow.INSTANCE, PaneInfo.NO_FIRING, 4, 1, Compression.UNCOMPRESSED));
    IntervalWindow may6 =
        new IntervalWindow(
            Instant.parse("2025-05-06T00:00:00Z"), Instant.parse("2025-05-07T00:00:00Z"));
    assertEquals(
        "counts-2025-05-06T00:00:00.000Z-2025-05-07T00:00:00.000Z-pane-0-00000-of-00001.parquet",
        naming.getFilename(
            may6,
            PaneInfo.createPane(true, false, PaneInfo.Timing.EARLY, 0, -1),
            1,
            0,
            Compression.UNCOMPRESSED));
    assertEquals(
        "counts-2025-05-06T00:00:00.000Z-2025-05-07T00:00:00.000Z-pane-3-late-last-00000-of-00001"
            + ".parquet",
        naming.getFilename(
            may6,
            PaneInfo.createPane(false, true, PaneInfo.Timing.LATE, 3, 2),
            1,
            0,
            Compression.UNCOMPRESSED));
  }

  @Test
  void aFreshFolderIsFine() throws Exception {
    assertEquals(0, WriteOutputs.clearPreviousRun(dir.resolve("new").toString()));
  }
}
