package io.flytemigrate.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.print.IrPrinter;
import org.junit.jupiter.api.Test;

/** Reading the same text twice gives the same pipeline, the same printout, the same diagnostics. */
class DeterminismTest {

  private static void check(String text, String printedFragment) {
    KfpV2Reader reader = new KfpV2Reader();
    Outcome<Pipeline> first = reader.read(new SourceFile("p.yaml", text));
    Outcome<Pipeline> second = reader.read(new SourceFile("p.yaml", text));
    Outcome<Pipeline> fresh = new KfpV2Reader().read(new SourceFile("p.yaml", text));
    Pipeline a = first.value().orElseThrow();
    assertNotSame(a, second.value().orElseThrow());
    assertEquals(a, second.value().orElseThrow());
    assertEquals(a, fresh.value().orElseThrow());
    String printed = IrPrinter.print(a);
    assertEquals(printed, IrPrinter.print(second.value().orElseThrow()));
    assertEquals(printed, IrPrinter.print(fresh.value().orElseThrow()));
    assertTrue(printed.contains(printedFragment), () -> "printout lacks `" + printedFragment + "`:\n" + printed);
    assertEquals(first.diagnostics(), second.diagnostics());
    assertEquals(DiagnosticRenderer.shortForm(first.diagnostics()), DiagnosticRenderer.shortForm(fresh.diagnostics()));
  }

  @Test
  void aPythonComponentFromTheCorpus() {
    check(ExecutorsTest.PIP_INSTALL, "PythonComponent @4:3");
  }

  @Test
  void ifElifElse() {
    check(ControlFlowTest.BRANCHES, "BranchesNode");
  }

  @Test
  void importers() {
    check(ExecutorsTest.IMPORTERS, "ImporterComponent");
  }

  @Test
  void aSpecWithManyDiagnostics() {
    String text = ControlFlowTest.BRANCHES
        .replace("schemaVersion: 2.1.0", "schemaVersion: 7.0.0")
        .replace("producerSubtask: condition-3", "producerSubtask: nowhere")
        .replace("name: comp-print\n", "name: comp-missing\n")
        + "extra: 1\n---\nplatforms:\n  foo: {}\n  kubernetes:\n    deploymentSpec:\n      executors:\n        exec-x: {}\n";
    Outcome<Pipeline> o = new KfpV2Reader().read(new SourceFile("p.yaml", text));
    assertTrue(o.diagnostics().size() >= 5, () -> DiagnosticRenderer.shortForm(o.diagnostics()));
    check(text, "comp-missing");
  }
}
