package io.flytemigrate.bench;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.verify.Verifier;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.spi.OutputFile;
import io.flytemigrate.validators.Check;
import io.flytemigrate.validators.Validators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times the insides of the stages that are more than one step, with the product's own public
 * pieces, so that a stage growing faster than its input names its culprit: each validator of
 * {@link Validators#all()} on its own ({@code check:<Check>}), and the package stage as its two
 * halves, writing the package ({@code package-write}) and reading it back against the source
 * ({@code verify}). The reader's steps are {@link KfpV2Breakdown}'s.
 */
public final class StepBreakdown {
  private StepBreakdown() {}

  /** Nanoseconds per validator, in registry order. */
  public static Map<String, Long> checks(Pipeline pipeline) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Check c : Validators.all()) {
      DiagnosticSink sink = new DiagnosticSink();
      long t0 = System.nanoTime();
      c.run(pipeline, sink);
      out.put("check:" + c.getClass().getSimpleName(), System.nanoTime() - t0);
    }
    return out;
  }

  /** Nanoseconds to write the package of {@code pipeline} and to verify it; empty if it does not lower. */
  public static Map<String, Long> packageSteps(Pipeline pipeline) {
    Optional<Lowered> lowered = FlyteLowering.lower(pipeline, LoweringOptions.DEFAULT).value();
    if (lowered.isEmpty()) {
      return Map.of();
    }
    List<OutputFile> files = FlytekitProjectWriter.write(lowered.get().project());
    long t0 = System.nanoTime();
    FlytePackage pkg = FlytePackage.write(lowered.get().project(), files,
        PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL));
    long t1 = System.nanoTime();
    Verifier.verify(FlytePackage.FILE_NAME, pkg.bytes(), pipeline, Optional.of(lowered.get().parity()));
    long t2 = System.nanoTime();
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("package-write", t1 - t0);
    out.put("verify", t2 - t1);
    return out;
  }
}
