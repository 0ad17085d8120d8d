package io.flytemigrate.cli;

import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.ir.spi.OutputFile;
import io.flytemigrate.report.BatchMarkdown;
import io.flytemigrate.report.BatchResult;
import io.flytemigrate.report.BatchSummary;
import io.flytemigrate.report.InputResult;
import io.flytemigrate.report.JUnitXml;
import io.flytemigrate.report.ParityHtml;
import io.flytemigrate.report.ParityJson;
import io.flytemigrate.report.ParityMarkdown;
import io.flytemigrate.report.Sarif;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files {@code convert} writes into OUT, from a finished batch.
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

  /** @param out OUT, to name the sources in the manifest relative to it */
  static List<OutputFile> files(BatchConversion.Result r, BatchResult batch, boolean strict, LoweringOptions options,
      java.nio.file.Path out) {
    List<OutputFile> files = new ArrayList<>(r.sharedFiles());
    List<BatchConversion.Unit> converted = r.units().stream().filter(BatchConversion.Unit::converted).toList();
    for (BatchConversion.Unit u : converted) {
      files.addAll(u.projectFiles);
    }
    r.packageFile().ifPresent(files::add);
    files.add(text(ConvertManifest.FILE_NAME, manifest(converted, options, out)));
    boolean one = r.units().size() == 1;
    for (BatchConversion.Unit u : converted) {
      String dir = one ? "" : PIPELINES_DIR + "/" + u.pythonPackage + "/";
      files.add(text(dir + "parity.json", ParityJson.write(u.lowered.parity())));
      files.add(text(dir + "report.md", ParityMarkdown.write(u.report, u.diagnostics)));
      if (!one) {
        files.add(text(dir + "report.html", ParityHtml.write(new BatchResult(List.of(u.result()), List.of()))));
      }
    }
    if (!one || converted.isEmpty()) {
      files.add(text("report.md", BatchMarkdown.write(batch)));
    }
    files.add(text("report.html", ParityHtml.write(batch)));
    files.add(text("summary.json", BatchSummary.write(batch)));
    files.add(text("junit.xml", JUnitXml.write(batch, strict)));
    files.add(text("diagnostics.sarif", Sarif.write(batch)));
    return files;
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
          u.pipelineName, u.pythonPackage, u.project.pipelineWorkflow().id().name()));
    }
    return ConvertManifest.ofBatch(pkg, options, entries).toJson();
  }

  private static OutputFile text(String path, String text) {
    return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
  }
}
