package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferencesResolveTest {
  private final Check check = new ReferencesResolve();

  private static final Component ECHO =
      Ir.container("comp-echo", List.of(Ir.port("text", Ir.STR, 2)), List.of(Ir.port("Output", Ir.STR, 3)), 1);

  @Test
  void namesThatResolveAreFine() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(Interface.EMPTY, List.of(
        Ir.task("a", "comp-echo", 10),
        Ir.task("b", "comp-echo", 11, List.of(Ir.bind("text", Ir.output("a", "Output"), 12)), List.of("a"))),
        List.of(new Graph.GraphOutput("out", List.of(new Graph.Source("b", "Output")), false, false, Ir.at(20)))));
    assertEquals("", Kfp.findings(check, p));
  }

  @Test
  void everyKindOfDanglingNameIsReportedWhereItIsWritten() {
    Node.ExitHandlerNode handler = new Node.ExitHandlerNode("exit-handler-1", "h", List.of(), List.of(),
        Ir.graph(Ir.task("inner", "comp-echo", 16, Ir.bind("text", new Binding.LoopItem("for-loop-9"), 17))),
        Optional.of("cleanup"), Ir.at(15));
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(Interface.EMPTY, List.of(
        Ir.task("a", "comp-missing", 10),
        Ir.task("b", "comp-echo", 11, List.of(Ir.bind("text", Ir.output("nope", "Output"), 12)), List.of("gone")),
        handler),
        List.of(new Graph.GraphOutput("out", List.of(new Graph.Source("ghost", "Output")), false, false, Ir.at(20)))));
    assertEquals("""
        10:1 error task `a` runs component `comp-missing`, which is not defined
        11:1 error task `b` runs after `gone`, which is not a node of the pipeline
        12:1 error input `text` of task `b` reads from `nope`, which is not a node of the pipeline
        15:1 error exit handler `exit-handler-1` has exit task `cleanup`, which is not a node of the pipeline
        17:1 error input `text` of task `inner` reads an item of loop `for-loop-9`, which does not enclose it
        20:1 error output `out` of the pipeline comes from `ghost`, which is not a node of the pipeline
        """, Kfp.findings(check, p));
  }

  @Test
  void theHelpListsWhatExists() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(Ir.task("a", "comp-ech", 10)));
    assertEquals(Optional.of("defined components: `comp-echo`"), Kfp.run(check, p).get(0).help());
  }
}
