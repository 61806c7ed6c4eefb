package org.newsmentions.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entity names the synthetic corpus draws from: the bundled gazetteer when it is on the
 * classpath, else a small built-in list, so the generator works whatever the entity stage looks
 * like.
 */
final class Names {
  static final String GAZETTEER = "/org/newsmentions/entities/gazetteer.tsv";

  enum Type {
    PERSON,
    LOCATION,
    ORGANIZATION
  }

  /**
   * @param name the canonical name, used on first mention
   * @param shortName what later mentions use (a surname, an alias), or the name itself
   */
  record Name(Type type, String name, String shortName) {}

  final List<Name> people = new ArrayList<>();
  final List<Name> places = new ArrayList<>();
  final List<Name> orgs = new ArrayList<>();
  final String origin;

  private Names(String origin) {
    this.origin = origin;
  }

  static Names load() {
    try (InputStream in = Names.class.getResourceAsStream(GAZETTEER)) {
      if (in != null) {
        Names names = parse(in);
        if (names.people.size() >= 5 && names.places.size() >= 5 && names.orgs.size() >= 5) {
          return names;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fallback();
  }

  /** Reads gazetteer TSV (id, type, name, aliases, demonyms, surnames); IGNORE rows are skipped. */
  static Names parse(InputStream in) throws IOException {
    Names names = new Names("gazetteer " + GAZETTEER);
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f[2].isBlank()) {
        continue;
      }
      Type type;
      try {
        type = Type.valueOf(f[1].trim());
      } catch (IllegalArgumentException e) {
        continue; // header row, IGNORE rows
      }
      String name = f[2].trim();
      String shortName = name;
      if (type == Type.PERSON) {
        String surnames = f.length > 5 ? f[5].trim() : "";
        shortName =
            !surnames.isEmpty()
                ? surnames.split("\\|")[0].trim()
                : name.substring(name.lastIndexOf(' ') + 1);
      } else if (type == Type.ORGANIZATION && f.length > 3 && !f[3].isBlank()) {
        String alias = f[3].split("\\|")[0].trim();
        shortName = alias.isEmpty() ? name : alias;
      }
      names.add(new Name(type, name, shortName));
    }
    return names;
  }

  private void add(Name n) {
    switch (n.type()) {
      case PERSON -> people.add(n);
      case LOCATION -> places.add(n);
      case ORGANIZATION -> orgs.add(n);
    }
  }

  /** Public figures, places and bodies that any news corpus names; used without a gazetteer. */
  static Names fallback() {
    Names n = new Names("built-in fallback list");
    String[][] people = {
      {"Vladimir Putin", "Putin"},
      {"Xi Jinping", "Xi"},
      {"Emmanuel Macron", "Macron"},
      {"Olaf Scholz", "Scholz"},
      {"Narendra Modi", "Modi"},
      {"Volodymyr Zelenskiy", "Zelenskiy"},
      {"Ursula von der Leyen", "von der Leyen"},
      {"Antonio Guterres", "Guterres"},
      {"Luiz Inacio Lula da Silva", "Lula"},
      {"Recep Tayyip Erdogan", "Erdogan"},
      {"Keir Starmer", "Starmer"},
      {"Giorgia Meloni", "Meloni"},
      {"Pedro Sanchez", "Sanchez"},
      {"Cyril Ramaphosa", "Ramaphosa"},
      {"Anthony Albanese", "Albanese"},
      {"Justin Trudeau", "Trudeau"},
      {"Sergei Lavrov", "Lavrov"},
      {"Wang Yi", "Wang"},
      {"Mark Rutte", "Rutte"},
      {"Christine Lagarde", "Lagarde"}
    };
    for (String[] p : people) {
      n.add(new Name(Type.PERSON, p[0], p[1]));
    }
    String[] places = {
      "Russia", "China", "France", "Germany", "India", "Ukraine", "Brazil", "Turkey", "Japan",
      "Kenya", "Moscow", "Beijing", "Paris", "Berlin", "New Delhi", "Kyiv", "Brasilia", "Ankara",
      "Tokyo", "Nairobi"
    };
    for (String p : places) {
      n.add(new Name(Type.LOCATION, p, p));
    }
    String[][] orgs = {
      {"United Nations", "UN"},
      {"European Union", "EU"},
      {"NATO", "NATO"},
      {"World Health Organization", "WHO"},
      {"International Monetary Fund", "IMF"},
      {"World Bank", "World Bank"},
      {"BRICS", "BRICS"},
      {"Gazprom", "Gazprom"},
      {"European Central Bank", "ECB"},
      {"African Union", "African Union"}
    };
    for (String[] o : orgs) {
      n.add(new Name(Type.ORGANIZATION, o[0], o[1]));
    }
    return n;
  }
}
