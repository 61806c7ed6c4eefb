package org.newsmentions.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.newsmentions.read.RawRecords;
import org.newsmentions.schema.RawArticle;

/**
 * A labelled development set: raw/*.txt and jsonl/*.jsonl articles plus gold.jsonl with, per
 * article, the clean title and body, boilerplate lines, date, outlet, entity mentions and its story
 * and event ids (see eval/devset/README.md).
 */
public final class DevSet {

  /** The gold labels of one article. */
  public record Gold(
      String ref,
      String outlet,
      LocalDate published,
      String title,
      List<String> body,
      List<String> boilerplate,
      Map<String, Integer> mentions,
      Set<String> openSet,
      String story,
      String event) {}

  /** One article: its raw record and its gold. */
  public record Item(RawArticle raw, Gold gold) {}

  private DevSet() {}

  public static List<Item> load(Path root) throws IOException {
    Map<String, RawArticle> raws = new LinkedHashMap<>();
    Path base = root.toAbsolutePath().normalize();
    for (String dir : List.of("raw", "jsonl")) {
      Path d = base.resolve(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> files = Files.list(d)) {
        for (Path f : files.sorted().toList()) {
          RawRecords.split(
              f.toString(),
              Instant.ofEpochMilli(Files.getLastModifiedTime(f).toMillis()),
              new RawRecords.Limits(8 * 1024 * 1024, 8 * 1024 * 1024),
              () -> Files.newInputStream(f),
              r ->
                  raws.put(
                      base.relativize(Path.of(r.getSource().replaceAll("#\\d+$", ""))) + suffix(r),
                      r),
              skip -> {});
        }
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    List<Item> items = new ArrayList<>();
    for (String line : Files.readAllLines(base.resolve("gold.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = mapper.readTree(line);
      String ref = n.get("ref").asText();
      RawArticle raw = raws.get(ref);
      if (raw == null) {
        throw new IOException("gold names " + ref + " but no such article under " + base);
      }
      items.add(new Item(raw, gold(n)));
    }
    return items;
  }

  private static String suffix(RawArticle r) {
    String s = r.getSource();
    int hash = s.lastIndexOf('#');
    return hash >= 0 && s.substring(hash + 1).matches("\\d+") ? s.substring(hash) : "";
  }

  private static Gold gold(JsonNode n) {
    Map<String, Integer> mentions = new LinkedHashMap<>();
    n.path("mentions")
        .fields()
        .forEachRemaining(e -> mentions.put(e.getKey(), e.getValue().asInt()));
    Set<String> open = new TreeSet<>();
    n.path("open_set").forEach(x -> open.add(x.asText()));
    return new Gold(
        n.get("ref").asText(),
        text(n.get("outlet")),
        n.hasNonNull("published") ? LocalDate.parse(n.get("published").asText()) : null,
        n.path("title").asText(""),
        strings(n.path("body")),
        strings(n.path("boilerplate")),
        mentions,
        open,
        text(n.get("story")),
        text(n.get("event")));
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
