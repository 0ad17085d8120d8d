package io.flytemigrate.airflow.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import org.junit.jupiter.api.Test;

/** The tree-sitter front end: the copied tree, character positions, and the first syntax problem. */
class PythonParserTest {
  private final PythonParser parser = new PythonParser();

  private PythonParser.Result parse(String text) {
    return parser.parse(new SourceFile("f.py", text));
  }

  private static PyNode find(PyNode n, String type) {
    if (n.is(type)) {
      return n;
    }
    for (PyNode c : n.children()) {
      PyNode f = find(c, type);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  @Test
  void copiesTheTreeWithFields() {
    PythonParser.Result r = parse("a >> b\nx = f(1, k=2)\n");
    assertTrue(r.problem().isEmpty());
    PyNode shift = find(r.source().root(), "binary_operator");
    assertEquals(">>", shift.get("operator").type());
    assertEquals("a", r.source().text(shift.get("left")));
    PyNode call = find(r.source().root(), "call");
    assertEquals("f", r.source().text(call.get("function")));
    assertEquals("keyword_argument", call.get("arguments").named().get(1).type());
  }

  @Test
  void columnsCountCharactersNotBytes() {
    String text = "s = 'é😀'; t = 1\n";
    PythonParser.Result r = parse(text);
    PyNode second = r.source().root().named().get(1).named().get(0);
    assertEquals("t = 1", r.source().text(second));
    int column = text.indexOf("t = 1");
    assertEquals(column, second.start());
    assertEquals(new Span("f.py", 1, column + 1, 1, column + 6), r.source().span(second));
  }

  @Test
  void aSyntaxErrorIsReportedAtTheFirstErrorNode() {
    PythonParser.Result r = parse("x = 1\nd = = 3\ny = 2\n");
    SyntaxProblem p = r.problem().orElseThrow();
    assertEquals(Span.at("f.py", 2, 5), p.span());
    assertTrue(p.message().startsWith("invalid python syntax"), p.message());
  }

  @Test
  void aMissingTokenIsReportedWhereItIsMissing() {
    PythonParser.Result r = parse("def f(:\n    pass\n");
    assertTrue(r.problem().isPresent());
    assertEquals(1, r.problem().get().span().line());
  }

  @Test
  void python2PrintStatementsAreSyntaxErrors() {
    SyntaxProblem p = parse("import os\nprint \"hello\"\n").problem().orElseThrow();
    assertEquals("python 2 `print` statement", p.message());
    assertEquals(2, p.span().line());
  }

  @Test
  void deeplyNestedInputDoesNotOverflowTheStack() {
    String deep = "x = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "\n";
    PythonParser.Result r = parse(deep);
    assertTrue(r.source().root().children().size() > 0);
  }

  @Test
  void byteOffsetsMapToCharacters() {
    int[] map = PythonParser.byteToChar("aé😀\0b");
    // a=1 byte, é=2, each surrogate half 3, NUL 2, b=1 (modified UTF-8).
    assertEquals(1 + 2 + 6 + 2 + 1 + 1, map.length);
    assertEquals(0, map[0]);
    assertEquals(1, map[1]);
    assertEquals(2, map[3]);
    assertEquals(3, map[6]);
    assertEquals(4, map[9]);
    assertEquals(5, map[11]);
    assertEquals(6, map[12]);
  }
}
