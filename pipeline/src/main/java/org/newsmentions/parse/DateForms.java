package org.newsmentions.parse;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words dates are written with on real pages, as tables: month names and weekday names per
 * language, the words that lead a publication date, and time-zone abbreviations. {@link
 * PublicationDateExtractor} builds its expressions from them, so a language is added by adding a
 * row, not a rule.
 */
final class DateForms {
  private DateForms() {}

  /**
   * Month names and usual abbreviations, January to December, per language (lower case; Russian in
   * the genitive that dates use, and the nominative).
   */
  static final Map<String, List<String>> MONTHS_BY_LANGUAGE =
      Map.of(
          "en",
          List.of(
              "january|jan",
              "february|feb",
              "march|mar",
              "april|apr",
              "may",
              "june|jun",
              "july|jul",
              "august|aug",
              "september|sept|sep",
              "october|oct",
              "november|nov",
              "december|dec"),
          "de",
          List.of(
              "januar|jänner|jan",
              "februar|feber|feb",
              "märz|maerz|mär|mrz",
              "april|apr",
              "mai",
              "juni|jun",
              "juli|jul",
              "august|aug",
              "september|sept|sep",
              "oktober|okt",
              "november|nov",
              "dezember|dez"),
          "fr",
          List.of(
              "janvier|janv",
              "février|fevrier|févr|fevr|fév",
              "mars",
              "avril|avr",
              "mai",
              "juin",
              "juillet|juil",
              "août|aout",
              "septembre|sept",
              "octobre|oct",
              "novembre|nov",
              "décembre|decembre|déc|dec"),
          "es",
          List.of(
              "enero|ene",
              "febrero|feb",
              "marzo|mar",
              "abril|abr",
              "mayo|may",
              "junio|jun",
              "julio|jul",
              "agosto|ago",
              "septiembre|setiembre|sep|sept",
              "octubre|oct",
              "noviembre|nov",
              "diciembre|dic"),
          "it",
          List.of(
              "gennaio|gen",
              "febbraio|feb",
              "marzo|mar",
              "aprile|apr",
              "maggio|mag",
              "giugno|giu",
              "luglio|lug",
              "agosto|ago",
              "settembre|set",
              "ottobre|ott",
              "novembre|nov",
              "dicembre|dic"),
          "pt",
          List.of(
              "janeiro|jan",
              "fevereiro|fev",
              "março|marco|mar",
              "abril|abr",
              "maio|mai",
              "junho|jun",
              "julho|jul",
              "agosto|ago",
              "setembro|set",
              "outubro|out",
              "novembro|nov",
              "dezembro|dez"),
          "nl",
          List.of(
              "januari|jan",
              "februari|feb",
              "maart|mrt",
              "april|apr",
              "mei",
              "juni|jun",
              "juli|jul",
              "augustus|aug",
              "september|sep",
              "oktober|okt",
              "november|nov",
              "december|dec"),
          "ru",
          List.of(
              "января|январь|янв",
              "февраля|февраль|фев",
              "марта|март|мар",
              "апреля|апрель|апр",
              "мая|май",
              "июня|июнь|июн",
              "июля|июль|июл",
              "августа|август|авг",
              "сентября|сентябрь|сен|сент",
              "октября|октябрь|окт",
              "ноября|ноябрь|ноя",
              "декабря|декабрь|дек"));

  /** Weekday names and abbreviations, any language (lower case). */
  static final List<String> WEEKDAYS =
      List.of(
          // en
          "monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri"
              + "|saturday|sat|sunday|sun",
          // de
          "montag|mo|dienstag|di|mittwoch|mi|donnerstag|do|freitag|fr|samstag|sonnabend|sa"
              + "|sonntag|so",
          // fr
          "lundi|lun|mardi|mar|mercredi|mer|jeudi|jeu|vendredi|ven|samedi|sam|dimanche|dim",
          // es
          "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo",
          // it
          "lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi"
              + "|sabato|domenica",
          // pt
          "segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira|segunda"
              + "|terça|quarta|quinta|sexta",
          // nl
          "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
          // ru
          "понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс");

  /**
   * Words that lead a publication date ("Published: ..."), and those that lead a later revision,
   * which is only a fallback.
   */
  static final List<String> PUBLISHED_WORDS =
      List.of(
          "published",
          "posted",
          "created",
          "dated",
          "date",
          "veröffentlicht",
          "erschienen",
          "publiziert",
          "erstellt",
          "datum",
          "publié",
          "publie",
          "mis en ligne",
          "publicado",
          "publicada",
          "fecha",
          "pubblicato",
          "pubblicata",
          "gepubliceerd",
          "geplaatst",
          "опубликовано",
          "дата публикации",
          "发布时间",
          "发布",
          "公開日",
          "公開",
          "投稿日");

  static final List<String> UPDATED_WORDS =
      List.of(
          "last updated",
          "updated",
          "modified",
          "aktualisiert",
          "zuletzt aktualisiert",
          "geändert",
          "zuletzt geändert",
          "stand",
          "mis à jour",
          "modifié",
          "actualizado",
          "actualizada",
          "aggiornato",
          "aggiornata",
          "atualizado",
          "bijgewerkt",
          "обновлено",
          "更新时间",
          "更新日",
          "更新");

  /** Time-zone abbreviations pages print after a time. */
  static final Map<String, ZoneId> ZONES =
      Map.ofEntries(
          Map.entry("Z", ZoneOffset.UTC),
          Map.entry("UTC", ZoneOffset.UTC),
          Map.entry("GMT", ZoneOffset.UTC),
          Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
          Map.entry("ET", ZoneId.of("America/New_York")),
          Map.entry("EST", ZoneOffset.ofHours(-5)),
          Map.entry("EDT", ZoneOffset.ofHours(-4)),
          Map.entry("CT", ZoneId.of("America/Chicago")),
          Map.entry("CST", ZoneOffset.ofHours(-6)),
          Map.entry("CDT", ZoneOffset.ofHours(-5)),
          Map.entry("PT", ZoneId.of("America/Los_Angeles")),
          Map.entry("PST", ZoneOffset.ofHours(-8)),
          Map.entry("PDT", ZoneOffset.ofHours(-7)),
          Map.entry("MST", ZoneOffset.ofHours(-7)),
          Map.entry("MDT", ZoneOffset.ofHours(-6)),
          Map.entry("CET", ZoneOffset.ofHours(1)),
          Map.entry("MEZ", ZoneOffset.ofHours(1)),
          Map.entry("CEST", ZoneOffset.ofHours(2)),
          Map.entry("MESZ", ZoneOffset.ofHours(2)),
          Map.entry("EET", ZoneOffset.ofHours(2)),
          Map.entry("EEST", ZoneOffset.ofHours(3)),
          Map.entry("WET", ZoneOffset.UTC),
          Map.entry("WEST", ZoneOffset.ofHours(1)),
          Map.entry("BST", ZoneOffset.ofHours(1)),
          Map.entry("MSK", ZoneOffset.ofHours(3)),
          Map.entry("JST", ZoneOffset.ofHours(9)),
          Map.entry("KST", ZoneOffset.ofHours(9)),
          Map.entry("HKT", ZoneOffset.ofHours(8)),
          Map.entry("SGT", ZoneOffset.ofHours(8)),
          Map.entry("AEST", ZoneOffset.ofHours(10)),
          Map.entry("AEDT", ZoneOffset.ofHours(11)),
          Map.entry("WIB", ZoneOffset.ofHours(7)),
          Map.entry("EAT", ZoneOffset.ofHours(3)),
          Map.entry("WAT", ZoneOffset.ofHours(1)),
          Map.entry("CAT", ZoneOffset.ofHours(2)),
          Map.entry("SAST", ZoneOffset.ofHours(2)),
          Map.entry("PKT", ZoneOffset.ofHours(5)));

  /** Month name (lower case) to number; a name shared by languages has one month in all. */
  static final Map<String, Integer> MONTH_NUMBERS = monthNumbers();

  private static Map<String, Integer> monthNumbers() {
    Map<String, Integer> out = new HashMap<>();
    MONTHS_BY_LANGUAGE.forEach(
        (lang, months) -> {
          for (int i = 0; i < months.size(); i++) {
            for (String name : months.get(i).split("\\|")) {
              Integer before = out.putIfAbsent(name, i + 1);
              if (before != null && before != i + 1) {
                throw new IllegalStateException("month name in two months: " + name);
              }
            }
          }
        });
    return Map.copyOf(out);
  }

  /** The month of a name as matched (any case, maybe with a final dot), or 0. */
  static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    return MONTH_NUMBERS.getOrDefault(n, 0);
  }

  /** Alternatives for a regular expression, longest first so that none hides a longer one. */
  static String alternatives(java.util.Collection<String> words) {
    return words.stream()
        .flatMap(w -> java.util.Arrays.stream(w.split("\\|")))
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w))
        .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
        .collect(Collectors.joining("|"));
  }
}
