package org.newsmentions.entities;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsmentions.eval.DevSet;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.Span;

/**
 * Every span an article's entity carries covers text that is a form of that entity: its name, an
 * alias, demonym or surname (ignoring case, accents, dots and apostrophes), a broken possessive of
 * one ("Xis"), a surname with a mangled given name before it ("Nicols Maduro"), or for an open-set
 * name the name or one of its words (a surname, an organisation's name without its suffix).
 */
class SpanFormsTest {
  static final EntityExtractor EXTRACTOR = new EntityExtractor(Gazetteer.loadDefault());

  static final List<String> INVENTED =
      List.of(
          "PUTIN, XI HOLD TALKS\n\nRussia's Putin and President Xi met; Xis host spoke of"
              + " Russian-Chinese ties. Nicols Maduro and Mr. Zelenskiy were not invited.",
          "Kremlin aide\n\nMayor Teodora Vasquel of the village of Dunmarrow met Quorvale Logistics."
              + " Vasquel said Quorvale's depot would open. The U.S. and the EU agreed.");

  @Test
  void spansOfInventedArticlesAreFormsOfTheirEntity() {
    for (String article : INVENTED) {
      int cut = article.indexOf("\n\n");
      check(article.substring(0, cut), article.substring(cut + 2));
    }
  }

  @Test
  void spansOfTheDevSetAreFormsOfTheirEntity() throws IOException {
    Path root = Path.of("../eval/devset");
    assumeTrue(Files.isDirectory(root), "dev set not found at " + root.toAbsolutePath());
    int checked = 0;
    for (DevSet.Item item : DevSet.load(root)) {
      checked += check(item.gold().title(), String.join("\n\n", item.gold().body()));
    }
    assertTrue(checked > 500, "only " + checked + " spans checked");
  }

  private static int check(String title, String body) {
    String text = title + "\n\n" + body;
    int n = 0;
    for (ArticleEntity e : EXTRACTOR.extract(title, body)) {
      Set<String> forms = forms(e);
      List<Span> spans = e.getSpans();
      assertTrue(spans.size() == e.getMentions(), e.getId() + ": mentions != spans");
      for (Span s : spans) {
        String covered = text.substring(s.getStart(), s.getEnd());
        assertTrue(
            isForm(covered, forms),
            "span '" + covered + "' is not a form of " + e.getId() + " " + forms);
        n++;
      }
    }
    return n;
  }

  private static Set<String> forms(ArticleEntity e) {
    Set<String> out = new HashSet<>();
    var entry = EXTRACTOR.gazetteer().get(e.getId());
    List<String> all = new ArrayList<>();
    all.add(e.getName());
    if (entry.isPresent()) {
      all.addAll(entry.get().aliases());
      all.addAll(entry.get().demonyms());
      all.addAll(entry.get().surnames());
    } else {
      all.addAll(List.of(e.getName().split("[\\s\\-]+")));
    }
    for (String f : all) {
      String g = f.startsWith("~") ? f.substring(1).strip() : f;
      out.add(key(g));
    }
    return out;
  }

  private static boolean isForm(String covered, Set<String> forms) {
    String k = key(covered);
    if (forms.contains(k)) {
      return true;
    }
    // broken possessive or French plural: "Xis", "Serbias", "Slovakies"
    if (k.endsWith("s") && forms.contains(k.substring(0, k.length() - 1))) {
      return true;
    }
    if (k.endsWith("es") && forms.contains(k.substring(0, k.length() - 2))) {
      return true;
    }
    if (k.endsWith("ies") && forms.contains(k.substring(0, k.length() - 3) + "ia")) {
      return true;
    }
    // a hyphenated compound or a mangled given name before a surname: the last word is a form
    int space = k.lastIndexOf(' ');
    return space > 0 && forms.contains(k.substring(space + 1));
  }

  private static String key(String s) {
    String k = Tokens.normalize(s, 0, s.length());
    return k.replace('\u2011', '-').replaceAll("[-,]", " ").replaceAll("\\s+", " ").strip();
  }
}
