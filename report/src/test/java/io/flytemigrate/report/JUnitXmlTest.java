package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.ParityEntry;
import io.flytemigrate.ir.parity.ParityReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code junit.xml} parses with the JDK's XML parser and counts what it should. */
class JUnitXmlTest {
  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void oneSuiteOneCasePerInputWithTheRightCounts() throws Exception {
    Element suite = parse(JUnitXml.write(Fixtures.batch(), false)).getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals("4", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    assertEquals("0", suite.getAttribute("errors"));
    assertEquals("1", suite.getAttribute("skipped"));
    assertEquals("0", suite.getAttribute("time"));
    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(4, cases.getLength());
    assertEquals(1, suite.getElementsByTagName("failure").getLength());
    assertEquals(1, suite.getElementsByTagName("skipped").getLength());
    Element failed = (Element) suite.getElementsByTagName("failure").item(0);
    assertEquals("1 error", failed.getAttribute("message"));
    assertEquals("pipelines/broken.yaml", ((Element) failed.getParentNode()).getAttribute("classname"));
    assertTrue(failed.getTextContent().contains("error[FM1007]: task `echo` refers to component `comp-echo`"), failed.getTextContent());
  }

  @Test
  void strictFailsPipelinesWithDroppedElements() throws Exception {
    Element suite = parse(JUnitXml.write(Fixtures.batch(), true)).getDocumentElement();
    assertEquals("3", suite.getAttribute("failures"));
    NodeList failures = suite.getElementsByTagName("failure");
    Element dropped = (Element) failures.item(1);
    assertEquals("2 elements dropped", dropped.getAttribute("message"));
    assertEquals("dropped", dropped.getAttribute("type"));
    assertTrue(dropped.getTextContent().contains("dropped setting `notify.triggerPolicy`"), dropped.getTextContent());
  }

  @Test
  void anyTextStaysWellFormed() throws Exception {
    String nasty = "a<b>&\"c'\u0001d\uD800";
    ParityReport parity = new ParityReport(nasty, "x.yaml", List.of(ParityEntry.dropped("task", nasty, Span.at("x.yaml", 1, 1), nasty)));
    InputResult r = new InputResult("x.yaml", InputStatus.FAILED,
        List.of(Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("x.yaml", 1, 1), "field `" + nasty + "` is odd")),
        FlyteIds.NONE, Optional.of(new PipelineReport(parity, Dag.EMPTY, Dag.EMPTY)));
    Document doc = parse(JUnitXml.write(BatchResult.of(List.of(r)), true));
    Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
    assertEquals("a<b>&\"c'\uFFFDd\uFFFD", testcase.getAttribute("name"));
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertEquals("conversion failed; 1 element dropped", failure.getAttribute("message"));
  }

  @Test
  void anEmptyBatchIsAnEmptySuite() throws Exception {
    Element suite = parse(JUnitXml.write(BatchResult.of(List.of()), true)).getDocumentElement();
    assertEquals("0", suite.getAttribute("tests"));
    assertEquals(0, suite.getElementsByTagName("testcase").getLength());
  }
}
