package io.flytemigrate.report;

import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityEntry;
import java.util.List;

/**
 * The per-pipeline {@code report.md}, for a reviewer with a minute: the pipeline, its source file
 * and the counts; what needs review (DROPPED, then APPROXIMATED, with reasons); every element in a
 * table; the source and Flyte DAGs side by side in Mermaid; the diagnostics.
 */
public final class ParityMarkdown {
  private ParityMarkdown() {}

  /**
   * The Markdown text, LF line ends, ending with a newline.
   *
   * @param diagnostics the input's diagnostics, in any order; none omits the section
   */
  public static String write(PipelineReport report, List<Diagnostic> diagnostics) {
    var out = new StringBuilder();
    out.append("# Parity report: ").append(MarkdownText.code(report.pipeline())).append("\n\n");
    out.append("- Source file: ").append(MarkdownText.code(report.parity().sourceFile())).append('\n');
    out.append("- ").append(Tally.of(report.parity()).text()).append('\n');
    if (!diagnostics.isEmpty()) {
      out.append("- ").append(DiagnosticCounts.text(diagnostics)).append('\n');
    }
    out.append('\n');
    review(out, report.parity().entries());
    table(out, report.parity().entries());
    out.append("## Source and Flyte DAGs\n\n");
    out.append("Solid edges carry data, dashed edges only order; boxes around nodes are conditions, loops and exit handlers.\n\n");
    out.append("<table>\n<tr><th>Source</th><th>Flyte</th></tr>\n<tr>\n");
    dag(out, Mermaid.flowchart(report.source(), "src"));
    dag(out, Mermaid.flowchart(report.flyte(), "fly"));
    out.append("</tr>\n</table>\n");
    if (!diagnostics.isEmpty()) {
      String text = DiagnosticRenderer.shortForm(diagnostics);
      String fence = MarkdownText.fence(text);
      out.append("\n## Diagnostics\n\n").append(fence).append("text\n").append(text).append(fence).append('\n');
    }
    return out.toString();
  }

  private static void review(StringBuilder out, List<ParityEntry> entries) {
    out.append("## Needs review\n\n");
    boolean any = false;
    for (Fidelity status : List.of(Fidelity.DROPPED, Fidelity.APPROXIMATED)) {
      for (ParityEntry e : entries) {
        if (e.status() == status) {
          any = true;
          out.append("- **").append(status.name()).append("** ").append(MarkdownText.text(e.kind())).append(' ')
              .append(MarkdownText.code(e.source())).append(" (").append(MarkdownText.code(e.span().location())).append(')');
          e.flyte().ifPresent(f -> out.append(" → ").append(MarkdownText.code(f)));
          out.append(": ").append(MarkdownText.text(e.reason())).append('\n');
        }
      }
    }
    if (!any) {
      out.append("Nothing was approximated or dropped.\n");
    }
    out.append('\n');
  }

  private static void table(StringBuilder out, List<ParityEntry> entries) {
    out.append("## All elements\n\n");
    if (entries.isEmpty()) {
      out.append("The report has no elements.\n\n");
      return;
    }
    out.append("| Status | Kind | Source | Where | Flyte | Reason |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (ParityEntry e : entries) {
      out.append("| ").append(e.status().name())
          .append(" | ").append(MarkdownText.cellText(e.kind()))
          .append(" | ").append(MarkdownText.cellCode(e.source()))
          .append(" | ").append(MarkdownText.cellCode(e.span().location()))
          .append(" | ").append(e.flyte().map(MarkdownText::cellCode).orElse("—"))
          .append(" | ").append(MarkdownText.cellText(e.reason()))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static void dag(StringBuilder out, String mermaid) {
    out.append("<td valign=\"top\">\n\n```mermaid\n").append(mermaid).append("```\n\n</td>\n");
  }
}
