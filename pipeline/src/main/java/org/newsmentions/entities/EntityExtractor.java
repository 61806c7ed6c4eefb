package org.newsmentions.entities;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsmentions.entities.ner.NerInput;
import org.newsmentions.entities.ner.NerSpan;
import org.newsmentions.entities.ner.NerTagger;
import org.newsmentions.entities.ner.NerType;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.Span;

/**
 * Finds mentions of gazetteer entities in an article, following docs/MENTIONS.md.
 *
 * <p>The text is tokenised once and scanned left to right; at each token the longest gazetteer name
 * that starts there wins, so "Nazi Germany" is not Germany and "North Korean" is not Korea. Case
 * matters: the first word of a match must be capitalised or all capitals, an acronym alias ("US",
 * "EU") matches only in capitals, and lower-case words never start a match. Names given only as
 * surnames (weak claims) lose to full names, aliases and demonyms of other entries; a surname two
 * people share, or one marked {@code ~}, counts only when exactly one of its candidates is named
 * unambiguously elsewhere in the same text.
 *
 * <p>Offsets are character offsets into {@code title + "\n\n" + body}. Instances are immutable and
 * thread-safe; the lookup index is built lazily once per instance (and again after
 * deserialisation).
 */
public final class EntityExtractor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Gazetteer gazetteer;
  private final OpenSetRecognizer openSet;
  private final Recognizer recognizer;
  private transient volatile Index index;

  /** How names outside the gazetteer are found. */
  public enum Recognizer {
    /** The statistical tagger ({@link NerTagger}, CoNLL-2003), then the rules for what it left. */
    NER,
    /** The rules of {@link OpenSetRecognizer} alone. */
    RULES;

    /** NER when the jar has the tagger's model, else RULES. */
    public static Recognizer defaultChoice() {
      return NerTagger.bundledAvailable() ? NER : RULES;
    }
  }

  /**
   * An extractor for the gazetteer's entities and the names it does not list, found by the default
   * recogniser ({@link Recognizer#defaultChoice()}).
   */
  public EntityExtractor(Gazetteer gazetteer) {
    if (gazetteer == null) {
      throw new IllegalArgumentException("gazetteer must not be null");
    }
    this.gazetteer = gazetteer;
    this.openSet = OpenSetRecognizer.loadDefault();
    this.recognizer = Recognizer.defaultChoice();
    this.index = new Index(gazetteer);
  }

  private EntityExtractor(
      Gazetteer gazetteer, OpenSetRecognizer openSet, Recognizer recognizer, Index index) {
    this.gazetteer = gazetteer;
    this.openSet = openSet;
    this.recognizer = recognizer;
    this.index = index;
  }

  /**
   * This extractor with or without the names outside the gazetteer (people, organisations, places
   * found by the recogniser, ids {@code n:type:name}); with them by default.
   */
  public EntityExtractor withOpenSet(boolean value) {
    return new EntityExtractor(
        gazetteer, value ? OpenSetRecognizer.loadDefault() : null, recognizer, index());
  }

  /** This extractor with the given recogniser for names outside the gazetteer. */
  public EntityExtractor withRecognizer(Recognizer value) {
    if (value == Recognizer.NER && !NerTagger.bundledAvailable()) {
      throw new IllegalStateException("no NER model in the jar: " + NerTagger.RESOURCE);
    }
    return new EntityExtractor(gazetteer, openSet, value, index());
  }

  public Recognizer recognizer() {
    return recognizer;
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  private Index index() {
    Index i = index;
    if (i == null) {
      synchronized (this) {
        i = index;
        if (i == null) {
          i = new Index(gazetteer);
          index = i;
        }
      }
    }
    return i;
  }

  /** Entities mentioned in the article, sorted by id, each with its spans in text order. */
  public List<ArticleEntity> extract(String title, String body) {
    String text = (title == null ? "" : title) + "\n\n" + (body == null ? "" : body);
    return extractFromText(text);
  }

  /** Like {@link #extract} on text that is already {@code title + "\n\n" + body}. */
  public List<ArticleEntity> extractFromText(String text) {
    Index idx = index();
    Tokens t = Tokens.of(text);
    List<Match> matches = idx.scan(t);
    if (openSet == null) {
      return idx.resolve(matches);
    }
    if (recognizer == Recognizer.NER) {
      List<NerSpan> names = NerTagger.bundled().tag(nerInput(t, matches));
      return link(idx, t, matches, names);
    }
    return combine(idx, t, matches, openSet.find(t, matches), new BitSet());
  }

  /**
   * The tagger's input for a text: its tokens and the gazetteer's matches on them. Public for the
   * training and evaluation commands, which must see the text exactly as the extractor does.
   */
  public NerInput nerInput(String text) {
    Tokens t = Tokens.of(text);
    return nerInput(t, index().scan(t));
  }

  /** The token ranges the extractor reads in a text, as {start, end} character offsets. */
  public static int[][] tokenRanges(String text) {
    Tokens t = Tokens.of(text);
    int[][] out = new int[t.size][];
    for (int i = 0; i < t.size; i++) {
      out[i] = new int[] {t.start[i], t.end[i]};
    }
    return out;
  }

  private NerInput nerInput(Tokens t, List<Match> matches) {
    byte[] gaz = new byte[t.size];
    Index idx = index();
    for (Match m : matches) {
      int kind;
      if (m.softKind() == SOFT_DEMONYM) {
        kind = 4;
      } else if (m.softKind() == SOFT_SURNAME) {
        kind = 5;
      } else {
        kind = idx.entries[m.candidates()[0]].kind().ordinal();
      }
      for (int k = m.firstToken(); k <= m.lastToken(); k++) {
        gaz[k] = (byte) (1 + 2 * kind + (k == m.firstToken() ? 0 : 1));
      }
    }
    return new NerInput(t.text, t.size, t.start, t.end, gaz);
  }

  /**
   * Whether a word heads names that are not counted: landmarks, buildings, events ("Street",
   * "Square", "Day"). For the evaluation, which counts where CoNLL's guidelines differ.
   */
  public boolean isIgnoredHeadWord(String word) {
    return openSet != null && openSet.isIgnoredHead(Tokens.normalize(word, 0, word.length()));
  }

  /** Whether a word is a title or role ("President", "Mr"), kept outside a person's span. */
  public boolean isTitleWord(String word) {
    return openSet != null && openSet.isTitle(Tokens.normalize(word, 0, word.length()));
  }

  /** The entities of a text given the names a recogniser found in it (for tests). */
  List<ArticleEntity> extractWithNames(String text, List<NerSpan> names) {
    Index idx = index();
    Tokens t = Tokens.of(text);
    return link(idx, t, idx.scan(t), names);
  }

  /**
   * Links recognised names to the gazetteer. A name the gazetteer covers whole keeps the
   * gazetteer's entity (so "Mr. XI", "Poutine" resolve through the aliases); a name with words the
   * gazetteer lacks is an open-set entity of the recognised type, and takes over the gazetteer
   * matches inside it ("[London] Stock Exchange", "Credit [Suisse]": the longer name counts only as
   * itself); a name that a longer gazetteer match overlaps is left to the gazetteer. A lone city
   * recognised as an organisation is the club or company named after it ("Liverpool beat..."). Each
   * open-set name then counts wherever it recurs, as the rules' names do (see {@link
   * OpenSetRecognizer}); the rules also add the names the recogniser missed.
   */
  private List<ArticleEntity> link(Index idx, Tokens t, List<Match> matches, List<NerSpan> names) {
    int[] owner = new int[t.size];
    java.util.Arrays.fill(owner, -1);
    for (int m = 0; m < matches.size(); m++) {
      Match match = matches.get(m);
      for (int k = match.firstToken(); k <= match.lastToken(); k++) {
        owner[k] = m;
      }
    }
    BitSet yielded = new BitSet();
    BitSet clubs = new BitSet();
    List<int[]> seeds = new ArrayList<>();
    for (NerSpan name : splitAtPunctuation(t, names)) {
      if (name.type() == NerType.MISC) {
        continue;
      }
      Gazetteer.Kind kind = kindOf(name.type());
      int a = name.first();
      int b = name.last();
      if (kind == Gazetteer.Kind.PERSON) {
        while (a <= b && owner[a] < 0 && openSet.isTitle(t.key(a))) {
          a++; // titles stay outside the span
        }
      }
      if (a > b) {
        continue;
      }
      boolean free = false;
      boolean overlapped = false;
      BitSet inner = new BitSet();
      for (int k = a; k <= b; k++) {
        if (owner[k] < 0) {
          // A word of the name's own, beyond the gazetteer's: a function word ("The" before a
          // known name, or alone at a sentence's start) is not one.
          free |=
              Character.isLetter(t.text.charAt(t.start[k])) && !openSet.isFunctionWord(t.key(k));
          continue;
        }
        Match m = matches.get(owner[k]);
        overlapped |= m.firstToken() < a || m.lastToken() > b;
        inner.set(owner[k]);
      }
      if (overlapped) {
        continue; // a longer gazetteer name wins
      }
      if (!free) {
        if (inner.cardinality() == 1 && kind == Gazetteer.Kind.ORGANIZATION) {
          Match m = matches.get(inner.nextSetBit(0));
          Gazetteer.Entry e = idx.entries[m.candidates()[0]];
          if (!m.pending() && !m.soft() && e.kind() == Gazetteer.Kind.LOCATION) {
            clubs.set(inner.nextSetBit(0));
          }
        }
        continue;
      }
      if (!inner.isEmpty() && !openSet.mayTakeOver(t, a, b, owner)) {
        continue; // "PUTIN AND XI MEET IN MOSCOW" is not one name
      }
      if (kind == Gazetteer.Kind.ORGANIZATION && owner[a] >= 0 && inner.cardinality() == 1) {
        Match m = matches.get(owner[a]);
        if (idx.entries[m.candidates()[0]].kind() == Gazetteer.Kind.ORGANIZATION) {
          continue; // a known organisation with a word after it is that organisation: "BRICS Bloc"
        }
      }
      yielded.or(inner);
      seeds.add(new int[] {a, b, kind.ordinal()});
    }
    OpenSetRecognizer.Result open = openSet.find(t, matches, seeds, yielded, true);
    return combine(idx, t, matches, open, clubs);
  }

  /**
   * Names cut where a name cannot continue: across punctuation other than a hyphen or an initial's
   * dot ("Council. Some" is not one name).
   */
  private static List<NerSpan> splitAtPunctuation(Tokens t, List<NerSpan> names) {
    List<NerSpan> out = new ArrayList<>(names.size());
    for (NerSpan n : names) {
      int from = n.first();
      for (int k = n.first() + 1; k <= n.last(); k++) {
        String gap = t.text.substring(t.end[k - 1], t.start[k]);
        boolean joined = (t.has(k, Tokens.CONT) && gap.indexOf(',') < 0) || gap.equals(" & ");
        if (!joined) {
          out.add(new NerSpan(from, k - 1, n.type()));
          from = k;
        }
      }
      out.add(new NerSpan(from, n.last(), n.type()));
    }
    return out;
  }

  private static Gazetteer.Kind kindOf(NerType type) {
    return switch (type) {
      case PER -> Gazetteer.Kind.PERSON;
      case LOC -> Gazetteer.Kind.LOCATION;
      default -> Gazetteer.Kind.ORGANIZATION;
    };
  }

  /**
   * The gazetteer's entities less the matches the open-set names took over, plus the open-set
   * names, plus the clubs: gazetteer places read as the organisation named after them.
   */
  private static List<ArticleEntity> combine(
      Index idx, Tokens t, List<Match> matches, OpenSetRecognizer.Result open, BitSet clubs) {
    if (open.found().isEmpty() && open.droppedMatches().isEmpty() && clubs.isEmpty()) {
      return idx.resolve(matches);
    }
    List<Match> kept = new ArrayList<>(matches.size());
    Map<String, List<Span>> clubSpans = new java.util.TreeMap<>();
    Map<String, String> clubNames = new HashMap<>();
    for (int m = 0; m < matches.size(); m++) {
      if (open.droppedMatches().get(m)) {
        continue;
      }
      Match match = matches.get(m);
      if (clubs.get(m)) {
        String name = t.text.substring(match.start(), match.end());
        String id =
            OpenSetRecognizer.openId(
                Gazetteer.Kind.ORGANIZATION,
                OpenSetRecognizer.formKey(t, match.firstToken(), match.lastToken()));
        clubSpans
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add(new Span(match.start(), match.end()));
        clubNames.putIfAbsent(id, name);
        continue;
      }
      kept.add(match);
    }
    List<ArticleEntity> out = new ArrayList<>(idx.resolve(kept));
    Map<String, ArticleEntity> openById = new HashMap<>();
    for (OpenSetRecognizer.Found f : open.found()) {
      List<Span> spans = new ArrayList<>(f.mentions.size());
      for (int[] m : f.mentions) {
        spans.add(new Span(t.start[m[0]], t.end[m[1]]));
      }
      String id = f.id();
      List<Span> more = clubSpans.remove(id);
      if (more != null) {
        spans.addAll(more);
      }
      spans.sort(Comparator.comparingInt(Span::getStart));
      ArticleEntity e = new ArticleEntity(id, f.name, f.kind.toEntityType(), spans.size(), spans);
      ArticleEntity same = openById.get(id);
      if (same != null) { // two spellings with one key ("Velmora" discovered twice)
        List<Span> all = new ArrayList<>(same.getSpans());
        all.addAll(spans);
        all.sort(Comparator.comparingInt(Span::getStart));
        e = new ArticleEntity(id, same.getName(), same.getType(), all.size(), all);
        out.remove(same);
      }
      openById.put(id, e);
      out.add(e);
    }
    for (Map.Entry<String, List<Span>> c : clubSpans.entrySet()) {
      List<Span> spans = c.getValue();
      spans.sort(Comparator.comparingInt(Span::getStart));
      out.add(
          new ArticleEntity(
              c.getKey(),
              clubNames.get(c.getKey()),
              Gazetteer.Kind.ORGANIZATION.toEntityType(),
              spans.size(),
              spans));
    }
    out.sort(Comparator.comparing(a -> a.getId().toString()));
    return out;
  }

  /**
   * A candidate mention before ambiguity is resolved: character span, token span, candidate
   * entries. {@code soft} marks a one-word demonym or surname match, which a longer open-set name
   * around it may take over ("Zarichne Pole", "Korean Central News Agency", "Kim Hye-won").
   */
  record Match(
      int start,
      int end,
      int firstToken,
      int lastToken,
      int[] candidates,
      boolean pending,
      int softKind) {
    boolean soft() {
      return softKind != SOFT_NONE;
    }
  }

  static final int SOFT_NONE = 0;
  static final int SOFT_DEMONYM = 1;
  static final int SOFT_SURNAME = 2;

  /** One way an alias can match: its entity and what each of its tokens requires of the text. */
  private record Variant(
      int entity, boolean weak, boolean needsContext, boolean demonym, byte[] req) {}

  /** Upper-case acronyms that are also common English words. */
  private static final Set<String> WORD_ACRONYMS =
      Set.of(
          "us", "who", "it", "is", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in",
          "me", "my", "no", "of", "on", "or", "so", "to", "up", "we", "all", "can", "one");

  private static final byte REQ_CAP = 0;
  private static final byte REQ_ACRONYM = 1;
  private static final byte REQ_ANY = 2;

  private static final class Node {
    Map<String, Node> next;
    List<Variant> variants;
  }

  /** The immutable lookup structures built from a gazetteer. */
  private static final class Index {
    final Gazetteer.Entry[] entries;
    final Node root = new Node();

    /** Single-word person and place names, for broken possessives such as "Xis". */
    final Map<String, List<Variant>> stems = new HashMap<>();

    /** Per person: keys of the first word of each multi-word name ("nicolas"). */
    final Map<Integer, Set<String>> givenNames = new HashMap<>();

    /** Keys of lower-case words that start some alias ("von" der Leyen, "al"-Qaeda). */
    final Set<String> lowercaseStarts = new HashSet<>();

    int longestLowercaseStart;

    Index(Gazetteer gazetteer) {
      List<Gazetteer.Entry> list = gazetteer.entries();
      entries = list.toArray(new Gazetteer.Entry[0]);
      for (int e = 0; e < entries.length; e++) {
        Gazetteer.Entry entry = entries[e];
        Set<String> strong = new LinkedHashSet<>();
        strong.add(entry.name());
        strong.addAll(entry.aliases());
        for (String alias : strong) {
          boolean marked = alias.startsWith("~");
          add(marked ? alias.substring(1).strip() : alias, e, false, marked, false, entry);
        }
        for (String demonym : entry.demonyms()) {
          if (strong.contains(demonym)) {
            continue;
          }
          boolean marked = demonym.startsWith("~");
          add(marked ? demonym.substring(1).strip() : demonym, e, false, marked, true, entry);
        }
        for (String surname : entry.surnames()) {
          boolean marked = surname.startsWith("~");
          add(marked ? surname.substring(1).strip() : surname, e, true, marked, false, entry);
        }
        if (entry.kind() == Gazetteer.Kind.PERSON) {
          Set<String> given = new HashSet<>();
          List<String> names = new ArrayList<>(entry.aliases());
          names.add(entry.name());
          for (String n : names) {
            Tokens t = Tokens.of(n);
            if (t.size > 1) {
              given.add(t.key(0));
            }
          }
          givenNames.put(e, given);
        }
      }
    }

    private void add(
        String alias,
        int entity,
        boolean weak,
        boolean marked,
        boolean demonym,
        Gazetteer.Entry entry) {
      Tokens t = Tokens.of(alias);
      if (t.size == 0) {
        return;
      }
      byte[] req = new byte[t.size];
      Node node = root;
      for (int i = 0; i < t.size; i++) {
        req[i] = requirement(t, i);
        if (node.next == null) {
          node.next = new HashMap<>(4);
        }
        node = node.next.computeIfAbsent(t.key(i), k -> new Node());
      }
      if (req[0] == REQ_ANY) {
        lowercaseStarts.add(t.key(0));
        longestLowercaseStart = Math.max(longestLowercaseStart, t.end[0] - t.start[0]);
      }
      if (node.variants == null) {
        node.variants = new ArrayList<>(1);
      }
      Variant v = new Variant(entity, weak, marked, demonym, req);
      node.variants.add(v);
      // Short place names are left out: "Rios" is a surname far more often than a broken "Rio's".
      boolean stemmable =
          t.size == 1
              && req[0] == REQ_CAP
              && !entry.demonyms().contains(alias)
              && (entry.kind() == Gazetteer.Kind.PERSON
                  || (entry.kind() == Gazetteer.Kind.LOCATION && t.key(0).length() >= 4));
      if (stemmable) {
        stems.computeIfAbsent(t.key(0), k -> new ArrayList<>(1)).add(v);
      }
    }

    private static byte requirement(Tokens t, int i) {
      int letters = 0;
      for (int k = t.start[i]; k < t.end[i]; k++) {
        if (Character.isLetter(t.text.charAt(k))) {
          letters++;
        }
      }
      if (letters >= 2 && t.has(i, Tokens.ALL_UPPER)) {
        return REQ_ACRONYM;
      }
      return t.has(i, Tokens.FIRST_UPPER) ? REQ_CAP : REQ_ANY;
    }

    private static boolean satisfies(byte req, Tokens t, int i, boolean first) {
      switch (req) {
        case REQ_ACRONYM:
          return t.has(i, Tokens.ALL_UPPER);
        case REQ_CAP:
          return t.has(i, Tokens.FIRST_UPPER) || (!first && t.has(i, Tokens.HYPHEN));
        default:
          return true;
      }
    }

    List<Match> scan(Tokens t) {
      List<Match> out = new ArrayList<>();
      int n = t.size;
      int free = 0; // first token not inside an earlier match
      for (int i = 0; i < n; i++) {
        if (i < free) {
          continue;
        }
        if (!t.has(i, Tokens.FIRST_UPPER)
            && (lowercaseStarts.isEmpty()
                || t.end[i] - t.start[i] > longestLowercaseStart
                || !lowercaseStarts.contains(t.key(i)))) {
          continue;
        }
        Node node = root;
        int bestEnd = -1;
        List<Variant> bestVariants = null;
        for (int j = i; j < n; j++) {
          if (j > i && !t.has(j, Tokens.CONT)) {
            break;
          }
          if (node.next == null) {
            break;
          }
          String key = t.key(j);
          Node child = node.next.get(key);
          if (child == null && key.length() > 1 && key.endsWith("+")) {
            child = node.next.get(key.substring(0, key.length() - 1)); // "NATO+" reads as "NATO"
          }
          node = child;
          if (node == null) {
            break;
          }
          if (node.variants != null) {
            List<Variant> ok = null;
            for (Variant v : node.variants) {
              if (fits(v, t, i)) {
                if (ok == null) {
                  ok = new ArrayList<>(node.variants.size());
                }
                ok.add(v);
              }
            }
            if (ok != null) {
              bestEnd = j;
              bestVariants = ok;
            }
          }
        }
        if (bestVariants != null && bestEnd == i && isWordInCapitals(t, i)) {
          continue;
        }
        if (bestVariants != null) {
          Match m = toMatch(t, i, bestEnd, bestVariants);
          m = extendGivenName(m, t, i, bestEnd, free);
          out.add(m);
          free = bestEnd + 1;
          continue;
        }
        if (!t.has(i, Tokens.FIRST_UPPER)) {
          continue;
        }
        List<Variant> stemmed = stem(t.key(i));
        if (stemmed != null) {
          out.add(toMatch(t, i, i, stemmed));
          free = i + 1;
        }
      }
      return out;
    }

    /**
     * An acronym that is also an English word ("US", "WHO") next to another all-capitals word that
     * names nothing is read as the word: "CONTACT US", "WHO WE ARE". "US-CHINA" still counts.
     */
    private boolean isWordInCapitals(Tokens t, int i) {
      if (!WORD_ACRONYMS.contains(t.key(i))) {
        return false;
      }
      int dot = t.text.indexOf('.', t.start[i]);
      if (dot >= 0 && dot < t.end[i]) {
        return false; // "U.S." is never the word "us"
      }
      return (i > 0 && t.has(i, Tokens.CONT) && isPlainCapsWord(t, i - 1))
          || (i + 1 < t.size && t.has(i + 1, Tokens.CONT) && isPlainCapsWord(t, i + 1));
    }

    private boolean isPlainCapsWord(Tokens t, int i) {
      return t.end[i] - t.start[i] >= 2
          && t.has(i, Tokens.ALL_UPPER)
          && Character.isLetter(t.text.charAt(t.start[i]))
          && (root.next == null || !root.next.containsKey(t.key(i)));
    }

    private static boolean fits(Variant v, Tokens t, int first) {
      byte[] req = v.req();
      for (int k = 0; k < req.length; k++) {
        if (!satisfies(req[k], t, first + k, k == 0)) {
          return false;
        }
      }
      return true;
    }

    /** Variants for a token read as a broken possessive or plural of a known name ("Xis"). */
    private List<Variant> stem(String key) {
      int len = key.length();
      if (len < 3 || key.charAt(len - 1) != 's') {
        return null;
      }
      List<Variant> v = stems.get(key.substring(0, len - 1));
      if (v == null && len >= 4 && key.endsWith("es")) {
        v = stems.get(key.substring(0, len - 2));
      }
      if (v == null && len >= 5 && key.endsWith("ies")) {
        v = stems.get(key.substring(0, len - 3) + "ia"); // French -ie rendered as "-ies"
      }
      return v;
    }

    private Match toMatch(Tokens t, int first, int last, List<Variant> variants) {
      boolean anyStrong = false;
      for (Variant v : variants) {
        if (!v.weak()) {
          anyStrong = true;
          break;
        }
      }
      BitSet ids = new BitSet();
      boolean needsContext = false;
      for (Variant v : variants) {
        if (v.weak() == !anyStrong) {
          ids.set(v.entity());
          needsContext |= v.needsContext();
        }
      }
      int[] candidates = ids.stream().toArray();
      boolean demonyms = first == last;
      boolean surnames = first == last;
      for (Variant v : variants) {
        demonyms &= v.demonym();
        surnames &= v.weak() && entries[v.entity()].kind() == Gazetteer.Kind.PERSON;
      }
      int soft = demonyms ? SOFT_DEMONYM : surnames ? SOFT_SURNAME : SOFT_NONE;
      return new Match(
          t.start[first],
          t.end[last],
          first,
          last,
          candidates,
          needsContext || candidates.length > 1,
          soft);
    }

    /**
     * A surname preceded by a mangled first name ("Nicols Maduro") takes the first name into its
     * span when that word is one dropped letter away from the person's given name.
     */
    private Match extendGivenName(Match m, Tokens t, int first, int last, int free) {
      if (first != last || m.candidates().length != 1 || first - 1 < free) {
        return m;
      }
      Set<String> given = givenNames.get(m.candidates()[0]);
      int p = first - 1;
      if (given == null
          || given.isEmpty()
          || !t.has(first, Tokens.CONT)
          || t.has(first, Tokens.HYPHEN)
          || !t.has(p, Tokens.FIRST_UPPER)) {
        return m;
      }
      String k = t.key(p);
      for (String g : given) {
        if (g.length() >= 4 && oneLetterDropped(g, k)) {
          return new Match(t.start[p], m.end(), p, last, m.candidates(), m.pending(), m.softKind());
        }
      }
      return m;
    }

    private static boolean oneLetterDropped(String full, String shorter) {
      if (shorter.length() != full.length() - 1) {
        return false;
      }
      int i = 0;
      while (i < shorter.length() && shorter.charAt(i) == full.charAt(i)) {
        i++;
      }
      return shorter.regionMatches(i, full, i + 1, shorter.length() - i);
    }

    List<ArticleEntity> resolve(List<Match> matches) {
      BitSet confirmed = new BitSet();
      for (Match m : matches) {
        if (!m.pending()) {
          confirmed.set(m.candidates()[0]);
        }
      }
      Map<Integer, List<Span>> spans = new HashMap<>();
      for (Match m : matches) {
        int entity = -1;
        if (!m.pending()) {
          entity = m.candidates()[0];
        } else {
          for (int c : m.candidates()) {
            if (confirmed.get(c)) {
              if (entity >= 0) {
                entity = -1; // two candidates named in full: leave the surname uncounted
                break;
              }
              entity = c;
            }
          }
        }
        if (entity < 0 || entries[entity].kind() == Gazetteer.Kind.IGNORE) {
          continue;
        }
        spans.computeIfAbsent(entity, k -> new ArrayList<>()).add(new Span(m.start(), m.end()));
      }
      List<ArticleEntity> out = new ArrayList<>(spans.size());
      for (Map.Entry<Integer, List<Span>> e : spans.entrySet()) {
        Gazetteer.Entry entry = entries[e.getKey()];
        List<Span> list = e.getValue();
        list.sort(Comparator.comparingInt(Span::getStart));
        // The all-arguments constructor: Avro's builders validate and copy, several times slower.
        out.add(
            new ArticleEntity(
                entry.id(), entry.name(), entry.kind().toEntityType(), list.size(), list));
      }
      out.sort(Comparator.comparing(a -> a.getId().toString()));
      return out;
    }
  }

  @Override
  public String toString() {
    return "EntityExtractor{" + gazetteer.size() + " entries, version " + gazetteer.version() + "}";
  }
}
