package io.flytemigrate.ir.diag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Collects diagnostics while a pass keeps going. Passes report here instead of throwing; the
 * result is sorted and de-duplicated so output does not depend on the order findings were made.
 */
public final class DiagnosticSink {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Reports a finding and returns it, so callers can add help or labels fluently before. */
  public Diagnostic report(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
    return diagnostic;
  }

  /** Reports a finding at the code's default severity. */
  public void report(Code code, Span span, String message) {
    report(Diagnostic.of(code, span, message));
  }

  /** Reports a finding with a help line. */
  public void report(Code code, Span span, String message, String help) {
    report(Diagnostic.of(code, span, message).withHelp(help));
  }

  public void addAll(List<Diagnostic> more) {
    diagnostics.addAll(more);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Everything reported so far, de-duplicated and in {@link Diagnostic#ORDER}. */
  public List<Diagnostic> sorted() {
    var unique = new ArrayList<>(new LinkedHashSet<>(diagnostics));
    unique.sort(Diagnostic.ORDER);
    return List.copyOf(unique);
  }
}
