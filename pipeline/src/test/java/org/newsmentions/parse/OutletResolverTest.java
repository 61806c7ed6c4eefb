package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutletResolverTest {
  private final OutletResolver outlets = new OutletResolver();

  /** An empty cell is null: no host, or no outlet. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "www.riverpost.com, riverpost",
    "https://m.riverpost.com/a/b?c=1, riverpost",
    "amp.riverpost.com, riverpost",
    "https://edition.daily-kite.co.uk/world, dailykite",
    "news.harbourtimes.com.au, harbourtimes",
    "valley24.net:8080, valley24",
    "http://192.168.1.9/x,",
    ",",
    "https://,"
  })
  void fromHostsAndUrls(String host, String outlet) {
    assertEquals(outlet, outlets.fromHost(host));
  }

  @Test
  void aliasesMapToOneKey() {
    assertEquals("ap", outlets.fromHost("https://apnews.com/article/x"));
    assertEquals("ap", outlets.fromName("Associated Press"));
    assertEquals("reuters", outlets.fromName("Reuters.com"));
    assertEquals("reuters", outlets.fromName("reuters"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "The Lake Herald, lakeherald",
    "lakeherald.org, lakeherald",
    "El Tiémpo, eltiempo",
    "' ',"
  })
  void fromNames(String name, String outlet) {
    assertEquals(outlet, outlets.fromName(name));
  }

  @Test
  void fromLeadingAgencyTag() {
    assertEquals("wirenet", outlets.fromText("(WIRENET) Farmers gathered on Monday.", List.of()));
  }

  @Test
  void fromDatelineAgencyAndRepublishedTag() {
    assertEquals("wirenet", outlets.fromText("PORT TOWN (WireNet) - Ferries ran late.", List.of()));
    assertEquals(
        "bignews", outlets.fromText("(BigNews- Small Town Daily) Rain is due.", List.of()));
    assertNull(outlets.fromText("(Photo Desk) A picture of rain.", List.of()));
  }

  @Test
  void fromNewsDeskByline() {
    assertEquals(
        "coastline",
        outlets.fromText(null, List.of("Plain text.", "Coastline News Desk | Updated: today")));
  }

  @Test
  void fromCopyrightFooterButNotImageCredit() {
    assertEquals(
        "northernstar",
        outlets.fromText(
            null,
            List.of(
                "A photo of the pier © Getty Images",
                "© 2024 Northern Star. All rights reserved.")));
    assertNull(outlets.fromText(null, List.of("Ducks on the lake © Getty Images")));
    assertNull(outlets.fromText(null, List.of("© Copyright 2025")));
    assertEquals("pinebulletin", outlets.fromText(null, List.of("Copyright Pine Bulletin 2023")));
  }

  @Test
  void fromContactEmailButNotMailProviders() {
    assertEquals("meadowwire", outlets.fromText(null, List.of("Email: desk@meadowwire.in")));
    assertNull(outlets.fromText(null, List.of("Email: somebody@gmail.com")));
  }

  @Test
  void unknownIsNull() {
    assertNull(outlets.fromText("Nothing here names a site.", List.of("Just prose.")));
  }

  @Test
  void legalFormsAndLeadingTheAreDropped() {
    assertEquals("riverpost", outlets.fromName("River Post Media GmbH"));
    assertEquals("riverpost", outlets.fromName("The River Post Ltd."));
    assertEquals("riverpost", outlets.fromName("River Post Holdings, Inc."));
    assertEquals("riverpost", outlets.fromHost("https://www.theriverpost.example/a"));
    assertEquals("media", outlets.fromName("Media"));
    assertEquals("theatreweekly", outlets.fromHost("theatreweekly.example"));
    assertEquals("riverpost", outlets.fromText(null, List.of("\u00a9 River Post Media GmbH")));
  }

  @Test
  void fromCopyrightInsideALongFooterLine() {
    assertEquals(
        "hilltopcourier",
        outlets.fromText(
            null,
            List.of(
                "Hilltop Courier, 3 Mill Lane. Newsroom: 555-0100. Copyright Hilltop Courier. All"
                    + " rights reserved.")));
    assertEquals(
        "hilltopcourier",
        outlets.fromText(
            null,
            List.of(
                "Copyright 2024 Hilltop Courier. All rights reserved. This material may not be"
                    + " copied, broadcast, rewritten or handed on in any form without leave.")));
  }

  @Test
  void fromTheOutletsOwnPictureCreditButNotAnAgencys() {
    assertEquals(
        "fenlandtimes",
        outlets.fromText(null, List.of("Rain over the fens \u00a9 Fenland Times/Pool")));
    assertEquals("fenlandtimes", outlets.fromText(null, List.of("Photo: Fenland Times archive")));
    assertEquals(
        "fenlandtimes", outlets.fromText(null, List.of("Illustration: The Fenland Times / Stock")));
    assertNull(outlets.fromText(null, List.of("Rain over the fens \u00a9 Reuters/Pool")));
  }

  @Test
  void aPhotographersCreditIsNotAnOutlet() {
    assertNull(outlets.fromText(null, List.of("Rain over the fens \u00a9 Jane Roe/Pool")));
    assertNull(outlets.fromText(null, List.of("Photo: Jane Roe archive")));
  }

  @Test
  void fromAMastheadLineAboveTheTitle() {
    List<String> lines =
        List.of("FENLAND HERALD", "Ferry service resumes after storm", "The ferry ran again.");
    assertEquals(
        "fenlandherald", outlets.fromText(null, lines, "Ferry service resumes after storm"));
    assertNull(
        outlets.fromText(null, List.of("Latest News", "Ferry resumes", "Text."), "Ferry resumes"));
    assertNull(
        outlets.fromText(
            null,
            List.of("Menu", "Harbour Herald Wins Prize", "Text."),
            "Harbour Herald Wins Prize"));
  }
}
