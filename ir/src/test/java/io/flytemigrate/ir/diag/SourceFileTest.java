package io.flytemigrate.ir.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceFileTest {
  private static final String TEXT = "components:\n  comp-echo:\n    executorLabel: exec-echo";

  @Test
  void firstAndLastLine() {
    var f = new SourceFile("pipeline.yaml", TEXT);
    assertEquals(Optional.of("components:"), f.line(1));
    assertEquals(Optional.of("  comp-echo:"), f.line(2));
    assertEquals(Optional.of("    executorLabel: exec-echo"), f.line(3));
  }

  @Test
  void outOfRangeLines() {
    var f = new SourceFile("pipeline.yaml", TEXT);
    assertEquals(Optional.empty(), f.line(0));
    assertEquals(Optional.empty(), f.line(-1));
    assertEquals(Optional.empty(), f.line(4));
    assertEquals(Optional.empty(), f.line(Integer.MAX_VALUE));
  }

  @Test
  void trailingNewlineMakesAnEmptyLastLine() {
    var f = new SourceFile("a.yaml", "a: 1\nb: 2\n");
    assertEquals(Optional.of("b: 2"), f.line(2));
    assertEquals(Optional.of(""), f.line(3));
    assertEquals(Optional.empty(), f.line(4));
  }

  @Test
  void emptyFileHasOneEmptyLine() {
    var f = new SourceFile("empty.yaml", "");
    assertEquals(Optional.of(""), f.line(1));
    assertEquals(Optional.empty(), f.line(2));
    assertArrayEquals(new int[] {1, 1}, f.position(0));
  }

  @Test
  void crlfLinesHaveNoCarriageReturn() {
    var f = new SourceFile("win.yaml", "a: 1\r\nb: 2\r\n\r\nc: 3");
    assertEquals(Optional.of("a: 1"), f.line(1));
    assertEquals(Optional.of("b: 2"), f.line(2));
    assertEquals(Optional.of(""), f.line(3));
    assertEquals(Optional.of("c: 3"), f.line(4));
    assertEquals(Optional.empty(), f.line(5));
    // 'c' is at offset 14: after "a: 1\r\n" (6), "b: 2\r\n" (6) and "\r\n" (2).
    assertArrayEquals(new int[] {4, 1}, f.position(14));
    assertArrayEquals(new int[] {2, 4}, f.position(9));
  }

  @Test
  void positionOfOffsets() {
    var f = new SourceFile("pipeline.yaml", TEXT);
    assertArrayEquals(new int[] {1, 1}, f.position(0));
    assertArrayEquals(new int[] {1, 11}, f.position(10)); // the ':' of "components:"
    assertArrayEquals(new int[] {1, 12}, f.position(11)); // the '\n' still belongs to line 1
    assertArrayEquals(new int[] {2, 1}, f.position(12)); // first char of line 2
    assertArrayEquals(new int[] {2, 3}, f.position(14)); // 'c' of comp-echo
    int exec = TEXT.indexOf("exec-echo");
    assertArrayEquals(new int[] {3, 20}, f.position(exec));
    assertArrayEquals(new int[] {3, 29}, f.position(TEXT.length())); // end of file
  }

  @Test
  void pathAndTextAreKept() {
    var f = new SourceFile("dir/p.yaml", TEXT);
    assertEquals("dir/p.yaml", f.path());
    assertEquals(TEXT, f.text());
  }

  @Test
  void spanLocation() {
    assertEquals("p.yaml:3:5", new Span("p.yaml", 3, 5, 3, 9).location());
    assertEquals("p.yaml:3:5", Span.at("p.yaml", 3, 5).toString());
    assertEquals("<generated>", Span.NONE.location());
    assertEquals("p.yaml", new Span("p.yaml", 0, 0, 0, 0).location());
    assertTrue(Span.at("p.yaml", 1, 1).isKnown());
    assertFalse(Span.NONE.isKnown());
    assertFalse(new Span("p.yaml", 0, 0, 0, 0).isKnown());
  }

  @Test
  void spanAtIsAPoint() {
    assertEquals(new Span("p.yaml", 7, 3, 7, 3), Span.at("p.yaml", 7, 3));
  }

  @Test
  void spanRejectsBackwardsAndNegativeRanges() {
    assertThrows(IllegalArgumentException.class, () -> new Span("p.yaml", 3, 5, 2, 9));
    assertThrows(IllegalArgumentException.class, () -> new Span("p.yaml", 3, 5, 3, 4));
    assertThrows(IllegalArgumentException.class, () -> new Span("p.yaml", -1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Span("p.yaml", 1, -1, 1, 1));
    assertThrows(NullPointerException.class, () -> new Span(null, 1, 1, 1, 1));
    // A multi-line span may end at a smaller column than it starts.
    assertEquals(2, new Span("p.yaml", 1, 9, 2, 1).endLine());
  }
}
