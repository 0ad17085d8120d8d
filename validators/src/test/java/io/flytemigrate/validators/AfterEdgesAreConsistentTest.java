package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class AfterEdgesAreConsistentTest {
  private final Check check = new AfterEdgesAreConsistent();
  private static final Component ECHO =
      Ir.container("comp-echo", List.of(Ir.port("text", Ir.STR, 2)), List.of(Ir.port("Output", Ir.STR, 3)), 1);

  @Test
  void anAfterEntryThatRepeatsADataEdgeIsTheNormalForm() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(
        Ir.task("a", "comp-echo", 10),
        Ir.task("b", "comp-echo", 11, List.of(Ir.bind("text", Ir.output("a", "Output"), 12)), List.of("a"))));
    assertEquals("", Kfp.findings(check, p));
  }

  @Test
  void aRepeatIsAWarningAndTheNodeItselfAnError() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(
        Ir.task("a", "comp-echo", 10),
        Ir.task("b", "comp-echo", 11, List.of(), List.of("a", "a", "a")),
        Ir.task("c", "comp-echo", 12, List.of(), List.of("c"))));
    assertEquals("""
        11:1 warning task `b` lists `a` more than once in `after`
        12:1 error task `c` lists itself in `after`, so it waits for itself
        """, Kfp.findings(check, p));
  }

  @Test
  void aNodeInItsOwnAfterListIsNotAlsoACycle() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(Ir.task("c", "comp-echo", 12, List.of(), List.of("c"))));
    assertEquals("", Kfp.findings(new NoDependencyCycles(), p));
  }
}
