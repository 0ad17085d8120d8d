package io.flytemigrate.kfp.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.testing.Kfp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specs no compiler writes, deep as graphs and small as YAML (every component sits at the same
 * YAML depth): thousands of nested pipelines, and control flow nested past the reader's limit.
 */
class DeepSpecsTest {
  private static final String ECHO = """
        comp-echo:
          executorLabel: exec-echo
      deploymentSpec:
        executors:
          exec-echo:
            container:
              image: busybox
      pipelineInfo:
        name: deep
      schemaVersion: 2.1.0
      """;

  /** {@code comp-p1} calls {@code comp-p2}, ... {@code comp-pN} calls {@code last}; the root calls p1. */
  private static String nestedPipelines(int n, String last) {
    StringBuilder b = new StringBuilder("root:\n  dag:\n    tasks:\n      p1:\n        componentRef:\n          name: comp-p1\n");
    b.append("components:\n");
    for (int i = 1; i <= n; i++) {
      String callee = i < n ? "comp-p" + (i + 1) : last;
      b.append("  comp-p").append(i).append(":\n    dag:\n      tasks:\n        call:\n");
      b.append("          componentRef:\n            name: ").append(callee).append('\n');
    }
    return b.append(ECHO).toString();
  }

  @Test
  void fiveThousandNestedPipelinesReadWithoutADiagnostic() {
    Outcome<Pipeline> o = Kfp.read(nestedPipelines(5_000, "comp-echo"));
    Diags.check(o.diagnostics(), "");
    Pipeline p = Kfp.pipeline(o);
    assertEquals(5_001, p.components().size());
    Component.PipelineComponent last = (Component.PipelineComponent) p.components().get(4_999);
    assertEquals("comp-p5000", last.id());
    assertEquals("comp-echo", ((Node.TaskNode) last.graph().nodes().get(0)).component());
  }

  /** The last of 5,000 calls the first: every one of them is on the cycle, each reported once. */
  @Test
  void fiveThousandNestedPipelinesInOneCycleAreEachReported() {
    Outcome<Pipeline> o = Kfp.read(nestedPipelines(5_000, "comp-p1"));
    List<Diagnostic> ds = o.diagnostics();
    assertEquals(5_000, ds.size(), () -> Diags.render(ds.subList(0, Math.min(5, ds.size()))));
    assertTrue(ds.stream().allMatch(d -> d.code().equals(Codes.RECURSIVE_COMPONENT)), () -> Diags.render(ds.subList(0, 5)));
    assertEquals("component `comp-p1` contains itself through its dag", ds.get(0).message());
    assertEquals(8, ds.get(0).span().line());
    assertEquals("component `comp-p5000` contains itself through its dag", ds.get(4_999).message());
  }

  /**
   * Conditions {@code depth} levels deep where each body holds {@code width} conditions that all
   * enter the same next body: inlined for each task, that is {@code width ^ depth} tasks.
   */
  static String sharedBodies(int depth, int width) {
    StringBuilder b = new StringBuilder("components:\n");
    for (int i = 1; i <= depth; i++) {
      b.append("  comp-condition-").append(i).append(":\n    dag:\n      tasks:\n");
      for (int w = 0; w < (i < depth ? width : 0); w++) {
        String pad = "        ";
        b.append(pad).append("condition-").append(i + 1).append('-').append(w).append(":\n");
        b.append(pad).append("  componentRef:\n").append(pad).append("    name: comp-condition-").append(i + 1).append('\n');
        b.append(pad).append("  triggerPolicy:\n").append(pad).append("    condition: \"'a' == 'a'\"\n");
      }
      if (i == depth) {
        b.append("        echo:\n          componentRef:\n            name: comp-echo\n");
      }
    }
    b.append("  comp-echo:\n    executorLabel: exec-echo\n");
    b.append("deploymentSpec:\n  executors:\n    exec-echo:\n      container:\n        image: busybox\n");
    b.append("pipelineInfo:\n  name: shared\nroot:\n  dag:\n    tasks:\n");
    conditionTask(b, "      ", 1);
    return b.append("schemaVersion: 2.1.0\n").toString();
  }

  private static int tasks(Graph g) {
    int n = 0;
    for (Node node : g.nodes()) {
      n++;
      if (node instanceof Node.ConditionNode c) {
        n += tasks(c.body());
      }
    }
    return n;
  }

  /** A body two tasks use is inlined for each: the IR says what each task runs. */
  @Test
  void aBodyThatTwoTasksUseIsReadForEach() {
    Outcome<Pipeline> o = Kfp.read(sharedBodies(3, 2));
    Diags.check(o.diagnostics(), "");
    // condition-1, its two conditions, their two each, and one echo in each of those four.
    assertEquals(1 + 2 + 4 + 4, tasks(Kfp.pipeline(o).root()));
  }

  /** Thirty levels of bodies used twice would be a billion tasks: the reader stops at its limit. */
  @Test
  void bodiesUsedTwiceAtEveryLevelStopAtTheExpansionLimit() {
    Outcome<Pipeline> o = Kfp.read(sharedBodies(30, 2));
    assertEquals(1, o.diagnostics().size(), () -> Diags.render(o.diagnostics()));
    Diagnostic d = o.diagnostics().get(0);
    assertEquals(Codes.LIMIT_EXCEEDED, d.code());
    assertEquals("the pipeline expands to more than 10000 tasks beyond those the file holds, through control-flow bodies"
        + " that several tasks use", d.message());
    int read = tasks(Kfp.pipeline(o).root());
    assertEquals(10_000 + 60, read, "the 60 task entries of the file and 10,000 more");
  }

  /** Conditions nested {@code depth} levels: root enters comp-condition-1, whose dag enters -2, ... */
  static String nestedConditions(int depth) {
    StringBuilder b = new StringBuilder("components:\n");
    for (int i = 1; i <= depth; i++) {
      b.append("  comp-condition-").append(i).append(":\n    dag:\n      tasks:\n");
      if (i < depth) {
        conditionTask(b, "        ", i + 1);
      } else {
        b.append("        echo:\n          componentRef:\n            name: comp-echo\n");
      }
    }
    b.append("  comp-echo:\n    executorLabel: exec-echo\n");
    b.append("deploymentSpec:\n  executors:\n    exec-echo:\n      container:\n        image: busybox\n");
    b.append("pipelineInfo:\n  name: nested\nroot:\n  dag:\n    tasks:\n");
    conditionTask(b, "      ", 1);
    b.append("  inputDefinitions:\n    parameters:\n      x:\n        parameterType: STRING\n");
    return b.append("schemaVersion: 2.1.0\n").toString();
  }

  private static void conditionTask(StringBuilder b, String pad, int level) {
    b.append(pad).append("condition-").append(level).append(":\n");
    b.append(pad).append("  componentRef:\n").append(pad).append("    name: comp-condition-").append(level).append('\n');
    b.append(pad).append("  triggerPolicy:\n").append(pad).append("    condition: \"'a' == 'a'\"\n");
  }

  /** The number of conditions nested under the root. */
  private static int depth(Graph g) {
    int d = 0;
    while (!g.nodes().isEmpty() && g.nodes().get(0) instanceof Node.ConditionNode c) {
      g = c.body();
      d++;
    }
    return d;
  }

  /** The body of the innermost condition. */
  private static Graph innermost(Graph g) {
    while (!g.nodes().isEmpty() && g.nodes().get(0) instanceof Node.ConditionNode c) {
      g = c.body();
    }
    return g;
  }

  @Test
  void aHundredNestedConditionsAreTheLimitAndRead() {
    Outcome<Pipeline> o = Kfp.read(nestedConditions(100));
    Diags.check(o.diagnostics(), "");
    assertEquals(100, depth(Kfp.pipeline(o).root()));
    assertEquals("echo", innermost(Kfp.pipeline(o).root()).nodes().get(0).id());
  }

  @Test
  void aHundredAndOneNestedConditionsAreCutAtTheLimit() {
    Outcome<Pipeline> o = Kfp.read(nestedConditions(101));
    // comp-condition-101 is at line 2 + 8 * 100; its mapping (the span) starts one line below.
    Diags.check(o.diagnostics(), """
        FM1002 803:5 control flow nests deeper than 100 levels at component `comp-condition-101`
        """);
    assertTrue(o.hasErrors());
    Pipeline p = Kfp.pipeline(o);
    assertEquals(101, depth(p.root()), "the 100th body holds the 101st condition");
    assertEquals(List.of(), innermost(p.root()).nodes(), "whose body is left out");
  }

  /** Ten thousand levels: one diagnostic, no stack overflow (the recursion stops at the limit). */
  @Test
  void tenThousandNestedConditionsAreOneDiagnostic() {
    Outcome<Pipeline> o = Kfp.read(nestedConditions(10_000));
    assertEquals(1, o.diagnostics().size(), () -> Diags.render(o.diagnostics()));
    assertEquals("control flow nests deeper than 100 levels at component `comp-condition-101`", o.diagnostics().get(0).message());
    assertEquals(Codes.LIMIT_EXCEEDED, o.diagnostics().get(0).code());
  }
}
