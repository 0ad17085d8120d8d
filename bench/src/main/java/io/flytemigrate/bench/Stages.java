package io.flytemigrate.bench;

import io.flytemigrate.cli.InputFiles;
import io.flytemigrate.cli.Readers;
import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.verify.Verifier;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.print.IrPrinter;
import io.flytemigrate.ir.spi.OutputFile;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.validators.Validators;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The measured paths, stage by stage: the registry of what "end to end" means for the harness and
 * the JMH benchmarks.
 *
 * <p>The end-to-end path is what {@code flyte-migrate convert} does for each file of a batch:
 * load the file, read it with the first reader of {@link Readers#all()} that accepts it, run the
 * validators, lower it to Flyte and write the flytekit project (in memory; the command then puts
 * the files on disk), write the registrable package and read it back against the source, render
 * the diagnostics. What the batch command does once for all files (merging shared tasks, one
 * combined package, the batch reports) is measured by {@link CommandBatch} instead. {@code
 * inspect}'s path prints the IR. A new step is one line in {@link #afterReading()}; a new reader
 * needs no line here, because it arrives through {@link Readers#all()}.
 */
public final class Stages {
  private Stages() {}

  /** The end-to-end path for a file on disk: load it (size limit, strict UTF-8), then convert. */
  public static List<Stage> fromFile() {
    return with(new Stage("load", Stages::load), afterReading());
  }

  /** The end-to-end path for bytes already in memory: decode them, then convert. */
  public static List<Stage> inMemory() {
    return with(new Stage("decode", Stages::decode), afterReading());
  }

  /** {@code inspect}'s path for a file on disk. */
  public static List<Stage> inspectFromFile() {
    return with(new Stage("load", Stages::load), inspectAfterReading());
  }

  /** {@code inspect}'s path for bytes in memory. */
  public static List<Stage> inspectInMemory() {
    return with(new Stage("decode", Stages::decode), inspectAfterReading());
  }

  /** Loading a file and reading it only, for measurements that start from the IR. */
  public static List<Stage> readFromFile() {
    return with(new Stage("load", Stages::load), List.of());
  }

  /** Decoding bytes in memory and reading them only. */
  public static List<Stage> readInMemory() {
    return with(new Stage("decode", Stages::decode), List.of());
  }

  /** Every stage of {@code convert} after reading, in order. Add new stages of the product here. */
  public static List<Stage> afterReading() {
    return List.of(Stage.onPipeline("check", Validators::check), new Stage("emit", Stages::emit),
        new Stage("package-verify", Stages::packageAndVerify), render());
  }

  /** Every stage of {@code inspect} after reading. */
  public static List<Stage> inspectAfterReading() {
    return List.of(Stage.onPipeline("print-ir", IrPrinter::print), render());
  }

  private static Stage render() {
    return new Stage("render-diagnostics", w -> w.plusProduced(DiagnosticRenderer.shortForm(w.diagnostics()).length()));
  }

  /** Lowering to Flyte and the flytekit project's files, as {@code convert} makes them. */
  private static Work emit(Work w) {
    if (w.pipeline().isEmpty()) {
      return w;
    }
    Outcome<Lowered> lowered = FlyteLowering.lower(w.pipeline().get(), LoweringOptions.DEFAULT);
    Work out = w.withDiagnostics(lowered.diagnostics());
    if (lowered.value().isEmpty()) {
      return out;
    }
    List<OutputFile> files = FlytekitProjectWriter.write(lowered.value().get().project());
    return out.plusProduced(files.size()).withEmitted(new Work.Emitted(lowered.value().get(), files));
  }

  /** The registrable package of the project, and the check that reads it back against the source. */
  private static Work packageAndVerify(Work w) {
    if (w.emitted().isEmpty() || w.pipeline().isEmpty()) {
      return w;
    }
    Work.Emitted e = w.emitted().get();
    FlytePackage pkg = FlytePackage.write(e.lowered().project(), e.files(),
        PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL));
    List<Diagnostic> findings = Verifier.verify(FlytePackage.FILE_NAME, pkg.bytes(), w.pipeline().get(),
        Optional.of(e.lowered().parity()));
    return w.withDiagnostics(findings).plusProduced(pkg.bytes().length);
  }

  /** Runs every stage on one input. */
  public static Work run(List<Stage> stages, Work work) {
    Work w = work;
    for (Stage s : stages) {
      w = s.apply(w);
    }
    return w;
  }

  private static List<Stage> with(Stage first, List<Stage> rest) {
    List<Stage> all = new ArrayList<>();
    all.add(first);
    all.add(new Stage("read", Stages::read));
    all.addAll(rest);
    return List.copyOf(all);
  }

  private static Work load(Work w) {
    Outcome<SourceFile> loaded = InputFiles.read(w.path());
    return w.withSource(loaded.hasErrors() ? Optional.empty() : loaded.value(), loaded.diagnostics());
  }

  private static Work decode(Work w) {
    Outcome<SourceFile> decoded = InputFiles.decode(w.path(), w.bytes());
    return w.withSource(decoded.hasErrors() ? Optional.empty() : decoded.value(), decoded.diagnostics());
  }

  /** Reads the text with the first reader that accepts it, as {@code inspect} does. */
  private static Work read(Work w) {
    if (w.source().isEmpty()) {
      return w;
    }
    SourceFile source = w.source().get();
    List<PipelineReader> readers = Readers.all();
    Optional<PipelineReader> reader = Readers.pick(readers, source);
    if (reader.isEmpty()) {
      Diagnostic unknown = Diagnostic.of(Codes.UNKNOWN_FORMAT, Span.at(source.path(), 1, 1),
          "`" + source.path() + "` is not in a format flyte-migrate can read");
      return w.withPipeline(Optional.empty(), List.of(unknown));
    }
    Outcome<Pipeline> read = reader.get().read(source);
    return w.withPipeline(read.value(), read.diagnostics());
  }
}
