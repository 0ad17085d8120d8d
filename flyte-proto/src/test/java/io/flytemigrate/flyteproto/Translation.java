package io.flytemigrate.flyteproto;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.spi.OutputFile;
import io.flytemigrate.kfp.KfpV2Reader;

/**
 * One corpus pipeline through the whole chain the tests need: read, lower, write the flytekit
 * project and the package whose fast tarball holds it. What {@code convert} does, without files.
 */
public record Translation(String path, Pipeline pipeline, Lowered lowered, java.util.List<OutputFile> projectFiles, FlytePackage pkg) {

  public static Translation of(String corpusPath) {
    return of(corpusPath, LoweringOptions.DEFAULT, PackageOptions.DEFAULT);
  }

  public static Translation of(String corpusPath, LoweringOptions lowering, PackageOptions packaging) {
    return ofText("corpus/" + corpusPath, Corpus.read(corpusPath), lowering, packaging);
  }

  public static Translation ofText(String displayPath, String text, LoweringOptions lowering, PackageOptions packaging) {
    Outcome<Pipeline> read = new KfpV2Reader().read(new SourceFile(displayPath, text));
    Pipeline p = read.value().orElseThrow(() -> new IllegalStateException(displayPath + ": " + read.diagnostics()));
    Outcome<Lowered> lowered = FlyteLowering.lower(p, lowering);
    Lowered l = lowered.value().orElseThrow(() -> new IllegalStateException(displayPath + ": " + lowered.diagnostics()));
    java.util.List<OutputFile> files = io.flytemigrate.flyte.python.FlytekitProjectWriter.write(l.project());
    return new Translation(displayPath, p, l, files, FlytePackage.write(l.project(), files, packaging));
  }

  public FlyteProject project() {
    return lowered.project();
  }
}
