package org.newsmentions.sink;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The output formats chosen with {@code --format}. */
public final class OutputFormats implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A file format for the sinks. */
  public enum Format {
    JSON,
    AVRO,
    CSV
  }

  private final EnumSet<Format> formats;

  private OutputFormats(EnumSet<Format> formats) {
    this.formats = formats;
  }

  public static OutputFormats parse(String text) {
    EnumSet<Format> set = EnumSet.noneOf(Format.class);
    for (String part : (text == null ? "json" : text).split(",")) {
      String p = part.trim().toUpperCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      try {
        set.add(Format.valueOf(p));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--format takes json, avro and/or csv (comma-separated), not '" + part.trim() + "'");
      }
    }
    if (set.isEmpty()) {
      set.add(Format.JSON);
    }
    return new OutputFormats(set);
  }

  public boolean has(Format f) {
    return formats.contains(f);
  }

  public Set<Format> all() {
    return EnumSet.copyOf(formats);
  }
}
