package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SARIF log has the fields SARIF 2.1.0 requires, a rule per code used, and exact regions. */
class SarifTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> obj(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  private static Map<String, Object> run(String sarif) {
    Map<String, Object> log = obj(MiniJson.parse(sarif));
    assertEquals(Sarif.SCHEMA, log.get("$schema"));
    assertEquals("2.1.0", log.get("version"));
    assertEquals(1, list(log.get("runs")).size());
    return obj(list(log.get("runs")).get(0));
  }

  @Test
  void hasTheRequiredTopLevelFieldsAndARulePerCode() {
    Map<String, Object> run = run(Sarif.write(Fixtures.batch()));
    Map<String, Object> driver = obj(obj(run.get("tool")).get("driver"));
    assertEquals("flyte-migrate", driver.get("name"));
    List<Object> rules = list(driver.get("rules"));
    assertEquals(List.of("FM0004", "FM1004", "FM1007"), rules.stream().map(r -> obj(r).get("id")).toList());
    Map<String, Object> fm1007 = obj(rules.get(2));
    assertEquals(Codes.UNDEFINED_COMPONENT.name(), fm1007.get("name"));
    assertEquals(Codes.UNDEFINED_COMPONENT.summary(), obj(fm1007.get("shortDescription")).get("text"));
    assertEquals(null, fm1007.get("helpUri"), "SARIF wants an absolute helpUri; without a base there is none");
    assertEquals("Run `flyte-migrate explain FM1007`, or read docs/diagnostics/FM1007.md in the flyte-migrate sources.",
        obj(fm1007.get("help")).get("text"));
    assertEquals("error", obj(fm1007.get("defaultConfiguration")).get("level"));
    assertEquals(4, list(run.get("results")).size());
  }

  @Test
  void resultsHaveRuleLevelMessageAndRegion() {
    List<Object> results = list(run(Sarif.write(Fixtures.batch())).get("results"));
    Map<String, Object> r = results.stream().map(SarifTest::obj).filter(x -> x.get("ruleId").equals("FM1007")).findFirst().orElseThrow();
    assertEquals(2L, r.get("ruleIndex"));
    assertEquals("error", r.get("level"));
    assertEquals("task `echo` refers to component `comp-echo`, which is not defined", obj(r.get("message")).get("text"));
    Map<String, Object> location = obj(obj(list(r.get("locations")).get(0)).get("physicalLocation"));
    assertEquals("pipelines/broken.yaml", obj(location.get("artifactLocation")).get("uri"));
    assertEquals(Map.of("startLine", 12L, "startColumn", 17L, "endLine", 12L, "endColumn", 26L), location.get("region"));
    Map<String, Object> related = obj(list(r.get("relatedLocations")).get(0));
    assertEquals("tasks are defined here", obj(related.get("message")).get("text"));
    assertEquals("the spec has no `components` section; define `comp-echo` there", obj(r.get("properties")).get("help"));
    Map<String, Object> warning = results.stream().map(SarifTest::obj).filter(x -> x.get("ruleId").equals("FM0004")).findFirst().orElseThrow();
    assertEquals("warning", warning.get("level"), "the diagnostic's severity, not the code's default");
  }

  @Test
  void resultsAreInFileOrderWhateverTheInputOrder() {
    Diagnostic a = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("b.yaml", 3, 1), "field `x` is not part of the spec");
    Diagnostic b = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("a.yaml", 9, 1), "field `y` is not part of the spec");
    assertEquals(Sarif.write(List.of(a, b)), Sarif.write(List.of(b, a)));
    List<Object> results = list(run(Sarif.write(List.of(a, b))).get("results"));
    assertEquals("field `y` is not part of the spec", obj(obj(results.get(0)).get("message")).get("text"));
  }

  @Test
  void pathsBecomeRelativeUriReferences() {
    assertEquals("dir%20one/c%3Ad.yaml", Sarif.uri("dir one/c:d.yaml"));
    assertEquals("a/b/%C3%A9.yaml", Sarif.uri("a\\b\\é.yaml"));
    assertEquals("../shared/x.yaml", Sarif.uri("../shared/x.yaml"));
  }

  @Test
  void aDiagnosticWithoutAPlaceHasNoLocationAndNoNote() {
    Diagnostic d = new Diagnostic(Codes.INTERNAL_ERROR, Severity.NOTE, Span.NONE, "something odd", java.util.Optional.empty(), List.of());
    Map<String, Object> r = obj(list(run(Sarif.write(List.of(d))).get("results")).get(0));
    assertEquals("note", r.get("level"));
    assertEquals(List.of(), r.get("locations"));
    assertFalse(r.containsKey("relatedLocations"));
  }

  @Test
  void anEmptyLogStillHasAToolAndResults() {
    Map<String, Object> run = run(Sarif.write(List.of()));
    assertEquals(List.of(), run.get("results"));
    assertEquals(List.of(), obj(obj(run.get("tool")).get("driver")).get("rules"));
  }

  @Test
  void helpPagesCanLiveElsewhere() {
    Diagnostic d = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("a.yaml", 1, 1), "field `x` is not part of the spec");
    Map<String, Object> rule = obj(list(obj(obj(run(Sarif.write(List.of(d), "https://example.org/docs/")).get("tool")).get("driver")).get("rules")).get(0));
    assertEquals("https://example.org/docs/FM1004.md", rule.get("helpUri"));
  }
}
