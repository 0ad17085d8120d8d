package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.ParityEntry;
import io.flytemigrate.ir.parity.ParityReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The HTML report is one self-contained, well-formed page: no script, nothing fetched from
 * anywhere, links only to its own sections, and user text (however hostile) only as text.
 */
class ParityHtmlTest {
  private static final Set<String> ELEMENTS = Set.of(
      "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr",
      "th", "td", "a", "code", "span", "pre", "section", "div", "figure", "figcaption",
      "svg", "defs", "marker", "path", "g", "rect", "text");

  private static final String HOSTILE = "\"><script>alert(1)</script><img src=https://evil.example/x.png onerror=alert(2)>";

  private static BatchResult hostileBatch() {
    String name = "p" + HOSTILE;
    ParityReport parity = new ParityReport(name, "evil.yaml", List.of(
        ParityEntry.dropped("task" + HOSTILE, "t" + HOSTILE, Span.at("evil.yaml", 2, 3), "see http://evil.example/" + HOSTILE),
        ParityEntry.approximated("setting", "s", Span.at("evil.yaml", 3, 1), "https://x.example/`a`" + HOSTILE, "`code" + HOSTILE + "`")));
    Dag dag = new Dag(
        List.of(new Dag.Node("c", "cluster" + HOSTILE, Dag.Kind.LOOP, List.of(Dag.Node.leaf("a", "a" + HOSTILE, Dag.Kind.TASK))),
            Dag.Node.leaf("b", "https://evil.example/" + HOSTILE, Dag.Kind.TASK)),
        List.of(new Dag.Edge("a", "b", Dag.EdgeKind.DATA, "http://evil.example/" + HOSTILE)));
    InputResult r = new InputResult("evil" + HOSTILE + ".yaml", InputStatus.CONVERTED,
        List.of(Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("evil.yaml", 1, 1), "field `x` is odd: " + HOSTILE).withHelp(HOSTILE)),
        FlyteIds.NONE, Optional.of(new PipelineReport(parity, dag, dag)));
    return new BatchResult(List.of(r), List.of(new MergedTask("m" + HOSTILE, List.of(new MergedTask.Replaced("evil" + HOSTILE, "c" + HOSTILE)))));
  }

  @Test
  void theFixtureReferencesNothingOutside() {
    String html = ParityHtml.write(Fixtures.batch());
    assertFalse(html.contains("http://"), "http:// in the page");
    assertFalse(html.contains("https://"), "https:// in the page");
    assertFalse(html.replace("url(#", "").contains("url("), "a url() to anything but an element of the page");
    assertFalse(html.contains("@import"));
  }

  @Test
  void hostileTextIsOnlyText() throws Exception {
    String html = ParityHtml.write(hostileBatch());
    Document doc = JUnitXmlTest.parse(html);
    List<String> problems = new ArrayList<>();
    check(doc.getDocumentElement(), problems);
    assertEquals(List.of(), problems);
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<img"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, escaped");
  }

  /** Elements from a fixed set, no event handlers or sources, links only within the page, URLs only in text. */
  private static void check(Element e, List<String> problems) {
    if (!ELEMENTS.contains(e.getTagName())) {
      problems.add("element <" + e.getTagName() + ">");
    }
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String name = a.getName().toLowerCase(java.util.Locale.ROOT);
      if (name.startsWith("on") || name.equals("src") || name.equals("srcset") || name.contains(":")) {
        problems.add("attribute " + name + " on <" + e.getTagName() + ">");
      }
      if (name.equals("href") && !a.getValue().startsWith("#")) {
        problems.add("href to " + a.getValue());
      }
      if (a.getValue().contains("http:") || a.getValue().contains("https:")) {
        problems.add("a URL in attribute " + name + " of <" + e.getTagName() + ">: " + a.getValue());
      }
    }
    if (e.getTagName().equals("style") && (e.getTextContent().contains("url(") || e.getTextContent().contains("http"))) {
      problems.add("a URL in the stylesheet");
    }
    NodeList children = e.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
        check((Element) children.item(i), problems);
      }
    }
  }

  @Test
  void isWellFormedWithBothDagsOfEveryPipeline() throws Exception {
    Document doc = JUnitXmlTest.parse(ParityHtml.write(Fixtures.batch()));
    assertEquals("html", doc.getDocumentElement().getTagName());
    assertEquals(4, doc.getElementsByTagName("section").getLength());
    assertEquals(4, doc.getElementsByTagName("svg").getLength(), "two converted pipelines, two drawings each");
    assertEquals(0, doc.getElementsByTagName("script").getLength());
    List<String> ids = new ArrayList<>();
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      String id = ((Element) all.item(i)).getAttribute("id");
      if (!id.isEmpty()) {
        assertFalse(ids.contains(id), "id " + id + " is used twice");
        ids.add(id);
      }
    }
    assertTrue(ids.contains("input-4-src-arrow") && ids.contains("input-4-fly-arrow"), ids.toString());
  }

  @Test
  void theIndexLinksToEverySection() throws Exception {
    Document doc = JUnitXmlTest.parse(ParityHtml.write(Fixtures.batch()));
    NodeList links = doc.getElementsByTagName("a");
    assertEquals(4, links.getLength());
    for (int i = 0; i < links.getLength(); i++) {
      assertEquals("#input-" + (i + 1), ((Element) links.item(i)).getAttribute("href"));
    }
  }

  @Test
  void aLargeBatchLinksToThePagesOfItsPipelinesInsteadOfRepeatingThem() throws Exception {
    BatchResult batch = Fixtures.batch();
    List<String> pages = new ArrayList<>();
    for (InputResult r : batch.inputs()) {
      pages.add(r.report().isPresent() ? "pipelines/" + r.report().get().pipeline() + "/report.html" : "");
    }
    assertTrue(pages.stream().anyMatch(String::isEmpty) && pages.stream().anyMatch(p -> !p.isEmpty()), pages::toString);
    String html = ParityHtml.write(batch, pages);
    Document doc = JUnitXmlTest.parse(html);
    assertEquals(0, doc.getElementsByTagName("svg").getLength(), "the drawings are on the pipelines' own pages");
    NodeList links = doc.getElementsByTagName("a");
    assertEquals(4, links.getLength());
    int sections = 0;
    for (int i = 0; i < links.getLength(); i++) {
      String href = ((Element) links.item(i)).getAttribute("href");
      assertEquals(pages.get(i).isEmpty() ? "#input-" + (i + 1) : pages.get(i), href);
      if (pages.get(i).isEmpty()) {
        sections++;
        assertTrue(html.contains("<section id=\"input-" + (i + 1) + "\">"), href);
      }
    }
    assertEquals(sections, doc.getElementsByTagName("section").getLength());
    assertTrue(html.length() < ParityHtml.write(batch).length() / 2, "the index page is much smaller than the full page");
    assertThrows(IllegalArgumentException.class, () -> ParityHtml.write(batch, List.of()));
  }
}
