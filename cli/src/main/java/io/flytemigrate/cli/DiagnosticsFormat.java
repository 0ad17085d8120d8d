package io.flytemigrate.cli;

import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How diagnostics are printed on stderr. */
enum DiagnosticsFormat {
  /** Source line and caret under each finding, for people at a terminal. */
  RICH,
  /** One line per finding, for grep and editors. */
  SHORT,
  /** A JSON array, for tools; printed even when empty. */
  JSON;

  /**
   * The rendered text, empty when there is nothing to say (except for JSON).
   *
   * @param sources the decoded inputs by display path, for {@link #RICH} excerpts
   */
  String render(List<Diagnostic> diagnostics, Map<String, SourceFile> sources) {
    return switch (this) {
      case RICH -> DiagnosticRenderer.rich(diagnostics, sources);
      case SHORT -> DiagnosticRenderer.shortForm(diagnostics);
      case JSON -> DiagnosticRenderer.json(diagnostics);
    };
  }

  /** The spelling used on the command line and in help. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
