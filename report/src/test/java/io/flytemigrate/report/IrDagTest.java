package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The source DAG drawn from the IR: clusters for bodies, data and ordering edges, readable labels. */
class IrDagTest {
  private static Node.TaskNode task(String id, String component, List<InputBinding> inputs, List<String> after) {
    return new Node.TaskNode(id, id, component, inputs, after, TaskSettings.DEFAULT, Optional.empty(), Span.NONE);
  }

  private static InputBinding in(String name, Binding value) {
    return new InputBinding(name, value, Span.NONE);
  }

  private static Graph graph(Node... nodes) {
    return new Graph(Interface.EMPTY, List.of(nodes), List.of(), Span.NONE);
  }

  private static String edges(Dag dag) {
    var b = new StringBuilder();
    for (Dag.Edge e : dag.edges()) {
      b.append(e.from()).append(e.kind() == Dag.EdgeKind.DATA ? " -> " : " .> ").append(e.to())
          .append(e.label().isEmpty() ? "" : " [" + e.label() + "]").append('\n');
    }
    return b.toString();
  }

  @Test
  void theFixtureHasItsClustersLabelsAndEdges() {
    Dag dag = IrDag.of(Fixtures.pipeline(Fixtures.FILE));
    assertEquals(List.of("exit-handler-1", "notify"), dag.nodes().stream().map(Dag.Node::id).toList());
    Dag.Node handler = dag.nodes().get(0);
    assertEquals(Dag.Kind.EXIT_HANDLER, handler.kind());
    assertEquals("train-and-notify: exit handler", handler.label());
    assertEquals(List.of("exit-handler-1/condition-2", "exit-handler-1/for-loop-3", "exit-handler-1/prepare"),
        handler.children().stream().map(Dag.Node::id).toList());
    Dag.Node condition = handler.children().get(0);
    assertEquals(Dag.Kind.CONDITION, condition.kind());
    assertEquals("good-enough: if int(prepare.Output) > int(threshold)", condition.label(),
        "scope inputs are followed back to the task output and the pipeline parameter");
    assertEquals(List.of("exit-handler-1/condition-2/train"), condition.children().stream().map(Dag.Node::id).toList());
    Dag.Node loop = handler.children().get(1);
    assertEquals("for-loop-3: for each item in shards, 2 at a time", loop.label());
    assertEquals("""
        exit-handler-1/for-loop-3/evaluate -> exit-handler-1/for-loop-3/publish [Output]
        exit-handler-1/prepare -> exit-handler-1/condition-2 [Output]
        exit-handler-1/prepare .> exit-handler-1/for-loop-3
        exit-handler-1 -> notify [status]
        """, edges(dag));
  }

  @Test
  void afterWithoutDataIsAnOrderingEdgeAndUnknownNodesDrawNothing() {
    Graph g = graph(
        task("a", "c", List.of(), List.of()),
        task("b", "c", List.of(in("x", new Binding.Field(new Binding.TaskOutput("a", "out"), List.of("k"), "a.out.k")),
            in("y", new Binding.TaskOutput("ghost", "out"))), List.of("a", "nobody")),
        task("c", "c", List.of(), List.of("a", "b")));
    assertEquals("""
        a -> b [out]
        a .> c
        b .> c
        """, edges(IrDag.of(g)));
  }

  @Test
  void duplicateIdsStayApart() {
    Dag dag = IrDag.of(graph(task("a", "c", List.of(), List.of()), task("a", "c", List.of(), List.of()),
        task("b", "c", List.of(), List.of("a"))));
    assertEquals(List.of("a", "a#2", "b"), dag.nodes().stream().map(Dag.Node::id).toList());
    assertEquals("a .> b\n", edges(dag), "a reference goes to the first node of that id");
  }

  @Test
  void anExitHandlerWithoutAfterStillPointsToItsExitTask() {
    Node.ExitHandlerNode h = new Node.ExitHandlerNode("h", "handler", List.of(), List.of(),
        graph(task("work", "c", List.of(), List.of())), Optional.of("cleanup"), Span.NONE);
    Dag dag = IrDag.of(graph(h, task("cleanup", "c", List.of(), List.of())));
    assertEquals("h .> cleanup\n", edges(dag));
    assertEquals("handler: exit handler", dag.nodes().get(0).label());
  }

  @Test
  void nestedPipelinesAreWorkflows() {
    Component.PipelineComponent inner = new Component.PipelineComponent("comp-inner", Optional.empty(), graph(), Span.NONE);
    Pipeline p = new Pipeline("p", Optional.empty(), Optional.empty(), new Pipeline.SourceInfo("p.yaml", "test", Optional.empty(), Optional.empty()),
        List.of(inner), graph(task("call", "comp-inner", List.of(), List.of()), task("plain", "comp-x", List.of(), List.of())),
        Pipeline.PipelineSettings.NONE, Span.NONE);
    Dag dag = IrDag.of(p);
    assertEquals(List.of(Dag.Kind.WORKFLOW, Dag.Kind.TASK), dag.nodes().stream().map(Dag.Node::kind).toList());
    assertEquals(Dag.Kind.TASK, IrDag.of(p.root()).nodes().get(0).kind(), "without the pipeline the component is unknown");
  }
}
