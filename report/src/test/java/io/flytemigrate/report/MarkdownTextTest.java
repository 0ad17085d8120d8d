package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** User text in Markdown shows as written and cannot break the table or inject markup. */
class MarkdownTextTest {
  @Test
  void codeSpansOutgrowTheBackticksInside() {
    assertEquals("`plain`", MarkdownText.code("plain"));
    assertEquals("``a`b``", MarkdownText.code("a`b"));
    assertEquals("`` `x ``", MarkdownText.code("`x"));
    assertEquals("", MarkdownText.code("  "));
    assertEquals("`a b`", MarkdownText.code("a\n  b"));
  }

  @Test
  void cellsEscapePipesEvenInCode() {
    assertEquals("`a\\|b`", MarkdownText.cellCode("a|b"));
    assertEquals("`a|b`", MarkdownText.code("a|b"));
    assertEquals("x \\| `y\\|z`", MarkdownText.cellText("x | `y|z`"));
  }

  @Test
  void proseKeepsPairedBackticksAsCodeAndEscapesTheRest() {
    assertEquals("field `x_y` is \\*odd\\* \\<b\\> \\[link\\](u) \\$5 \\#1", MarkdownText.text("field `x_y` is *odd* <b> [link](u) $5 #1"));
    assertEquals("an \\` alone", MarkdownText.text("an ` alone"));
  }

  @Test
  void fencesAreLongerThanAnyRunInside() {
    assertEquals("```", MarkdownText.fence("no ticks"));
    assertEquals("`````", MarkdownText.fence("a ```` b"));
  }
}
