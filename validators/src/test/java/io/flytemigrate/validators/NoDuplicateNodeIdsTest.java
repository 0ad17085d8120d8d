package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NoDuplicateNodeIdsTest {
  private final Check check = new NoDuplicateNodeIds();

  /** An exit handler around one task, and the exit task; {@code %s} is the body task's name. */
  private static String exitHandler(String bodyTask) {
    return """
        components:
          comp-echo:
            executorLabel: exec-echo
          comp-exit-handler-1:
            dag:
              tasks:
                %s:
                  componentRef:
                    name: comp-echo
        root:
          dag:
            tasks:
              exit-handler-1:
                componentRef:
                  name: comp-exit-handler-1
              print-op:
                componentRef:
                  name: comp-echo
                dependentTasks: [exit-handler-1]
                triggerPolicy:
                  strategy: ALL_UPSTREAM_TASKS_COMPLETED
        """.formatted(bodyTask);
  }

  @Test
  void idsThatDifferAcrossTheRootAndABodyAreFine() {
    assertEquals("", Kfp.findings(check, exitHandler("work")));
  }

  @Test
  void aBodyTaskWithTheIdOfARootTaskIsReportedAtTheLaterOne() {
    List<Diagnostic> found = Kfp.run(check, Kfp.read(exitHandler("print-op")));
    assertEquals("16:7 error node id `print-op` is already used by another node of the pipeline\n", Kfp.lines(found));
    assertEquals("7:9 `print-op` is first used here",
        found.get(0).related().get(0).span().line() + ":" + found.get(0).related().get(0).span().column() + " "
            + found.get(0).related().get(0).message());
  }

  @Test
  void twoNodesWithOneIdInAGraph() {
    Component echo = Ir.container("comp-echo", List.of(), List.of(), 1);
    Pipeline p = Ir.pipeline(List.of(echo), Ir.graph(Ir.task("a", "comp-echo", 10), Ir.task("a", "comp-echo", 12)));
    assertEquals("12:1 error node id `a` is already used by another node of the pipeline\n", Kfp.findings(check, p));
  }

  @Test
  void aNestedPipelineHasItsOwnIds() {
    Component echo = Ir.container("comp-echo", List.of(), List.of(), 1);
    Component inner = new Component.PipelineComponent("comp-inner", Optional.empty(),
        Ir.graph(Interface.EMPTY, List.of(Ir.task("a", "comp-echo", 5)), List.<Graph.GraphOutput>of()), Ir.at(4));
    Pipeline p = Ir.pipeline(List.of(echo, inner), Ir.graph(Ir.task("a", "comp-inner", 10)));
    assertEquals("", Kfp.findings(check, p));
  }

  /** A loop {@code loopId} over a literal list whose body holds {@code body}, at line 20. */
  private static Node.LoopNode loop(String loopId, Node... body) {
    Graph g = Ir.graph(Ir.iface(List.of(Ir.port("item", Ir.STR, 21)), List.of()), List.of(body), List.<Graph.GraphOutput>of());
    return new Node.LoopNode(loopId, loopId, List.of(), List.of(),
        new LoopItems.Literal(new Value.ListValue(List.of(new Value.Str("a")))), "item", OptionalInt.empty(), g, Ir.at(20));
  }

  @Test
  void aLoopBodyHasItsOwnIdsAsAirflowMappedTasksNeed() {
    Component echo = Ir.container("comp-echo", List.of(), List.of(), 1);
    Node.TaskNode body = Ir.task("add_one", "comp-echo", 22, Ir.bind("x", new Binding.LoopItem("add_one"), 22));
    Pipeline p = Ir.pipeline(List.of(echo), Ir.graph(loop("add_one", body), Ir.task("sum_it", "comp-echo", 30)));
    assertEquals("", Kfp.findings(check, p));
  }

  @Test
  void twoNodesWithOneIdInOneLoopBodyAreStillReported() {
    Component echo = Ir.container("comp-echo", List.of(), List.of(), 1);
    Pipeline p = Ir.pipeline(List.of(echo),
        Ir.graph(loop("each", Ir.task("a", "comp-echo", 22), Ir.task("a", "comp-echo", 24))));
    assertEquals("24:1 error node id `a` is already used by another node of loop `each`\n", Kfp.findings(check, p));
  }

  @Test
  void aConditionInsideALoopSharesTheLoopBodysIds() {
    Component echo = Ir.container("comp-echo", List.of(), List.of(), 1);
    Node.ConditionNode cond = new Node.ConditionNode("cond", "cond", List.of(), List.of(),
        new io.flytemigrate.ir.Condition("true", Optional.empty(), Ir.at(25)),
        Ir.graph(Ir.task("a", "comp-echo", 26)), Ir.at(25));
    Pipeline p = Ir.pipeline(List.of(echo), Ir.graph(Ir.task("a", "comp-echo", 10), loop("each", Ir.task("a", "comp-echo", 22), cond)));
    assertEquals("26:1 error node id `a` is already used by another node of loop `each`\n", Kfp.findings(check, p));
  }
}
