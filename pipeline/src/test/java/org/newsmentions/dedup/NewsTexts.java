package org.newsmentions.dedup;

import java.util.List;

/** Invented news-like paragraphs for the dedup tests. */
final class NewsTexts {
  private NewsTexts() {}

  static final List<String> HARBOUR =
      List.of(
          "Dock workers at the port of Valmora walked off the job on Monday morning, halting the"
              + " loading of container ships after talks with the harbour authority over night shift"
              + " pay broke down late on Sunday without any agreement being reached.",
          "Union spokesperson Lena Ortiz told reporters outside the main gate that members had"
              + " waited eleven months for a revised contract and that the strike would continue"
              + " until the authority returned to the table with a written offer.",
          "The harbour authority said in a brief statement that it regretted the disruption and"
              + " remained open to dialogue, adding that perishable cargo would be diverted to the"
              + " smaller terminal at Brask while the stoppage lasted.",
          "Shipping agents estimated that at least fourteen vessels were waiting at anchor by the"
              + " afternoon, and several fruit importers warned that supermarket shelves in the"
              + " northern provinces could run short of bananas within a week.",
          "Regional transport minister Paul Decker urged both sides to accept mediation, saying the"
              + " port handles almost a third of the country's imports and that a long dispute would"
              + " hurt farmers, retailers and households far beyond the docks.");

  /** A replacement for the fifth HARBOUR paragraph. */
  static final String HARBOUR_UPDATE =
      "Late in the evening a mediator appointed by the labour court invited delegations from both"
          + " camps to a meeting on Wednesday, and the union agreed to let two refrigerated ships"
          + " unload medicines and baby food in the meantime as a gesture of goodwill.";

  /** A replacement for the fourth HARBOUR paragraph. */
  static final String HARBOUR_ANALYSIS =
      "Economists at the central bank noted that previous stoppages had lasted between three and"
          + " nine days, and that freight rates on the coastal route tend to climb sharply whenever"
          + " the biggest terminal in the region stops working for more than a weekend.";

  static final List<String> OBSERVATORY =
      List.of(
          "Astronomers at the Kestrel Ridge observatory announced on Thursday that they had"
              + " detected a faint comet moving towards the inner solar system, the first such"
              + " discovery made with the new infrared telescope installed there last spring.",
          "The object, provisionally named Kestrel 2025, is expected to pass closest to the sun in"
              + " early March and might become visible through ordinary binoculars for a few nights"
              + " if its icy nucleus survives the approach intact.",
          "Project lead Amira Haddad said the team had checked the measurements against archive"
              + " images from two other observatories before going public, because faint moving"
              + " dots are often mistaken for asteroids or simple instrument noise.",
          "Local schools have already asked the observatory to organise evening viewing sessions,"
              + " and the town council is considering switching off some street lights on the"
              + " hillside to reduce glare during the weeks of best visibility.",
          "Funding for the infrared camera came partly from a crowdfunding campaign that raised"
              + " more than two hundred thousand euros from amateur stargazers in eleven countries,"
              + " many of whom will receive early copies of the first images.");

  static String body(List<String> paragraphs) {
    return String.join("\n\n", paragraphs);
  }

  /** HARBOUR with paragraph {@code index} replaced. */
  static String harbourWith(int index, String replacement) {
    String[] p = HARBOUR.toArray(new String[0]);
    p[index] = replacement;
    return String.join("\n\n", p);
  }
}
