package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsmentions.bench.CorpusGenerator;
import org.newsmentions.parse.ArticleTextCleaner.Features;

/**
 * The cleaner skips a regular expression when a cheap test of the line says it cannot match. This
 * checks, on every line of the dev set, the samples and generated articles (and variants of them),
 * that the cheap test never says "cannot" where the expression does match, and that the
 * hand-written replacements of expressions give the same answers.
 */
class ParserPrefilterTest {

  /** Each expression, and the prefilter the cleaner puts in front of it. */
  private static final Map<Pattern, Predicate<Features>> GATES =
      Map.ofEntries(
          Map.entry(ArticleTextCleaner.COUNT, f -> f.has(0)),
          Map.entry(ArticleTextCleaner.RELATIVE_TIME, f -> f.has(1)),
          Map.entry(ArticleTextCleaner.LIST_HEADING, f -> f.has(2)),
          Map.entry(ArticleTextCleaner.DISCLAIMER, f -> f.has(3)),
          Map.entry(ArticleTextCleaner.BYLINE_BY, f -> f.has(4)),
          Map.entry(ArticleTextCleaner.BYLINE_WORDS, f -> f.has(5)),
          Map.entry(ArticleTextCleaner.BYLINE_LEAD, f -> f.has(6)),
          Map.entry(ArticleTextCleaner.CAPTION, f -> f.has(7) || f.copyright),
          Map.entry(ArticleTextCleaner.AI_IMAGE_NOTICE, f -> f.has(8)),
          Map.entry(ArticleTextCleaner.CREDIT_LINE, f -> f.has(9)),
          Map.entry(ArticleTextCleaner.FOOTER, f -> f.has(10)),
          Map.entry(ArticleTextCleaner.SOCIAL, f -> f.has(11)),
          Map.entry(ArticleTextCleaner.AI_TOOL_NOTICE, f -> f.has(12)),
          Map.entry(ArticleTextCleaner.PICTURE_WORD, f -> f.has(13)),
          Map.entry(ArticleTextCleaner.CONTACT_NUMBER, f -> f.has(14) && f.digit),
          Map.entry(ArticleTextCleaner.CLOCK, f -> f.first >= '0' && f.first <= '9' && f.colon),
          Map.entry(ArticleTextCleaner.BULLET_ONLY, f -> "•·*-–—>»".indexOf(f.first) >= 0),
          Map.entry(
              ArticleTextCleaner.BULLET,
              f -> f.first >= '0' && f.first <= '9' || "-•*–·▪".indexOf(f.first) >= 0),
          Map.entry(ArticleTextCleaner.INTRO, f -> f.colon),
          Map.entry(ArticleTextCleaner.ADVERT, f -> "aspclASPCL".indexOf(f.first) >= 0),
          Map.entry(ArticleTextCleaner.SLASH_NAV, f -> f.slash),
          Map.entry(PublicationDateExtractor.DATE, f -> f.digit));

  @Test
  void prefiltersNeverRejectALineTheExpressionMatches() throws IOException {
    List<String> lines = lines();
    int matched = 0;
    for (String line : lines) {
      Features f = new Features(line);
      for (Map.Entry<Pattern, Predicate<Features>> gate : GATES.entrySet()) {
        if (gate.getKey().matcher(line).find()) {
          matched++;
          assertTrue(gate.getValue().test(f), gate.getKey() + " matches but is skipped: " + line);
        }
      }
    }
    assertTrue(matched > 500, "the lines exercise the expressions: " + matched);
    for (String line : lines) {
      if (InlineTeasers.MARKER.matcher(line).find()) {
        assertTrue(InlineTeasers.MARKER_WORDS.scan(line) != 0, line);
      }
    }
  }

  @Test
  void handWrittenTestsAgreeWithTheExpressions() throws IOException {
    List<String> lines = lines();
    lines.addAll(List.of("", " ", "Done.\u2028", "Done. )\u2028", "Yes!\u201d ", "\"\"", "x\r\n"));
    for (String line : lines) {
      String s = ArticleTextCleaner.TRAILING_CLOSERS.matcher(line).replaceAll("");
      boolean sentence = !s.isEmpty() && ".!?…".indexOf(s.charAt(s.length() - 1)) >= 0;
      assertEquals(sentence, ArticleTextCleaner.endsSentence(line), line);
      boolean menuByRegex =
          ArticleTextCleaner.MENU_MARK.matcher(line).find()
              || ArticleTextCleaner.MENU_GAP.split(line.strip()).length >= 3;
      if (ArticleTextCleaner.isMenuLayout(line)) {
        assertTrue(menuByRegex, line);
      }
    }
  }

  @Test
  void scannerFindsLiteralsInAnyAsciiCase() {
    LiteralScanner s = new LiteralScanner(List.of(List.of("read", "ad"), List.of("(c)", "he")));
    assertEquals(0b11, s.scan("(C) HEADlines"));
    assertEquals(0b01, s.scan("bread"));
    assertEquals(0b10, s.scan("the"));
    assertEquals(0, s.scan("rea d, é"));
  }

  /** Every line of the dev set, the samples and generated articles, plus case and cut variants. */
  private static List<String> lines() throws IOException {
    Set<String> out = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("../eval/devset/raw", "../eval/devset/jsonl", "../samples")) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        s.filter(Files::isRegularFile)
            .filter(p -> !p.toString().endsWith(".gz"))
            .forEach(files::add);
      }
    }
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      texts.add(Files.readString(f, StandardCharsets.UTF_8).replace("\\n", "\n"));
    }
    for (CorpusGenerator.Record r : CorpusGenerator.sample(5, 400)) {
      texts.add(new String(r.bytes(), StandardCharsets.UTF_8).replace("\\n", "\n"));
    }
    for (String text : texts) {
      for (String raw : text.split("[\n\"]")) {
        String line = ArticleTextCleaner.normalizeLine(raw);
        if (!line.isEmpty()) {
          out.add(line);
          out.add(line.toUpperCase(java.util.Locale.ROOT));
          out.add(line.substring(0, line.length() / 2).strip());
        }
      }
    }
    return new ArrayList<>(out);
  }
}
