package org.newsmentions.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.newsmentions.schema.EntityType;

/**
 * The list of entities the extractor knows, read from a versioned TSV file.
 *
 * <p>File format (UTF-8): lines starting with {@code #} are comments ({@code # version: N} sets the
 * version), blank lines are skipped, an optional header line starts with {@code id<TAB>}. Every
 * other line has 3 to 6 tab-separated columns: {@code id, type, name, aliases, demonyms, surnames};
 * the last three are {@code |}-separated lists and may be empty or missing. {@code type} is {@code
 * PERSON}, {@code LOCATION}, {@code ORGANIZATION}, or {@code IGNORE} for a name that must be
 * recognised so that its parts are not counted ("South China Sea" if it were not listed would
 * otherwise count as China) but that is not an entity itself. A surname written with a leading
 * {@code ~} is ambiguous: alone it only counts when the article names the person in full.
 */
public final class Gazetteer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Classpath location of the bundled list. */
  public static final String DEFAULT_RESOURCE = "/org/newsmentions/entities/gazetteer.tsv";

  /** Entry kinds: the three counted entity types, plus names that are recognised and dropped. */
  public enum Kind {
    PERSON,
    LOCATION,
    ORGANIZATION,
    IGNORE;

    /** The schema type, or null for {@link #IGNORE}. */
    public EntityType toEntityType() {
      switch (this) {
        case PERSON:
          return EntityType.PERSON;
        case LOCATION:
          return EntityType.LOCATION;
        case ORGANIZATION:
          return EntityType.ORGANIZATION;
        default:
          return null;
      }
    }
  }

  /**
   * One row of the gazetteer. Lists are immutable and never null; their items are kept as written,
   * so an ambiguous form still carries its leading {@code ~}.
   */
  public record Entry(
      String id,
      Kind kind,
      String name,
      List<String> aliases,
      List<String> demonyms,
      List<String> surnames)
      implements Serializable {
    public Entry {
      requireText(id, "id");
      requireText(name, "name");
      if (kind == null) {
        throw new IllegalArgumentException("kind must not be null");
      }
      aliases = List.copyOf(aliases);
      demonyms = List.copyOf(demonyms);
      surnames = List.copyOf(surnames);
    }

    private static void requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
    }
  }

  private final String version;
  private final List<Entry> entries;
  private final Map<String, Entry> byId;

  private Gazetteer(String version, List<Entry> entries) {
    this.version = version;
    this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
    Map<String, Entry> index = new LinkedHashMap<>();
    for (Entry e : entries) {
      index.put(e.id(), e);
    }
    this.byId = index;
  }

  /** Builds a gazetteer from entries; a later entry with an id already seen replaces it. */
  public static Gazetteer of(String version, List<Entry> entries) {
    Map<String, Entry> byId = new LinkedHashMap<>();
    for (Entry e : entries) {
      byId.put(e.id(), e);
    }
    return new Gazetteer(version, new ArrayList<>(byId.values()));
  }

  /** The list bundled with the pipeline. */
  public static Gazetteer loadDefault() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("gazetteer resource not found: " + DEFAULT_RESOURCE);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Reads a user's own list in the same format.
   *
   * @throws IllegalArgumentException naming the file and line of the first malformed line
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Gazetteer load(Path path) {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(reader, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer " + path, e);
    }
  }

  /** Parses TSV text; {@code source} only names the input in error messages. */
  public static Gazetteer parse(Reader reader, String source) throws IOException {
    BufferedReader in =
        reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    String version = "unversioned";
    Map<String, Entry> byId = new LinkedHashMap<>();
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.startsWith("#")) {
        String comment = trimmed.substring(1).strip();
        if (comment.toLowerCase(Locale.ROOT).startsWith("version:")) {
          version = comment.substring("version:".length()).strip();
        }
        continue;
      }
      if (line.startsWith("id\t")) {
        continue; // column header
      }
      Entry entry = parseLine(line, source, lineNo);
      if (byId.containsKey(entry.id())) {
        throw malformed(source, lineNo, "duplicate id " + entry.id());
      }
      byId.put(entry.id(), entry);
    }
    return new Gazetteer(version, new ArrayList<>(byId.values()));
  }

  private static Entry parseLine(String line, String source, int lineNo) {
    String[] cols = line.split("\t", -1);
    if (cols.length < 3 || cols.length > 6) {
      throw malformed(
          source,
          lineNo,
          "expected 3 to 6 tab-separated columns (id, type, name, aliases, demonyms, surnames) but"
              + " found "
              + cols.length);
    }
    String id = cols[0].strip();
    String typeText = cols[1].strip();
    String name = cols[2].strip();
    if (id.isEmpty()) {
      throw malformed(source, lineNo, "empty id");
    }
    if (name.isEmpty()) {
      throw malformed(source, lineNo, "empty name for id " + id);
    }
    Kind kind;
    try {
      kind = Kind.valueOf(typeText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw malformed(
          source,
          lineNo,
          "unknown type '" + typeText + "' (expected PERSON, LOCATION, ORGANIZATION or IGNORE)");
    }
    return new Entry(id, kind, name, splitList(cols, 3), splitList(cols, 4), splitList(cols, 5));
  }

  private static List<String> splitList(String[] cols, int index) {
    if (index >= cols.length || cols[index].isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : cols[index].split("\\|")) {
      String p = part.strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  private static IllegalArgumentException malformed(String source, int lineNo, String why) {
    return new IllegalArgumentException(
        "malformed gazetteer line " + lineNo + " in " + source + ": " + why);
  }

  /**
   * This list plus {@code overrides}: entries with a new id are added, an entry with an id this
   * list already has replaces it entirely (its aliases are not merged).
   */
  public Gazetteer withOverrides(Gazetteer overrides) {
    Map<String, Entry> byId = new LinkedHashMap<>();
    for (Entry e : entries) {
      byId.put(e.id(), e);
    }
    for (Entry e : overrides.entries) {
      byId.put(e.id(), e);
    }
    return new Gazetteer(version + "+" + overrides.version, new ArrayList<>(byId.values()));
  }

  public String version() {
    return version;
  }

  /** Entries in file order. */
  public List<Entry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  public Optional<Entry> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
