package org.newsmentions.read;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileCompletionTest {
  private static final long NOW = 1_000_000L;
  private static final long QUIET = 30_000L;

  @Test
  void aFileUnchangedForOneIntervalIsReady() {
    assertTrue(FileCompletion.ready("/feed/a.jsonl", NOW - QUIET, NOW, QUIET));
    assertTrue(FileCompletion.ready("/feed/a.txt", NOW - 10 * QUIET, NOW, QUIET));
  }

  @Test
  void aFileModifiedWithinTheIntervalIsStillBeingWritten() {
    assertFalse(FileCompletion.ready("/feed/a.jsonl", NOW - QUIET + 1, NOW, QUIET));
    assertFalse(FileCompletion.ready("/feed/a.jsonl", NOW, NOW, QUIET));
  }

  @Test
  void temporaryAndHiddenNamesAreNeverRead() {
    for (String name :
        new String[] {
          "/feed/a.jsonl.tmp",
          "/feed/a.txt.part",
          "/feed/A.TXT.PARTIAL",
          "/feed/a.crdownload",
          "/feed/.a.txt.swp",
          "/feed/a.txt~",
          "/feed/.hidden.jsonl",
          "gs://bucket/feed/.staging"
        }) {
      assertTrue(FileCompletion.inProgressName(name), name);
      assertFalse(FileCompletion.ready(name, 0, NOW, QUIET), name);
    }
  }

  @Test
  void ordinaryNamesAreNotInProgress() {
    assertFalse(FileCompletion.inProgressName("/feed/2025-05-10/article.txt"));
    assertFalse(FileCompletion.inProgressName("gs://bucket/feed/part-00001.jsonl"));
    assertFalse(FileCompletion.inProgressName("/feed/temporary-measures.txt"));
  }
}
