package io.flytemigrate.report;

import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Severity;

/**
 * The batch {@code report.md}: the totals, one table row per input (status, pipeline,
 * diagnostics, parity counts), the tasks shared across pipelines with the components each
 * replaced, and the diagnostics of every input that failed or was skipped.
 */
public final class BatchMarkdown {
  private BatchMarkdown() {}

  /** The Markdown text, LF line ends, ending with a newline. */
  public static String write(BatchResult batch) {
    BatchTotals totals = BatchTotals.of(batch);
    var out = new StringBuilder("# Conversion report\n\n");
    out.append("- ").append(totals.inputsText()).append('\n');
    out.append("- ").append(totals.diagnosticsText()).append('\n');
    out.append("- Parity: ").append(totals.parity().text()).append('\n');
    out.append("- Flyte: ").append(totals.flyteText()).append(", ")
        .append(BatchTotals.plural(totals.merged(), "shared task")).append("\n\n");

    out.append("## Inputs\n\n");
    if (batch.inputs().isEmpty()) {
      out.append("The batch has no inputs.\n\n");
    } else {
      out.append("| Input | Status | Pipeline | Errors | Warnings | Exact | Approximated | Dropped |\n");
      out.append("|---|---|---|---:|---:|---:|---:|---:|\n");
      for (InputResult r : batch.inputs()) {
        out.append("| ").append(MarkdownText.cellCode(r.path()))
            .append(" | ").append(r.status().label())
            .append(" | ").append(r.pipeline().map(MarkdownText::cellCode).orElse("—"))
            .append(" | ").append(r.count(Severity.ERROR))
            .append(" | ").append(r.count(Severity.WARNING));
        if (r.report().isPresent()) {
          Tally t = Tally.of(r.report().get().parity());
          out.append(" | ").append(t.exact()).append(" | ").append(t.approximated()).append(" | ").append(t.dropped());
        } else {
          out.append(" | — | — | —");
        }
        out.append(" |\n");
      }
      out.append('\n');
    }

    out.append("## Shared tasks\n\n");
    if (batch.merged().isEmpty()) {
      out.append("No components were merged.\n\n");
    } else {
      for (MergedTask m : batch.merged()) {
        out.append("- ").append(MarkdownText.code(m.task())).append(" replaces ");
        for (int i = 0; i < m.replaced().size(); i++) {
          MergedTask.Replaced c = m.replaced().get(i);
          out.append(i == 0 ? "" : ", ").append(MarkdownText.code(c.component())).append(" in ").append(MarkdownText.code(c.input()));
        }
        out.append('\n');
      }
      out.append('\n');
    }

    boolean headed = false;
    for (InputResult r : batch.inputs()) {
      if (r.status() == InputStatus.CONVERTED || r.diagnostics().isEmpty()) {
        continue;
      }
      if (!headed) {
        out.append("## Failed and skipped inputs\n\n");
        headed = true;
      }
      String text = DiagnosticRenderer.shortForm(r.diagnostics());
      String fence = MarkdownText.fence(text);
      out.append("### ").append(MarkdownText.code(r.path())).append(" (").append(r.status().label()).append(")\n\n")
          .append(fence).append("text\n").append(text).append(fence).append("\n\n");
    }
    return out.toString().stripTrailing() + "\n";
  }
}
