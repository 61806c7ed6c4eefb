package org.newsmentions.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.RawFormat;

class RawRecordsTest {

  record Line(long number, String text, boolean cut) {}

  private static List<Line> lines(InputStream in, int limit) throws IOException {
    List<Line> out = new ArrayList<>();
    RawRecords.lines(
        in,
        limit,
        (n, bytes, cut) -> out.add(new Line(n, new String(bytes, StandardCharsets.UTF_8), cut)));
    return out;
  }

  private static List<Line> lines(String text, int limit) throws IOException {
    return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit);
  }

  /** Delivers at most {@code chunk} bytes per read, to exercise buffer boundaries. */
  private static InputStream trickle(byte[] data, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
      }

      @Override
      public int read(byte[] b) throws IOException {
        return read(b, 0, b.length);
      }
    };
  }

  @Test
  void formatOfByExtension() {
    assertEquals(RawFormat.JSON_LINE, RawRecords.formatOf("/data/2025/news.jsonl"));
    assertEquals(RawFormat.JSON_LINE, RawRecords.formatOf("gs://b/x.NDJSON"));
    assertEquals(RawFormat.JSON_LINE, RawRecords.formatOf("feed.Json"));
    assertEquals(RawFormat.RAW_TEXT, RawRecords.formatOf("scrape/article-17.txt"));
    assertEquals(RawFormat.RAW_TEXT, RawRecords.formatOf("A.TXT"));
    assertEquals(RawFormat.AUTO, RawRecords.formatOf("dump"));
    assertEquals(RawFormat.AUTO, RawRecords.formatOf("notes.txt.bak"));
    assertEquals(RawFormat.AUTO, RawRecords.formatOf("jsonl"));
  }

  @Test
  void sniffSkipsBomAndWhitespace() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertEquals(RawFormat.JSON_LINE, RawRecords.sniff(bytes("{\"title\":1}")));
    assertEquals(RawFormat.JSON_LINE, RawRecords.sniff(concat(bom, bytes(" \t\r\n  {\"a\":1}"))));
    assertEquals(RawFormat.JSON_LINE, RawRecords.sniff(concat(bom, bytes("{"))));
    assertEquals(RawFormat.RAW_TEXT, RawRecords.sniff(concat(bom, bytes("\n Dockers strike"))));
    assertEquals(RawFormat.RAW_TEXT, RawRecords.sniff(bytes("  [1,2]")));
    assertEquals(RawFormat.RAW_TEXT, RawRecords.sniff(bytes("Headline {not json}")));
    assertEquals(RawFormat.RAW_TEXT, RawRecords.sniff(new byte[0]));
    assertEquals(RawFormat.RAW_TEXT, RawRecords.sniff(bytes(" \n\t ")));
    assertEquals(RawFormat.RAW_TEXT, RawRecords.sniff(bom));
    // an incomplete BOM is not skipped
    assertEquals(RawFormat.RAW_TEXT, RawRecords.sniff(new byte[] {(byte) 0xEF, (byte) 0xBB, '{'}));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void linesWithLf() throws IOException {
    assertEquals(
        List.of(new Line(0, "{\"a\":1}", false), new Line(1, "{\"b\":2}", false)),
        lines("{\"a\":1}\n{\"b\":2}\n", 100));
  }

  @Test
  void linesWithCrlfKeepTheCr() throws IOException {
    assertEquals(
        List.of(new Line(0, "one\r", false), new Line(1, "two\r", false)),
        lines("one\r\ntwo\r\n", 100));
  }

  @Test
  void blankLinesArePassedWithTheirNumbers() throws IOException {
    assertEquals(
        List.of(
            new Line(0, "a", false),
            new Line(1, "", false),
            new Line(2, "", false),
            new Line(3, "b", false)),
        lines("a\n\n\nb\n", 100));
    assertEquals(List.of(new Line(0, "", false)), lines("\n", 100));
  }

  @Test
  void finalLineWithoutTerminator() throws IOException {
    assertEquals(
        List.of(new Line(0, "a", false), new Line(1, "last", false)), lines("a\nlast", 100));
    assertEquals(List.of(), lines("", 100));
  }

  @Test
  void longLineIsCutAndNextLineIsIntact() throws IOException {
    assertEquals(
        List.of(
            new Line(0, "abcde", true),
            new Line(1, "xyz", false),
            new Line(2, "12345", false),
            new Line(3, "final", true)),
        lines("abcdefghij\nxyz\n12345\nfinal-unterminated", 5));
  }

  @Test
  void resultsDoNotDependOnReadChunks() throws IOException {
    byte[] data = bytes("abcdefghij\r\n\nxyz\n12345\nfinal-unterminated");
    List<Line> expected = lines(new ByteArrayInputStream(data), 5);
    for (int chunk : new int[] {1, 2, 3, 7}) {
      assertEquals(expected, lines(trickle(data, chunk), 5), "chunk " + chunk);
    }
  }

  @Test
  void lineLongerThanReadBufferIsCutOnce() throws IOException {
    byte[] longLine = new byte[200_000];
    Arrays.fill(longLine, (byte) 'x');
    byte[] data = concat(concat(longLine, bytes("\n")), bytes("{\"next\":true}\n"));
    List<long[]> meta = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    RawRecords.lines(
        new ByteArrayInputStream(data),
        70_000,
        (n, b, cut) -> {
          meta.add(new long[] {n, cut ? 1 : 0});
          contents.add(b);
        });
    assertEquals(2, meta.size());
    assertArrayEquals(new long[] {0, 1}, meta.get(0));
    assertEquals(70_000, contents.get(0).length);
    assertArrayEquals(new long[] {1, 0}, meta.get(1));
    assertEquals("{\"next\":true}", new String(contents.get(1), StandardCharsets.UTF_8));

    List<Line> big = lines(new ByteArrayInputStream(data), 300_000);
    assertEquals(200_000, big.get(0).text().length());
    assertTrue(!big.get(0).cut());
  }

  @Test
  void readCapped() throws IOException {
    assertEquals(6, RawRecords.readCapped(new ByteArrayInputStream(new byte[10]), 5).length);
    assertEquals(5, RawRecords.readCapped(new ByteArrayInputStream(new byte[5]), 5).length);
    assertEquals(3, RawRecords.readCapped(new ByteArrayInputStream(new byte[3]), 5).length);
    assertArrayEquals(bytes("abc"), RawRecords.readCapped(trickle(bytes("abcdef"), 1), 2));
  }
}
