package io.flytemigrate.report;

import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code junit.xml} for CI: one {@code testsuite}, one {@code testcase} per input (named after its
 * pipeline, {@code classname} its path). A case fails when the input failed or has errors, or,
 * with {@code strict}, when its pipeline has DROPPED elements; the failure's message counts what
 * went wrong and its text lists the diagnostics and dropped elements. Skipped inputs are {@code
 * skipped}; diagnostics of passing cases go to {@code system-out}. No timestamps, no host names,
 * every {@code time} is 0, so equal batches give equal files.
 */
public final class JUnitXml {
  private JUnitXml() {}

  /**
   * The XML document, LF line ends, ending with a newline.
   *
   * @param strict fail pipelines that have DROPPED elements too
   */
  public static String write(BatchResult batch, boolean strict) {
    int failures = 0;
    int skipped = 0;
    var cases = new StringBuilder();
    for (InputResult r : batch.inputs()) {
      String name = r.pipeline().orElse(r.path());
      cases.append("  <testcase classname=\"").append(XmlText.escape(r.path())).append("\" name=\"")
          .append(XmlText.escape(name)).append("\" time=\"0\"");
      String diagnostics = DiagnosticRenderer.shortForm(r.diagnostics());
      if (r.status() == InputStatus.SKIPPED) {
        skipped++;
        String why = r.diagnostics().isEmpty() ? "skipped" : r.diagnostics().get(0).message();
        cases.append(">\n    <skipped message=\"").append(XmlText.escape(why)).append("\"/>\n");
        systemOut(cases, diagnostics);
        cases.append("  </testcase>\n");
        continue;
      }
      List<String> problems = new ArrayList<>();
      int errors = r.count(Severity.ERROR);
      if (errors > 0) {
        problems.add(BatchTotals.plural(errors, "error"));
      } else if (r.status() == InputStatus.FAILED) {
        problems.add("conversion failed");
      }
      List<ParityEntry> dropped = new ArrayList<>();
      if (strict && r.report().isPresent()) {
        for (ParityEntry e : r.report().get().parity().entries()) {
          if (e.status() == Fidelity.DROPPED) {
            dropped.add(e);
          }
        }
        if (!dropped.isEmpty()) {
          problems.add(dropped.size() + (dropped.size() == 1 ? " element" : " elements") + " dropped");
        }
      }
      if (problems.isEmpty()) {
        if (diagnostics.isEmpty()) {
          cases.append("/>\n");
        } else {
          cases.append(">\n");
          systemOut(cases, diagnostics);
          cases.append("  </testcase>\n");
        }
        continue;
      }
      failures++;
      var text = new StringBuilder(diagnostics);
      for (ParityEntry e : dropped) {
        text.append(e.span().location()).append(": dropped ").append(e.kind()).append(" `").append(e.source()).append("`: ")
            .append(e.reason()).append('\n');
      }
      cases.append(">\n    <failure message=\"").append(XmlText.escape(String.join("; ", problems)))
          .append("\" type=\"").append(errors > 0 || r.status() == InputStatus.FAILED ? "error" : "dropped").append("\">")
          .append(XmlText.escape(text.toString())).append("</failure>\n  </testcase>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuite name=\"flyte-migrate convert\" tests=\"" + batch.inputs().size() + "\" failures=\"" + failures
        + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\">\n"
        + cases
        + "</testsuite>\n";
  }

  private static void systemOut(StringBuilder out, String diagnostics) {
    if (!diagnostics.isEmpty()) {
      out.append("    <system-out>").append(XmlText.escape(diagnostics)).append("</system-out>\n");
    }
  }
}
