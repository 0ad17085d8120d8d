package io.flytemigrate.cli;

import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.report.BatchMarkdown;
import io.flytemigrate.report.BatchResult;
import io.flytemigrate.report.BatchSummary;
import io.flytemigrate.report.InputResult;
import io.flytemigrate.report.JUnitXml;
import io.flytemigrate.report.ParityHtml;
import io.flytemigrate.report.ParityJson;
import io.flytemigrate.report.ParityMarkdown;
import io.flytemigrate.report.Sarif;
import java.util.ArrayList;
import java.util.List;

/**
 * The files {@code convert} writes into OUT. The batch writes the project and the package as it
 * goes; these are the manifest and the reports, written from the finished batch.
 *
 * <p>Always: the flytekit project (one Python package per converted pipeline, plus {@code shared/}
 * for the tasks pipelines share), {@code flyte-package.tgz} (every converted pipeline, each entity
 * once), {@code flyte-migrate.json}, {@code report.html}, {@code summary.json}, {@code junit.xml}
 * and {@code diagnostics.sarif}. For a batch of one pipeline, {@code report.md} and
 * {@code parity.json} are that pipeline's; for more, {@code report.md} is the batch report and each
 * converted pipeline's reports are under {@code pipelines/<package>/}.
 */
final class BatchOutputs {
  static final String PIPELINES_DIR = "pipelines";

  private BatchOutputs() {}

  /** What the reports say about the batch. */
  static BatchResult result(BatchConversion.Result r, List<InputResult> extra) {
    List<InputResult> inputs = new ArrayList<>(extra);
    for (BatchConversion.Unit u : r.units()) {
      inputs.add(u.result());
    }
    return new BatchResult(inputs, r.merged());
  }

  /**
   * Writes the manifest and the reports to the output, beside the project files and the package
   * the batch wrote as it went. {@code batch} lists the units of {@code r} last, in order.
   *
   * @param out OUT, to name the sources in the manifest relative to it
   */
  static void write(BatchConversion.Result r, BatchResult batch, boolean strict, LoweringOptions options,
      java.nio.file.Path out, AtomicOutput output) {
    List<BatchConversion.Unit> converted = r.units().stream().filter(BatchConversion.Unit::converted).toList();
    output.addText(ConvertManifest.FILE_NAME, manifest(converted, options, out));
    boolean one = r.units().size() == 1;
    // The batch page links to each converted pipeline's own page instead of repeating it.
    List<String> pages = new ArrayList<>(java.util.Collections.nCopies(batch.inputs().size() - r.units().size(), ""));
    for (BatchConversion.Unit u : r.units()) {
      if (!u.converted()) {
        pages.add("");
        continue;
      }
      String dir = one ? "" : PIPELINES_DIR + "/" + u.pythonPackage + "/";
      output.addText(dir + "parity.json", ParityJson.write(u.parity));
      output.addText(dir + "report.md", ParityMarkdown.write(u.report, u.diagnostics));
      if (!one) {
        output.addText(dir + "report.html", ParityHtml.write(new BatchResult(List.of(u.result()), List.of())));
      }
      pages.add(one ? "" : dir + "report.html");
    }
    if (!one || converted.isEmpty()) {
      output.addText("report.md", BatchMarkdown.write(batch));
    }
    output.addText("report.html", ParityHtml.write(batch, pages));
    output.addText("summary.json", BatchSummary.write(batch));
    output.addText("junit.xml", JUnitXml.write(batch, strict));
    output.addText("diagnostics.sarif", Sarif.write(batch));
  }

  /**
   * {@code flyte-migrate.json}: for one pipeline the manifest {@code verify OUT} reads; for a batch
   * the same fields, plus every converted pipeline with its source, name and Python package.
   */
  private static String manifest(List<BatchConversion.Unit> converted, LoweringOptions options, java.nio.file.Path out) {
    String pkg = io.flytemigrate.flyteproto.pack.FlytePackage.FILE_NAME;
    if (converted.size() == 1) {
      BatchInputs.Input in = converted.get(0).input;
      return new ConvertManifest(ConvertManifest.relativeToOutput(out, in.path()).orElse(""), in.display(), pkg, options)
          .toJson();
    }
    List<ConvertManifest.Entry> entries = new ArrayList<>();
    for (BatchConversion.Unit u : converted) {
      if (u.variantOf != null) {
        // A variant runs as a launch plan of another pipeline's workflow: nothing of its own to verify.
        continue;
      }
      entries.add(new ConvertManifest.Entry(u.input.display(), ConvertManifest.relativeToOutput(out, u.input.path()).orElse(""),
          u.pipelineName, u.pythonPackage, u.workflowName));
    }
    return ConvertManifest.ofBatch(pkg, options, entries).toJson();
  }

}
