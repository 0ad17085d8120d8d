package io.flytemigrate.bench;

import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.spi.OutputFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one input has become so far on its way through the {@link Stage}s: its bytes, its text
 * once decoded, its pipeline once read, the diagnostics found, and how many characters or items
 * the stages produced (kept so the JIT cannot discard a stage's result as unused).
 *
 * @param path the input's path as shown in diagnostics
 * @param bytes the raw input; empty once the file is loaded from disk by a stage
 * @param emitted the lowered project and its files, once the emit stage made them (the package
 *     stage writes and checks the package from them)
 * @param failure the stage that threw and what, when one did (a bug in the product: the command
 *     would exit 3); later stages do not run
 */
public record Work(
    String path,
    byte[] bytes,
    Optional<SourceFile> source,
    Optional<Pipeline> pipeline,
    List<Diagnostic> diagnostics,
    long produced,
    Optional<Emitted> emitted,
    Optional<String> failure) {
  /** What the emitter made of the pipeline: the lowering and the flytekit project's files. */
  public record Emitted(Lowered lowered, List<OutputFile> files) {
    public Emitted {
      Objects.requireNonNull(lowered, "lowered");
      files = List.copyOf(files);
    }
  }

  public Work {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pipeline, "pipeline");
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(emitted, "emitted");
    Objects.requireNonNull(failure, "failure");
  }

  /** A file still on disk: the first stage loads it. */
  public static Work ofFile(String path) {
    return new Work(path, new byte[0], Optional.empty(), Optional.empty(), List.of(), 0, Optional.empty(), Optional.empty());
  }

  /** An input already in memory (synthetic pipelines, JMH states, fuzz inputs). */
  public static Work ofBytes(String path, byte[] bytes) {
    return new Work(path, bytes, Optional.empty(), Optional.empty(), List.of(), 0, Optional.empty(), Optional.empty());
  }

  /** Whether any stage reported an error or threw. */
  public boolean hasErrors() {
    return failure.isPresent() || diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public Work withSource(Optional<SourceFile> newSource, List<Diagnostic> more) {
    return new Work(path, new byte[0], newSource, pipeline, concat(more), produced, emitted, failure);
  }

  public Work withPipeline(Optional<Pipeline> newPipeline, List<Diagnostic> more) {
    return new Work(path, bytes, source, newPipeline, concat(more), produced, emitted, failure);
  }

  /** Adds diagnostics a later stage (a validator, an emitter) found. */
  public Work withDiagnostics(List<Diagnostic> more) {
    return new Work(path, bytes, source, pipeline, concat(more), produced, emitted, failure);
  }

  /** Counts what a stage produced: characters of text, or items of a list. */
  public Work plusProduced(long amount) {
    return new Work(path, bytes, source, pipeline, diagnostics, produced + amount, emitted, failure);
  }

  /** Keeps what the emitter made, for the stages after it. */
  public Work withEmitted(Emitted e) {
    return new Work(path, bytes, source, pipeline, diagnostics, produced, Optional.of(e), failure);
  }

  /** Records that {@code stage} threw {@code t}. */
  public Work failed(String stage, Throwable t) {
    return new Work(path, new byte[0], source, Optional.empty(), diagnostics, produced, Optional.empty(),
        Optional.of(stage + ": " + t.getClass().getSimpleName()));
  }

  private List<Diagnostic> concat(List<Diagnostic> more) {
    if (more.isEmpty()) {
      return diagnostics;
    }
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    all.addAll(more);
    return all;
  }
}
