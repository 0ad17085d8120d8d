package io.flytemigrate.samples;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.print.IrPrinter;
import io.flytemigrate.kfp.KfpV2Reader;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: for every sample case, the IR text and the diagnostics must equal the approved
 * files. On a difference a {@code .received} file appears beside the approved one; review it, and
 * approve all with {@code mvn test -pl samples -am -Dapprove=true}.
 */
class SamplesTest {
  /** Areas whose cases another golden test owns, with its own reader. */
  private static final java.util.Set<String> OWN_TESTS = java.util.Set.of("kfp-v1", "airflow");

  static Stream<SampleCase> cases() {
    return SampleCase.discover().stream().filter(c -> !OWN_TESTS.contains(c.name().split("/")[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsAsApproved(SampleCase c) {
    SourceFile source = new SourceFile(c.displayPath(), c.text());
    Outcome<Pipeline> outcome = new KfpV2Reader().read(source);
    String ir = outcome.value().map(IrPrinter::print).orElse("(no pipeline)\n");
    approve(c, "ir", ".txt", ir);
    approve(c, "diagnostics", ".txt", DiagnosticRenderer.shortForm(outcome.diagnostics()));
  }

  private static void approve(SampleCase c, String name, String ext, String text) {
    Options options = new Options()
        .withReporter(Boolean.getBoolean("approve") ? new AutoApproveReporter() : new QuietReporter())
        .forFile().withNamer(new CaseNamer(c.dir().resolve("approved"), name))
        .forFile().withExtension(ext);
    Approvals.verify(text, options);
  }
}
