package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmentions.bench.CorpusGenerator;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * The parser's output, record by record, is what it was when the digests in {@value #DIGESTS} were
 * taken: over the dev set, the samples and 2,000 generated articles. It guards speed work on the
 * parser (which must not change what it produces); a deliberate change of behaviour regenerates the
 * file with {@code -Dparser.digests.update=true} and says why in its commit.
 */
class ParserOutputRegressionTest {
  static final String DIGESTS = "parser-output-digests.tsv";
  static final int GENERATED = 2000;
  static final int GENERATED_PER_LINE = 100;

  @Test
  void outputIsUnchanged() throws IOException {
    List<String> actual = digests();
    Path file = Path.of("src/test/resources/org/newsmentions/parse", DIGESTS);
    if (Boolean.getBoolean("parser.digests.update")) {
      Files.write(file, actual, StandardCharsets.UTF_8);
    }
    List<String> expected;
    try (InputStream in = getClass().getResourceAsStream(DIGESTS)) {
      expected = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
    // Joined, so that a failure shows every record that changed at once.
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }

  static List<String> digests() throws IOException {
    ParserOutputDigests d = new ParserOutputDigests();
    List<String> out = new ArrayList<>();
    for (String dir :
        List.of(
            "../eval/devset/raw", "../eval/devset/jsonl", "../samples/raw", "../samples/jsonl")) {
      ParserOutputDigests.records(
          Path.of(dir), r -> out.add(dir.substring(3) + "/" + r.getSource() + "\t" + d.digest(r)));
    }
    List<CorpusGenerator.Record> generated = CorpusGenerator.sample(42, GENERATED);
    for (int from = 0; from < generated.size(); from += GENERATED_PER_LINE) {
      StringBuilder sb = new StringBuilder();
      for (int i = from; i < Math.min(generated.size(), from + GENERATED_PER_LINE); i++) {
        CorpusGenerator.Record g = generated.get(i);
        RawArticle raw =
            RawArticle.newBuilder()
                .setSource("generated#" + i)
                .setFormat(g.jsonLine() ? RawFormat.JSON_LINE : RawFormat.RAW_TEXT)
                .setPayload(ByteBuffer.wrap(g.bytes()))
                .setIngested(Instant.EPOCH)
                .build();
        sb.append(d.digest(raw));
      }
      out.add(
          "generated "
              + from
              + "-"
              + (from + GENERATED_PER_LINE - 1)
              + "\t"
              + ParserOutputDigests.sha(sb.toString()));
    }
    return out;
  }
}
