package org.newsmentions.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as one-line JSON with exactly the Avro field names: unions are written as the plain
 * value (not Avro's {"type": value} wrapping), timestamps as ISO-8601 UTC strings, enums as their
 * symbol, bytes as base64. So {@code jq} works on the output directly.
 */
public final class JsonRecords {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonRecords() {}

  public static String toJson(IndexedRecord record) {
    StringWriter w = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      writeRecord(g, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void writeRecord(JsonGenerator g, IndexedRecord record) throws IOException {
    g.writeStartObject();
    for (Schema.Field f : record.getSchema().getFields()) {
      g.writeFieldName(f.name());
      writeValue(g, f.schema(), record.get(f.pos()));
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, Schema schema, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis
        || logical instanceof LogicalTypes.TimestampMicros) {
      Instant t =
          value instanceof Instant i
              ? i
              : logical instanceof LogicalTypes.TimestampMillis
                  ? Instant.ofEpochMilli((Long) value)
                  : Instant.EPOCH.plusNanos((Long) value * 1000);
      g.writeString(t.toString());
      return;
    }
    switch (schema.getType()) {
      case UNION -> {
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            writeValue(g, branch, value);
            return;
          }
        }
        g.writeNull();
      }
      case RECORD -> writeRecord(g, (IndexedRecord) value);
      case ARRAY -> {
        g.writeStartArray();
        for (Object item : (Collection<?>) value) {
          writeValue(g, schema.getElementType(), item);
        }
        g.writeEndArray();
      }
      case MAP -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          g.writeFieldName(e.getKey().toString());
          writeValue(g, schema.getValueType(), e.getValue());
        }
        g.writeEndObject();
      }
      case ENUM ->
          g.writeString(
              value instanceof GenericEnumSymbol<?> s ? s.toString() : ((Enum<?>) value).name());
      case STRING -> g.writeString(value.toString());
      case BYTES -> {
        ByteBuffer b = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        g.writeString(Base64.getEncoder().encodeToString(bytes));
      }
      case INT -> g.writeNumber((Integer) value);
      case LONG -> g.writeNumber((Long) value);
      case FLOAT -> g.writeNumber((Float) value);
      case DOUBLE -> g.writeNumber((Double) value);
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      default -> g.writeString(value.toString());
    }
  }
}
