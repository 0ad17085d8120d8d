package io.flytemigrate.bench.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.print.IrJson;
import io.flytemigrate.ir.print.IrPrinter;
import io.flytemigrate.ir.spi.PipelineReader;
import java.util.Map;

/**
 * The property every reader must have, whatever the input: it returns (never throws, and with
 * Jazzer's timeout and heap limit, never hangs or allocates without bound), and the result is IR
 * plus diagnostics that the rest of the tool can print. A reader fuzz test is one call of
 * {@link #check}, so a new reader's fuzz test is one method.
 */
final class ReaderProperty {
  static final String PATH = "fuzz.yaml";

  private ReaderProperty() {}

  static void check(PipelineReader reader, String text) {
    check(reader, PATH, text);
  }

  /** The same, for a reader that looks at the file's name too ({@code dag.py}, {@code dag.json}). */
  static void check(PipelineReader reader, String path, String text) {
    SourceFile source = new SourceFile(path, text);
    reader.accepts(source);
    Outcome<Pipeline> outcome;
    try {
      outcome = reader.read(source);
    } catch (RuntimeException e) {
      if (KnownFindings.skip(e)) {
        return;
      }
      throw e;
    }
    assertNotNull(outcome);
    if (outcome.value().isEmpty()) {
      assertTrue(outcome.hasErrors(), () -> "no pipeline and no error: " + outcome.diagnostics());
    }
    for (Diagnostic d : outcome.diagnostics()) {
      assertFalse(d.message().isBlank(), () -> "empty message: " + d);
      assertFalse(d.message().contains("\n"), () -> "a message must be one line: " + d);
      assertTrue(d.span().file().equals(path) || !d.span().isKnown(), () -> "span in another file: " + d);
    }
    // Whatever came out must be printable by every renderer the cli uses.
    outcome.value().ifPresent(p -> {
      assertFalse(IrPrinter.print(p).isEmpty());
      assertFalse(IrJson.toJson(p).isEmpty());
    });
    DiagnosticRenderer.rich(outcome.diagnostics(), Map.of(path, source));
    DiagnosticRenderer.shortForm(outcome.diagnostics());
    DiagnosticRenderer.json(outcome.diagnostics());
  }
}
