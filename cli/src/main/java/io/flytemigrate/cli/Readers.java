package io.flytemigrate.cli;

import io.flytemigrate.airflow.AirflowReader;
import io.flytemigrate.airflow.AirflowSerializedReader;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.kfp.ArgoWorkflowReader;
import io.flytemigrate.kfp.KfpV1ComponentReader;
import io.flytemigrate.kfp.KfpV2Reader;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of source formats, as an explicit list rather than service loading, so the set of
 * readers in a build is visible in one place. Order matters: the first reader that accepts an
 * input reads it.
 */
public final class Readers {
  private Readers() {}

  /** Every reader, most specific first. */
  public static List<PipelineReader> all() {
    return List.of(
        new KfpV2Reader(), new ArgoWorkflowReader(), new KfpV1ComponentReader(),
        new AirflowSerializedReader(), new AirflowReader());
  }

  /** The first of {@code readers} that recognises {@code source}, if any. */
  public static Optional<PipelineReader> pick(List<PipelineReader> readers, SourceFile source) {
    return readers.stream().filter(r -> r.accepts(source)).findFirst();
  }

  /** The readers' format names as {@code `kfp-v2`, `...`}, for messages. */
  public static String formatNames(List<PipelineReader> readers) {
    return readers.stream().map(r -> "`" + r.format() + "`").collect(Collectors.joining(", "));
  }

  /** FM0004 for a file no reader recognises, at its first line, naming what can be read. */
  static Diagnostic unknownFormat(String path, List<PipelineReader> readers) {
    return Diagnostic.of(Codes.UNKNOWN_FORMAT, Span.at(path, 1, 1), "`" + path + "` is not in a format flyte-migrate can read")
        .withHelp("formats are recognised by content, not by file name; supported formats: " + formatNames(readers));
  }

  /** The one pipeline of a decoded file, read by the first reader that accepts it; FM0004 if none does. */
  static Outcome<Pipeline> read(List<PipelineReader> readers, SourceFile source) {
    Optional<PipelineReader> reader = pick(readers, source);
    return reader.isEmpty() ? Outcome.failed(List.of(unknownFormat(source.path(), readers))) : reader.get().read(source);
  }

  /** Every pipeline of a decoded file, as {@link #read} reads one. */
  static Outcome<List<Pipeline>> readAll(List<PipelineReader> readers, SourceFile source) {
    Optional<PipelineReader> reader = pick(readers, source);
    return reader.isEmpty() ? Outcome.failed(List.of(unknownFormat(source.path(), readers))) : reader.get().readAll(source);
  }
}
