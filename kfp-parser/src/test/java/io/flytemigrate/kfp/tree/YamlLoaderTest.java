package io.flytemigrate.kfp.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Label;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.ScalarKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

  private record Loaded(List<DocNode> docs, List<Diagnostic> diagnostics) {}

  private static Loaded load(String text) {
    DiagnosticSink sink = new DiagnosticSink();
    List<DocNode> docs = new YamlLoader("t.yaml", sink).load(text);
    return new Loaded(docs, sink.sorted());
  }

  /** Loads {@code text}, which must fail with exactly the {@code expected} diagnostics. */
  private static Loaded check(String text, String expected) {
    Loaded l = load(text);
    Diags.check(l.diagnostics(), expected);
    return l;
  }

  /** The scalar {@code v: <text>} loads to. */
  private static void checkScalar(String text, ScalarKind kind, String value) {
    Loaded l = load("v: " + text + "\n");
    Diags.check(l.diagnostics(), "");
    DocMap m = assertInstanceOf(DocMap.class, l.docs().get(0));
    DocScalar s = assertInstanceOf(DocScalar.class, m.entry("v").orElseThrow().value());
    assertEquals(kind, s.kind(), "kind of `" + text + "`");
    assertEquals(value, s.text(), "text of `" + text + "`");
  }

  // ---- well-formed input ----------------------------------------------------------------------

  @Test
  void keepsKeyOrderAndSpans() {
    Loaded l = check("""
        b: 1
        a:
          - x
          - {k: v}
        """, "");
    DocMap m = assertInstanceOf(DocMap.class, l.docs().get(0));
    assertEquals(List.of("b", "a"), m.entries().stream().map(DocNode.Entry::key).toList());
    DocNode.Entry a = m.entry("a").orElseThrow();
    assertEquals(2, a.keySpan().line());
    assertEquals(1, a.keySpan().column());
    DocSeq seq = assertInstanceOf(DocSeq.class, a.value());
    DocScalar x = assertInstanceOf(DocScalar.class, seq.items().get(0));
    assertEquals(3, x.span().line());
    assertEquals(5, x.span().column());
    DocMap inner = assertInstanceOf(DocMap.class, seq.items().get(1));
    assertEquals(4, inner.span().line());
    assertEquals(5, inner.span().column());
    assertEquals(4, inner.entry("k").orElseThrow().keySpan().line());
    assertEquals(6, inner.entry("k").orElseThrow().keySpan().column());
  }

  @Test
  void readsEveryDocumentOfAStream() {
    Loaded l = check("""
        a: 1
        ---
        b: 2
        ---
        - c
        """, "");
    assertEquals(3, l.docs().size());
    assertEquals(3, l.docs().get(1).span().line());
    assertInstanceOf(DocSeq.class, l.docs().get(2));
  }

  @Test
  void anEmptyStreamHasNoDocuments() {
    assertEquals(List.of(), check("", "").docs());
    assertEquals(List.of(), check("# only a comment\n\n# another\n", "").docs());
  }

  @Test
  void scalarKindsFollowYaml11() {
    checkScalar("'1'", ScalarKind.STRING, "1");
    checkScalar("\"1\"", ScalarKind.STRING, "1");
    checkScalar("1", ScalarKind.INT, "1");
    checkScalar("-42", ScalarKind.INT, "-42");
    checkScalar("1.5", ScalarKind.FLOAT, "1.5");
    checkScalar(".inf", ScalarKind.FLOAT, ".inf");
    checkScalar("true", ScalarKind.BOOL, "true");
    checkScalar("yes", ScalarKind.BOOL, "yes");
    checkScalar("No", ScalarKind.BOOL, "No");
    checkScalar("off", ScalarKind.BOOL, "off");
    checkScalar("'true'", ScalarKind.STRING, "true");
    checkScalar("~", ScalarKind.NULL, "~");
    checkScalar("null", ScalarKind.NULL, "null");
    checkScalar("hello world", ScalarKind.STRING, "hello world");
    checkScalar("2.1.0", ScalarKind.STRING, "2.1.0");
  }

  @Test
  void floatsNeedADotAndASignedExponentAsInPyYaml() {
    checkScalar("1e3", ScalarKind.STRING, "1e3");
    checkScalar("1.0e3", ScalarKind.STRING, "1.0e3");
    checkScalar("1.0e+3", ScalarKind.FLOAT, "1.0e+3");
  }

  @Test
  void anEmptyValueIsNull() {
    Loaded l = check("v:\n", "");
    DocMap m = assertInstanceOf(DocMap.class, l.docs().get(0));
    DocScalar s = assertInstanceOf(DocScalar.class, m.entry("v").orElseThrow().value());
    assertEquals(ScalarKind.NULL, s.kind());
  }

  @Test
  void pythonTagsNeverThrowOrInstantiate() {
    // Whatever the loader makes of them, loading only composes nodes: no exception, no object.
    Loaded l = load("""
        a: !!python/object/apply:os.system ["echo pwned"]
        b: !!python/object:__main__.Evil {x: 1}
        """);
    assertTrue(l.docs().stream().allMatch(d -> d instanceof DocMap), () -> l.docs().toString());
    assertTrue(l.diagnostics().size() <= 1, () -> Diags.render(l.diagnostics()));
  }

  @Test
  void localTagsAreIgnored() {
    Loaded l = check("""
        a: !custom {x: 1}
        b: !str 5
        """, "");
    DocMap m = assertInstanceOf(DocMap.class, l.docs().get(0));
    assertInstanceOf(DocMap.class, m.entry("a").orElseThrow().value());
    assertEquals(ScalarKind.STRING, ((DocScalar) m.entry("b").orElseThrow().value()).kind());
  }

  @Test
  void pythonTagsInstantiateNothing() {
    // With a constructing loader these would run os.system or build a python object.
    Loaded l = check("""
        a: !!python/object/apply:os.system ["echo pwned"]
        b: !!python/object:__main__.Evil {x: 1}
        c: !!python/name:os.system ''
        """, "");
    DocMap m = assertInstanceOf(DocMap.class, l.docs().get(0));
    DocSeq a = assertInstanceOf(DocSeq.class, m.entry("a").orElseThrow().value());
    DocScalar cmd = assertInstanceOf(DocScalar.class, a.items().get(0));
    assertEquals("echo pwned", cmd.text());
    assertEquals(ScalarKind.STRING, cmd.kind());
    DocMap b = assertInstanceOf(DocMap.class, m.entry("b").orElseThrow().value());
    assertEquals("1", ((DocScalar) b.entry("x").orElseThrow().value()).text());
    DocScalar c = assertInstanceOf(DocScalar.class, m.entry("c").orElseThrow().value());
    assertEquals(ScalarKind.STRING, c.kind());
    assertEquals("", c.text());
  }

  @Test
  void aSharedAnchorIsExpandedAtEachUse() {
    Loaded l = check("""
        base: &b {image: alpine}
        one: *b
        two: *b
        """, "");
    DocMap m = assertInstanceOf(DocMap.class, l.docs().get(0));
    DocMap two = assertInstanceOf(DocMap.class, m.entry("two").orElseThrow().value());
    assertEquals("alpine", ((DocScalar) two.entry("image").orElseThrow().value()).text());
  }

  // ---- malformed input --------------------------------------------------------------------------

  @Test
  void malformedYamlIsASyntaxErrorAtTheRightLine() {
    Loaded l = check("""
        a: 1
        b: c: d
        """, """
        FM1001 2:5 invalid yaml: mapping values are not allowed here
        """);
    assertEquals(Severity.ERROR, l.diagnostics().get(0).severity());
    assertEquals(List.of(), l.docs());
  }

  @Test
  void anUnclosedFlowSequenceIsASyntaxError() {
    check("""
        a: 1
        b: [1, 2
        c: 3
        """, """
        FM1001 3:2 invalid yaml
        """);
  }

  @Test
  void anUndefinedAliasIsASyntaxErrorNotALimit() {
    check("""
        a: 1
        b: *nowhere
        """, """
        FM1001 2:4 found undefined alias nowhere
        """);
  }

  @Test
  void documentsBeforeASyntaxErrorAreKept() {
    Loaded l = check("""
        a: 1
        ---
        b: [
        """, """
        FM1001 4:1 invalid yaml
        """);
    assertEquals(1, l.docs().size());
  }

  @Test
  void duplicateKeysAreReportedWithTheFirstOne() {
    Loaded l = check("""
        a: 1
        b:
          x: 1
          y: 2
          x: 3
        """, """
        FM1014 5:3 key `x` appears twice in this mapping
        """);
    Diagnostic d = l.diagnostics().get(0);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(1, d.related().size());
    Label first = d.related().get(0);
    assertEquals(3, first.span().line());
    assertEquals(3, first.span().column());
    assertEquals("first defined here", first.message());
    // The first value wins in the tree, and the key is there once.
    DocMap b = (DocMap) ((DocMap) l.docs().get(0)).entry("b").orElseThrow().value();
    assertEquals(List.of("x", "y"), b.entries().stream().map(DocNode.Entry::key).toList());
    assertEquals("1", ((DocScalar) b.entry("x").orElseThrow().value()).text());
  }

  @Test
  void aNonScalarKeyIsAWrongShape() {
    check("""
        ? [a, b]
        : 1
        c: 2
        """, """
        FM1006 1:3 a mapping key must be a plain string, found a sequence
        """);
  }

  // ---- safety limits ----------------------------------------------------------------------------

  /** The classic "billion laughs": 9 levels of 9 aliases each, 9^9 nodes if expanded. */
  private static String billionLaughs() {
    StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      b.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        b.append(i == 0 ? "" : ",").append('*').append(p);
      }
      b.append("]\n");
    }
    return b.toString();
  }

  @Test
  void theBillionLaughsIsStoppedQuickly() {
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(billionLaughs()));
    Diags.check(l.diagnostics(), """
        FM1002 1:1 more than 50 aliases to collections (a yaml alias bomb?)
        """);
    assertEquals(Severity.ERROR, l.diagnostics().get(0).severity());
    assertEquals(List.of(), l.docs());
  }

  @Test
  void anAliasBombUnderTheAliasLimitIsStoppedByTheNodeLimit() {
    // 17 levels of 3 aliases: 48 aliases, but 3^17 (about 129 million) nodes when expanded.
    StringBuilder b = new StringBuilder("l0: &l0 [x, x, x]\n");
    for (int i = 1; i <= 16; i++) {
      b.append("l").append(i).append(": &l").append(i)
          .append(" [*l").append(i - 1).append(", *l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    }
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(b.toString()));
    assertEquals(1, l.diagnostics().size(), () -> Diags.render(l.diagnostics()));
    Diagnostic d = l.diagnostics().get(0);
    assertEquals("FM1002", d.code().id());
    assertTrue(d.message().contains("expands to more than 2000000 nodes"), d.message());
    assertEquals(List.of(), l.docs());
  }

  @Test
  void deepNestingThroughAliasesIsStopped() {
    // Each anchor nests the previous one four levels deeper: 40 aliases, 160 levels in all.
    StringBuilder b = new StringBuilder("d0: &d0 x\n");
    for (int i = 1; i <= 40; i++) {
      b.append("d").append(i).append(": &d").append(i).append(" [[[[*d").append(i - 1).append("]]]]\n");
    }
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(b.toString()));
    assertEquals(1, l.diagnostics().size(), () -> Diags.render(l.diagnostics()));
    assertEquals("FM1002", l.diagnostics().get(0).code().id());
    assertTrue(l.diagnostics().get(0).message().contains("nesting deeper than 100 levels"), l.diagnostics().get(0).message());
  }

  @Test
  void deeplyNestedFlowSequencesAreALimit() {
    String text = "[".repeat(200) + "]".repeat(200) + "\n";
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(text));
    Diags.check(l.diagnostics(), """
        FM1002 1:102 nesting deeper than 100 levels
        """);
    assertEquals(List.of(), l.docs());
  }

  @Test
  void deeplyNestedBlockMappingsAreALimit() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      b.append(" ".repeat(i)).append("k:\n");
    }
    b.append(" ".repeat(200)).append("leaf: 1\n");
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load(b.toString()));
    // Reported at the key that opens level 101.
    Diags.check(l.diagnostics(), """
        FM1002 102:102 nesting deeper than 100 levels
        """);
  }

  @Test
  void nestingUpToTheLimitIsFine() {
    String text = "[".repeat(90) + "1" + "]".repeat(90) + "\n";
    Loaded l = check(text, "");
    DocNode n = l.docs().get(0);
    int depth = 0;
    while (n instanceof DocSeq s) {
      n = s.items().get(0);
      depth++;
    }
    assertEquals(90, depth);
    assertEquals("1", ((DocScalar) n).text());
  }

  @Test
  void aHugeDocumentIsALimit() {
    StringBuilder b = new StringBuilder("a:\n");
    for (int i = 0; b.length() <= Limits.MAX_CODE_POINTS; i++) {
      b.append("  k").append(i).append(": '").append("x".repeat(100)).append("'\n");
    }
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> load(b.toString()));
    Diags.check(l.diagnostics(), """
        FM1002 1:1 the yaml has a document larger than 16777216 characters
        """);
    assertEquals(List.of(), l.docs());
  }

  @Test
  void oneLongScalarLoadsFast() {
    String text = "a: '" + "x".repeat(8 * 1024 * 1024) + "'\n";
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(text));
    Diags.check(l.diagnostics(), """
        FM1002 1:1 a line longer than
        """);
  }

  @Test
  void aLongButAllowedScalarStillLoads() {
    String text = "a: '" + "x".repeat(500_000) + "'\n";
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(text));
    Diags.check(l.diagnostics(), "");
    assertEquals(1, l.docs().size());
  }

  @Test
  void aSelfReferencingAnchorDoesNotHang() {
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load("""
        a: &x [1, *x]
        """));
    Diags.check(l.diagnostics(), """
        FM1002 1:4 aliases
        """);
    assertEquals(List.of(), l.docs());
  }

  @Test
  void aSelfReferencingMappingDoesNotHang() {
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> load("""
        top:
          a: &m
            child: *m
        """));
    assertEquals(1, l.diagnostics().size(), () -> Diags.render(l.diagnostics()));
    assertEquals("FM1002", l.diagnostics().get(0).code().id());
  }
}
