package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodiesAreNotEmptyTest {
  private final Check check = new BodiesAreNotEmpty();
  private static final Component ECHO = Ir.container("comp-echo", List.of(), List.of(), 1);

  private static Node.ConditionNode condition(Graph body) {
    return new Node.ConditionNode("condition-1", "c", List.of(), List.of(), new Condition("true", Optional.empty(), Ir.at(21)),
        body, Ir.at(20));
  }

  @Test
  void bodiesWithTasksAreFine() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(condition(Ir.graph(Ir.task("a", "comp-echo", 22)))));
    assertEquals("", Kfp.findings(check, p));
  }

  @Test
  void emptyBodiesAndEmptyPipelinesAreWarnings() {
    Node.ExitHandlerNode handler = new Node.ExitHandlerNode("exit-handler-1", "h", List.of(), List.of(), Ir.graph(),
        Optional.empty(), Ir.at(30));
    Component inner = new Component.PipelineComponent("comp-inner", Optional.empty(),
        new Graph(Interface.EMPTY, List.of(), List.of(), Ir.at(41)), Ir.at(40));
    Pipeline p = Ir.pipeline(List.of(ECHO, inner), Ir.graph(condition(Ir.graph()), handler));
    assertEquals("""
        20:1 warning condition `condition-1` has an empty body, so it does nothing
        30:1 warning exit handler `exit-handler-1` has an empty body, so it does nothing
        41:1 warning pipeline `comp-inner` has no tasks
        """, Kfp.findings(check, p));
  }

  @Test
  void anEmptyRootIsReportedAtItsTasks() {
    assertEquals("3:5 warning the pipeline has no tasks\n", Kfp.findings(check, """
        root:
          dag:
            tasks: {}
        """));
  }
}
