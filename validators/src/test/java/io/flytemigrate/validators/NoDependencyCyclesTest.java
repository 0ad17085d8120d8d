package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoDependencyCyclesTest {
  private final Check check = new NoDependencyCycles();

  /** Three echo tasks; {@code a} reads {@code %s}, {@code b} reads {@code a}, {@code c} reads {@code b}. */
  private static String chain(String firstReads) {
    return """
        components:
          comp-echo:
            executorLabel: exec-echo
            inputDefinitions:
              parameters:
                text:
                  parameterType: STRING
                  isOptional: true
            outputDefinitions:
              parameters:
                Output:
                  parameterType: STRING
        root:
          dag:
            tasks:
              a:
                componentRef:
                  name: comp-echo
                %s
              b:
                componentRef:
                  name: comp-echo
                inputs:
                  parameters:
                    text:
                      taskOutputParameter:
                        outputParameterKey: Output
                        producerTask: a
              c:
                componentRef:
                  name: comp-echo
                dependentTasks:
                - b
        """.formatted(firstReads);
  }

  @Test
  void aChainHasNoCycle() {
    assertEquals("", Kfp.findings(check, chain("taskInfo: {name: a}")));
  }

  @Test
  void aCycleIsReportedOnceAtItsFirstNodeAsAPath() {
    Pipeline p = Kfp.read(chain("dependentTasks: [c]"));
    List<Diagnostic> found = Kfp.run(check, p);
    assertEquals("16:7 error nodes of the pipeline wait for each other in a cycle: `a` -> `b` -> `c` -> `a`\n",
        Kfp.lines(found));
    // One label per edge, at the binding or the node that writes it.
    assertEquals(List.of("25:13 `b` reads an output of `a` here", "29:7 `c` runs after `b` here", "16:7 `a` runs after `c` here"),
        found.get(0).related().stream().map(l -> l.span().line() + ":" + l.span().column() + " " + l.message()).toList());
  }

  @Test
  void aTaskReadingItsOwnOutputWaitsForItself() {
    Component echo = Ir.container("comp-echo", List.of(Ir.port("text", Ir.STR, 2)), List.of(Ir.port("Output", Ir.STR, 3)), 1);
    Pipeline p = Ir.pipeline(List.of(echo), Ir.graph(
        Ir.task("a", "comp-echo", 10, Ir.bind("text", Ir.output("a", "Output"), 11))));
    assertEquals("10:1 error task `a` waits for itself: `a` -> `a`\n", Kfp.findings(check, p));
  }

  @Test
  void twoCyclesAreTwoFindingsAndTheirOrderIsFixed() {
    Component echo = Ir.container("comp-echo", List.of(Ir.port("text", Ir.STR, 2)), List.of(Ir.port("Output", Ir.STR, 3)), 1);
    Pipeline p = Ir.pipeline(List.of(echo), Ir.graph(
        Ir.task("x", "comp-echo", 30, List.of(), List.of("y")),
        Ir.task("y", "comp-echo", 31, List.of(), List.of("x")),
        Ir.task("a", "comp-echo", 10, List.of(), List.of("b")),
        Ir.task("b", "comp-echo", 11, List.of(), List.of("a"))));
    assertEquals("""
        10:1 error nodes of the pipeline wait for each other in a cycle: `a` -> `b` -> `a`
        30:1 error nodes of the pipeline wait for each other in a cycle: `x` -> `y` -> `x`
        """, Kfp.findings(check, p));
  }
}
