package io.flytemigrate.flyte.lower;

import static io.flytemigrate.flyte.lower.IrFixtures.STR;
import static io.flytemigrate.flyte.lower.IrFixtures.bind;
import static io.flytemigrate.flyte.lower.IrFixtures.container;
import static io.flytemigrate.flyte.lower.IrFixtures.graph;
import static io.flytemigrate.flyte.lower.IrFixtures.iface;
import static io.flytemigrate.flyte.lower.IrFixtures.output;
import static io.flytemigrate.flyte.lower.IrFixtures.pipeline;
import static io.flytemigrate.flyte.lower.IrFixtures.port;
import static io.flytemigrate.flyte.lower.IrFixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.parity.Fidelity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Nested pipelines nested thousands of levels deep, and a pipeline that contains itself, lowered
 * and written on a thread with a 1 MB stack (the JVM's default for new threads): the lowering
 * stops at {@link GraphLowering#MAX_DEPTH} levels with one FM5007 instead of overflowing the stack,
 * and every level within the bound is lowered as before.
 */
class DeepNestingTest {
  /**
   * A root task feeding {@code levels} pipelines nested in each other; each level runs a task on
   * its input, passes that task's output to the next level and returns the next level's output,
   * so values flow through every level in both directions.
   */
  static Pipeline nested(int levels) {
    List<Component> components = new ArrayList<>();
    components.add(container("comp-work", iface(List.of(port("text", STR)), List.of(port("Output", STR))),
        List.of(new Arg.Literal("echo"))));
    for (int level = 1; level <= levels; level++) {
      List<Node> nodes = new ArrayList<>();
      nodes.add(task("work", "comp-work", bind("text", new Binding.GraphInput("seed"))));
      String result = "work";
      String resultOutput = "Output";
      if (level < levels) {
        nodes.add(task("inner", "comp-level-" + (level + 1), bind("seed", new Binding.TaskOutput("work", "Output"))));
        result = "inner";
        resultOutput = "out";
      }
      Graph g = graph(iface(List.of(port("seed", STR)), List.of(port("out", STR))), nodes,
          List.of(output("out", result, resultOutput)));
      components.add(new Component.PipelineComponent("comp-level-" + level, java.util.Optional.empty(), g,
          IrFixtures.S));
    }
    Graph root = graph(iface(List.of(), List.of()), List.of(
        task("t-0", "comp-work", bind("text", new Binding.Constant(Value.str("go")))),
        task("top", "comp-level-1", bind("seed", new Binding.TaskOutput("t-0", "Output")))), List.of());
    return pipeline("deep", components, root);
  }

  /** A pipeline whose one nested pipeline calls itself (the reader reports it; the lowering must still end). */
  static Pipeline recursive() {
    Component work = container("comp-work", iface(List.of(port("text", STR)), List.of(port("Output", STR))),
        List.of(new Arg.Literal("echo")));
    Graph loop = graph(iface(List.of(port("seed", STR)), List.of()), List.of(
        task("work", "comp-work", bind("text", new Binding.GraphInput("seed"))),
        task("again", "comp-again", bind("seed", new Binding.TaskOutput("work", "Output")))), List.of());
    Component again = new Component.PipelineComponent("comp-again", java.util.Optional.empty(), loop, IrFixtures.S);
    Graph root = graph(iface(List.of(), List.of()), List.of(
        task("start", "comp-again", bind("seed", new Binding.Constant(Value.str("go"))))), List.of());
    return pipeline("recursive", List.of(work, again), root);
  }

  /** The lowering and the project's files, made on a thread with a 1 MB stack. */
  private static Outcome<Lowered> lowerOnSmallStack(Pipeline p) throws InterruptedException {
    AtomicReference<Outcome<Lowered>> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        Outcome<Lowered> o = FlyteLowering.lower(p, LoweringOptions.DEFAULT);
        FlytekitProjectWriter.write(o.value().orElseThrow().project());
        result.set(o);
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "small-stack", 1 << 20);
    t.start();
    t.join();
    assertNull(failure.get(), () -> "lowering threw " + failure.get());
    return result.get();
  }

  private static List<Diagnostic> tooDeep(Outcome<Lowered> o) {
    return o.diagnostics().stream().filter(d -> d.code().equals(Codes.NESTING_TOO_DEEP)).toList();
  }

  private static long nestedWorkflows(Outcome<Lowered> o) {
    return o.value().orElseThrow().project().workflows().stream()
        .filter(w -> w.role() == WorkflowDef.Role.NESTED_PIPELINE).count();
  }

  @Test
  void twoThousandFiveHundredLevelsStopAtTheBoundWithOneError() throws InterruptedException {
    Outcome<Lowered> o = lowerOnSmallStack(nested(2_500));
    List<Diagnostic> errors = tooDeep(o);
    assertEquals(1, errors.size(), () -> "diagnostics: " + o.diagnostics());
    assertEquals("nested pipelines and control flow nest deeper than 100 levels at workflow `level_101`",
        errors.get(0).message());
    // Levels 1 to 101 are sub-workflows; the 101st is cut to a no-op, and nothing below it exists.
    assertEquals(101, nestedWorkflows(o));
    assertTrue(o.value().orElseThrow().parity().entries().stream().anyMatch(e -> e.status() == Fidelity.DROPPED
        && e.source().equals("inner") && e.reason().contains("deeper than 100 levels")));
  }

  @Test
  void oneHundredLevelsLowerCompletely() throws InterruptedException {
    Outcome<Lowered> o = lowerOnSmallStack(nested(100));
    assertEquals(List.of(), tooDeep(o));
    assertEquals(100, nestedWorkflows(o));
    assertTrue(o.diagnostics().isEmpty(), () -> "diagnostics: " + o.diagnostics());
  }

  @Test
  void aPipelineThatContainsItselfEnds() throws InterruptedException {
    Outcome<Lowered> o = lowerOnSmallStack(recursive());
    assertEquals(1, tooDeep(o).size());
    assertEquals(101, nestedWorkflows(o));
  }
}
