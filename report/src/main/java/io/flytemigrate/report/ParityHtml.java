package io.flytemigrate.report;

import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityEntry;
import java.util.List;

/**
 * {@code report.html}: one self-contained page for a whole batch. It opens with the totals and an
 * index of the inputs (linking to their sections) and the shared tasks; then each input has the
 * content of its {@link ParityMarkdown} page, with the source and Flyte DAGs side by side as inline
 * SVG drawn by {@link SvgDag}. The page has no script and references nothing outside itself (no
 * fonts, images or stylesheets; links only to its own sections and the pages beside it), so it
 * opens offline and without console errors; it is also well-formed XML. All text is escaped. For a batch whose
 * pipelines have pages of their own, the index links to those pages (relative links, within the
 * output directory) instead of repeating them.
 */
public final class ParityHtml {
  private static final String STYLE = """
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px; color: #1b1b1b; line-height: 1.4; }
      h1 { font-size: 1.6em; margin-bottom: 8px; }
      h2 { font-size: 1.3em; margin-top: 32px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
      h3 { font-size: 1.05em; margin-top: 20px; }
      code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
      code { background: #f3f3f3; padding: 0 3px; border-radius: 3px; }
      pre { background: #f7f7f7; border: 1px solid #e2e2e2; padding: 8px; overflow: auto; }
      table { border-collapse: collapse; margin: 8px 0; }
      th, td { border: 1px solid #d8d8d8; padding: 3px 8px; text-align: left; vertical-align: top; }
      th { background: #f4f4f4; }
      td.n { text-align: right; }
      .EXACT { color: #1e7a3a; font-weight: 600; }
      .APPROXIMATED { color: #9a6700; font-weight: 600; }
      .DROPPED { color: #b3261e; font-weight: 600; }
      .converted { color: #1e7a3a; }
      .failed { color: #b3261e; font-weight: 600; }
      .skipped { color: #666; }
      .dags { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
      .dags figure { flex: 1 1 0; min-width: 320px; margin: 0; border: 1px solid #ddd; border-radius: 6px; padding: 8px; overflow: auto; }
      .dags svg { max-width: 100%; height: auto; }
      .dags figcaption { font-weight: 600; margin-bottom: 6px; }
      .legend { color: #555; font-size: 0.9em; }
      """;

  private ParityHtml() {}

  /** The page, LF line ends, ending with a newline. */
  public static String write(BatchResult batch) {
    return write(batch, java.util.Collections.nCopies(batch.inputs().size(), ""));
  }

  /**
   * The page of a large batch: inputs that have a page of their own are a row of the index linking
   * to it instead of a section, so the page stays small whatever the size of the batch.
   *
   * @param pages for each input of {@code batch}, in order, the relative link to its own page, or
   *     {@code ""} to give it a section here
   */
  public static String write(BatchResult batch, List<String> pages) {
    if (pages.size() != batch.inputs().size()) {
      throw new IllegalArgumentException("one page link per input: " + pages.size() + " for " + batch.inputs().size());
    }
    BatchTotals totals = BatchTotals.of(batch);
    var out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>flyte-migrate conversion report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    out.append("<h1>Conversion report</h1>\n<ul>\n");
    out.append("<li>").append(esc(totals.inputsText())).append("</li>\n");
    out.append("<li>").append(esc(totals.diagnosticsText())).append("</li>\n");
    out.append("<li>Parity: ").append(esc(totals.parity().text())).append("</li>\n");
    out.append("<li>Flyte: ").append(esc(totals.flyteText())).append(", ")
        .append(esc(BatchTotals.plural(totals.merged(), "shared task"))).append("</li>\n</ul>\n");
    index(out, batch, pages);
    shared(out, batch);
    for (int i = 0; i < batch.inputs().size(); i++) {
      if (pages.get(i).isEmpty()) {
        input(out, batch.inputs().get(i), "input-" + (i + 1));
      }
    }
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static void index(StringBuilder out, BatchResult batch, List<String> pages) {
    out.append("<h2 id=\"index\">Inputs</h2>\n");
    if (batch.inputs().isEmpty()) {
      out.append("<p>The batch has no inputs.</p>\n");
      return;
    }
    out.append("<table class=\"index\">\n<thead><tr><th>Input</th><th>Status</th><th>Pipeline</th><th>Errors</th>")
        .append("<th>Warnings</th><th>Exact</th><th>Approximated</th><th>Dropped</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < batch.inputs().size(); i++) {
      InputResult r = batch.inputs().get(i);
      String href = pages.get(i).isEmpty() ? "#input-" + (i + 1) : esc(pages.get(i));
      out.append("<tr><td><a href=\"").append(href).append("\"><code>").append(esc(r.path())).append("</code></a></td>")
          .append("<td class=\"").append(r.status().label()).append("\">").append(r.status().label()).append("</td>")
          .append("<td>").append(r.pipeline().map(p -> "<code>" + esc(p) + "</code>").orElse("—")).append("</td>")
          .append("<td class=\"n\">").append(r.count(Severity.ERROR)).append("</td>")
          .append("<td class=\"n\">").append(r.count(Severity.WARNING)).append("</td>");
      if (r.report().isPresent()) {
        Tally t = Tally.of(r.report().get().parity());
        out.append("<td class=\"n\">").append(t.exact()).append("</td><td class=\"n\">").append(t.approximated())
            .append("</td><td class=\"n\">").append(t.dropped()).append("</td>");
      } else {
        out.append("<td class=\"n\">—</td><td class=\"n\">—</td><td class=\"n\">—</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void shared(StringBuilder out, BatchResult batch) {
    out.append("<h2 id=\"shared\">Shared tasks</h2>\n");
    if (batch.merged().isEmpty()) {
      out.append("<p>No components were merged.</p>\n");
      return;
    }
    out.append("<ul>\n");
    for (MergedTask m : batch.merged()) {
      out.append("<li><code>").append(esc(m.task())).append("</code> replaces ");
      for (int i = 0; i < m.replaced().size(); i++) {
        MergedTask.Replaced c = m.replaced().get(i);
        out.append(i == 0 ? "" : ", ").append("<code>").append(esc(c.component())).append("</code> in <code>")
            .append(esc(c.input())).append("</code>");
      }
      out.append("</li>\n");
    }
    out.append("</ul>\n");
  }

  private static void input(StringBuilder out, InputResult r, String anchor) {
    out.append("<section id=\"").append(anchor).append("\">\n");
    if (r.report().isEmpty()) {
      out.append("<h2><code>").append(esc(r.path())).append("</code>: <span class=\"").append(r.status().label()).append("\">")
          .append(r.status().label()).append("</span></h2>\n");
      out.append("<p>No parity report: the input did not get as far as the Flyte emitter.</p>\n");
      diagnostics(out, r);
      out.append("</section>\n");
      return;
    }
    PipelineReport report = r.report().get();
    out.append("<h2>Parity report: <code>").append(esc(report.pipeline())).append("</code></h2>\n<ul>\n");
    out.append("<li>Source file: <code>").append(esc(report.parity().sourceFile())).append("</code></li>\n");
    out.append("<li>Status: <span class=\"").append(r.status().label()).append("\">").append(r.status().label()).append("</span></li>\n");
    out.append("<li>").append(esc(Tally.of(report.parity()).text())).append("</li>\n");
    if (!r.diagnostics().isEmpty()) {
      out.append("<li>").append(esc(DiagnosticCounts.text(r.diagnostics()))).append("</li>\n");
    }
    out.append("</ul>\n");
    review(out, report.parity().entries());
    table(out, report.parity().entries());
    out.append("<h3>Source and Flyte DAGs</h3>\n<p class=\"legend\">Solid edges carry data, dashed edges only order; ")
        .append("boxes around nodes are conditions, loops and exit handlers.</p>\n<div class=\"dags\">\n");
    out.append("<figure><figcaption>Source</figcaption>\n")
        .append(SvgDag.render(report.source(), anchor + "-src", "Source DAG of " + report.pipeline())).append("</figure>\n");
    out.append("<figure><figcaption>Flyte</figcaption>\n")
        .append(SvgDag.render(report.flyte(), anchor + "-fly", "Flyte DAG of " + report.pipeline())).append("</figure>\n");
    out.append("</div>\n");
    diagnostics(out, r);
    out.append("</section>\n");
  }

  private static void review(StringBuilder out, List<ParityEntry> entries) {
    out.append("<h3>Needs review</h3>\n");
    var items = new StringBuilder();
    for (Fidelity status : List.of(Fidelity.DROPPED, Fidelity.APPROXIMATED)) {
      for (ParityEntry e : entries) {
        if (e.status() == status) {
          items.append("<li>").append(statusSpan(status)).append(' ').append(esc(e.kind())).append(" <code>")
              .append(esc(e.source())).append("</code> (<code>").append(esc(e.span().location())).append("</code>)");
          e.flyte().ifPresent(f -> items.append(" → <code>").append(esc(f)).append("</code>"));
          items.append(": ").append(prose(e.reason())).append("</li>\n");
        }
      }
    }
    if (items.length() == 0) {
      out.append("<p>Nothing was approximated or dropped.</p>\n");
    } else {
      out.append("<ul class=\"review\">\n").append(items).append("</ul>\n");
    }
  }

  private static void table(StringBuilder out, List<ParityEntry> entries) {
    out.append("<h3>All elements</h3>\n");
    if (entries.isEmpty()) {
      out.append("<p>The report has no elements.</p>\n");
      return;
    }
    out.append("<table class=\"entries\">\n<thead><tr><th>Status</th><th>Kind</th><th>Source</th><th>Where</th>")
        .append("<th>Flyte</th><th>Reason</th></tr></thead>\n<tbody>\n");
    for (ParityEntry e : entries) {
      out.append("<tr><td>").append(statusSpan(e.status())).append("</td><td>").append(esc(e.kind()))
          .append("</td><td><code>").append(esc(e.source())).append("</code></td><td><code>").append(esc(e.span().location()))
          .append("</code></td><td>").append(e.flyte().map(f -> "<code>" + esc(f) + "</code>").orElse("—"))
          .append("</td><td>").append(prose(e.reason())).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void diagnostics(StringBuilder out, InputResult r) {
    if (r.diagnostics().isEmpty()) {
      return;
    }
    out.append("<h3>Diagnostics</h3>\n<pre class=\"diagnostics\">").append(esc(DiagnosticRenderer.shortForm(r.diagnostics())))
        .append("</pre>\n");
  }

  private static String statusSpan(Fidelity status) {
    return "<span class=\"" + status.name() + "\">" + status.name() + "</span>";
  }

  /** Text with identifiers in paired backticks shown as code, the rest escaped. */
  private static String prose(String s) {
    String line = ShortLabel.oneLine(s);
    String[] parts = line.split("`", -1);
    if (parts.length % 2 == 0) {
      return esc(line);
    }
    var b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      b.append(i % 2 == 0 ? esc(parts[i]) : "<code>" + esc(parts[i]) + "</code>");
    }
    return b.toString();
  }

  private static String esc(String s) {
    return XmlText.escape(s);
  }
}
