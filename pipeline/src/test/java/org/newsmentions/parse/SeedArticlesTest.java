package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DateSource;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * The five real scraper outputs in {@code seeds.dir}, parsed as a careful reader would: the seed
 * texts are read from disk at run time and only short probe words appear here.
 */
class SeedArticlesTest {
  private final ArticleParser parser = new ArticleParser(ParserSettings.defaults());

  private Article seed(String prefix) throws Exception {
    String dir = System.getProperty("seeds.dir");
    Path root = dir == null ? null : Path.of(dir);
    Assumptions.assumeTrue(root != null && Files.isDirectory(root), "seeds not found at " + dir);
    Path file;
    try (Stream<Path> files = Files.list(root)) {
      List<Path> matches =
          files.filter(p -> p.getFileName().toString().startsWith(prefix + "_")).toList();
      Assumptions.assumeTrue(matches.size() == 1, "seed " + prefix + " not found at " + dir);
      file = matches.get(0);
    }
    RawArticle raw =
        RawArticle.newBuilder()
            .setSource(file.toString())
            .setFormat(RawFormat.AUTO)
            .setPayload(ByteBuffer.wrap(readBytes(file)))
            .setIngested(Instant.parse("2025-06-01T00:00:00Z"))
            .build();
    return parser.parse(raw).article();
  }

  private static byte[] readBytes(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  private static int count(String text, String probe) {
    int n = 0;
    for (int at = text.indexOf(probe); at >= 0; at = text.indexOf(probe, at + 1)) {
      n++;
    }
    return n;
  }

  private static void assertAbsent(String body, String... probes) {
    for (String probe : probes) {
      assertFalse(body.contains(probe), () -> "body should not contain '" + probe + "'");
    }
  }

  @Test
  void seed000HeaderDateOutletAndNoTrendingList() throws Exception {
    Article a = seed("000");
    assertEquals(Instant.parse("2025-05-04T00:00:00Z"), a.getPublished());
    assertEquals(DateSource.header, a.getPublishedFrom());
    assertEquals("devdiscourse", a.getOutlet());
    assertTrue(a.getTitle().startsWith("Xi Jinping's Historic Visit"), a.getTitle());
    assertFalse(a.getTitle().contains("Menu"));
    String body = a.getBody();
    List<String> paragraphs = List.of(body.split("\n\n"));
    assertEquals(4, paragraphs.size(), body); // standfirst + three article paragraphs
    assertTrue(paragraphs.get(0).contains("will visit Russia"), paragraphs.get(0));
    assertTrue(body.contains("slated for an official visit"));
    assertTrue(body.contains("Soviet Union"));
    assertAbsent(
        body,
        "TRENDING",
        "Head Start",
        "Uzbekistan",
        "AI-generated",
        "Devdiscourse News Desk",
        "Left Menu",
        "inputs from agencies",
        "Copyright",
        "Email",
        "Newsletter",
        "SECTORS");
    assertEquals(0, count(body, a.getTitle()));
  }

  @Test
  void seed001OneLongLineWithInlineTeasers() throws Exception {
    Article a = seed("001");
    assertEquals(Instant.parse("2025-05-08T00:00:00Z"), a.getPublished());
    assertEquals(DateSource.header, a.getPublishedFrom());
    assertEquals("", a.getTitle());
    String body = a.getBody();
    assertAbsent(body, "Ivanka", "Also read", "date 2025");
    assertTrue(body.contains("Ukrainian conflict in progress"));
    assertTrue(body.contains("Despite the festive atmosphere"));
    assertTrue(body.contains("Maduro"));
    assertTrue(body.strip().endsWith("battle lines."), body.substring(body.length() - 60));
  }

  @Test
  void seed002NoDateAndNoReadNextList() throws Exception {
    Article a = seed("002");
    assertNull(a.getPublished());
    assertEquals(DateSource.none, a.getPublishedFrom());
    String body = a.getBody();
    assertAbsent(body, "Read next", "Karachi", "Hegseth", "comment", "14:11", "opinion");
    assertEquals(4, body.split("\n\n").length, body);
    assertTrue(body.contains("no limits"));
  }

  @Test
  void seed003SubheadingsKeptRelatedHeadlinesDropped() throws Exception {
    Article a = seed("003");
    assertNull(a.getPublished());
    assertEquals("Putin and Xi to Strengthen Russian-Chinese Ties in Upcoming Meet", a.getTitle());
    String body = a.getBody();
    List<String> paragraphs = List.of(body.split("\n\n"));
    assertTrue(paragraphs.contains("A Friendship Beyond Diplomacy"), body);
    assertTrue(paragraphs.contains("Deepening Humanitarian Cooperation"), body);
    assertFalse(paragraphs.contains("Russian Chinese"), body);
    assertAbsent(
        body,
        "VIEW 532",
        "Getty",
        "Donetsk",
        "Canada's Parliament",
        "Me-Too",
        "curriculum",
        a.getTitle());
    assertTrue(body.contains("Belt and Road Forum"));
  }

  @Test
  void seed004AgencyOutletAndRepeatsOnce() throws Exception {
    Article a = seed("004");
    assertEquals("menafn", a.getOutlet());
    assertEquals("Xi, Putin pledge to boost bilateral ties", a.getTitle());
    String body = a.getBody();
    assertFalse(body.contains("(MENAFN)"));
    assertTrue(body.startsWith("Chinese President"), body);
    assertEquals(1, count(body, "Great Hall of the People"));
    assertEquals(1, count(body, "wartime brotherhood"));
    assertEquals(1, count(body, "according to reports"));
    assertAbsent(body, "Disclaimer", "Lubricants", "No comment", "Most popular", "Market Research");
    assertNull(a.getPublished());
  }
}
