package org.newsmentions.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.newsmentions.Fixtures;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * The names in a scraper's {@code maintext} tables, squads and dateline reach the entities: the
 * parser keeps those lines (they are the article), and the recogniser finds the names in them.
 */
class MaintextEntitiesTest {
  private static final ArticleParser PARSER =
      new ArticleParser(ParserSettings.defaults().withClock(Fixtures.CLOCK));
  private static final EntityExtractor EXTRACTOR = new EntityExtractor(Gazetteer.loadDefault());

  @Test
  void namesInTablesSquadsAndTheDatelineAreCounted() throws Exception {
    String maintext =
        String.join(
            "\\n",
            "PARIS 2025-05-08",
            "France named its squad on Thursday for the two matches against Italy.",
            "Squad:",
            "Goalkeepers: Mike Maignan, Brice Samba",
            "Defenders: Jules Kounde, William Saliba",
            "Standings after four rounds:",
            "1. Spain 12",
            "2. Portugal 9",
            "Kylian Mbappe returns as captain, coach Didier Deschamps said.");
    String json =
        "{\"title\": \"France name squad for Italy matches\", \"maintext\": \""
            + maintext
            + "\", \"date_publish\": \"2025-05-08\"}";
    RawArticle raw =
        RawArticle.newBuilder()
            .setSource("test.jsonl#0")
            .setFormat(RawFormat.JSON_LINE)
            .setPayload(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)))
            .setIngested(Instant.parse("2025-05-08T12:00:00Z"))
            .build();
    Article a = PARSER.parse(raw).article();
    assertTrue(a.getBody().contains("Goalkeepers: Mike Maignan"), a.getBody());
    Map<String, Integer> byName = new TreeMap<>();
    for (ArticleEntity e : EXTRACTOR.extract(a.getTitle(), a.getBody())) {
      byName.put(e.getName() + "/" + e.getType(), e.getMentions());
    }
    for (String name :
        new String[] {
          "Paris/LOCATION",
          "Spain/LOCATION",
          "Portugal/LOCATION",
          "Mike Maignan/PERSON",
          "William Saliba/PERSON",
          "Didier Deschamps/PERSON"
        }) {
      assertTrue(byName.containsKey(name), name + " in " + byName);
    }
    assertEquals(2, byName.get("France/LOCATION"), "title and body: " + byName);
  }
}
