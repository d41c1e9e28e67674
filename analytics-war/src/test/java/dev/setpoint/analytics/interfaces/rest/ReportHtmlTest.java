package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.savings.MonthReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class ReportHtmlTest {
  private static final String NAME = "<b>&\"x'";
  private static final String ESCAPED = "&lt;b&gt;&amp;&quot;x&#39;";

  /** HTML's void elements: the only ones that may be written without a closing tag. */
  private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "input", "link");

  private static final Pattern TAG =
      Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>");

  /** Every tag opened is closed in order (or self-closed); the names of the elements opened. */
  static List<String> balanced(String html) {
    Deque<String> open = new ArrayDeque<>();
    List<String> seen = new java.util.ArrayList<>();
    Matcher m = TAG.matcher(html);
    while (m.find()) {
      String name = m.group(2).toLowerCase(Locale.ROOT);
      if (m.group(1).isEmpty()) {
        seen.add(name);
        if (m.group(4).isEmpty() && !VOID.contains(name)) {
          open.push(name);
        }
      } else {
        assertFalse(open.isEmpty(), "</" + name + "> closes nothing");
        assertEquals(open.pop(), name, "closing tag at " + m.start());
      }
    }
    assertTrue(open.isEmpty(), "left open: " + open);
    return seen;
  }

  /** The page as XML: well-formed, every element closed, every reference defined. */
  static Document xml(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static final XPath XPATH = XPathFactory.newInstance().newXPath();

  static int count(Document d, String path) throws Exception {
    return ((Number) XPATH.evaluate("count(" + path + ")", d, XPathConstants.NUMBER)).intValue();
  }

  static String text(Document d, String path) throws Exception {
    return XPATH.evaluate(path, d);
  }

  /** The page's text: its body's text nodes, tags and references gone. */
  static String bodyText(Document d) throws Exception {
    return ((Node) XPATH.evaluate("/html/body", d, XPathConstants.NODE)).getTextContent();
  }

  static void selfContained(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    for (String forbidden :
        List.of("<script", "javascript:", "http:", "https:", "src=", "href=", "url(", "@import")) {
      assertFalse(lower.contains(forbidden), "the page holds " + forbidden);
    }
  }

  @Test
  void aRoomsPageIsSelfContainedWellFormedAndEscaped() throws Exception {
    String html = ReportHtml.room(ReportCsvTest.sample(NAME));

    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
    selfContained(html);
    List<String> tags = balanced(html);
    assertTrue(tags.containsAll(List.of("style", "svg", "rect", "table", "h1")), "" + tags);
    Document d = xml(html);

    assertFalse(html.contains(NAME), "the room's name is escaped");
    assertTrue(html.contains(ESCAPED), "the room's name is escaped");
    assertEquals("Setpoint — " + NAME + ", 2026-11", text(d, "/html/head/title"));
    assertEquals("Room " + NAME + ": November 2026", text(d, "//h1"));
    assertEquals(
        "From 2026-11-01 00:00 to 2026-11-04 11:00 (Europe/Paris): the month so far.",
        text(d, "//p[@class='period']"));
    assertEquals(1, count(d, "//style"));
    assertEquals(0, count(d, "//script"));
  }

  @Test
  void aRoomsPageListsItsAlertsEscaped() throws Exception {
    String html = ReportHtml.room(ReportCsvTest.sample("room-1"));
    assertTrue(html.contains("room &lt;b&gt;: hottest inlet 32.4 °C"), html);
    assertTrue(html.contains("ops &lt;i&gt;"), html);
    Document d = xml(html);
    assertEquals(1, count(d, "//h2[.='Alerts']"));
  }

  @Test
  void aRoomsPageStatesItsFiguresInWords() throws Exception {
    Document d = xml(ReportHtml.room(ReportCsvTest.sample("room-1")));
    String body = bodyText(d);

    assertTrue(body.contains("1234.6 kWh"), "cooling energy");
    assertTrue(body.contains("4321.0 kWh"), "IT energy");
    assertTrue(
        body.contains("165.4 kWh saved ± 12.3 kWh (68 %), ± 20.3 kWh (90 %)"), "savings: " + body);
    assertTrue(body.contains("11.8 % of the adjusted baseline"), body);
    assertTrue(
        body.contains("Not measured: the baseline is refused: CV(RMSE) 31.2 % > 30 %"),
        "the second meter's reason");
    assertEquals(
        List.of(
            "No outdoor temperature and humidity: 3 h",
            "Meter readings excluded (a meter anomaly): 9 h"),
        texts(d, "//ul[@class='exclusions']/li"));
    assertTrue(body.contains("Hottest inlet above 27 °C12 min (0.3 % of the time)"), body);
    assertTrue(body.contains("Dew point above 15 °C3 min"), body);
    assertTrue(body.contains("27.5 °C"), "hottest inlet");
    assertEquals("7", text(d, "//tr[th='Setpoint changes']/td"));
    assertEquals("running", text(d, "//tr[th='Status']/td"));
    assertEquals(4, count(d, "//td[@class='schedule']/span"));
    assertEquals(2, count(d, "//td[@class='schedule']/span[contains(@class,'ended')]"));
    assertTrue(body.contains("Not measured: both arms need a day ended first"), body);

    // the alert: device, quantity, kind, from, to (in the report's zone), detail
    assertEquals(
        List.of(
            "=cmd|' /C calc'!A0",
            "cooling",
            "jump",
            "2026-11-03 09:00",
            "2026-11-03 10:00",
            "counter jumped by 5,000 kWh \"in\" a minute <b>"),
        texts(d, "//table[contains(@class,'alerts')]/tbody/tr/td"));
    assertEquals(4, count(d, "//table[contains(@class,'days')]/tbody/tr"));
  }

  @Test
  void theChartsHaveABarOrAPointPerDayWithData() throws Exception {
    Document d = xml(ReportHtml.room(ReportCsvTest.sample("room-1")));

    // cooling on days 1, 3 and 4; IT on days 1 and 3 (day 2 has nothing)
    assertEquals(3, count(d, "//figure[@id='chart-energy']//rect[@class='bar cooling']"));
    assertEquals(2, count(d, "//figure[@id='chart-energy']//rect[@class='bar it']"));
    assertEquals(
        "2026-11-01: cooling 400.1 kWh",
        text(d, "(//figure[@id='chart-energy']//rect[@class='bar cooling'])[1]/title"));
    // day 2 has no value: marked as missing, not drawn as zero
    assertEquals(1, count(d, "//figure[@id='chart-energy']//text[@class='missing']"));
    assertEquals(1, count(d, "//figure[@id='chart-savings']//text[@class='missing']"));
    // savings: two days up, one day down
    assertEquals(2, count(d, "//figure[@id='chart-savings']//rect[@class='bar savings']"));
    assertEquals(1, count(d, "//figure[@id='chart-savings']//rect[@class='bar lost']"));
    assertEquals(
        "2026-11-03: savings -12.3 kWh",
        text(d, "//figure[@id='chart-savings']//rect[@class='bar lost']/title"));
    // the inlet: a point per day with a reading, the line broken by day 2
    assertEquals(3, count(d, "//figure[@id='chart-inlet']//circle[@class='point']"));
    assertEquals(2, count(d, "//figure[@id='chart-inlet']//polyline[@class='line']"));
    assertEquals(1, count(d, "//figure[@id='chart-inlet']//rect[@class='band']"));
    // labelled axes: a day label per day, the month, the unit, value ticks
    for (String chart : List.of("energy", "savings", "inlet")) {
      String svg = "//figure[@id='chart-" + chart + "']//";
      assertEquals(
          List.of("1", "2", "3", "4"),
          texts(d, svg + "text[@class='tick' and @text-anchor='middle']"),
          chart);
      assertEquals(
          "day of November 2026", text(d, "(" + svg + "text[@class='axis-title'])[1]"), chart);
      assertTrue(count(d, svg + "text[@class='tick' and @text-anchor='end']") >= 3, chart);
      assertEquals(0, count(d, svg + "text[@class='empty']"), chart);
    }
    // bars stay inside the plot: 0 ≤ y, y + height ≤ the plot's bottom
    NodeList bars =
        (NodeList) XPATH.evaluate("//rect[starts-with(@class,'bar')]", d, XPathConstants.NODESET);
    for (int i = 0; i < bars.getLength(); i++) {
      Node bar = bars.item(i);
      double y = Double.parseDouble(attribute(bar, "y"));
      double h = Double.parseDouble(attribute(bar, "height"));
      assertTrue(y >= 20 && y + h <= 214.05, "bar " + i + ": y " + y + ", height " + h);
    }
  }

  @Test
  void anEmptyMonthStillDrawsItsChartsAndSaysWhy() throws Exception {
    String html = ReportHtml.room(ReportCsvTest.empty(NAME));
    selfContained(html);
    balanced(html);
    Document d = xml(html);

    assertEquals(0, count(d, "//rect[starts-with(@class,'bar')]"));
    assertEquals(3, count(d, "//svg"));
    assertEquals(
        List.of("no day of the month yet", "no day of the month yet", "no day of the month yet"),
        texts(d, "//text[@class='empty']"));
    String body = bodyText(d);
    assertTrue(body.contains("No baseline period set for the room."), body);
    assertTrue(body.contains("No pilot overlaps this month."), body);
    assertTrue(body.contains("No meter alerts this month."), body);
  }

  @Test
  void aMonthWithoutSavingsSaysSoInItsChart() throws Exception {
    MonthReport r = ReportCsvTest.sample("r");
    List<MonthReport.Day> days =
        r.days().stream()
            .map(
                x ->
                    new MonthReport.Day(
                        x.date(), x.coolingKwh(), x.itKwh(), x.complete(), null, 0, null, 0, null))
            .toList();
    Document d =
        xml(
            ReportHtml.room(
                new MonthReport(
                    r.room(),
                    r.month(),
                    r.zone(),
                    r.from(),
                    r.to(),
                    r.energy(),
                    null,
                    "no baseline period set for the room",
                    null,
                    r.envelope(),
                    r.setpoints(),
                    List.of(),
                    List.of(),
                    days)));
    assertEquals(
        "no savings measured", text(d, "//figure[@id='chart-savings']//text[@class='empty']"));
    assertEquals("no inlet readings", text(d, "//figure[@id='chart-inlet']//text[@class='empty']"));
    assertEquals(0, count(d, "//figure[@id='chart-energy']//text[@class='empty']"));
  }

  @Test
  void aSitesPageListsItsRoomsAndTheirTotals() throws Exception {
    String html = ReportHtml.site(ReportCsvTest.site(NAME));
    selfContained(html);
    balanced(html);
    assertFalse(html.contains(NAME));
    assertTrue(html.contains(ESCAPED));
    Document d = xml(html);

    assertEquals("Site " + NAME + ": November 2026", text(d, "//h1"));
    assertEquals(2, count(d, "//table[contains(@class,'rooms')]/tbody/tr"));
    assertEquals(
        List.of(
            "room-a",
            "1234.6",
            "4321.0",
            "165.4 kWh saved ± 12.3 kWh (68 %), ± 20.3 kWh (90 %)",
            "12",
            "0",
            "3",
            "27.5",
            "7",
            "1",
            "running"),
        texts(d, "//table[contains(@class,'rooms')]/tbody/tr[1]/td"));
    assertEquals("+room-b", text(d, "//table[contains(@class,'rooms')]/tbody/tr[2]/td[1]"));
    assertEquals(
        "No baseline period set for the room",
        text(d, "//table[contains(@class,'rooms')]/tbody/tr[2]/td[4]"));
    assertEquals(
        List.of(
            "total",
            "1234.6",
            "4321.0",
            "165.4 kWh saved ± 12.3 kWh (68 %), ± 20.3 kWh (90 %)",
            "12",
            "0",
            "3",
            "27.5",
            "7",
            "1",
            ""),
        texts(d, "//table[contains(@class,'rooms')]/tfoot/tr/*"));
    assertTrue(bodyText(d).contains("1 room(s) whose cooling savings were measured"));
  }

  @Test
  void escapingCoversTheFiveCharactersAndControlCharacters() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", ReportHtml.esc("<a href=\"x\">&'"));
    assertEquals("a\uFFFDb", ReportHtml.esc("a\u0001b"));
    assertEquals("", ReportHtml.esc(null));
  }

  @Test
  void scalesUseRoundSteps() {
    assertEquals(new ReportHtml.Scale(0, 500, 100), ReportHtml.Scale.of(0, 410));
    assertEquals(new ReportHtml.Scale(-20, 80, 20), ReportHtml.Scale.of(-12.25, 60.5));
    assertEquals(new ReportHtml.Scale(0, 1, 0.2), ReportHtml.Scale.of(0, 0));
    assertEquals(1, new ReportHtml.Scale(0, 1, 0.2).decimals());
  }

  private static String attribute(Node n, String name) {
    return n.getAttributes().getNamedItem(name).getNodeValue();
  }

  private static List<String> texts(Document d, String path) throws Exception {
    NodeList nodes = (NodeList) XPATH.evaluate(path, d, XPathConstants.NODESET);
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }
}
