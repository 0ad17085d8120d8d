package io.flytemigrate.ir.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {
  private static final String PIPELINE =
      """
      components:
        comp-echo:
          executorLabel: exec-echo
      root:
        dag:
          tasks:
            echo:
              componentRef:
                name: comp-ech
      """;

  private static final Diagnostic UNDEFINED =
      Diagnostic.of(
          Codes.UNDEFINED_COMPONENT,
          new Span("pipeline.yaml", 9, 17, 9, 25),
          "task `echo` refers to component `comp-ech`, which is not defined");

  @Test
  void shortFormIsOneLinePerDiagnostic() {
    assertEquals(
        "pipeline.yaml:9:17: error[FM1007]: task `echo` refers to component `comp-ech`, which is not defined\n",
        DiagnosticRenderer.shortForm(List.of(UNDEFINED)));
  }

  @Test
  void shortFormOfNothingIsEmpty() {
    assertEquals("", DiagnosticRenderer.shortForm(List.of()));
    assertEquals("", DiagnosticRenderer.rich(List.of(), Map.of()));
    assertEquals("[]\n", DiagnosticRenderer.json(List.of()));
  }

  @Test
  void shortFormSortsByFileLineColumnAndCode() {
    var b10 = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("b.yaml", 10, 1), "m1");
    var b2 = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("b.yaml", 2, 1), "m2");
    var a9 = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("a.yaml", 9, 9), "m3");
    var b2col7 = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("b.yaml", 2, 7), "m4");
    var b2col7early = Diagnostic.of(Codes.SYNTAX, Span.at("b.yaml", 2, 7), "m5");
    var generated = Diagnostic.of(Codes.INTERNAL_ERROR, Span.NONE, "m6");
    String expected =
        """
        <generated>: error[FM0005]: m6
        a.yaml:9:9: warning[FM1004]: m3
        b.yaml:2:1: warning[FM1004]: m2
        b.yaml:2:7: error[FM1001]: m5
        b.yaml:2:7: warning[FM1004]: m4
        b.yaml:10:1: warning[FM1004]: m1
        """;
    assertEquals(expected, DiagnosticRenderer.shortForm(List.of(b10, b2, a9, b2col7, b2col7early, generated)));
    assertEquals(expected, DiagnosticRenderer.shortForm(List.of(generated, b2col7early, b2col7, a9, b2, b10)));
  }

  @Test
  void shortFormDoesNotChangeTheCallersList() {
    var second = Diagnostic.of(Codes.SYNTAX, Span.at("b.yaml", 1, 1), "b");
    var first = Diagnostic.of(Codes.SYNTAX, Span.at("a.yaml", 1, 1), "a");
    var list = new java.util.ArrayList<>(List.of(second, first));
    DiagnosticRenderer.shortForm(list);
    assertEquals(List.of(second, first), list);
  }

  @Test
  void shortFormHelpLine() {
    var d = UNDEFINED.withHelp("did you mean `comp-echo`?");
    assertEquals(
        """
        pipeline.yaml:9:17: error[FM1007]: task `echo` refers to component `comp-ech`, which is not defined
          = help: did you mean `comp-echo`?
        """,
        DiagnosticRenderer.shortForm(List.of(d)));
  }

  @Test
  void shortFormUsesTheDiagnosticsSeverityNotTheDefault() {
    var d = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("p.yaml", 5, 1), "unknown field `components_1`")
        .withSeverity(Severity.ERROR);
    assertEquals(
        "p.yaml:5:1: error[FM1004]: unknown field `components_1`\n", DiagnosticRenderer.shortForm(List.of(d)));
    var note = d.withSeverity(Severity.NOTE);
    assertEquals(
        "p.yaml:5:1: note[FM1004]: unknown field `components_1`\n", DiagnosticRenderer.shortForm(List.of(note)));
  }

  @Test
  void richShowsSourceLineWithARunOfCaretsUnderTheSpan() {
    var d = UNDEFINED.withHelp("define `comp-ech` under `components`, or fix the name");
    String rich = DiagnosticRenderer.rich(List.of(d), Map.of("pipeline.yaml", new SourceFile("pipeline.yaml", PIPELINE)));
    assertEquals(
        """
        pipeline.yaml:9:17: error[FM1007]: task `echo` refers to component `comp-ech`, which is not defined
          |
        9 |           name: comp-ech
          |                 ^^^^^^^^
          = help: define `comp-ech` under `components`, or fix the name
          = see: flyte-migrate explain FM1007

        """,
        rich);
  }

  @Test
  void richPointSpanHasOneCaretAtTheColumn() {
    var d = Diagnostic.of(Codes.SYNTAX, Span.at("p.yaml", 3, 5), "expected a mapping");
    String rich = DiagnosticRenderer.rich(List.of(d), Map.of("p.yaml", new SourceFile("p.yaml", PIPELINE)));
    assertEquals(
        """
        p.yaml:3:5: error[FM1001]: expected a mapping
          |
        3 |     executorLabel: exec-echo
          |     ^
          = see: flyte-migrate explain FM1001

        """,
        rich);
  }

  @Test
  void richMultiLineSpanHasOneCaret() {
    var d = Diagnostic.of(Codes.WRONG_SHAPE, new Span("p.yaml", 7, 7, 9, 23), "task `echo` is not a mapping");
    String rich = DiagnosticRenderer.rich(List.of(d), Map.of("p.yaml", new SourceFile("p.yaml", PIPELINE)));
    assertTrue(rich.contains("7 |       echo:\n  |       ^\n"), rich);
  }

  @Test
  void richGutterWidensForLongLineNumbers() {
    String text = "x\n".repeat(11) + "  bad: [\n";
    var d = Diagnostic.of(Codes.SYNTAX, new Span("p.yaml", 12, 8, 12, 9), "unclosed flow sequence");
    String rich = DiagnosticRenderer.rich(List.of(d), Map.of("p.yaml", new SourceFile("p.yaml", text)));
    assertEquals(
        """
        p.yaml:12:8: error[FM1001]: unclosed flow sequence
           |
        12 |   bad: [
           |        ^
          = see: flyte-migrate explain FM1001

        """,
        rich);
  }

  @Test
  void richCaretsStopAtTheEndOfTheLine() {
    var d = Diagnostic.of(Codes.UNDEFINED_EXECUTOR, new Span("p.yaml", 3, 20, 3, 80), "m");
    String rich = DiagnosticRenderer.rich(List.of(d), Map.of("p.yaml", new SourceFile("p.yaml", PIPELINE)));
    // "    executorLabel: exec-echo" is 28 characters; the span runs past it.
    assertTrue(rich.contains("3 |     executorLabel: exec-echo\n  |                    ^^^^^^^^^\n"), rich);
  }

  @Test
  void richLabelNoteWithItsOwnExcerpt() {
    var d =
        Diagnostic.of(Codes.DUPLICATE_KEY, new Span("p.yaml", 7, 7, 7, 11), "task `echo` is defined twice")
            .withLabel(new Span("p.yaml", 2, 3, 2, 12), "first defined here")
            .withHelp("rename one of the tasks");
    String rich = DiagnosticRenderer.rich(List.of(d), Map.of("p.yaml", new SourceFile("p.yaml", PIPELINE)));
    assertEquals(
        """
        p.yaml:7:7: error[FM1014]: task `echo` is defined twice
          |
        7 |       echo:
          |       ^^^^
          = note: p.yaml:2:3: first defined here
          |
        2 |   comp-echo:
          |   ^^^^^^^^^
          = help: rename one of the tasks
          = see: flyte-migrate explain FM1014

        """,
        rich);
  }

  @Test
  void richWithoutSourceOrWithUnknownSpanPrintsNoExcerpt() {
    var unknownFile = Diagnostic.of(Codes.SYNTAX, Span.at("other.yaml", 1, 1), "bad");
    var generated = Diagnostic.of(Codes.INTERNAL_ERROR, Span.NONE, "reader crashed");
    var pastEnd = Diagnostic.of(Codes.SYNTAX, Span.at("p.yaml", 99, 1), "unexpected end of file");
    String rich =
        DiagnosticRenderer.rich(
            List.of(unknownFile, pastEnd, generated), Map.of("p.yaml", new SourceFile("p.yaml", PIPELINE)));
    assertEquals(
        """
        <generated>: error[FM0005]: reader crashed
          = see: flyte-migrate explain FM0005

        other.yaml:1:1: error[FM1001]: bad
          = see: flyte-migrate explain FM1001

        p.yaml:99:1: error[FM1001]: unexpected end of file
          = see: flyte-migrate explain FM1001

        """,
        rich);
  }

  @Test
  void richShowsTabsAsSpacesSoTheCaretLinesUp() {
    var d = Diagnostic.of(Codes.SYNTAX, Span.at("t.yaml", 1, 3), "tabs are not allowed for indentation");
    String rich = DiagnosticRenderer.rich(List.of(d), Map.of("t.yaml", new SourceFile("t.yaml", "a:\tb\n")));
    assertTrue(rich.contains("1 | a: b\n  |   ^\n"), rich);
  }

  @Test
  void jsonForOneDiagnostic() {
    var d =
        UNDEFINED
            .withHelp("define `comp-ech` under `components`")
            .withLabel(new Span("pipeline.yaml", 2, 3, 2, 12), "a similar component is defined here");
    assertEquals(
        """
        [
          {
            "code": "FM1007",
            "name": "undefined-component",
            "severity": "error",
            "message": "task `echo` refers to component `comp-ech`, which is not defined",
            "file": "pipeline.yaml",
            "line": 9,
            "column": 17,
            "endLine": 9,
            "endColumn": 25,
            "help": "define `comp-ech` under `components`",
            "related": [
              {
                "message": "a similar component is defined here",
                "file": "pipeline.yaml",
                "line": 2,
                "column": 3,
                "endLine": 2,
                "endColumn": 12
              }
            ]
          }
        ]
        """,
        DiagnosticRenderer.json(List.of(d)));
  }

  @Test
  void jsonWithoutHelpHasNullHelpAndEmptyRelated() {
    var d = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("p.yaml", 5, 1), "unknown field `components_1` is ignored");
    assertEquals(
        """
        [
          {
            "code": "FM1004",
            "name": "unknown-field",
            "severity": "warning",
            "message": "unknown field `components_1` is ignored",
            "file": "p.yaml",
            "line": 5,
            "column": 1,
            "endLine": 5,
            "endColumn": 1,
            "help": null,
            "related": []
          }
        ]
        """,
        DiagnosticRenderer.json(List.of(d)));
  }

  @Test
  void jsonIsSortedToo() {
    var b = Diagnostic.of(Codes.SYNTAX, Span.at("b.yaml", 1, 1), "b");
    var a = Diagnostic.of(Codes.SYNTAX, Span.at("a.yaml", 1, 1), "a");
    String json = DiagnosticRenderer.json(List.of(b, a));
    assertTrue(json.indexOf("\"a.yaml\"") < json.indexOf("\"b.yaml\""), json);
  }

  @Test
  void diagnosticKeepsMessagesOnOneLineAndRejectsEmptyOnes() {
    var span = Span.at("p.yaml", 1, 1);
    assertEquals("first line\\nsecond line", Diagnostic.of(Codes.SYNTAX, span, "first line\nsecond line").message());
    assertEquals("crlf\\nline", Diagnostic.of(Codes.SYNTAX, span, "crlf\r\nline").message());
    assertEquals("lone\\rcr", Diagnostic.of(Codes.SYNTAX, span, "lone\rcr").message());
    assertEquals(Optional.of("two\\nlines"), Diagnostic.of(Codes.SYNTAX, span, "m").withHelp("two\nlines").help());
    assertThrows(IllegalArgumentException.class, () -> Diagnostic.of(Codes.SYNTAX, span, ""));
    assertThrows(NullPointerException.class, () -> Diagnostic.of(Codes.SYNTAX, span, null));
  }

  @Test
  void diagnosticDefaultsAndWithers() {
    var d = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("p.yaml", 1, 1), "m");
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(Optional.empty(), d.help());
    assertEquals(List.of(), d.related());
    assertFalse(d.isError());
    var e = d.withSeverity(Severity.ERROR).withHelp("h").withLabel(Span.at("p.yaml", 2, 2), "l");
    assertTrue(e.isError());
    assertEquals(Optional.of("h"), e.help());
    assertEquals(List.of(new Label(Span.at("p.yaml", 2, 2), "l")), e.related());
    // The original is unchanged.
    assertEquals(Optional.empty(), d.help());
    assertThrows(UnsupportedOperationException.class, () -> e.related().add(new Label(Span.NONE, "x")));
  }

  @Test
  void sinkSortsAndDeduplicates() {
    var sink = new DiagnosticSink();
    sink.report(Codes.UNKNOWN_FIELD, Span.at("p.yaml", 9, 1), "late");
    sink.report(Codes.UNKNOWN_FIELD, Span.at("p.yaml", 2, 1), "early", "remove it");
    sink.report(Codes.UNKNOWN_FIELD, Span.at("p.yaml", 9, 1), "late");
    assertFalse(sink.hasErrors());
    sink.report(Codes.SYNTAX, Span.at("p.yaml", 5, 1), "bad");
    assertTrue(sink.hasErrors());
    assertEquals(
        """
        p.yaml:2:1: warning[FM1004]: early
          = help: remove it
        p.yaml:5:1: error[FM1001]: bad
        p.yaml:9:1: warning[FM1004]: late
        """,
        DiagnosticRenderer.shortForm(sink.sorted()));
  }

  @Test
  void outcomeOkOnlyWithValueAndNoErrors() {
    var warning = Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at("p.yaml", 1, 1), "w");
    var error = Diagnostic.of(Codes.SYNTAX, Span.at("p.yaml", 1, 1), "e");
    assertTrue(Outcome.of("x", List.of(warning)).ok());
    assertFalse(Outcome.of("x", List.of(warning, error)).ok());
    assertTrue(Outcome.of("x", List.of(error)).hasErrors());
    assertFalse(Outcome.failed(List.of()).ok());
  }
}
