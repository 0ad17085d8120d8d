package io.flytemigrate.validators;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;

/**
 * An artifact goes only into an input that expects its kind: a Model into a Model input, not a
 * Dataset one. A generic artifact ({@code system.Artifact}) fits every kind and takes every
 * kind; lists of artifacts are compared element by element; and a file never stands in for a
 * directory or the other way round, when both sides say which they are. In Flyte, artifacts
 * become blobs whose format is the artifact's schema, and the compiler rejects different formats
 * ({@code MismatchingTypes}); it does not compare single and multipart blobs, but the task
 * would find the wrong thing at its path.
 */
public final class ArtifactKindsMatch implements Check {
  @Override
  public Code code() {
    return Codes.ARTIFACT_KIND_MISMATCH;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    BindingTypes types = new BindingTypes(pipeline);
    for (Connection c : Connection.all(pipeline, types)) {
      if (TypeCompatibility.cast(c.from(), c.to()) != TypeCompatibility.Verdict.KIND_MISMATCH) {
        continue;
      }
      sink.report(Diagnostic.of(code(), c.span(), c.target() + " expects `" + TypeNames.of(c.to()) + "`, but "
              + c.source() + " gives `" + TypeNames.of(c.from()) + "`")
          .withHelp(shapesDiffer(c.from(), c.to())
              ? "a file cannot stand in for a directory or a directory for a file; pass what the input reads"
              : "pass an artifact of the expected kind, or declare the input as a generic `" + generic(c.to()) + "`"));
    }
  }

  private static boolean shapesDiffer(IrType from, IrType to) {
    while (from instanceof IrType.ListOf f && to instanceof IrType.ListOf t) {
      from = f.element();
      to = t.element();
    }
    return from instanceof IrType.Artifact f && to instanceof IrType.Artifact t
        && f.shape() != IrType.Shape.UNSPECIFIED && t.shape() != IrType.Shape.UNSPECIFIED && f.shape() != t.shape();
  }

  private static String generic(IrType to) {
    return to instanceof IrType.ListOf ? "list[system.Artifact]" : "system.Artifact";
  }
}
