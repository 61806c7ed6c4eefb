package org.newsmentions.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
    Files.writeString(articles.resolve("notes.txt"), "mine");
    Files.writeString(dir.resolve("report.md"), "mine");

    assertEquals(3, WriteOutputs.clearPreviousRun(dir.toString()));

    assertFalse(Files.exists(counts.resolve("counts-00000-of-00002.json")));
    assertFalse(Files.exists(articles.resolve("articles-00000-of-00001.avro")));
    assertTrue(Files.exists(articles.resolve("notes.txt")), "other files are left alone");
    assertTrue(Files.exists(dir.resolve("report.md")));
  }

  @Test
  void aFreshFolderIsFine() throws Exception {
    assertEquals(0, WriteOutputs.clearPreviousRun(dir.resolve("new").toString()));
  }
}
