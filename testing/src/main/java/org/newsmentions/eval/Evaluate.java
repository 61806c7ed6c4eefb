package org.newsmentions.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.newsmentions.NewsMentions;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.parse.ParserSettings;

/**
 * The evaluation command: measures parsing, entity mentions and deduplication on a labelled dev set
 * and prints Markdown tables. Usage: {@code Evaluate [--devset=DIR] [--recognizer=ner|rules]
 * [parsing|entities|dedup|all|throughput]}, or {@code Evaluate ner [--conll=FILE]} (CoNLL-2003
 * named-entity scores through the pipeline, see {@link NerEval}, with the dev set's mention scores
 * beside) or {@code Evaluate realworld [DIR]} (see {@link RealWorldEval}); ({@code throughput}
 * times the entity extractor alone and is not part of {@code all}). Exits 1 when a target of the
 * issues is missed, so it can gate a change.
 */
public final class Evaluate {
  private Evaluate() {}

  public static void main(String[] args) throws Exception {
    Path devset = Path.of("eval/devset");
    Path conll = Path.of("../shared/ner/eng.testa");
    String what = "all";
    EntityExtractor.Recognizer recognizer = EntityExtractor.Recognizer.defaultChoice();
    for (String a : args) {
      if (a.startsWith("--devset=")) {
        devset = Path.of(a.substring("--devset=".length()));
      } else if (a.startsWith("--conll=")) {
        conll = Path.of(a.substring("--conll=".length()));
      } else if (a.startsWith("--recognizer=")) {
        recognizer =
            EntityExtractor.Recognizer.valueOf(
                a.substring("--recognizer=".length()).toUpperCase(java.util.Locale.ROOT));
      } else {
        what = a;
      }
    }
    PrintStream out = System.out;
    if (args.length > 0 && args[0].equals("realworld")) {
      RealWorldEval.main(args);
      return;
    }
    List<DevSet.Item> items = DevSet.load(devset);
    // The dev set is dated 2025; "now" is fixed after it so the future-date rule is stable.
    ParserSettings parser =
        ParserSettings.defaults()
            .withClock(
                java.time.Clock.fixed(
                    java.time.Instant.parse("2025-12-31T00:00:00Z"), java.time.ZoneOffset.UTC));
    Gazetteer gazetteer = Gazetteer.loadDefault();
    EntityExtractor extractor = new EntityExtractor(gazetteer).withRecognizer(recognizer);
    out.println("Recogniser for names outside the gazetteer: " + recognizer);
    out.println();
    boolean ok = true;
    if (what.equals("ner")) {
      ok &= NerEval.run(conll, extractor, out);
      ok &= EntityEval.run(items, extractor, out);
    }
    if (what.equals("all") || what.equals("parsing")) {
      ok &= ParsingEval.run(items, parser, out);
    }
    if (what.equals("all") || what.equals("entities")) {
      ok &= EntityEval.run(items, extractor, out);
    }
    if (what.equals("throughput")) {
      EntityThroughput.run(items, gazetteer, out);
    }
    if (what.equals("all") || what.equals("dedup")) {
      NewsMentions.Settings settings =
          NewsMentions.Settings.defaults()
              .withParser(parser)
              .withGazetteer(gazetteer)
              .withRecognizer(recognizer);
      ok &= DedupEval.run(items, settings, out);
    }
    out.println(ok ? "All targets met." : "Some targets missed (see above).");
    if (!ok) {
      System.exit(1);
    }
  }
}
