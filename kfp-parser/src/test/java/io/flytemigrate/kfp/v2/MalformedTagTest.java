package io.flytemigrate.kfp.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.testing.Kfp;
import org.junit.jupiter.api.Test;

/**
 * Tokens SnakeYAML refuses with an IllegalArgumentException instead of its own YAMLException
 * (found by fuzzing the KFP v1 component reader: the tag {@code !%2}, and a unicode escape cut
 * short at the end of the text): a syntax error, never a crash.
 */
class MalformedTagTest {
  @Test
  void aTagThatDecodesToSpacesIsASyntaxError() {
    Outcome<Pipeline> o = Kfp.read("!%2");
    Diags.check(o.diagnostics(), "FM1001 1:1 invalid yaml: tag must not contain leading or trailing spaces");
    assertTrue(o.value().isEmpty());
  }

  /** Only at the very end of the text does the tag get that far; elsewhere the scanner refuses it. */
  @Test
  void theSameTagEndingASpec() {
    Outcome<Pipeline> o = Kfp.read("pipelineInfo:\n  name: p\nschemaVersion: !%2");
    assertEquals("FM1001 error 1:1 invalid yaml: tag must not contain leading or trailing spaces\n", Diags.render(o.diagnostics()));
  }

  @Test
  void aUnicodeEscapeCutShortAtTheEndIsASyntaxError() {
    Outcome<Pipeline> o = Kfp.read("pipelineInfo:\n  name: \"p\\u");
    Diags.check(o.diagnostics(), "FM1001 1:1 invalid yaml: for input string");
    assertTrue(o.value().isEmpty());
  }
}
