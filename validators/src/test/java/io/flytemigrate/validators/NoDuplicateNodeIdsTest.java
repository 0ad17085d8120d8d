package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import java.util.List;
import java.util.Optional;
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
}
