package org.newsmentions.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CoNLL-2003 files ({@code ../shared/ner/}): documents split on {@code -DOCSTART-}, each
 * detokenised as a page reads ("Bitar's", "Syria, ...", "(AP)") into a title (the first sentence,
 * the headline) and a main text (every later sentence, one a line), with each token's character
 * offsets in {@code title + "\n\n" + maintext} and the names (IOB1 tags) as token spans. The files
 * are read where they are and never copied: their text belongs to Reuters.
 */
final class Conll {
  private Conll() {}

  /** One token: the word, its IOB1 tag and its characters in {@link Doc#text}. */
  record Token(String word, String tag, int start, int end) {}

  /** A gold name: tokens first..last (inclusive) of its document, type PER, LOC, ORG or MISC. */
  record Name(int first, int last, String type) {}

  /** One document. {@code sentences} holds each sentence's first token index, then the size. */
  record Doc(
      int index,
      String title,
      String maintext,
      String date,
      List<Token> tokens,
      List<Name> names,
      int[] sentences) {
    String text() {
      return title + "\n\n" + maintext;
    }

    /** The tokens [first, last] that the characters [start, end) overlap, or null. */
    int[] tokenRange(int start, int end) {
      int first = -1;
      int last = -1;
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.end() > start && t.start() < end) {
          if (first < 0) {
            first = i;
          }
          last = i;
        }
      }
      return first < 0 ? null : new int[] {first, last};
    }

    /** The sentence index a token is in. */
    int sentenceOf(int token) {
      int s = 0;
      while (s + 1 < sentences.length - 1 && sentences[s + 1] <= token) {
        s++;
      }
      return s;
    }
  }

  private static final Set<String> NO_SPACE_BEFORE =
      Set.of(
          ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll",
          "'d", "'m", "'");
  private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$");

  static List<Doc> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Doc> docs = new ArrayList<>();
    List<List<String[]>> sentences = new ArrayList<>();
    List<String[]> sentence = new ArrayList<>();
    for (String line : lines) {
      String l = line.strip();
      if (l.startsWith("-DOCSTART-")) {
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
          sentence = new ArrayList<>();
        }
        if (!sentences.isEmpty()) {
          docs.add(build(docs.size(), sentences));
          sentences = new ArrayList<>();
        }
        continue;
      }
      if (l.isEmpty()) {
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
          sentence = new ArrayList<>();
        }
        continue;
      }
      String[] parts = l.split(" ");
      sentence.add(new String[] {parts[0], parts[parts.length - 1]});
    }
    if (!sentence.isEmpty()) {
      sentences.add(sentence);
    }
    if (!sentences.isEmpty()) {
      docs.add(build(docs.size(), sentences));
    }
    return docs;
  }

  private static Doc build(int index, List<List<String[]>> sentences) {
    StringBuilder text = new StringBuilder();
    List<Token> tokens = new ArrayList<>();
    int[] starts = new int[sentences.size() + 1];
    String title = null;
    for (int s = 0; s < sentences.size(); s++) {
      if (s == 1) {
        title = text.toString();
        text.append("\n\n");
      } else if (s > 1) {
        text.append('\n');
      }
      starts[s] = tokens.size();
      boolean quoteOpen = false;
      boolean glue = true;
      for (String[] tok : sentences.get(s)) {
        String w = tok[0];
        boolean quote = w.equals("\"");
        boolean space = !glue;
        if (NO_SPACE_BEFORE.contains(w) || (quote && quoteOpen)) {
          space = false;
        }
        if (space) {
          text.append(' ');
        }
        int start = text.length();
        text.append(w);
        tokens.add(new Token(w, tok[1], start, text.length()));
        glue = NO_SPACE_AFTER.contains(w) || (quote && !quoteOpen);
        if (quote) {
          quoteOpen = !quoteOpen;
        }
      }
    }
    starts[sentences.size()] = tokens.size();
    if (title == null) {
      title = text.toString();
      text.append("\n\n");
    }
    String all = text.toString();
    String maintext = all.substring(title.length() + 2);
    List<Name> names = new ArrayList<>();
    String open = null;
    int first = -1;
    for (int i = 0; i <= tokens.size(); i++) {
      String tag = i < tokens.size() ? tokens.get(i).tag() : "O";
      String type = tag.equals("O") ? null : tag.substring(2);
      boolean continues =
          type != null && type.equals(open) && tag.startsWith("I-") && !isSentenceStart(starts, i);
      if (open != null && !continues) {
        names.add(new Name(first, i - 1, open));
        open = null;
      }
      if (type != null && open == null) {
        open = type;
        first = i;
      }
    }
    String date = null;
    if (sentences.size() > 1) {
      for (String[] tok : sentences.get(1)) {
        if (tok[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
          date = tok[0];
        }
      }
    }
    return new Doc(index, title, maintext, date, tokens, names, starts);
  }

  private static boolean isSentenceStart(int[] starts, int i) {
    for (int s : starts) {
      if (s == i) {
        return true;
      }
    }
    return false;
  }
}
