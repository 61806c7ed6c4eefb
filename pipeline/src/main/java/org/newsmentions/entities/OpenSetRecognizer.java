package org.newsmentions.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds names of people, organisations and places that the gazetteer does not list, by rules over
 * capitalisation and the words around a name (see the "Entities" section of the README).
 *
 * <p>Two passes over the tokens the gazetteer left free. The first discovers names in the body:
 * runs of capitalised words (with connectors such as "de", "van", "bin", "of" inside), trimmed of
 * common words and titles, and kept only when a cue gives their type: a title or role before
 * ("Mayor", "spokeswoman"), a given name from a list, "said"/"told" next to it (PERSON); a
 * corporate suffix ("Freight", "Bank", "Party") or a word such as "company", "builder" next to it
 * (ORGANIZATION); "in", "near", "town of", "village of", ", a town" or "region" next to it, or a
 * suffix such as "Oblast" (LOCATION). A name with no cue is skipped; a single word at the start of
 * a sentence is taken only if it also appears capitalised mid-sentence. The second pass counts
 * every occurrence of the discovered names anywhere in the article (title and sentence starts
 * included), and their short forms: a person's surname ("Marchuk" after "Olena Marchuk"), an
 * organisation's name without its suffix ("Velmora" for "Velmora Freight").
 *
 * <p>The word lists are resources ({@code open-set-words.txt}, {@code first-names.txt}). Instances
 * are immutable and thread-safe.
 */
final class OpenSetRecognizer implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String WORDS_RESOURCE = "/org/newsmentions/entities/open-set-words.txt";
  static final String FIRST_NAMES_RESOURCE = "/org/newsmentions/entities/first-names.txt";

  private static final int MAX_FORM_TOKENS = 8;

  /** Short words a title-case headline leaves in lower case. */
  private static final Set<String> TITLE_CASE_LOWER =
      Set.of(
          "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "by", "for",
          "with", "as", "from", "vs", "via", "s");

  /** Verbs that follow a subject: a capitalised word before them may be a name ("Wang was"). */
  private static final Set<String> AUXILIARIES =
      Set.of(
          "is", "was", "were", "are", "has", "had", "have", "will", "would", "can", "could", "may",
          "might", "must", "should", "did", "does", "also");

  private final Set<String> common;

  /** The function words, months and days of {@link #common}, without "National", "Air"... */
  private final Set<String> functionWords;

  private final Set<String> personCue;
  private final Set<String> personVerb;
  private final Set<String> orgSuffix;
  private final Set<String> orgCue;
  private final Set<String> locNoun;
  private final Set<String> locPrep;
  private final Set<String> locSuffix;
  private final Set<String> connector;
  private final Set<String> ignore;
  private final Set<String> firstNames;

  private OpenSetRecognizer(Map<String, Set<String>> lists, Set<String> firstNames) {
    this.functionWords = lists.getOrDefault("common", Set.of());
    Set<String> all = new HashSet<>(functionWords);
    all.addAll(lists.getOrDefault("common-capitalised", Set.of()));
    this.common = all;
    this.personCue = lists.getOrDefault("person-cue", Set.of());
    this.personVerb = lists.getOrDefault("person-verb", Set.of());
    this.orgSuffix = lists.getOrDefault("org-suffix", Set.of());
    this.orgCue = lists.getOrDefault("org-cue", Set.of());
    this.locNoun = lists.getOrDefault("loc-noun", Set.of());
    this.locPrep = lists.getOrDefault("loc-prep", Set.of());
    this.locSuffix = lists.getOrDefault("loc-suffix", Set.of());
    this.connector = lists.getOrDefault("connector", Set.of());
    this.ignore = lists.getOrDefault("ignore", Set.of());
    this.firstNames = firstNames;
  }

  /** The recogniser with the bundled word lists. */
  static OpenSetRecognizer loadDefault() {
    Map<String, Set<String>> lists = read(WORDS_RESOURCE);
    Set<String> names = read(FIRST_NAMES_RESOURCE).getOrDefault("", Set.of());
    return new OpenSetRecognizer(lists, names);
  }

  private static Map<String, Set<String>> read(String resource) {
    Map<String, Set<String>> lists = new HashMap<>();
    try (InputStream in = OpenSetRecognizer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource not found: " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String section = "";
      String line;
      while ((line = r.readLine()) != null) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        if (s.startsWith("[") && s.endsWith("]")) {
          section = s.substring(1, s.length() - 1);
          continue;
        }
        lists
            .computeIfAbsent(section, k -> new HashSet<>())
            .add(Tokens.normalize(s, 0, s.length()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return lists;
  }

  /** An open-set entity found in one text, with the token spans of its mentions. */
  static final class Found {
    final String key;
    final String name;
    final Gazetteer.Kind kind;
    final List<int[]> mentions = new ArrayList<>();

    Found(String key, String name, Gazetteer.Kind kind) {
      this.key = key;
      this.name = name;
      this.kind = kind;
    }

    /** Stable id from the type and the normalised name: "n:person:olena-marchuk". */
    String id() {
      return openId(kind, key);
    }
  }

  /**
   * The stable id of an open-set name from its type and normalised key: "n:person:olena-marchuk".
   * The type is part of it, so a "Jordan" read as a person and one read as a place are two ids.
   */
  static String openId(Gazetteer.Kind kind, String key) {
    StringBuilder b =
        new StringBuilder("n:").append(kind.name().toLowerCase(Locale.ROOT)).append(':');
    boolean dash = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
        dash = false;
      } else if (!dash && b.charAt(b.length() - 1) != ':') {
        b.append('-');
        dash = true;
      }
    }
    if (dash) {
      b.setLength(b.length() - 1);
    }
    return b.toString();
  }

  /** What the recogniser found, and which gazetteer matches it took over. */
  record Result(List<Found> found, BitSet droppedMatches) {}

  /** A discovered name: tokens [first, last] and its type. */
  private record Candidate(int first, int last, Gazetteer.Kind kind) {}

  /** A place a known form occurs: tokens [first, last], the entities it may name, full or short. */
  private record Occurrence(int first, int last, List<Integer> entities, boolean full) {}

  Result find(Tokens t, List<EntityExtractor.Match> matches) {
    return find(t, matches, List.of(), new BitSet(), true);
  }

  /**
   * Whether a recognised name [a, b] may take over the gazetteer matches inside it: its other words
   * are capitalised and not common words ("[London] Stock Exchange", but not "PUTIN AND XI").
   * Connectors in lower case may stand between them ("Bank of [England]").
   */
  boolean mayTakeOver(Tokens t, int a, int b, int[] owner) {
    for (int k = a; k <= b; k++) {
      if (owner[k] >= 0) {
        continue;
      }
      String key = t.key(k);
      boolean lowerConnector = connector.contains(key) && !t.has(k, Tokens.FIRST_UPPER);
      if (!lowerConnector && (!t.has(k, Tokens.FIRST_UPPER) || functionWords.contains(key))) {
        return false;
      }
    }
    return true;
  }

  /** A head word of landmarks, events and the like, which are not counted ("Square", "Day"). */
  boolean isIgnoredHead(String key) {
    return ignore.contains(key);
  }

  /** A function word ("the", "of", "in"): never a name on its own. */
  boolean isFunctionWord(String key) {
    return functionWords.contains(key);
  }

  /** A title or role word ("president", "mr", "spokeswoman"): never part of a person's span. */
  boolean isTitle(String key) {
    return personCue.contains(key);
  }

  /**
   * Like {@link #find(Tokens, List)}, with names found by another recogniser ({@code seeds}, token
   * spans with their type) discovered first, and the gazetteer matches those names took over
   * ({@code yielded}: "[London] Stock Exchange") read as soft, so that the longer name wins. {@code
   * byRules} also discovers names by this class's rules.
   */
  Result find(
      Tokens t,
      List<EntityExtractor.Match> matches,
      List<int[]> seeds,
      BitSet yielded,
      boolean byRules) {
    int n = t.size;
    int[] owner = new int[n];
    java.util.Arrays.fill(owner, -1);
    for (int m = 0; m < matches.size(); m++) {
      EntityExtractor.Match match = matches.get(m);
      for (int k = match.firstToken(); k <= match.lastToken(); k++) {
        owner[k] = m;
      }
    }
    Ctx c = new Ctx(t, matches, owner, yielded);
    BitSet dropped = new BitSet();

    // Pass 1: discover names (the seeds anywhere; by rules in the body).
    Map<String, Found> byKey = new LinkedHashMap<>();
    // Order decides a name's type where two recognisers find it: first the seeds that are longer
    // names over gazetteer words ("Rotor Volgograd"), then the rules' names (their cue decides),
    // then the other seeds.
    List<Candidate> ruled = byRules ? discover(c) : List.of();
    Set<Long> byRule = new HashSet<>();
    for (Candidate r : ruled) {
      byRule.add(r.first() * (long) n + r.last());
    }
    List<Candidate> longer = new ArrayList<>();
    List<Candidate> others = new ArrayList<>();
    for (int[] seed : seeds) {
      int a = seed[0];
      int b = seed[1];
      // Capitalised common words at the start of a sentence or headline are not the name ("The
      // Trump administration", "Who knows").
      while (a <= b
          && owner[a] < 0
          && functionWords.contains(t.key(a))
          && (a > seed[0] || c.sentenceInitial(a) || c.headline.get(a))) {
        a++;
      }
      if (a > b
          || !t.has(a, Tokens.FIRST_UPPER)
          || byRule.contains(a * (long) n + b) // the rules found it: their cue decides its type
          || (b > a && owner[b] < 0 && functionWords.contains(t.key(b)))) {
        continue; // "Council Some members": a subheading run into its paragraph
      }
      if (c.headline.get(a) && !c.lineIsListOrTable(a)) {
        // A headline in title case is no evidence ("Putin and Xi to Strengthen Ties"); one in
        // capitals is, unless a common word is inside the name.
        boolean ok = true;
        for (int k = a; k <= b; k++) {
          ok &= t.has(k, Tokens.ALL_UPPER) && (owner[k] >= 0 || !functionWords.contains(t.key(k)));
        }
        if (!ok) {
          continue;
        }
      }
      Gazetteer.Kind kind = Gazetteer.Kind.values()[seed[2]];
      boolean ok =
          acceptable(c, a, b)
              // a one-word organisation mid-sentence, even a common word ("told Reuters")
              || (a == b
                  && kind == Gazetteer.Kind.ORGANIZATION
                  && !c.sentenceInitial(a)
                  && !ignore.contains(t.key(a))
                  && t.has(a, Tokens.FIRST_UPPER));
      if (!ok || (kind == Gazetteer.Kind.PERSON && a == b && modifierOnly(c, a))) {
        continue;
      }
      boolean overGazetteer = false;
      for (int k = a; k <= b; k++) {
        overGazetteer |= owner[k] >= 0;
      }
      (overGazetteer ? longer : others).add(new Candidate(a, b, kind));
    }
    List<Candidate> candidates = new ArrayList<>(longer);
    candidates.addAll(ruled);
    candidates.addAll(others);
    // Where a seed gives a name another type than the one it has in this text, that occurrence is
    // an entity of its own type: a "Jordan" read as a person and one read as a place are two.
    Map<String, Found> otherKind = new LinkedHashMap<>();
    Map<Integer, String> otherKindAt = new HashMap<>();
    for (Candidate cand : candidates) {
      String key = formKey(t, cand.first(), cand.last());
      if (key.isEmpty()) {
        continue;
      }
      Found f =
          byKey.computeIfAbsent(
              key,
              k ->
                  new Found(
                      k, t.text.substring(t.start[cand.first()], t.end[cand.last()]), cand.kind()));
      if (f.kind != cand.kind()) {
        String kk = cand.kind() + " " + key;
        otherKind.computeIfAbsent(
            kk,
            k ->
                new Found(
                    key, t.text.substring(t.start[cand.first()], t.end[cand.last()]), cand.kind()));
        otherKindAt.put(cand.first() * 64 + (cand.last() - cand.first()), kk);
      }
    }
    if (byKey.isEmpty()) {
      return new Result(List.of(), dropped);
    }
    List<Found> found = new ArrayList<>(byKey.values());
    Map<String, Integer> otherKindIndex = new HashMap<>();
    for (Map.Entry<String, Found> e : otherKind.entrySet()) {
      otherKindIndex.put(e.getKey(), found.size());
      found.add(e.getValue());
    }

    // Pass 2: every occurrence of a discovered name or its short form.
    Map<String, List<Integer>> fullForms = new HashMap<>();
    Map<String, List<Integer>> shortForms = new HashMap<>();
    for (int e = 0; e < byKey.size(); e++) {
      Found f = found.get(e);
      fullForms.computeIfAbsent(f.key, k -> new ArrayList<>()).add(e);
      String shortForm = shortForm(f);
      if (shortForm != null) {
        shortForms.computeIfAbsent(shortForm, k -> new ArrayList<>()).add(e);
      }
    }
    // Entities named in full so far: a one-word name that is also another's short form
    // ("Aydemir" after "Serkan Aydemir") is that other name once it has been named in full.
    BitSet namedInFull = new BitSet();
    List<Occurrence> occurrences = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!c.nameStart(i) && !c.initial(i)) {
        continue;
      }
      Occurrence best = null;
      StringBuilder key = new StringBuilder();
      for (int j = i; j < n && j - i < MAX_FORM_TOKENS; j++) {
        if (j > i && !c.nameGap(j)) {
          break;
        }
        if (owner[j] >= 0 && !c.softOwned(j)) {
          break;
        }
        if (j > i) {
          key.append(' ');
        }
        key.append(t.key(j));
        String k = key.toString();
        List<Integer> full = fullForms.get(k);
        List<Integer> sf = j == i && owner[j] < 0 ? shortForms.get(k) : null;
        // In the title, before the body introduces the full name, a short form is that name too.
        boolean shortFirst =
            sf != null && c.standsAlone(i) && (i < c.bodyStart || anySet(namedInFull, sf));
        if (full != null && !shortFirst && (j > i || owner[j] < 0 || yielded.get(owner[j]))) {
          String other = otherKindAt.get(i * 64 + (j - i));
          best =
              new Occurrence(i, j, other == null ? full : List.of(otherKindIndex.get(other)), true);
        } else if (sf != null && c.standsAlone(i) && (full == null || shortFirst)) {
          best = new Occurrence(i, i, sf, false);
        }
      }
      if (best != null && best.full()) {
        for (int e : best.entities()) {
          namedInFull.set(e);
        }
      }
      if (best != null) {
        occurrences.add(best);
        for (int k = best.first(); k <= best.last(); k++) {
          if (owner[k] >= 0) {
            dropped.set(owner[k]);
          }
        }
        i = best.last();
      }
    }
    for (Occurrence o : occurrences) {
      int e = o.entities().size() == 1 ? o.entities().get(0) : nearest(o, occurrences);
      if (e >= 0) {
        found.get(e).mentions.add(new int[] {o.first(), o.last()});
      }
    }
    reassignSurnames(c, found, occurrences, dropped);
    found.removeIf(f -> f.mentions.isEmpty());
    return new Result(found, dropped);
  }

  /**
   * A one-word ambiguous gazetteer surname ("Kim") right after an open-set person who carries it
   * was named in full in the same paragraph, and nearer than any full mention of the gazetteer's
   * candidates, is that person ("spokeswoman Kim Hye-won said ... Kim said").
   */
  private void reassignSurnames(
      Ctx c, List<Found> found, List<Occurrence> occurrences, BitSet dropped) {
    Tokens t = c.t;
    for (int m = 0; m < c.matches.size(); m++) {
      EntityExtractor.Match match = c.matches.get(m);
      if (!match.pending() || !match.soft() || dropped.get(m)) {
        continue;
      }
      String key = t.key(match.firstToken());
      int bestOpen = -1;
      int bestOpenAt = -1;
      for (Occurrence o : occurrences) {
        if (!o.full() || o.first() >= match.firstToken()) {
          continue;
        }
        int e = o.entities().get(0);
        Found f = found.get(e);
        if (f.kind != Gazetteer.Kind.PERSON
            || !(t.key(o.first()).equals(key) || t.key(o.last()).equals(key))) {
          continue;
        }
        if (t.start[o.first()] > bestOpenAt) {
          bestOpenAt = t.start[o.first()];
          bestOpen = e;
        }
      }
      if (bestOpen < 0 || t.text.substring(bestOpenAt, match.start()).indexOf('\n') >= 0) {
        continue;
      }
      int gazAt = -1;
      for (EntityExtractor.Match other : c.matches) {
        if (!other.pending()
            && other.start() < match.start()
            && contains(match.candidates(), other.candidates()[0])) {
          gazAt = Math.max(gazAt, other.start());
        }
      }
      if (bestOpenAt > gazAt) {
        found.get(bestOpen).mentions.add(new int[] {match.firstToken(), match.lastToken()});
        dropped.set(m);
      }
    }
  }

  private static boolean anySet(BitSet bits, List<Integer> indices) {
    for (int i : indices) {
      if (bits.get(i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /** For a short form shared by several names: the one named in full nearest before it. */
  private static int nearest(Occurrence o, List<Occurrence> all) {
    int best = -1;
    int bestAt = Integer.MIN_VALUE;
    for (Occurrence p : all) {
      if (!p.full() || !o.entities().contains(p.entities().get(0))) {
        continue;
      }
      int at = p.first() < o.first() ? p.first() : -p.first() - 1_000_000;
      if (at > bestAt) {
        bestAt = at;
        best = p.entities().get(0);
      }
    }
    return best;
  }

  /**
   * Whether another recogniser's name [a, b] may stand: not a landmark, event or other name whose
   * head word is on the IGNORE list ("Presidential Palace"), and not made only of common words,
   * titles and connectors ("It", "Yet").
   */
  private boolean acceptable(Ctx c, int a, int b) {
    Tokens t = c.t;
    int content = 0;
    for (int k = a; k <= b; k++) {
      String key = t.key(k);
      if (ignore.contains(key) && t.has(k, Tokens.FIRST_UPPER)) {
        return false;
      }
      if (c.owner[k] >= 0
          || !(common.contains(key) || connector.contains(key) || personCue.contains(key))) {
        content++;
      }
    }
    if (content == 0) {
      return false;
    }
    // The end of a landmark's or event's name: "Tomb of the [Unknown Soldier]".
    int p = a - 1;
    while (p >= 0
        && t.has(p + 1, Tokens.CONT)
        && (connector.contains(t.key(p)) || t.key(p).equals("the"))) {
      p--;
    }
    if (p >= 0
        && p < a - 1
        && t.has(p + 1, Tokens.CONT)
        && t.has(p, Tokens.FIRST_UPPER)
        && ignore.contains(t.key(p))) {
      return false;
    }
    // One word at the start of a sentence: not if the text also has it in lower case, and only
    // with more evidence than the tagger's when a lower-case word follows ("Mobile internet",
    // "Symbolism of"): the word is capitalised elsewhere mid-sentence, the line is a headline, or
    // the next word is "said" or the like ("Li said").
    if (a != b || !c.sentenceInitial(a)) {
      return true;
    }
    if (c.lowerWords().contains(t.key(a))) {
      return false;
    }
    String next = c.nextWord(a);
    return next == null
        || !Character.isLetter(next.charAt(0))
        || personVerb.contains(next)
        || AUXILIARIES.contains(next)
        || c.midCaps.contains(t.key(a))
        || c.headline.get(a)
        || t.has(a, Tokens.ALL_UPPER);
  }

  /**
   * A one-word name met once, and only as the modifier of a lower-case noun ("Gymnich meetings"):
   * too little to call it a person.
   */
  private boolean modifierOnly(Ctx c, int a) {
    Tokens t = c.t;
    String next = c.nextWord(a);
    if (next == null
        || !Character.isLetter(next.charAt(0))
        || personVerb.contains(next)
        || AUXILIARIES.contains(next)
        || functionWords.contains(next)) {
      return false;
    }
    String key = t.key(a);
    for (int i = 0; i < t.size; i++) {
      if (i != a && t.has(i, Tokens.FIRST_UPPER) && t.key(i).equals(key)) {
        return false;
      }
    }
    return true;
  }

  /** A person's surname or an organisation's name without its suffix, or null. */
  private String shortForm(Found f) {
    String[] parts = f.key.split(" ");
    if (parts.length < 2) {
      return null;
    }
    String s;
    if (f.kind == Gazetteer.Kind.PERSON) {
      s = parts[parts.length - 1];
      if (f.name.indexOf('-') >= 0 && parts.length >= 3) {
        return null; // "Kim Hye-won": the family name comes first; see reassignSurnames
      }
    } else if (f.kind == Gazetteer.Kind.ORGANIZATION
        && parts.length == 2
        && orgSuffix.contains(parts[1])) {
      s = parts[0];
    } else {
      return null;
    }
    if (common.contains(s) || firstNames.contains(s) || connector.contains(s) || s.length() < 3) {
      return null;
    }
    return s;
  }

  /** The normalised keys of tokens first..last, joined by spaces. */
  static String formKey(Tokens t, int first, int last) {
    StringBuilder b = new StringBuilder();
    for (int k = first; k <= last; k++) {
      if (k > first) {
        b.append(' ');
      }
      b.append(t.key(k));
    }
    return b.toString();
  }

  private List<Candidate> discover(Ctx c) {
    Tokens t = c.t;
    int n = t.size;
    List<Candidate> out = new ArrayList<>();
    int i = c.bodyStart;
    while (i < n) {
      if (!(c.free(i) && c.nameLike(i)) || c.headline.get(i)) {
        i++;
        continue;
      }
      int runStart = i;
      int j = i;
      while (j + 1 < n) {
        int k = j + 1;
        if (!c.free(k)) {
          break;
        }
        if (c.spaceGap(k) && c.nameLike(k)) {
          j = k;
        } else if (c.hyphenGap(k) && c.lettersOnly(k)) {
          j = k;
        } else if (c.spaceGap(k)
            && connector.contains(t.key(k))
            && !t.has(k, Tokens.FIRST_UPPER)
            && k + 1 < n
            && c.free(k + 1)
            && c.spaceGap(k + 1)
            && c.nameLike(k + 1)) {
          j = k + 1;
        } else {
          break;
        }
      }
      int runEnd = j;
      i = runEnd + 1;
      Candidate cand = candidate(c, runStart, runEnd);
      if (cand != null) {
        out.add(cand);
      }
    }
    return out;
  }

  private Candidate candidate(Ctx c, int runStart, int runEnd) {
    Tokens t = c.t;
    int a = runStart;
    int b = runEnd;
    boolean title = false;
    // A demonym or a shared surname just before may belong to the name.
    boolean takePrev = false;
    if (runStart > 0 && c.softOwned(runStart - 1) && c.spaceGap(runStart)) {
      EntityExtractor.Match m = c.matches.get(c.owner[runStart - 1]);
      boolean surname = c.isPersonSurname(m);
      takePrev =
          (surname && !common.contains(t.key(runStart)))
              || (!surname && orgSuffix.contains(t.key(runEnd)) && runEnd > runStart);
    }
    if (takePrev) {
      a = runStart - 1;
    } else {
      while (a <= b) {
        String k = t.key(a);
        if (personCue.contains(k)) {
          title = true;
          a++;
        } else if (common.contains(k) || connector.contains(k)) {
          a++;
        } else {
          break;
        }
      }
    }
    while (b >= a && (common.contains(t.key(b)) || connector.contains(t.key(b)))) {
      b--;
    }
    if (a > b) {
      return null;
    }
    boolean takeNext =
        b == runEnd
            && b + 1 < t.size
            && c.softOwned(b + 1)
            && c.spaceGap(b + 1)
            && !(b + 2 < t.size && c.spaceGap(b + 2) && c.nameLike(b + 2))
            // a shared surname after another given name is another person: "Kadri Saar"
            && (!c.isPersonSurname(c.matches.get(c.owner[b + 1]))
                || firstNames.contains(t.key(b))
                || title
                || (a > 0 && personCue.contains(c.prevWord(a, true))));
    if (takeNext) {
      b = b + 1;
    }
    int content = 0;
    for (int k = a; k <= b; k++) {
      String key = t.key(k);
      if (ignore.contains(key) && t.has(k, Tokens.FIRST_UPPER)) {
        return null;
      }
      if (c.softOwned(k)
          || !(common.contains(key)
              || connector.contains(key)
              || orgSuffix.contains(key)
              || locSuffix.contains(key)
              || personCue.contains(key))) {
        content++;
      }
    }
    if (content == 0) {
      return null;
    }
    if (a == b) {
      String key = t.key(a);
      if (!title && c.sentenceInitial(a) && !c.midCaps.contains(key)) {
        return null;
      }
      if (firstNames.contains(key) && !title) {
        return null;
      }
    }
    Gazetteer.Kind kind = type(c, a, b, title);
    return kind == null ? null : new Candidate(a, b, kind);
  }

  private Gazetteer.Kind type(Ctx c, int a, int b, boolean title) {
    Tokens t = c.t;
    int len = b - a + 1;
    String prev = c.prevWord(a, false);
    String prevComma = c.prevWord(a, true);
    String next = c.nextWord(b);
    String last = t.key(b);
    if (title
        || (prev != null && personCue.contains(prev))
        || (prevComma != null && personCue.contains(prevComma) && len >= 2)) {
      return Gazetteer.Kind.PERSON;
    }
    if (orgSuffix.contains(last)
        || (len >= 3 && orgSuffix.contains(t.key(a)) && connector.contains(t.key(a + 1)))) {
      return Gazetteer.Kind.ORGANIZATION;
    }
    if (locSuffix.contains(last) || endsLikePlace(last)) {
      return Gazetteer.Kind.LOCATION;
    }
    if (len >= 2 && firstNames.contains(t.key(a))) {
      return Gazetteer.Kind.PERSON;
    }
    if ((prevComma != null && orgCue.contains(prevComma))
        || (next != null && orgCue.contains(next))) {
      return Gazetteer.Kind.ORGANIZATION;
    }
    if (len >= 2
        && ((prev != null && personVerb.contains(prev))
            || (next != null && personVerb.contains(next)))) {
      return Gazetteer.Kind.PERSON;
    }
    if ((prev != null && locPrep.contains(prev))
        || (next != null && locNoun.contains(next))
        || ("of".equals(prev) && a >= 2 && locNoun.contains(t.key(a - 2)))
        || c.appositivePlace(b, locNoun)) {
      return Gazetteer.Kind.LOCATION;
    }
    return null;
  }

  private static boolean endsLikePlace(String key) {
    return key.length() > 6
        && (key.endsWith("grad") || key.endsWith("ville") || key.endsWith("abad"));
  }

  /** Per-text helpers over the tokens and the gazetteer's claims. */
  private final class Ctx {
    final Tokens t;
    final List<EntityExtractor.Match> matches;
    final int[] owner;
    final int bodyStart;
    final Set<String> midCaps = new HashSet<>();

    /**
     * Tokens on lines written in title case ("Putin and Xi to Strengthen Ties in Upcoming Meet").
     */
    final BitSet headline;

    private BitSet headlineLines() {
      BitSet out = new BitSet(t.size);
      int lineStart = 0;
      int capital = 0;
      int lower = 0;
      for (int i = 0; i <= t.size; i++) {
        boolean newLine = i == t.size || (i > 0 && gapHas(i, '\n'));
        if (newLine && i > lineStart) {
          if (capital >= 3 && (lower == 0 || (capital >= 10 && lower * 8 < capital))) {
            out.set(lineStart, i);
          }
          lineStart = i;
          capital = 0;
          lower = 0;
        }
        if (i == t.size) {
          break;
        }
        if (t.has(i, Tokens.FIRST_UPPER)) {
          capital++;
        } else if (Character.isLetter(t.text.charAt(t.start[i]))
            && !TITLE_CASE_LOWER.contains(t.key(i))) {
          lower++;
        }
      }
      return out;
    }

    /** Gazetteer matches a longer name from the seeds took over: read as soft. */
    final BitSet yielded;

    Ctx(Tokens t, List<EntityExtractor.Match> matches, int[] owner, BitSet yielded) {
      this.t = t;
      this.matches = matches;
      this.owner = owner;
      this.yielded = yielded;
      int titleEnd = t.text.indexOf("\n\n");
      int b = 0;
      if (titleEnd >= 0) {
        while (b < t.size && t.start[b] < titleEnd) {
          b++;
        }
      }
      this.bodyStart = b;
      this.headline = headlineLines();
      for (int i = b; i < t.size; i++) {
        if (free(i) && nameLike(i) && !sentenceInitial(i) && !headline.get(i)) {
          midCaps.add(t.key(i));
        }
      }
    }

    boolean free(int i) {
      return owner[i] < 0;
    }

    boolean softOwned(int i) {
      return owner[i] >= 0 && (matches.get(owner[i]).soft() || yielded.get(owner[i]));
    }

    boolean isPersonSurname(EntityExtractor.Match m) {
      return m.softKind() == EntityExtractor.SOFT_SURNAME;
    }

    /** Capitalised with some lower case ("Velmora"), not an all-capitals word or one letter. */
    boolean nameLike(int i) {
      return t.has(i, Tokens.FIRST_UPPER)
          && !t.has(i, Tokens.ALL_UPPER)
          && t.end[i] - t.start[i] >= 2;
    }

    /** Where a known form may start: capitalised (or all capitals, as in a shouted headline). */
    boolean nameStart(int i) {
      return t.has(i, Tokens.FIRST_UPPER) && t.end[i] - t.start[i] >= 2;
    }

    private Set<String> lowerWords;

    /** Keys of the words the text writes in lower case. */
    Set<String> lowerWords() {
      if (lowerWords == null) {
        lowerWords = new HashSet<>();
        for (int i = 0; i < t.size; i++) {
          if (Character.isLowerCase(t.text.charAt(t.start[i]))) {
            lowerWords.add(t.key(i));
          }
        }
      }
      return lowerWords;
    }

    /**
     * Whether the line of token i has a digit, comma or semicolon: a list or table, not a headline.
     */
    boolean lineIsListOrTable(int i) {
      int from = t.text.lastIndexOf('\n', t.start[i]) + 1;
      int to = t.text.indexOf('\n', t.start[i]);
      if (to < 0) {
        to = t.text.length();
      }
      for (int k = from; k < to; k++) {
        char ch = t.text.charAt(k);
        if (Character.isDigit(ch) || ch == ',' || ch == ';') {
          return true;
        }
      }
      return false;
    }

    /** A one-letter capital followed by a dot and another word: the initial of "J. Gillespie". */
    boolean initial(int i) {
      return t.end[i] - t.start[i] == 1
          && t.has(i, Tokens.FIRST_UPPER)
          && i + 1 < t.size
          && t.has(i + 1, Tokens.CONT)
          && t.text.charAt(t.end[i]) == '.';
    }

    /** Whether a name may go on across the gap before token i: spaces, a hyphen, " & ", "J. ". */
    boolean nameGap(int i) {
      if (spaceGap(i) || hyphenGap(i)) {
        return true;
      }
      String g = gap(i);
      return g.equals(" & ") || (initial(i - 1) && g.strip().equals("."));
    }

    boolean lettersOnly(int i) {
      for (int k = t.start[i]; k < t.end[i]; k++) {
        if (!Character.isLetter(t.text.charAt(k))) {
          return false;
        }
      }
      return true;
    }

    private boolean gapHas(int i, char ch) {
      for (int k = t.end[i - 1]; k < t.start[i]; k++) {
        if (t.text.charAt(k) == ch) {
          return true;
        }
      }
      return false;
    }

    private String gap(int i) {
      return i == 0 ? "" : t.text.substring(t.end[i - 1], t.start[i]);
    }

    boolean spaceGap(int i) {
      if (i == 0) {
        return false;
      }
      int from = t.end[i - 1];
      int to = t.start[i];
      if (to == from) {
        return false;
      }
      for (int k = from; k < to; k++) {
        char ch = t.text.charAt(k);
        if (ch != ' ' && ch != '\u00A0') {
          return false;
        }
      }
      return true;
    }

    boolean hyphenGap(int i) {
      return i > 0
          && t.start[i] - t.end[i - 1] == 1
          && Tokens.isHyphen(t.text.charAt(t.end[i - 1]));
    }

    boolean sentenceInitial(int i) {
      if (i == 0) {
        return true;
      }
      for (int k = t.end[i - 1]; k < t.start[i]; k++) {
        char ch = t.text.charAt(k);
        if (ch == '\n'
            || ch == '.'
            || ch == '!'
            || ch == '?'
            || ch == ':'
            || ch == ';'
            || ch == '"'
            || ch == '\u201C'
            || ch == '\u00AB'
            || ch == '('
            || ch == '|'
            || ch == '\u2014'
            || ch == '\u2013') {
          return true;
        }
      }
      return false;
    }

    /** The lower-case word just before token i (across spaces; across one comma if allowed). */
    String prevWord(int i, boolean comma) {
      if (i == 0) {
        return null;
      }
      String g = gap(i).strip();
      if (!(g.isEmpty() || (comma && g.equals(",")))) {
        return null;
      }
      if (t.start[i] == t.end[i - 1]) {
        return null;
      }
      return t.key(i - 1);
    }

    /** The word just after token i across spaces only, when it is lower case. */
    String nextWord(int i) {
      if (i + 1 >= t.size || !spaceGap(i + 1) || t.has(i + 1, Tokens.FIRST_UPPER)) {
        return null;
      }
      return t.key(i + 1);
    }

    /** "X, a (small) town", "X, the village": an appositive naming a kind of place. */
    boolean appositivePlace(int b, Set<String> nouns) {
      if (b + 2 >= t.size || !gap(b + 1).strip().equals(",")) {
        return false;
      }
      int k = b + 1;
      String det = t.key(k);
      if (!(det.equals("a") || det.equals("an") || det.equals("the"))) {
        return false;
      }
      for (int step = 1; step <= 3 && k + step < t.size; step++) {
        int w = k + step;
        if (!spaceGap(w) && !hyphenGap(w)) {
          return false;
        }
        if (nouns.contains(t.key(w))) {
          return true;
        }
      }
      return false;
    }

    /** A short form alone: no free capitalised word joined to it on either side. */
    boolean standsAlone(int i) {
      boolean leftJoined =
          i > 0
              && spaceGap(i)
              && free(i - 1)
              && nameLike(i - 1)
              && !common.contains(t.key(i - 1))
              && !personCue.contains(t.key(i - 1));
      boolean rightJoined =
          i + 1 < t.size
              && spaceGap(i + 1)
              && free(i + 1)
              && nameLike(i + 1)
              && !common.contains(t.key(i + 1))
              && !orgSuffix.contains(t.key(i + 1));
      return !leftJoined && !rightJoined;
    }
  }
}
