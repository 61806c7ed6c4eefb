package org.newsmentions.read;

import java.util.Locale;

/**
 * When a file in a watched folder is complete enough to read, without Beam. A scraper may write an
 * article file in place or under a temporary name that it renames when done; the watcher must never
 * read a file half-written, because it reads each path only once.
 *
 * <p>The convention: a file is ready once it has not been modified for at least one poll interval
 * (so its size and modification time were the same at two polls one interval apart), and its name
 * does not mark it as in progress: names starting with {@code .} or ending with {@code .tmp},
 * {@code .part}, {@code .partial}, {@code .crdownload}, {@code .swp} or {@code ~} are never read
 * (write under such a name, then rename, and the file is read one interval after the rename, whose
 * modification time is the write's).
 */
public final class FileCompletion {
  private static final String[] IN_PROGRESS_SUFFIXES = {
    ".tmp", ".part", ".partial", ".crdownload", ".swp", "~"
  };

  private FileCompletion() {}

  /** Whether a file name (a path's last part) marks a file still being written. */
  public static boolean inProgressName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.isEmpty() || name.startsWith(".")) {
      return true;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : IN_PROGRESS_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the file at {@code path}, last modified at {@code lastModifiedMillis}, may be read at
   * {@code nowMillis} when the folder is polled every {@code quietMillis}.
   */
  public static boolean ready(
      String path, long lastModifiedMillis, long nowMillis, long quietMillis) {
    return !inProgressName(path) && nowMillis - lastModifiedMillis >= quietMillis;
  }
}
