package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.kfp.KfpV2Reader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The synthetic specs are valid KFP v2: a benchmark of a spec full of errors would measure error paths. */
class SyntheticTest {
  @ParameterizedTest
  @EnumSource(Shape.class)
  void everyShapeReadsWithoutDiagnostics(Shape shape) {
    Synthetic.Spec spec = Synthetic.generate(shape, 250);
    Outcome<Pipeline> read = new KfpV2Reader().read(new SourceFile(spec.name(), spec.yaml()));
    assertEquals("", DiagnosticRenderer.shortForm(read.diagnostics()));
    assertTrue(read.value().isPresent());
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void theReportedTaskCountIsTheNumberOfTasksInTheIr(Shape shape) {
    Synthetic.Spec spec = Synthetic.generate(shape, 250);
    Pipeline p = new KfpV2Reader().read(new SourceFile(spec.name(), spec.yaml())).value().orElseThrow();
    int inIr = count(p.root().nodes());
    for (var c : p.components()) {
      if (c instanceof io.flytemigrate.ir.Component.PipelineComponent pc) {
        inIr += count(pc.graph().nodes());
      }
    }
    assertEquals(spec.tasks(), inIr);
  }

  @ParameterizedTest
  @EnumSource(value = Shape.class, names = {"CHAIN", "FAN_OUT"})
  void flatShapesHaveExactlyTheRequestedSize(Shape shape) {
    assertEquals(1000, Synthetic.generate(shape, 1000).tasks());
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void twentyThousandTasksFitUnderTheInputLimit(Shape shape) {
    Synthetic.Spec spec = Synthetic.generate(shape, 20_000);
    assertTrue(spec.tasks() >= 19_900, () -> "only " + spec.tasks() + " tasks");
    assertTrue(spec.yaml().length() < io.flytemigrate.cli.InputFiles.MAX_BYTES, () -> spec.yaml().length() + " chars");
  }

  /** Nodes of a graph, counting the nodes inside control-flow bodies and the control-flow nodes themselves. */
  private static int count(java.util.List<Node> nodes) {
    int n = 0;
    for (Node node : nodes) {
      n++;
      if (node instanceof Node.ConditionNode c) {
        n += count(c.body().nodes());
      } else if (node instanceof Node.LoopNode l) {
        n += count(l.body().nodes());
      } else if (node instanceof Node.BranchesNode b) {
        n += count(b.body().nodes());
      } else if (node instanceof Node.ExitHandlerNode e) {
        n += count(e.body().nodes());
      }
    }
    return n;
  }
}
