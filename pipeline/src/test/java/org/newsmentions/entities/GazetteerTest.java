package org.newsmentions.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.schema.ArticleEntity;

class GazetteerTest {
  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void defaultListIsVersionedAndLarge() {
    Gazetteer g = Gazetteer.loadDefault();
    assertEquals("1", g.version());
    assertTrue(g.size() >= 600, "only " + g.size() + " rows");
    Map<Gazetteer.Kind, Integer> byKind = new TreeMap<>();
    for (Gazetteer.Entry e : g.entries()) {
      byKind.merge(e.kind(), 1, Integer::sum);
    }
    System.out.println("gazetteer rows by type: " + byKind + ", total " + g.size());
  }

  @Test
  void defaultListHasTheAnchorEntities() {
    Gazetteer g = Gazetteer.loadDefault();
    Map<String, String> expected =
        Map.of(
            "Q7747", "Vladimir Putin",
            "Q159", "Russia",
            "Q148", "China",
            "Q30", "United States",
            "Q212", "Ukraine",
            "Q15031", "Xi Jinping",
            "Q649", "Moscow",
            "Q956", "Beijing",
            "Q458", "European Union",
            "Q7184", "NATO");
    expected.forEach((id, name) -> assertEquals(name, g.get(id).orElseThrow().name(), id));
    assertEquals(Gazetteer.Kind.ORGANIZATION, g.get("x:kremlin").orElseThrow().kind());
    assertEquals(Gazetteer.Kind.ORGANIZATION, g.get("Q1065").orElseThrow().kind());
    assertTrue(g.get("Q159").orElseThrow().demonyms().contains("Russians"));
  }

  @Test
  void everyUnMemberStateIsListedOnce() {
    // The 193 UN member states are the first block of the file, each with its own QID.
    Gazetteer g = Gazetteer.loadDefault();
    List<Gazetteer.Entry> first = g.entries().subList(0, 193);
    for (Gazetteer.Entry e : first) {
      assertEquals(Gazetteer.Kind.LOCATION, e.kind(), e.id());
      assertTrue(e.id().matches("Q\\d+"), e.id());
    }
    assertEquals(193, first.stream().map(Gazetteer.Entry::id).distinct().count());
    List<String> names = first.stream().map(Gazetteer.Entry::name).toList();
    for (String n :
        List.of("Afghanistan", "Ukraine", "Zimbabwe", "Tuvalu", "Guinea-Bissau", "Côte d'Ivoire")) {
      assertTrue(names.contains(n), n);
    }
  }

  @Test
  void noTwoEntriesClaimTheSameUnmarkedName() {
    Map<String, List<String>> claims = new HashMap<>();
    for (Gazetteer.Entry e : Gazetteer.loadDefault().entries()) {
      List<String> names = new ArrayList<>();
      names.add(e.name());
      names.addAll(e.aliases());
      names.addAll(e.demonyms());
      for (String n : names) {
        if (n.startsWith("~")) {
          continue;
        }
        Tokens t = Tokens.of(n);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < t.size; i++) {
          key.append(t.key(i)).append(' ');
        }
        List<String> ids = claims.computeIfAbsent(key.toString().strip(), k -> new ArrayList<>());
        if (!ids.contains(e.id())) {
          ids.add(e.id());
        }
      }
    }
    Map<String, List<String>> clashes = new TreeMap<>();
    claims.forEach(
        (k, ids) -> {
          if (ids.size() > 1) {
            clashes.put(k, ids);
          }
        });
    assertEquals(Map.of(), clashes, "names claimed by more than one entry; mark them with ~");
  }

  @Test
  void userFileOverridesAndAddsEntries() throws IOException {
    Path custom =
        write(
            "mine.tsv",
            "# version: 7",
            "id\ttype\tname\taliases\tdemonyms\tsurnames",
            "Q7747\tPERSON\tVladimir Putin\tVova\t\tPutin",
            "x:test:zorblax\tORGANIZATION\tZorblax Institute\tZorblax");
    Gazetteer user = Gazetteer.load(custom);
    assertEquals("7", user.version());
    assertEquals(2, user.size());

    Gazetteer merged = Gazetteer.loadDefault().withOverrides(user);
    assertEquals(Gazetteer.loadDefault().size() + 1, merged.size());
    Gazetteer.Entry putin = merged.get("Q7747").orElseThrow();
    assertEquals(List.of("Vova"), putin.aliases());

    EntityExtractor x = new EntityExtractor(merged);
    Map<String, Integer> c = new TreeMap<>();
    for (ArticleEntity e : x.extract("", "Vova visited Zorblax. Poutine stayed home.")) {
      c.put(e.getId().toString(), e.getMentions());
    }
    // "Poutine" was a default surname form; the replacing entry no longer has it.
    assertEquals(Map.of("Q7747", 1, "x:test:zorblax", 1), c);
  }

  @Test
  void optionalColumnsMayBeMissing() throws IOException {
    Gazetteer g = Gazetteer.load(write("short.tsv", "x:a\tLOCATION\tAtlantis"));
    Gazetteer.Entry a = g.get("x:a").orElseThrow();
    assertTrue(a.aliases().isEmpty() && a.demonyms().isEmpty() && a.surnames().isEmpty());
    assertEquals("unversioned", g.version());
  }

  @Test
  void malformedLineNamesTheLine() throws IOException {
    Path bad = write("bad.tsv", "# version: 1", "x:a\tLOCATION\tAtlantis", "x:b LOCATION Lemuria");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Gazetteer.load(bad));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("bad.tsv"), e.getMessage());
  }

  @Test
  void unknownTypeAndDuplicateIdsAreRejected() throws IOException {
    Path badType = write("type.tsv", "x:a\tPLANET\tAtlantis");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Gazetteer.load(badType));
    assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("PLANET"));

    Path dup = write("dup.tsv", "x:a\tLOCATION\tAtlantis", "", "x:a\tLOCATION\tLemuria");
    e = assertThrows(IllegalArgumentException.class, () -> Gazetteer.load(dup));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("duplicate"));

    Path emptyName = write("empty.tsv", "x:a\tLOCATION\t  ");
    e = assertThrows(IllegalArgumentException.class, () -> Gazetteer.load(emptyName));
    assertTrue(e.getMessage().contains("line 1"));
  }

  @Test
  void ignoreRowsAreMatchedButNeverReported() throws IOException {
    Gazetteer g =
        Gazetteer.load(
            write(
                "ignore.tsv",
                "x:land\tLOCATION\tFreedonia\t\tFreedonian",
                "x:event\tIGNORE\tFreedonia Day"));
    List<ArticleEntity> found = new EntityExtractor(g).extract("", "On Freedonia Day we rest.");
    assertTrue(found.isEmpty(), found.toString());
    assertEquals(Set.of(), Set.copyOf(found));
  }
}
