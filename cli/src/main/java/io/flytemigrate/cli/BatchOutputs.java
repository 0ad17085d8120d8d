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
import io.flytemigrate.std.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    if (converted.size() == 1) {
      return new ConvertManifest(fromOut(out, converted.get(0).input.path()),
          io.flytemigrate.flyteproto.pack.FlytePackage.FILE_NAME, options).toJson();
    }
    JsonWriter w = new JsonWriter().beginObject();
    w.name("version").number(ConvertManifest.VERSION);
    w.name("package").string(io.flytemigrate.flyteproto.pack.FlytePackage.FILE_NAME);
    w.name("sourceBase").string(ConvertManifest.SOURCE_BASE_OUTPUT);
    w.name("options").beginObject();
    w.name("project").string(options.project().orElse(null));
    w.name("domain").string(options.domain().orElse(null));
    w.name("version").string(options.version().orElse(null));
    w.name("image").string(options.image().orElse(null));
    w.name("pythonComponents").string(options.pythonComponents().name().toLowerCase(Locale.ROOT));
    w.endObject();
    w.name("pipelines").beginArray();
    for (BatchConversion.Unit u : converted) {
      if (u.variantOf != null) {
        // A variant runs as a launch plan of another pipeline's workflow: nothing of its own to verify.
        continue;
      }
      w.beginObject().name("input").string(u.input.display()).name("source").string(fromOut(out, u.input.path())).name("pipeline").string(u.pipelineName)
          .name("pythonPackage").string(u.pythonPackage).name("workflow")
          .string(u.project.pipelineWorkflow().id().name()).endObject();
    }
    w.endArray();
    return w.endObject().toJson();
  }

  /** The path of a source relative to OUT, with forward slashes. */
  private static String fromOut(java.nio.file.Path out, java.nio.file.Path source) {
    java.nio.file.Path base = out.toAbsolutePath().normalize();
    return base.relativize(source.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private static OutputFile text(String path, String text) {
    return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
  }
}
