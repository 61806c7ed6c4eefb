package org.newsmentions.sink;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/** The file formats the sinks write (the options layer reads them from the command line). */
public final class OutputFormats implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A file format for the sinks. */
  public enum Format {
    JSON,
    AVRO,
    CSV,
    PARQUET
  }

  private final EnumSet<Format> formats;

  private OutputFormats(EnumSet<Format> formats) {
    this.formats = formats;
  }

  /** JSON lines only: the default. */
  public static final OutputFormats JSON_ONLY = of(EnumSet.of(Format.JSON));

  /** These formats; none means {@link #JSON_ONLY}. */
  public static OutputFormats of(Set<Format> formats) {
    return new OutputFormats(formats.isEmpty() ? EnumSet.of(Format.JSON) : EnumSet.copyOf(formats));
  }

  public boolean has(Format f) {
    return formats.contains(f);
  }

  public Set<Format> all() {
    return EnumSet.copyOf(formats);
  }
}
