package io.flytemigrate.report;

import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Severity;
import java.util.List;

/** The one-line count of a list of diagnostics by severity, e.g. {@code 1 error, 2 warnings, 0 notes}. */
final class DiagnosticCounts {
  private DiagnosticCounts() {}

  static int count(List<Diagnostic> diagnostics, Severity severity) {
    return (int) diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  static String text(List<Diagnostic> diagnostics) {
    return text(count(diagnostics, Severity.ERROR), count(diagnostics, Severity.WARNING), count(diagnostics, Severity.NOTE));
  }

  static String text(int errors, int warnings, int notes) {
    return BatchTotals.plural(errors, "error") + ", " + BatchTotals.plural(warnings, "warning") + ", "
        + BatchTotals.plural(notes, "note");
  }
}
