package io.flytemigrate.report;

import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One input of a batch and everything the reports say about it.
 *
 * @param path the input's path as the user gave it (relative; never made absolute)
 * @param diagnostics every diagnostic about this input, from reading to emitting; kept in {@link
 *     Diagnostic#ORDER}
 * @param produced the Flyte entities written for it
 * @param report the parity report, when a pipeline got as far as the emitter
 */
public record InputResult(
    String path, InputStatus status, List<Diagnostic> diagnostics, FlyteIds produced, Optional<PipelineReport> report) {
  public InputResult {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    diagnostics = List.copyOf(sorted);
    Objects.requireNonNull(produced, "produced");
    Objects.requireNonNull(report, "report");
  }

  /** The pipeline's name, when there is a report. */
  public Optional<String> pipeline() {
    return report.map(PipelineReport::pipeline);
  }

  /** How many diagnostics have this severity. */
  public int count(Severity severity) {
    return (int) diagnostics.stream().filter(d -> d.severity() == severity).count();
  }
}
