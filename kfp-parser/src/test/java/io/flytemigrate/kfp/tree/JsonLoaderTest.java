package io.flytemigrate.kfp.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.ScalarKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonLoaderTest {

  private record Loaded(Optional<DocNode> doc, List<Diagnostic> diagnostics) {}

  private static Loaded check(String text, String expected) {
    DiagnosticSink sink = new DiagnosticSink();
    Optional<DocNode> doc = new JsonLoader("t.json", sink).load(text);
    List<Diagnostic> ds = sink.sorted();
    Diags.check(ds, expected);
    return new Loaded(doc, ds);
  }

  private static String at(Span s) {
    return s.line() + ":" + s.column();
  }

  @Test
  void everyValueKnowsItsLineAndColumn() {
    Loaded l = check("""
        {
          "a": {
            "b": [1, "x", true, null, 2.5]
          },
          "c": "d"
        }
        """, "");
    DocMap root = assertInstanceOf(DocMap.class, l.doc().orElseThrow());
    assertEquals("1:1", at(root.span()));
    DocNode.Entry a = root.entry("a").orElseThrow();
    assertEquals("2:3", at(a.keySpan()));
    DocMap inner = assertInstanceOf(DocMap.class, a.value());
    assertEquals("2:8", at(inner.span()));
    DocNode.Entry b = inner.entry("b").orElseThrow();
    assertEquals("3:5", at(b.keySpan()));
    DocSeq seq = assertInstanceOf(DocSeq.class, b.value());
    assertEquals("3:10", at(seq.span()));
    List<String> positions = seq.items().stream().map(n -> at(n.span())).toList();
    assertEquals(List.of("3:11", "3:14", "3:19", "3:25", "3:31"), positions);
    assertEquals("5:3", at(root.entry("c").orElseThrow().keySpan()));
    assertEquals("5:8", at(root.entry("c").orElseThrow().value().span()));
  }

  @Test
  void scalarKinds() {
    Loaded l = check("""
        {"s": "1", "i": 1, "f": 1.5, "t": true, "n": null}
        """, "");
    DocMap m = (DocMap) l.doc().orElseThrow();
    List<ScalarKind> kinds = m.entries().stream().map(e -> ((DocScalar) e.value()).kind()).toList();
    assertEquals(List.of(ScalarKind.STRING, ScalarKind.INT, ScalarKind.FLOAT, ScalarKind.BOOL, ScalarKind.NULL), kinds);
    assertEquals(List.of("1", "1", "1.5", "true", "null"),
        m.entries().stream().map(e -> ((DocScalar) e.value()).text()).toList());
  }

  @Test
  void keysKeepDocumentOrder() {
    Loaded l = check("{\"z\": 1, \"a\": 2, \"m\": 3}", "");
    assertEquals(List.of("z", "a", "m"), ((DocMap) l.doc().orElseThrow()).entries().stream().map(DocNode.Entry::key).toList());
  }

  @Test
  void malformedJsonIsASyntaxErrorWithLineAndColumn() {
    Loaded l = check("""
        {
          "a": 1,
          "b":
        }
        """, """
        FM1001 4:1 invalid json: unexpected character ('}'
        """);
    assertEquals(Optional.empty(), l.doc());
  }

  @Test
  void aMissingCommaIsReportedWhereItIsMissing() {
    check("""
        {
          "a": 1
          "b": 2
        }
        """, """
        FM1001 3:3 invalid json
        """);
  }

  @Test
  void anUnterminatedDocumentIsASyntaxError() {
    Loaded l = check("{\"a\": [1, 2", """
        FM1001 1:12 invalid json
        """);
    assertEquals(Optional.empty(), l.doc());
  }

  @Test
  void contentAfterTheDocumentIsASyntaxError() {
    Loaded l = check("{\"a\": 1}\n{\"b\": 2}\n", """
        FM1001 2:1 invalid json: content after the end of the document
        """);
    assertTrue(l.doc().isPresent(), "the first document is still returned");
  }

  @Test
  void anEmptyTextIsNoPipelineSpec() {
    Loaded l = check("  \n", """
        FM1003 1:1 the file is empty
        """);
    assertEquals(Optional.empty(), l.doc());
  }

  @Test
  void deeplyNestedArraysAreALimit() {
    String text = "[".repeat(200) + "]".repeat(200);
    Loaded l = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> check(text, """
        FM1002 1:1 the json exceeds a safety limit
        """));
    assertEquals(Optional.empty(), l.doc());
  }

  @Test
  void deeplyNestedObjectsAreALimit() {
    String text = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
    check(text, """
        FM1002 1:1 the json exceeds a safety limit
        """);
  }

  @Test
  void nestingUpToTheLimitIsFine() {
    Loaded l = check("[".repeat(90) + "]".repeat(90), "");
    assertInstanceOf(DocSeq.class, l.doc().orElseThrow());
  }

  @Test
  void duplicateKeysAreReportedWithTheFirstOne() {
    Loaded l = check("""
        {
          "a": 1,
          "b": {"x": 1, "x": 2}
        }
        """, """
        FM1014 3:17 key `x` appears twice in this object
        """);
    Diagnostic d = l.diagnostics().get(0);
    assertEquals(1, d.related().size());
    assertEquals("3:9", at(d.related().get(0).span()));
    assertEquals("first defined here", d.related().get(0).message());
    DocMap b = (DocMap) ((DocMap) l.doc().orElseThrow()).entry("b").orElseThrow().value();
    assertEquals(1, b.entries().size());
    assertEquals("1", ((DocScalar) b.entries().get(0).value()).text());
  }
}
