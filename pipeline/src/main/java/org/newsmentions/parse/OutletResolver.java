package org.newsmentions.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the outlet that published an article, as one key per outlet: the lowercase ASCII letters
 * and digits of the site's name ({@code www.devdiscourse.com} and "Devdiscourse News Desk" both
 * give {@code devdiscourse}). Aliases from {@code outlets.tsv} map second spellings to one key.
 */
public final class OutletResolver implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String ALIAS_RESOURCE = "outlets.tsv";
  private static final Map<String, String> ALIASES = loadAliases();

  /** Second-level labels that, under a two-letter country code, form the public suffix. */
  private static final Set<String> SECOND_LEVEL =
      Set.of("co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "gen", "nic", "info");

  /** Hosts of mail providers: an address there says nothing about the outlet. */
  private static final Set<String> MAIL_PROVIDERS =
      Set.of(
          "gmail",
          "googlemail",
          "yahoo",
          "hotmail",
          "outlook",
          "live",
          "aol",
          "proton",
          "protonmail",
          "icloud",
          "mail",
          "yandex",
          "gmx",
          "rediffmail",
          "qq",
          "163");

  /** Photo agencies and stock libraries named in image credits, never the outlet. */
  private static final Pattern IMAGE_CREDIT =
      Pattern.compile(
          "(?i)\\b(getty|images?|photos?|photography|shutterstock|alamy|pool|stock|"
              + "wikimedia|wikipedia|unsplash|pexels|epa|file)\\b");

  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
  private static final Pattern HOST_IN_URL =
      Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^@/?#]*@)?([^/:?#]+)");
  private static final Pattern DOMAIN_LIKE =
      Pattern.compile("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\.?$");
  private static final Pattern NAME_NOISE = Pattern.compile("[^a-z0-9]");

  /**
   * Legal forms and corporate descriptors that follow an outlet's name in footers ("Example Media
   * GmbH", "Example Group Ltd."): the same outlet as its masthead name, so they are dropped.
   */
  private static final Set<String> COMPANY_WORDS =
      Set.of(
          "gmbh",
          "ag",
          "kg",
          "ltd",
          "limited",
          "inc",
          "incorporated",
          "llc",
          "llp",
          "plc",
          "sa",
          "sas",
          "sarl",
          "spa",
          "srl",
          "sl",
          "bv",
          "nv",
          "pty",
          "ou",
          "as",
          "asa",
          "ab",
          "oy",
          "oyj",
          "se",
          "co",
          "corp",
          "corporation",
          "company",
          "media",
          "group",
          "holdings",
          "holding",
          "publishing",
          "publications",
          "publishers",
          "communications",
          "network",
          "networks");

  /** Host labels that start with "the" as part of a word, not as the article. */
  private static final Pattern THE_WORD =
      Pattern.compile("^the(?:atr|ater|olog|or|rap|rm|se|sis|me)");

  /** Copyright notice anywhere in a footer line, after a sentence or at its start. */
  private static final Pattern COPYRIGHT_INSIDE =
      Pattern.compile("(?:^|[.|•·]\\s+)((?:©|\\([cC]\\)|(?i:copyright)\\b).*)$");

  /** Words that end or fill newspaper and site names ("Harbour Gazette", "The Daily Record"). */
  private static final Set<String> MASTHEAD_WORDS =
      Set.of(
          "times",
          "herald",
          "post",
          "news",
          "gazette",
          "tribune",
          "journal",
          "observer",
          "ledger",
          "daily",
          "wire",
          "press",
          "chronicle",
          "dispatch",
          "express",
          "mail",
          "telegraph",
          "standard",
          "courier",
          "star",
          "sun",
          "review",
          "today",
          "weekly",
          "record",
          "mirror",
          "guardian",
          "independent",
          "examiner",
          "bulletin",
          "monitor",
          "reporter",
          "inquirer",
          "register",
          "sentinel",
          "advertiser",
          "argus",
          "beacon",
          "banner",
          "globe",
          "leader",
          "mercury",
          "messenger",
          "voice",
          "online",
          "tv",
          "radio",
          "media",
          "agency",
          "zeitung",
          "presse",
          "gazeta");

  /** Masthead-end words that also end menu entries ("Latest News", "Today"): not enough alone. */
  private static final Set<String> MENU_WORDS = Set.of("news", "today", "online", "media", "tv");

  /** How many lines at the top may hold the masthead. */
  static final int MASTHEAD_LINES = 3;

  private static final Pattern MASTHEAD =
      Pattern.compile("^\\p{Lu}[\\p{L}&.'-]*(?:\\s+\\p{Lu}[\\p{L}&.'-]*){1,3}$");

  /** News and photo agencies: their credit on a picture does not name the publishing outlet. */
  private static final Set<String> AGENCIES =
      Set.of(
          "ap", "afp", "reuters", "epa", "dpa", "ansa", "efe", "xinhua", "tass", "ria", "anadolu",
          "pti", "ani", "ians", "upi", "kyodo", "yonhap", "bernama", "sputnik", "aa");

  private static final String NAME =
      "([A-Z][\\p{L}\\p{N}&.'-]*(?:\\s+[A-Z][\\p{L}\\p{N}&.'-]*){0,3})";

  /** "(MENAFN) Text..." at the very start of the body. */
  static final Pattern AGENCY_TAG =
      Pattern.compile("^\\(([A-Z][\\p{L}\\p{N}&.'-]*(?:\\s+[A-Z][\\p{L}\\p{N}&.'-]*){0,3})\\)");

  /** "HARBOURTOWN (Wire) - ..." at the start of the body. */
  private static final Pattern DATELINE_AGENCY =
      Pattern.compile(
          "^\\p{Lu}[\\p{Lu} .,'-]{1,40}\\(([A-Z][\\p{L}&.'-]*(?:\\s+[A-Z][\\p{L}&.'-]*){0,3})\\)"
              + "\\s*[-–—:]");

  private static final Pattern REPUBLISHED_FROM = Pattern.compile("\\s*[-–—]\\s+");

  private static final Pattern NEWS_DESK = Pattern.compile("^" + NAME + "\\s+News\\s+Desk\\b");
  private static final Pattern COPYRIGHT =
      Pattern.compile(
          "^(?:©|\\([cC]\\)|(?i:copyright)\\b)\\s*(?:©|\\([cC]\\))?\\s*"
              + "(?:(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)\\d{2})?)?\\s*,?\\s*(?:by\\s+)?"
              + NAME
              + "(?=\\s*(?:[.,|]|All\\s+[Rr]ights|(?:19|20)\\d{2}|$))");
  private static final Pattern CONTACT_EMAIL =
      Pattern.compile(
          "^(?:e-?mail|contact(?:\\s+us)?|write\\s+to\\s+us)\\s*(?:us)?\\s*[:.-]?\\s*"
              + "[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Photo: Example Herald archive", "Illustration: The Example / Stock", "© Example Times/Pool":
   * the outlet credited for its own picture.
   */
  private static final Pattern OWN_PICTURE_CREDIT =
      Pattern.compile(
          "(?:^|\\s)(?:©|(?i:photo(?:graph)?|image|picture|illustration|graphic)\\s*:)\\s*"
              + NAME
              + "\\s*(?:/\\s*(?i:pool|stock|file|archive|handout)|\\s(?i:archive|file|handout))"
              + "\\s*$");

  /**
   * The outlet key for a host name, URL or source domain ({@code https://m.example.co.uk/x} gives
   * {@code example}); null when none can be read.
   */
  public String fromHost(String hostOrUrl) {
    String host = hostOf(hostOrUrl);
    if (host == null) {
      return null;
    }
    String label = registrableLabel(host);
    return label == null ? null : canonical(label);
  }

  /**
   * The outlet key for a name a site gives itself ("Devdiscourse", "The Example Times") or a
   * domain; null for a blank name.
   */
  public String fromName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.strip();
    if (DOMAIN_LIKE.matcher(n).matches() || n.contains("://")) {
      return fromHost(n);
    }
    return canonical(withoutCompanyWords(n));
  }

  /**
   * An outlet's name without a leading "The" and without trailing legal forms and corporate
   * descriptors ("The Example Media GmbH" gives "Example"); the name itself when nothing would be
   * left.
   */
  static String withoutCompanyWords(String name) {
    List<String> words =
        new ArrayList<>(List.of(name.strip().replaceAll("[,]", " ").split("\\s+")));
    while (words.size() > 1 && bare(words.get(words.size() - 1)).isEmpty()) {
      words.remove(words.size() - 1); // "& Co." leaves "&"
    }
    while (words.size() > 1 && COMPANY_WORDS.contains(bare(words.get(words.size() - 1)))) {
      words.remove(words.size() - 1);
      while (words.size() > 1 && bare(words.get(words.size() - 1)).isEmpty()) {
        words.remove(words.size() - 1);
      }
    }
    if (words.size() > 1 && bare(words.get(0)).equals("the")) {
      words.remove(0);
    }
    return String.join(" ", words);
  }

  /**
   * A credited name that is an outlet rather than a photographer: led by "The", holding an acronym
   * or a newspaper word ("Fen Times", "FNW"), not a person's name ("Jane Roe").
   */
  static boolean looksLikeOutletName(String name) {
    String[] words = name.strip().split("\\s+");
    if (words.length > 1 && words[0].equals("The")) {
      return true;
    }
    for (String w : words) {
      if (MASTHEAD_WORDS.contains(bare(w))) {
        return true;
      }
      String letters = w.replaceAll("[^\\p{L}]", "");
      if (letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static String bare(String word) {
    return NAME_NOISE.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  /**
   * The outlet a text names itself as, from its lines in order: a leading agency tag on the first
   * body paragraph, a "Name News Desk" byline, a copyright footer, or a contact e-mail address.
   * Image credits ("© Getty Images") are not outlets. Null when the text names no outlet.
   *
   * @param firstBodyParagraph the first paragraph of the body before cleaning, or null
   * @param lines all lines of the text, boilerplate included
   */
  public String fromText(String firstBodyParagraph, List<String> lines) {
    return fromText(firstBodyParagraph, lines, null);
  }

  /**
   * As {@link #fromText(String, List)}, and then a masthead: one of the first {@value
   * #MASTHEAD_LINES} lines that is only a capitalised name of two to four words ending in a
   * newspaper word ("HARBOUR GAZETTE", "The Fen Herald"), other than the title.
   */
  public String fromText(String firstBodyParagraph, List<String> lines, String title) {
    if (firstBodyParagraph != null) {
      String first = firstBodyParagraph.strip();
      Matcher m = AGENCY_TAG.matcher(first);
      Matcher d = DATELINE_AGENCY.matcher(first);
      String tag = m.find() ? m.group(1) : d.find() ? d.group(1) : null;
      if (tag != null && !IMAGE_CREDIT.matcher(tag).find()) {
        // "(MENAFN- Gulf Times)": the site republishing comes first.
        String key = fromName(REPUBLISHED_FROM.split(tag, 2)[0]);
        if (key != null) {
          return key;
        }
      }
    }
    for (String line : lines) {
      Matcher m = NEWS_DESK.matcher(line.strip());
      if (m.find()) {
        String key = fromName(m.group(1));
        if (key != null) {
          return key;
        }
      }
    }
    for (String line : lines) {
      String l = line.strip();
      Matcher inside = COPYRIGHT_INSIDE.matcher(l);
      if (!inside.find()) {
        continue;
      }
      l = inside.group(1);
      if (ArticleTextCleaner.words(l) > 40) {
        continue; // a footer is short; longer lines are prose
      }
      Matcher m = COPYRIGHT.matcher(l);
      if (m.find() && !IMAGE_CREDIT.matcher(m.group(1)).find()) {
        String name = m.group(1).strip();
        if (!name.equalsIgnoreCase("copyright") && !name.equalsIgnoreCase("all")) {
          String key = fromName(name);
          if (key != null) {
            return key;
          }
        }
      }
    }
    for (String line : lines) {
      Matcher m = CONTACT_EMAIL.matcher(line.strip());
      if (m.find()) {
        String host = m.group(1);
        String label = registrableLabel(host.toLowerCase(Locale.ROOT));
        if (label != null && !MAIL_PROVIDERS.contains(label)) {
          return canonical(label);
        }
      }
    }
    for (int i = 0; i < Math.min(MASTHEAD_LINES, lines.size()); i++) {
      String l = lines.get(i).strip();
      if (l.equals(title == null ? null : title.strip()) || !MASTHEAD.matcher(l).matches()) {
        continue;
      }
      String[] words = l.split("\\s+");
      String last = bare(words[words.length - 1]);
      if (MASTHEAD_WORDS.contains(last) && !MENU_WORDS.contains(last)) {
        String key = fromName(l);
        if (key != null) {
          return key;
        }
      }
    }
    for (String line : lines) {
      Matcher m = OWN_PICTURE_CREDIT.matcher(line.strip());
      if (m.find() && !IMAGE_CREDIT.matcher(m.group(1)).find() && looksLikeOutletName(m.group(1))) {
        String key = fromName(m.group(1));
        if (key != null && !AGENCIES.contains(key)) {
          return key;
        }
      }
    }
    return null;
  }

  /** Lowercase ASCII letters and digits of a name, then its alias if it has one. */
  static String canonical(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "") // once per article: no need to precompile
            .toLowerCase(Locale.ROOT);
    String key = NAME_NOISE.matcher(ascii).replaceAll("");
    if (key.isEmpty()) {
      return null;
    }
    // "thelakeherald.example" is "The Lake Herald": one key with or without the article.
    if (key.length() > 6 && key.startsWith("the") && !THE_WORD.matcher(key).find()) {
      key = key.substring(3);
    }
    return ALIASES.getOrDefault(key, key);
  }

  static String hostOf(String hostOrUrl) {
    if (hostOrUrl == null || hostOrUrl.isBlank()) {
      return null;
    }
    String s = hostOrUrl.strip();
    String host;
    Matcher m = HOST_IN_URL.matcher(s);
    if (m.find()) {
      host = m.group(1);
    } else if (s.contains("://")) {
      return null;
    } else {
      host = s.split("[/?#]", 2)[0];
      int at = host.lastIndexOf('@');
      if (at >= 0) {
        host = host.substring(at + 1);
      }
      host = host.split(":", 2)[0];
    }
    host = host.toLowerCase(Locale.ROOT);
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty() || IPV4.matcher(host).matches()) {
      return null;
    }
    return host;
  }

  /**
   * The label just left of the public suffix: {@code edition.example.com} gives {@code example},
   * {@code news.example.co.uk} gives {@code example}. Subdomains (www, m, amp, edition, ...) are
   * thereby dropped.
   */
  static String registrableLabel(String host) {
    String[] labels = host.split("\\.");
    int n = labels.length;
    if (n == 1) {
      return labels[0].isEmpty() ? null : labels[0];
    }
    int suffixLabels = 1;
    if (n >= 3 && labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2])) {
      suffixLabels = 2;
    }
    String label = labels[n - 1 - suffixLabels];
    return label.isEmpty() ? null : label;
  }

  private static Map<String, String> loadAliases() {
    Map<String, String> map = new HashMap<>();
    try (InputStream in = OutletResolver.class.getResourceAsStream(ALIAS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ALIAS_RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length != 2) {
          throw new IllegalStateException("bad line in " + ALIAS_RESOURCE + ": " + line);
        }
        map.put(parts[0].strip(), parts[1].strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(map);
  }
}
