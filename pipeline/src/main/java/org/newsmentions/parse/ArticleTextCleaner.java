package org.newsmentions.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates a scraped page's article text from its boilerplate.
 *
 * <p>The signals are shapes, not phrases of particular sites: navigation is short and has no
 * sentence punctuation; teaser lists follow a list heading ("Trending", "Read next") or are runs of
 * short headline-shaped lines; bylines, captions, credits, disclaimers, footers and social prompts
 * have their own telltale words. A single short line between two prose paragraphs is a subheading
 * and is kept. Verbatim repeats of a paragraph (a scraper artefact) are kept once.
 */
final class ArticleTextCleaner {

  /**
   * A clean text: the title ("" when none) and the body paragraphs, plus what the outlet and date
   * finders read.
   *
   * @param firstParagraph the first body paragraph before its agency tag was cut, or null
   * @param lines every non-blank line, boilerplate included (footers name the outlet)
   * @param dateLines the lines outside teaser lists, where a byline date may be (a list's own dates
   *     belong to other articles)
   * @param titleLine the index of the title in {@code dateLines}, or -1 (none, or given apart)
   */
  record Cleaned(
      String title,
      List<String> paragraphs,
      String firstParagraph,
      List<String> lines,
      List<String> dateLines,
      int titleLine) {
    String body() {
      return String.join("\n\n", paragraphs);
    }
  }

  /** A paragraph this long and ending a sentence is prose, not a heading or a teaser headline. */
  static final int LONG_PROSE_WORDS = 20;

  /** Headline-shaped lines have at most this many words. */
  static final int MAX_HEADLINE_WORDS = 20;

  /** Short lines without sentence punctuation have at most this many words. */
  static final int MAX_SHORT_WORDS = 12;

  /** How many leading lines may be skipped as navigation while looking for the title. */
  static final int TITLE_SEARCH_LINES = 40;

  /** A heading-like first paragraph this long, followed by prose, is a standfirst. */
  static final int MIN_STANDFIRST_WORDS = 6;

  private enum Kind {
    PROSE,
    HEADLINE,
    SHORT,
    MARKER,
    LIST_HEADING,
    DISCLAIMER_HEADING,
    BOILERPLATE
  }

  private static final class Item {
    final String text;
    final int words;
    final boolean blankBefore;
    Kind kind;
    boolean dropped;
    boolean listContext; // dropped as part of a list; neighbours of lists may be list items too
    boolean listed; // under a list heading below the article's text: its dates are other articles
    final boolean menu; // laid out as a menu in the raw line (wide gaps, a drop-down mark)

    final Features features;

    Item(String text, boolean blankBefore, boolean menu) {
      this.text = text;
      this.features = new Features(text);
      this.words = features.words;
      this.blankBefore = blankBefore;
      this.menu = menu;
    }

    boolean headingLike() {
      return kind == Kind.HEADLINE || kind == Kind.SHORT;
    }
  }

  // Literal groups of the prefilter. Each regular expression below can only match a line that
  // contains, in any ASCII case, one of the literals of its group: every alternative of the
  // expression spells one of them out (ParserPrefilterTest checks this on many real lines). A line
  // whose scan lacks the group is therefore known not to match, and the expression is not run.
  private static final int G_COUNT = 0;
  private static final int G_RELATIVE_TIME = 1;
  private static final int G_LIST_HEADING = 2;
  private static final int G_DISCLAIMER = 3;
  private static final int G_BYLINE_BY = 4;
  private static final int G_BYLINE_WORDS = 5;
  private static final int G_BYLINE_LEAD = 6;
  private static final int G_CAPTION = 7;
  private static final int G_AI_IMAGE_NOTICE = 8;
  private static final int G_CREDIT_LINE = 9;
  private static final int G_FOOTER = 10;
  private static final int G_SOCIAL = 11;
  private static final int G_AI_TOOL_NOTICE = 12;
  private static final int G_PICTURE_WORD = 13;
  private static final int G_CONTACT_NUMBER = 14;

  static final List<List<String>> PREFILTER_LITERALS =
      List.of(
          List.of("view", "read", "share", "comment", "like", "repl"),
          List.of("ago", "just", "yesterday", "today"),
          List.of(
              "trending",
              "most",
              "popular",
              "read",
              "watch",
              "related",
              "latest",
              "more",
              "recommended",
              "you",
              "also",
              "don",
              "top",
              "editor",
              "further",
              "see",
              "other",
              "what",
              "explore",
              "comment",
              "discussion"),
          List.of("disclaimer"),
          List.of("by", "von", "par", "por", "di", "door", "av", "af"),
          List.of("desk", "updated", "published", "created", "posted", "view", "read"),
          List.of("updated", "published", "posted", "created", "modified"),
          List.of(
              "(c)",
              "getty",
              "shutterstock",
              "credit",
              "photo",
              "representation",
              "image",
              "pic",
              "source",
              "illustration",
              "graphic",
              "video",
              "caption",
              "courtesy"),
          List.of("generated", "depict", "illustrative", "fictional"),
          List.of(
              "input",
              "reporting",
              "editing",
              "writing",
              "compiled",
              "story",
              "article",
              "headline",
              "auto"),
          List.of(
              "mail",
              "phone",
              "tel",
              "fax",
              "mobile",
              "whatsapp",
              "address",
              "contact",
              "right",
              "terms",
              "privacy",
              "cookie",
              "tag",
              "topic",
              "categories",
              "filed",
              "keyword",
              "javascript",
              "browser"),
          List.of(
              "subscribe",
              "sign",
              "log",
              "register",
              "follow",
              "connect",
              "share",
              "feedback",
              "comment",
              "your",
              "join",
              "download",
              "app",
              "click",
              "like",
              "tap",
              "newsletter"),
          List.of("tool", "generator", "model", "made", "created", "generated", "produced", "real"),
          List.of("image", "picture", "photo", "illustration", "drawing", "graphic", "artwork"),
          List.of("tel", "phone", "fax", "mobile", "whatsapp", "hotline", "call"));

  private static final LiteralScanner PREFILTER = new LiteralScanner(PREFILTER_LITERALS);

  /** What the classifier's prefilters read from a line, computed in one pass. */
  static final class Features {
    final int words;
    final long literals; // PREFILTER groups present
    final char first;
    final boolean digit; // an ASCII digit
    final boolean colon;
    final boolean slash;
    final boolean segmentMark; // one of | • · (SEGMENTS)
    final boolean navMark; // one of | > » › (NAV_SEPARATORS, BREADCRUMB_MARK)
    final boolean copyright; // ©
    final boolean socialChars; // only characters a list of social network names can hold

    Features(String t) {
      words = words(t);
      long groups = PREFILTER.scan(t);
      boolean d = false;
      boolean c = false;
      boolean sl = false;
      boolean seg = false;
      boolean nav = false;
      boolean copy = false;
      boolean social = true;
      for (int i = 0, n = t.length(); i < n; i++) {
        char ch = t.charAt(i);
        switch (ch) {
          case ':' -> c = true;
          case '/' -> sl = true;
          case '|' -> {
            seg = true;
            nav = true;
          }
          case '•', '·' -> seg = true;
          case '>', '»', '›' -> nav = true;
          case '©' -> copy = true;
          default -> {}
        }
        if (ch >= '0' && ch <= '9') {
          d = true;
        }
        if (ch < 128
            && !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z')
            && "-|,/ \t\n\u000B\f\r".indexOf(ch) < 0) {
          social = false; // SOCIAL_NAMES hold ASCII letters and '-'; SOCIAL_SPLIT the rest
        }
      }
      literals = groups;
      first = t.isEmpty() ? 0 : t.charAt(0);
      digit = d;
      colon = c;
      slash = sl;
      segmentMark = seg;
      navMark = nav;
      copyright = copy;
      socialChars = social;
    }

    boolean has(int group) {
      return (literals & 1L << group) != 0;
    }
  }

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  static final Pattern TRAILING_CLOSERS = Pattern.compile("[\\s\"'”’)\\]»*」』）]+$");
  private static final Pattern LEADING_OPENERS = Pattern.compile("^[\\s\"'“‘(\\[«*•·-]+");

  static final Pattern CLOCK =
      Pattern.compile("^\\d{1,2}:\\d{2}(?:\\s*(?i:[ap]\\.?m\\.?))?(?:\\s*[A-Z]{2,4})?$");
  static final Pattern NUMBER = Pattern.compile("^[#№]?\\d{1,4}[.)]?$");
  static final Pattern COUNT =
      Pattern.compile(
          "^(?i:[\\d.,]+\\s*[km]?\\s*(?:views?|reads?|shares?|comments?|likes?|replies)"
              + "|(?:views?|reads?|shares?|comments?)\\s*:?\\s*[\\d.,]+\\s*[km]?)$");
  static final Pattern RELATIVE_TIME =
      Pattern.compile(
          "^(?i:(?:updated\\s+|posted\\s+)?(?:\\d+|an?|one)\\s*(?:s|secs?|seconds?|m|mins?|minutes?"
              + "|h|hrs?|hours?|d|days?|w|weeks?|months?)\\s+ago|just\\s+now|yesterday|today)$");
  static final Pattern BULLET_ONLY = Pattern.compile("^[•·*\\-–—>»]+$");

  static final Pattern LIST_HEADING =
      Pattern.compile(
          "^(?i:(?:the\\s+)?(?:"
              + "trending(?:\\s+(?:now|today|stories|news|topics|videos))?"
              + "|most\\s+(?:read|popular|viewed|shared|commented|watched|recent)"
              + "(?:\\s+(?:stories|articles|news|posts|videos|now|today|this\\s+week))?"
              + "|popular(?:\\s+(?:now|today|stories|news|articles|posts|videos))?"
              + "|(?:read|watch)\\s+(?:next|more|also)"
              + "|related(?:\\s+(?:news|stories|articles|posts|coverage|content|reading|topics"
              + "|videos|links))?"
              + "|latest(?:\\s+(?:news|stories|articles|headlines|updates|videos|posts))?"
              + "(?:\\s+(?:in|from|on)\\s+[\\p{L}&.'-]+(?:\\s+[\\p{L}&.'-]+)?)?"
              + "|more(?:\\s+(?:news|stories|articles|videos|headlines))?"
              + "(?:\\s+(?:from|on|in|like\\s+this|about)(?:\\s+[\\p{L}&.'-]+){0,3})?"
              + "|recommended(?:\\s+(?:for\\s+you|stories|articles|reading|videos))?"
              + "|you\\s+(?:may|might)\\s+(?:also\\s+)?(?:like|enjoy|be\\s+interested\\s+in)"
              + "|also\\s+read|don'?t\\s+miss|top\\s+(?:stories|news|headlines|picks)"
              + "|editor'?s\\s+picks?|further\\s+reading|see\\s+also|in\\s+other\\s+news"
              + "|what\\s+to\\s+read\\s+next|more\\s+to\\s+explore|explore\\s+more"
              + "|comments?|discussion|(?:\\d+\\s+)?comments"
              + "))(?:\\s*\\(\\d+\\))?\\s*[:»>›|-]?$");

  private static final Pattern COMMENTS_HEADING =
      Pattern.compile("^(?i:(?:\\d+\\s+)?comments?|discussion)\\b");
  private static final Pattern SENTENCE_BREAK =
      Pattern.compile(
          "(?<!\\b\\p{Lu})(?<!\\b(?:Mr|Mrs|Ms|Dr|St|Jr|No))[.!?][\"”’)]*\\s+[\"“‘(]?\\p{Lu}"
              + "|[。！？][」』）]*(?=\\S)");
  static final Pattern DISCLAIMER = Pattern.compile("^(?i:(?:legal\\s+)?disclaimer)\\b");

  /**
   * "By ..."; in other languages (de, fr, es/pt, it, nl, sv/da/no) only before names alone ("Von
   * Heike Roe und Jan Doe"), since "Von der Leyen ..." or "Par ailleurs ..." start sentences.
   */
  static final Pattern BYLINE_BY =
      Pattern.compile(
          "^(?i:by|written\\s+by|reported\\s+by)\\b"
              + "|^(?i:von|par|por|di|door|av|af)\\s+\\p{Lu}[\\p{L}'.-]*"
              + "(?:\\s+(?:\\p{Lu}[\\p{L}'.-]*|und|and|et|y|e|en|och|og|&))*\\s*$");

  static final Pattern BYLINE_WORDS =
      Pattern.compile(
          "(?i:\\bnews\\s+desk\\b|\\bupdated\\s*:|\\bpublished\\s*:|\\bcreated\\s*:|\\bposted\\s*:"
              + "|\\bviews?\\s*:?\\s*\\d|\\b\\d[\\d,.]*\\s*[km]?\\s+views\\b|\\bmin(?:ute)?s?\\s+read\\b)");
  static final Pattern BYLINE_LEAD =
      Pattern.compile(
          "^(?i:(?:last\\s+)?(?:updated|published|posted|created|modified)(?:\\s+(?:on|at))?)\\b");

  static final Pattern CAPTION =
      Pattern.compile(
          "©|\\([cC]\\)\\s*\\d{4}|(?i:\\bgetty\\s+images\\b|\\bshutterstock\\b|\\bphoto\\s*credit"
              + "|\\bimage\\s*credit|\\bfile\\s+photo\\b|\\brepresentational\\s+image"
              + "|\\bimage\\s+for\\s+representation|^(?:photo(?:graph)?|photos|image|picture|pic|credit|source"
              + "|illustration|graphic|video|caption|courtesy|(?:photo|file)\\s+illustration)\\s*:"
              + "|\\(\\s*(?:photo|image|picture|pic|file\\s+photo)\\s*[:/])");
  static final Pattern AI_IMAGE_NOTICE =
      Pattern.compile(
          "(?i:\\bai[- ]generated\\b|\\bdoes\\s+not\\s+depict\\b|\\bfor\\s+illustrative\\s+purposes"
              + "|\\bfictional\\s+representation\\b)");

  /**
   * "This picture was made with an AI tool": only with a picture word in the same short line, so
   * that prose about AI stays.
   */
  static final Pattern AI_TOOL_NOTICE =
      Pattern.compile(
          "(?i:\\bai\\s+(?:image\\s+)?(?:tool|generator|model)\\b"
              + "|\\b(?:made|created|generated|produced)\\s+(?:with|by|using)\\s+(?:an?\\s+)?"
              + "(?:ai|artificial\\s+intelligence)\\b"
              + "|\\bdoes\\s+not\\s+(?:show|depict|represent)\\s+(?:a\\s+)?real\\b)");

  static final Pattern PICTURE_WORD =
      Pattern.compile("(?i:\\b(?:image|picture|photo|illustration|drawing|graphic|artwork)s?\\b)");
  static final Pattern CREDIT_LINE =
      Pattern.compile(
          "^\\(?(?i:with\\s+inputs?\\s+from|inputs?\\s+from|reporting\\s+by|editing\\s+by"
              + "|writing\\s+by|compiled\\s+by|additional\\s+reporting|this\\s+story\\s+has\\s+not"
              + "|this\\s+article\\s+(?:was|has\\s+been)\\s+(?:generated|published|edited|produced)"
              + "|only\\s+the\\s+headline|this\\s+is\\s+an\\s+auto-generated)\\b");
  static final Pattern FOOTER =
      Pattern.compile(
          "^(?i:e-?mail|phone|tel|telephone|fax|mobile|whatsapp|address|contact(?:\\s+us)?)"
              + "\\s*(?i:no\\.?|number)?\\s*[:.]"
              + "|(?i:\\ball\\s+rights\\s+reserved\\b|^copyright\\b|\\bterms\\s+of\\s+(?:use|service)\\b"
              + "|\\bprivacy\\s+policy\\b|\\bcookie\\s+(?:policy|settings)\\b|\\bwe\\s+use\\s+cookies\\b"
              + "|\\baccept\\s+(?:all\\s+)?cookies\\b|^(?:tags?|topics?|categories|filed\\s+under|keywords)\\s*:"
              + "|^please\\s+enable\\s+javascript|^javascript\\s+is\\s+disabled"
              + "|^your\\s+browser\\s+does\\s+not\\s+support)");
  static final Pattern SOCIAL =
      Pattern.compile(
          "^(?i:subscribe|sign\\s+up|sign\\s+in|log\\s+in|login|register\\s+now|follow\\s+us"
              + "|follow\\b.{0,40}\\bon\\b|connect\\s+(?:with\\s+)?us|share\\s+(?:this|on|via)|share$"
              + "|give\\s+(?:us\\s+)?feedback|leave\\s+(?:a|the\\s+first|your)\\s+comment"
              + "|what(?:'s|\\s+is)\\s+your\\s+(?:opinion|view|take)|join\\s+(?:us|our)"
              + "|download\\s+(?:our|the)|get\\s+the\\s+app|click\\s+here|like\\s+us\\s+on|tap\\s+here"
              + "|(?:read|view|show)\\s+(?:all\\s+)?comments|post\\s+a\\s+comment|add\\s+a\\s+comment"
              + "|no\\s+comments?(?:\\s+yet)?|be\\s+the\\s+first\\s+to\\s+comment|newsletter)\\b");
  private static final Set<String> SOCIAL_NAMES =
      Set.of(
          "facebook",
          "twitter",
          "x",
          "linkedin",
          "quora",
          "youtube",
          "rss",
          "instagram",
          "whatsapp",
          "telegram",
          "pinterest",
          "reddit",
          "email",
          "e-mail",
          "tiktok",
          "threads",
          "flipboard",
          "print",
          "share",
          "mail",
          "copy",
          "link",
          "vk",
          "koo",
          "mastodon",
          "bluesky");
  static final Pattern ADVERT =
      Pattern.compile(
          "^(?i:advertisement|advertisment|advert|ad|ads|sponsored(?:\\s+content)?|promoted"
              + "|paid\\s+content|story\\s+continues\\s+below(?:\\s+advertisement)?"
              + "|(?:article\\s+)?continues\\s+below|continue\\s+reading(?:\\s+below)?"
              + "|scroll\\s+to\\s+continue(?:\\s+with\\s+content)?|skip\\s+(?:to\\s+content|ad)"
              + "|loading(?:\\.{1,3}|…)?)$");
  static final Pattern SLASH_NAV =
      Pattern.compile("^\\p{Lu}[\\p{Lu}\\s&]*(?:\\s*/\\s*\\p{Lu}[\\p{Lu}\\s&]*)+$");

  private static final Pattern SEGMENTS = Pattern.compile("\\s*[|•·]\\s*");
  static final Pattern MENU_MARK = Pattern.compile("[▾▼▿⌄☰≡]");
  static final Pattern MENU_GAP = Pattern.compile("\\t+|\\s{3,}|\\s*[▾▼▿⌄☰≡]\\s*");
  private static final Pattern SLASH_SEPARATOR = Pattern.compile("\\s+/\\s+");
  private static final Pattern DATE_KEYWORD =
      Pattern.compile(
          "^(?i:(?:last\\s+)?(?:updated|published|posted|created|modified)(?:\\s+(?:on|at))?)"
              + "\\s*:?\\s*");
  static final Pattern CONTACT_NUMBER =
      Pattern.compile(
          "(?i:\\b(?:tel|phone|telephone|fax|mobile|whatsapp|hotline|call\\s+us(?:\\s+on)?)\\b)"
              + "\\.?\\s*:?\\s*\\+?\\(?\\d[\\d\\s().-]{5,}\\d");
  private static final Pattern NAV_SEPARATORS = Pattern.compile("\\s*[|>»›]\\s*");
  private static final Pattern BREADCRUMB_MARK = Pattern.compile("\\s[>»›]\\s");
  static final Pattern BULLET = Pattern.compile("^(?:[-•*–·▪]|\\d{1,2}[.)])\\s+\\S");
  static final Pattern INTRO = Pattern.compile("\\p{Ll}\\s*:$");
  private static final Pattern SOCIAL_SPLIT = Pattern.compile("[\\s|,/•·]+");
  private static final Pattern TRAILING_DOTS = Pattern.compile("[.\\s]+$");
  private static final Pattern LEADING_ON = Pattern.compile("^(?i:on|dated?)\\s*:?\\s+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}'-]");

  private static final Pattern HEADER =
      Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})(?:\\s+|$)");
  private static final Pattern AGENCY_TAG =
      Pattern.compile(
          "^\\(([\\p{Lu}][\\p{L}\\p{N}&.'-]*(?:\\s+[\\p{Lu}][\\p{L}\\p{N}&.'-]*){0,3})\\)\\s*[-–—:]?\\s*(?=\\S)");

  private static final Set<String> TITLE_SMALL_WORDS =
      Set.of(
          "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by",
          "with", "from", "as", "vs", "via", "into", "onto", "over", "amid", "after", "per", "is",
          "are", "than", "up", "off", "out", "its", "de", "la", "le", "van", "von", "und");

  private static final int MAX_SMALL_WORD =
      TITLE_SMALL_WORDS.stream().mapToInt(String::length).max().orElseThrow();

  private ArticleTextCleaner() {}

  /** The scraper's {@code date YYYY-MM-DD} header at the very start, or null. */
  static String headerDate(String text) {
    Matcher m = HEADER.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /** The text without the scraper's date header; the rest of the first line stays. */
  static String withoutHeader(String text) {
    Matcher m = HEADER.matcher(text);
    return m.find() ? text.substring(m.end()) : text;
  }

  /** The lines of a text with spaces normalised, blank lines dropped. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String l = normalizeLine(line);
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  /** Zero-width characters removed, every run of spaces (no-break ones too) one space, trimmed. */
  static String normalizeLine(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    boolean space = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
        continue;
      }
      if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
        space = sb.length() > 0;
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * Cleans a text.
   *
   * @param text the decoded text, without the date header
   * @param knownTitle the title when the source gives one (JSON); null to find it in the text
   */
  static Cleaned clean(String text, String knownTitle) {
    List<String> allLines = new ArrayList<>();
    List<Item> items = items(text, allLines);
    String title;
    int bodyStart;
    Item titleItem = null;
    if (knownTitle == null) {
      int[] found = findTitle(items);
      bodyStart = found[1];
      titleItem = found[0] >= 0 ? items.get(found[0]) : null;
      title = titleItem != null ? titleItem.text : "";
    } else {
      title = normalizeLine(knownTitle);
      bodyStart = 0;
    }
    List<Item> body = new ArrayList<>(items.subList(bodyStart, items.size()));
    for (Item it : body) {
      it.kind = it.menu ? Kind.BOILERPLATE : classify(it, title);
      if (it.kind == Kind.BOILERPLATE || it.kind == Kind.MARKER) {
        it.dropped = true;
        it.listContext = it.kind == Kind.MARKER;
      }
    }
    dropZones(body);
    dropTrailingList(body);
    dropHeadingRuns(body);
    absorbListNeighbours(body);

    List<String> paragraphs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String firstParagraph = null;
    String titleKey = key(title);
    for (Item it : body) {
      if (it.dropped) {
        continue;
      }
      String p = it.text;
      if (firstParagraph == null) {
        firstParagraph = p;
        p = AGENCY_TAG.matcher(p).replaceFirst("");
      }
      p = InlineTeasers.cut(p);
      if (p.isEmpty()) {
        continue;
      }
      String k = key(p);
      if (k.equals(titleKey) || !seen.add(k)) {
        continue; // a scraper repeat: keep the first occurrence only
      }
      paragraphs.add(p);
    }
    List<String> dateLines = new ArrayList<>();
    int titleLine = -1;
    for (Item it : items) {
      if (it == titleItem) {
        titleLine = dateLines.size();
      }
      if (!it.listed) {
        dateLines.add(it.text);
      }
    }
    return new Cleaned(
        title,
        List.copyOf(paragraphs),
        firstParagraph,
        allLines,
        List.copyOf(dateLines),
        titleLine);
  }

  /**
   * Lines grouped into items; a hard-wrapped line continuing in lowercase joins the previous. Adds
   * every non-blank line to {@code lines} (what {@link #lines} returns), so the text is split once.
   */
  private static List<Item> items(String text, List<String> lines) {
    List<Item> items = new ArrayList<>();
    StringBuilder current = null;
    String lastLine = null;
    boolean currentBlankBefore = true;
    boolean currentMenu = false;
    boolean blank = true;
    for (String raw : text.split("\n", -1)) {
      String line = normalizeLine(raw);
      if (line.isEmpty()) {
        blank = true;
        continue;
      }
      lines.add(line);
      if (!blank && current != null && continuesPrevious(lastLine, line)) {
        current.append(' ').append(line);
      } else {
        if (current != null) {
          items.add(new Item(current.toString(), currentBlankBefore, currentMenu));
        }
        current = new StringBuilder(line);
        currentBlankBefore = blank;
        currentMenu = isMenuLayout(raw);
      }
      lastLine = line;
      blank = false;
    }
    if (current != null) {
      items.add(new Item(current.toString(), currentBlankBefore, currentMenu));
    }
    return items;
  }

  private static boolean continuesPrevious(String previous, String line) {
    char first = line.charAt(0);
    if (!Character.isLetter(first) || !Character.isLowerCase(first)) {
      return false;
    }
    char last = previous.charAt(previous.length() - 1);
    return ".!?:;\"”’)]".indexOf(last) < 0;
  }

  /**
   * Finds the headline. A text that opens (after navigation) with two paragraphs of prose has none.
   * Otherwise the headline is the line {@link Headlines} scores best above the article's main
   * stretch of prose (at most {@value #HEADLINE_SEARCH_LINES} lines above): shaped like a headline
   * and sharing words with the article's lead, however much navigation stands above it. Failing
   * that, the first line after navigation if it is shaped like a headline. Returns {title index or
   * -1, index where the body starts}.
   */
  private static int[] findTitle(List<Item> items) {
    int n = items.size();
    boolean[] candidate = new boolean[n];
    int[] proseWords = new int[n];
    List<String> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Item it = items.get(i);
      Kind k = classify(it, "");
      texts.add(it.text);
      boolean skipped = skippedAboveTitle(it, k);
      candidate[i] = !skipped && headlineShaped(it.text);
      boolean prose =
          !skipped && k == Kind.PROSE && it.words >= LEAD_WORDS && endsSentence(it.text);
      proseWords[i] = prose ? it.words : 0;
    }
    int[] first = firstAfterNavigation(items);
    int top = first[0] >= 0 ? first[0] : first[1];
    if (first[0] < 0 && top + 1 < n && proseWords[top] > 0 && proseWords[top + 1] > 0) {
      return first; // the text opens with the article itself
    }
    int picked = Headlines.pick(texts, candidate, proseWords, HEADLINE_SEARCH_LINES);
    return picked >= 0 ? new int[] {picked, picked + 1} : first;
  }

  /**
   * How far above the article the headline may be: real pages put up to 150 lines of menu first.
   */
  static final int HEADLINE_SEARCH_LINES = 250;

  /** A paragraph of the article's lead has at least this many words and ends a sentence. */
  static final int LEAD_WORDS = 12;

  /** Lines never taken for the title: menus, boilerplate, markers, list headings, navigation. */
  private static boolean skippedAboveTitle(Item it, Kind k) {
    return it.menu
        || k == Kind.BOILERPLATE
        || k == Kind.MARKER
        || k == Kind.LIST_HEADING // a menu entry above the headline, not a list under the article
        || isNavigation(it.text);
  }

  private static boolean headlineShaped(String t) {
    int words = words(t);
    return words >= 3
        && words <= 30
        && t.length() <= 250
        && !endsWithPeriod(t)
        && !Character.isLowerCase(firstLetter(t));
  }

  /**
   * The first line after navigation: the title when shaped like a headline, else no title and the
   * body starts there. Returns {title index or -1, index where the body starts}.
   */
  private static int[] firstAfterNavigation(List<Item> items) {
    int limit = Math.min(items.size(), TITLE_SEARCH_LINES);
    for (int i = 0; i < limit; i++) {
      Item it = items.get(i);
      if (skippedAboveTitle(it, classify(it, ""))) {
        continue;
      }
      return headlineShaped(it.text) ? new int[] {i, i + 1} : new int[] {-1, i};
    }
    return new int[] {-1, 0};
  }

  private static boolean isNavigation(String t) {
    int words = words(t);
    return words <= 2 && !endsSentence(t)
        || words <= 4 && isAllCaps(t) && !endsSentence(t)
        || isSlashNavigation(t)
        || isPipeNavigation(t);
  }

  /**
   * A raw line laid out as a menu: a drop-down or menu mark, or three or more short entries set
   * apart by tabs or wide gaps ("Sections Local World Sport").
   */
  static boolean isMenuLayout(String raw) {
    if (!mayBeMenu(raw)) {
      return false;
    }
    String r = raw.strip();
    if (r.isEmpty() || r.length() > 200) {
      return false;
    }
    if (MENU_MARK.matcher(r).find() && words(r) <= 12 && !endsSentence(r)) {
      return true;
    }
    String[] parts = MENU_GAP.split(r);
    if (parts.length < 3) {
      return false;
    }
    for (String p : parts) {
      if (words(p) > 3 || endsSentence(p)) {
        return false;
      }
    }
    return true;
  }

  /**
   * False when the raw line can be no menu: it has neither a menu mark (MENU_MARK) nor two MENU_GAP
   * separators (each holds a tab, a menu mark or three ASCII whitespace characters in a row).
   */
  private static boolean mayBeMenu(String raw) {
    int gaps = 0;
    int run = 0;
    for (int i = 0, n = raw.length(); i < n; i++) {
      char c = raw.charAt(i);
      if ("▾▼▿⌄☰≡\t".indexOf(c) >= 0) {
        return true;
      }
      if (c == ' ' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        if (++run == 3) {
          gaps++;
        }
      } else {
        run = 0;
      }
    }
    return gaps >= 2;
  }

  /** Breadcrumbs with slashes: "Home / World / Europe", every entry one to three words. */
  static boolean isSlashNavigation(String t) {
    String[] parts = SLASH_SEPARATOR.split(t);
    if (parts.length < 2) {
      return false;
    }
    int maxWords = parts.length == 2 ? 2 : 3;
    for (String p : parts) {
      int w = words(p);
      if (w == 0 || w > maxWords || endsSentence(p) || !Character.isUpperCase(firstLetter(p))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A byline: segments split by "|", "·" or "•" where one is a date (maybe after "Published on")
   * and the others are short names or counts, as in "Jane Roe · 3 June 2024".
   */
  static boolean isBylineWithDate(String t) {
    if (t.length() > 160) {
      return false;
    }
    String[] segments = SEGMENTS.split(t);
    if (segments.length < 2) {
      return false;
    }
    boolean date = false;
    for (String segment : segments) {
      String seg = TRAILING_DOTS.matcher(segment).replaceFirst("");
      String s = DATE_KEYWORD.matcher(seg).replaceFirst("");
      s = LEADING_ON.matcher(s).replaceFirst("");
      if (s.isEmpty()) {
        continue;
      }
      if (PublicationDateExtractor.DATE.matcher(s).matches()) {
        date = true;
      } else if (words(seg) > 5 || endsSentence(segment)) {
        return false;
      }
    }
    return date;
  }

  private static Kind classify(Item it, String title) {
    String t = it.text;
    Features f = it.features;
    int words = f.words;
    char first = f.first;
    boolean digitFirst = first >= '0' && first <= '9';
    if (digitFirst && f.colon && CLOCK.matcher(t).matches()
        || t.length() <= 6 && NUMBER.matcher(t).matches()
        || f.has(G_COUNT) && COUNT.matcher(t).matches()
        || f.has(G_RELATIVE_TIME) && RELATIVE_TIME.matcher(t).matches()
        || "•·*-–—>»".indexOf(first) >= 0 && BULLET_ONLY.matcher(t).matches()) {
      return Kind.MARKER;
    }
    if (words <= 6 && f.has(G_LIST_HEADING) && LIST_HEADING.matcher(t).matches()
        || words <= ListHeadings.MAX_WORDS
            && (ListHeadings.isComments(t) || ListHeadings.isRelated(t))) {
      return Kind.LIST_HEADING;
    }
    if (f.has(G_DISCLAIMER) && DISCLAIMER.matcher(t).find()) {
      return words <= 3 ? Kind.DISCLAIMER_HEADING : Kind.BOILERPLATE;
    }
    if (!title.isEmpty()) {
      // Items and titles are space-normalised already, so they compare as they are.
      if (t.equals(title) || t.startsWith(title) && isCredit(t.substring(title.length()))) {
        return Kind.BOILERPLATE; // the title again, or the title as an image caption
      }
    }
    if (isBoilerplate(t, f)) {
      return Kind.BOILERPLATE;
    }
    boolean sentenceEnd = endsSentence(t);
    boolean titleCase = isTitleCase(t);
    if ((digitFirst || "-•*–·▪".indexOf(first) >= 0) && BULLET.matcher(t).find() && !titleCase
        || words >= 4 && f.colon && INTRO.matcher(t).find()) {
      return Kind.PROSE; // a bulleted point of the article, or the sentence that introduces them
    }
    if (words >= 2 && words <= MAX_HEADLINE_WORDS && !endsWithPeriod(t) && titleCase) {
      return Kind.HEADLINE;
    }
    if (!sentenceEnd && words <= MAX_SHORT_WORDS) {
      return Kind.SHORT;
    }
    return Kind.PROSE;
  }

  /** What follows the title in an image caption: a credit, not more of a sentence. */
  private static boolean isCredit(String rest) {
    String r = rest.strip();
    if (r.isEmpty() || words(r) > 8 || endsSentence(r)) {
      return false;
    }
    return !Character.isLetterOrDigit(r.charAt(0)) || r.contains("/") || CAPTION.matcher(r).find();
  }

  private static boolean isBoilerplate(String t, Features f) {
    int words = f.words;
    if (words == 0) {
      return true; // separators and stray symbols
    }
    if (words <= 12 && f.has(G_BYLINE_BY) && BYLINE_BY.matcher(t).find() && !endsSentence(t)) {
      return true;
    }
    if (words <= 30 && f.has(G_BYLINE_WORDS) && BYLINE_WORDS.matcher(t).find()) {
      return true;
    }
    if (words <= 15 && f.has(G_BYLINE_LEAD) && BYLINE_LEAD.matcher(t).find()) {
      return true;
    }
    if (words <= 40 && (f.has(G_CAPTION) || f.copyright) && CAPTION.matcher(t).find()) {
      return true;
    }
    if (words <= 60 && f.has(G_AI_IMAGE_NOTICE) && AI_IMAGE_NOTICE.matcher(t).find()) {
      return true;
    }
    if (words <= 40 && f.has(G_CREDIT_LINE) && CREDIT_LINE.matcher(t).find()) {
      return true;
    }
    if (words <= 20 && f.has(G_FOOTER) && FOOTER.matcher(t).find()) {
      return true;
    }
    if (words <= 20 && f.has(G_SOCIAL) && SOCIAL.matcher(t).find()) {
      return true;
    }
    if (words <= 30
        && f.has(G_AI_TOOL_NOTICE)
        && f.has(G_PICTURE_WORD)
        && AI_TOOL_NOTICE.matcher(t).find()
        && PICTURE_WORD.matcher(t).find()) {
      return true;
    }
    if (words <= 20
        && f.has(G_CONTACT_NUMBER)
        && f.digit
        && CONTACT_NUMBER.matcher(t).find()
        && (words <= 8 || !endsSentence(t))) {
      return true; // a contact footer; a sentence that gives a number is prose
    }
    if ("aspclASPCL".indexOf(f.first) >= 0 && ADVERT.matcher(t).matches()
        || f.slash && SLASH_NAV.matcher(t).matches()) {
      return true;
    }
    // Slash navigation needs a slash; a byline with a date, a bar or dot and a digit; a date, a
    // digit (every date form has one, and a line with a word cannot be all separators).
    if (f.slash && isSlashNavigation(t) || f.segmentMark && f.digit && isBylineWithDate(t)) {
      return true;
    }
    if (f.digit && isDateOnly(t)) {
      return true;
    }
    return f.socialChars && isSocialNames(t) || f.navMark && isPipeNavigation(t);
  }

  private static boolean isDateOnly(String t) {
    if (t.length() > 80) {
      return false;
    }
    for (String segment : SEGMENTS.split(t)) {
      String s = TRAILING_DOTS.matcher(segment).replaceFirst("");
      s = LEADING_ON.matcher(s).replaceFirst("");
      if (!s.isEmpty() && !PublicationDateExtractor.DATE.matcher(s).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSocialNames(String t) {
    if (t.length() > 120) {
      return false;
    }
    String[] tokens = SOCIAL_SPLIT.split(t.toLowerCase(Locale.ROOT));
    if (tokens.length < 2) {
      return false;
    }
    for (String tok : tokens) {
      if (!tok.isEmpty() && !SOCIAL_NAMES.contains(tok)) {
        return false;
      }
    }
    return true;
  }

  /** "About | Careers | Terms" and breadcrumbs ("Home > World > Asia"). */
  private static boolean isPipeNavigation(String t) {
    String[] parts = NAV_SEPARATORS.split(t);
    boolean breadcrumb = BREADCRUMB_MARK.matcher(t).find();
    if (parts.length < (breadcrumb ? 2 : 3)) {
      return false;
    }
    for (String p : parts) {
      if (words(p) > 4 || endsSentence(p)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Drops list zones (from a list heading on, until long prose clearly resumes) and disclaimer
   * blocks (the heading and the paragraph under it).
   */
  private static void dropZones(List<Item> items) {
    final int normal = 0;
    final int list = 1;
    final int disclaimer = 2;
    int state = normal;
    boolean disclaimerSawText = false;
    boolean terminal = false; // comments run to the end, however long they are
    boolean articleSeen = false; // a long paragraph kept: comments may begin only after one
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.kind == Kind.LIST_HEADING && !articleSeen && isCommentsHeading(it.text)) {
        // "Comments" in a share bar or menu above the article: a button, not where comments begin
        it.dropped = true;
        continue;
      }
      if (state == list) {
        if (!terminal && proseResumes(items, i)) {
          state = normal;
        } else {
          it.dropped = true;
          it.listContext = true;
          it.listed = articleSeen;
          continue;
        }
      }
      if (state == disclaimer) {
        if (it.kind == Kind.LIST_HEADING) {
          state = list;
          terminal = isCommentsHeading(it.text);
          it.dropped = true;
          it.listContext = true;
          it.listed = articleSeen;
          continue;
        }
        if (it.blankBefore && disclaimerSawText) {
          state = normal;
        } else {
          it.dropped = true;
          disclaimerSawText = true;
          continue;
        }
      }
      if (it.kind == Kind.LIST_HEADING) {
        state = list;
        terminal = isCommentsHeading(it.text);
        it.dropped = true;
        it.listContext = true;
        it.listed = articleSeen;
      } else if (it.kind == Kind.DISCLAIMER_HEADING) {
        state = disclaimer;
        disclaimerSawText = false;
        it.dropped = true;
      } else if (!it.dropped && it.kind == Kind.PROSE && it.words >= LONG_PROSE_WORDS) {
        articleSeen = true;
      }
    }
  }

  /** Where reader comments begin: "Comments", "12 Kommentare", "Leave a reply"... */
  private static boolean isCommentsHeading(String t) {
    return COMMENTS_HEADING.matcher(t).find() || ListHeadings.isComments(t);
  }

  /**
   * Inside a list, article prose resumes at item {@code i} when it and the next item are both long
   * prose, at least one of them has more than one sentence, and no list marker (clock time, number,
   * count) sits before them: teasers are single sentences, each under a marker or a headline.
   */
  private static boolean proseResumes(List<Item> items, int i) {
    if (i + 1 >= items.size()) {
      return false;
    }
    Item a = items.get(i);
    Item b = items.get(i + 1);
    return isLongProse(a)
        && isLongProse(b)
        && sentences(a.text) + sentences(b.text) >= 3
        && (i == 0 || items.get(i - 1).kind != Kind.MARKER);
  }

  /** Rough sentence count: sentence punctuation followed by a capital, plus one. */
  static int sentences(String t) {
    int n = 1;
    Matcher m = SENTENCE_BREAK.matcher(t);
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static boolean isLongProse(Item it) {
    return it.kind == Kind.PROSE && it.words >= LONG_PROSE_WORDS && endsSentence(it.text);
  }

  /**
   * After the last long paragraph, a tail that has two or more heading-like lines, or ends with
   * one, is a list of related headlines (tags and teasers): dropped from its first heading-like
   * line.
   */
  private static void dropTrailingList(List<Item> items) {
    int lastLong = -1;
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (!it.dropped && it.kind == Kind.PROSE && it.words >= LONG_PROSE_WORDS) {
        lastLong = i;
      }
    }
    if (lastLong < 0) {
      return;
    }
    int first = -1;
    int headings = 0;
    Item lastKept = null;
    for (int i = lastLong + 1; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.dropped) {
        continue;
      }
      lastKept = it;
      if (it.headingLike()) {
        headings++;
        if (first < 0) {
          first = i;
        }
      }
    }
    if (first < 0 || headings < 2 && !lastKept.headingLike()) {
      return;
    }
    for (int i = first; i < items.size(); i++) {
      Item it = items.get(i);
      if (!it.dropped) {
        it.dropped = true;
        it.listContext = true;
      }
    }
  }

  /**
   * Runs of two or more heading-like lines are lists; a single one is a subheading only between two
   * prose paragraphs, else navigation.
   */
  private static void dropHeadingRuns(List<Item> items) {
    List<Item> kept = items.stream().filter(it -> !it.dropped).toList();
    int i = 0;
    while (i < kept.size()) {
      if (!kept.get(i).headingLike()) {
        i++;
        continue;
      }
      int j = i;
      while (j < kept.size() && kept.get(j).headingLike()) {
        j++;
      }
      // Inside the article: long prose before the run, and two long paragraphs after it (a page's
      // footer or a teaser after the article has no such text).
      boolean betweenProse =
          i > 0
              && isLongProse(kept.get(i - 1))
              && j + 1 < kept.size()
              && isLongProse(kept.get(j))
              && isLongProse(kept.get(j + 1));
      if (j - i >= 2 && betweenProse && isArticleList(kept.subList(i, j))) {
        i = j; // a list or table of the article itself, with its text on both sides
        continue;
      }
      if (j - i >= 2) {
        for (int k = i; k < j; k++) {
          kept.get(k).dropped = true;
          kept.get(k).listContext = true;
        }
      } else {
        boolean nextProse = j < kept.size() && kept.get(j).kind == Kind.PROSE;
        boolean subheading = i > 0 && kept.get(i - 1).kind == Kind.PROSE && nextProse;
        boolean standfirst = i == 0 && nextProse && kept.get(i).words >= MIN_STANDFIRST_WORDS;
        if (!subheading && !standfirst) {
          kept.get(i).dropped = true;
        }
      }
      i = j;
    }
  }

  /**
   * Whether a run of short lines reads as the article's own list or table (standings, dates,
   * prices, ingredients, names) rather than a list of teaser headlines: most of its lines hold a
   * number or a colon, or are a few words, or are not headline-shaped at all.
   */
  private static boolean isArticleList(List<Item> run) {
    int listLike = 0;
    for (Item it : run) {
      Features f = it.features;
      if (f.digit || f.colon || it.words <= ARTICLE_LIST_WORDS || it.kind == Kind.SHORT) {
        listLike++;
      }
    }
    return 2 * listLike > run.size();
  }

  /** Entries of the article's own lists are often this short: names, places, ingredients. */
  static final int ARTICLE_LIST_WORDS = 4;

  /** A short line between list items (or a list item and the end) is a list item too. */
  private static void absorbListNeighbours(List<Item> items) {
    // One pass is enough: an absorbed item's neighbours were list items already, so absorbing it
    // changes no other item's neighbourhood.
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.dropped || it.words >= LONG_PROSE_WORDS) {
        continue;
      }
      boolean before = i > 0 && items.get(i - 1).listContext;
      boolean after = i + 1 >= items.size() || items.get(i + 1).listContext;
      if (before && after) {
        it.dropped = true;
        it.listContext = true;
      }
    }
  }

  /**
   * Whitespace-separated tokens that hold a letter or digit. Scripts written without spaces
   * (Chinese, Japanese) count one word for every {@value #CJK_CHARS_PER_WORD} of their characters,
   * so that their prose is as long as prose written with spaces, not one "word" a line.
   */
  static int words(String t) {
    int n = 0;
    int unspaced = 0;
    boolean counted = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        counted = false;
      } else if (isUnspacedScript(c)) {
        unspaced++;
        counted = false; // a Latin token glued to ideographs is a word of its own
      } else if (!counted && Character.isLetterOrDigit(c)) {
        n++;
        counted = true;
      }
    }
    return n + (unspaced + CJK_CHARS_PER_WORD - 1) / CJK_CHARS_PER_WORD;
  }

  /** Characters of a script written without spaces that make about one word. */
  static final int CJK_CHARS_PER_WORD = 2;

  /** Han ideographs, hiragana and katakana (also half-width): scripts without word spaces. */
  static boolean isUnspacedScript(char c) {
    return c >= '\u3040' && c <= '\u30FF' // hiragana, katakana
        || c >= '\u3400' && c <= '\u4DBF' // Han extension A
        || c >= '\u4E00' && c <= '\u9FFF' // Han
        || c >= '\uF900' && c <= '\uFAFF' // Han compatibility
        || c >= '\uFF66' && c <= '\uFF9F'; // half-width katakana
  }

  static boolean endsSentence(String t) {
    int end = withoutTrailingClosers(t);
    if (end == 0) {
      return false;
    }
    return SENTENCE_ENDS.indexOf(t.charAt(end - 1)) >= 0;
  }

  /** Sentence-final punctuation, the ideographic and full-width forms too. */
  private static final String SENTENCE_ENDS = ".!?…。！？｡．";

  private static boolean endsWithPeriod(String t) {
    int end = withoutTrailingClosers(t);
    return end > 0 && ".…。｡．".indexOf(t.charAt(end - 1)) >= 0;
  }

  /**
   * The length of the text once TRAILING_CLOSERS is cut off its end, without a regex: this runs
   * several times on every line. (The expression's {@code $} may also match before a final line
   * terminator, but those are not closers, so the last character left is the same either way.)
   */
  static int withoutTrailingClosers(String t) {
    int end = t.length();
    while (end > 0 && isCloser(t.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /**
   * The characters of TRAILING_CLOSERS: ASCII whitespace (regex \s), quotes, brackets (CJK ones
   * too), '*'.
   */
  private static boolean isCloser(char c) {
    switch (c) {
      case ' ',
          '\t',
          '\n',
          '\u000B',
          '\f',
          '\r',
          '"',
          '\'',
          '”',
          '’',
          ')',
          ']',
          '»',
          '*',
          '」',
          '』',
          '）' -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  static boolean isTitleCase(String t) {
    // Hand-written scan (no regex per token): this runs on every line of every article.
    int considered = 0;
    int capitalised = 0;
    int n = t.length();
    int i = 0;
    boolean first = true;
    StringBuilder bare = new StringBuilder(24);
    while (i < n) {
      while (i < n && isSpace(t.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && !isSpace(t.charAt(i))) {
        i++;
      }
      boolean tokenIsFirst = first;
      first = false;
      int k = start;
      while (k < i && isOpener(t.charAt(k))) {
        k++;
      }
      if (k >= i || !Character.isLetter(t.charAt(k))) {
        continue;
      }
      if (!tokenIsFirst && isSmallWord(t, k, i, bare)) {
        continue;
      }
      considered++;
      if (Character.isUpperCase(t.charAt(k))) {
        capitalised++;
      }
    }
    return considered >= 1 && capitalised >= 0.75 * considered;
  }

  /**
   * Whether the token's letters, apostrophes and hyphens, lowercased, are one of the small words; a
   * token with more of them than the longest small word has is not, without building a string.
   */
  private static boolean isSmallWord(String t, int from, int to, StringBuilder bare) {
    bare.setLength(0);
    for (int j = from; j < to; j++) {
      char c = t.charAt(j);
      if (Character.isLetter(c) || c == '\'' || c == '-') {
        if (bare.length() == MAX_SMALL_WORD) {
          return false;
        }
        bare.append(Character.toLowerCase(c));
      }
    }
    return TITLE_SMALL_WORDS.contains(bare.toString());
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
  }

  /** The characters LEADING_OPENERS strips from the start of a token. */
  private static boolean isOpener(char c) {
    return "\"'“‘([«*•·-".indexOf(c) >= 0 || Character.isWhitespace(c);
  }

  private static boolean isAllCaps(String t) {
    boolean letters = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        letters = true;
        if (Character.isLowerCase(c)) {
          return false;
        }
      }
    }
    return letters;
  }

  private static char firstLetter(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (Character.isLetter(t.charAt(i))) {
        return t.charAt(i);
      }
    }
    return 'A';
  }

  /** Comparison key for repeats: whitespace-normalised, case kept. */
  static String key(String t) {
    return normalizeLine(t);
  }
}
