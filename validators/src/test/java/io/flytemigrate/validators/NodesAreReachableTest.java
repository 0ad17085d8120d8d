package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesAreReachableTest {
  private final Check check = new NodesAreReachable();
  private static final Component ECHO = Ir.container("comp-echo", List.of(), List.of(), 1);

  @Test
  void everyNodeOfADagCanRun() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(
        Ir.task("a", "comp-echo", 10),
        Ir.task("b", "comp-echo", 11, List.of(), List.of("a")),
        Ir.task("c", "comp-echo", 12, List.of(), List.of("a", "b"))));
    assertEquals("", Kfp.findings(check, p));
  }

  @Test
  void nodesBehindACycleCanNeverRunButTheCycleIsNotReportedHere() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(
        Ir.task("a", "comp-echo", 10, List.of(), List.of("b")),
        Ir.task("b", "comp-echo", 11, List.of(), List.of("a")),
        Ir.task("c", "comp-echo", 12, List.of(), List.of("b")),
        Ir.task("d", "comp-echo", 13, List.of(), List.of("c")),
        Ir.task("free", "comp-echo", 14)));
    assertEquals("""
        12:1 error task `c` can never run: it waits for `b`, which is part of a dependency cycle
        13:1 error task `d` can never run: it waits for `b`, which is part of a dependency cycle
        """, Kfp.findings(check, p));
  }
}
