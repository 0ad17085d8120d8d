package io.flytemigrate.flyte.lower;

import static io.flytemigrate.flyte.lower.IrFixtures.bind;
import static io.flytemigrate.flyte.lower.IrFixtures.graph;
import static io.flytemigrate.flyte.lower.IrFixtures.iface;
import static io.flytemigrate.flyte.lower.IrFixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.TaskSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dependency order: each step takes the first node in source order whose dependencies are done. */
class TopoOrderTest {
  private static Node.TaskNode after(String id, String... upstream) {
    return new Node.TaskNode(id, id, "comp", List.of(), List.of(upstream), TaskSettings.DEFAULT, Optional.empty(),
        IrFixtures.S);
  }

  private static List<String> order(Node... nodes) {
    return TopoOrder.of(graph(iface(List.of(), List.of()), List.of(nodes), List.of())).stream().map(Node::id).toList();
  }

  @Test
  void readyNodesKeepSourceOrder() {
    assertEquals(List.of("b", "c", "a"), order(after("a", "c"), after("b"), after("c")));
    assertEquals(List.of("z", "x", "y"), order(after("x", "z"), after("y", "x"), after("z")));
  }

  @Test
  void aNodeThatBecomesReadyComesBeforeLaterReadyNodes() {
    // `b` is ready once `c` is done, and comes before `d`, which was ready all along.
    assertEquals(List.of("c", "b", "d", "a"), order(after("a", "b", "d"), after("b", "c"), after("c"), after("d")));
  }

  @Test
  void dataEdgesCountAndSelfEdgesAndUnknownIdsDoNot() {
    Node reader = task("r", "comp", bind("x", new Binding.TaskOutput("w", "out")));
    assertEquals(List.of("u", "w", "r"), order(reader, after("u", "u", "nowhere"), after("w")));
  }

  @Test
  void aCycleLeavesItsNodesInSourceOrderAtTheEnd() {
    assertEquals(List.of("r", "p", "q"), order(after("p", "q"), after("q", "p"), after("r")));
  }

  @Test
  void aLongReversedChainComesOutForwards() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 9_999; i >= 0; i--) {
      nodes.add(i == 0 ? after("t0") : after("t" + i, "t" + (i - 1)));
    }
    List<String> got = order(nodes.toArray(Node[]::new));
    assertEquals("t0", got.get(0));
    assertEquals("t9999", got.get(9_999));
    assertEquals("t5000", got.get(5_000));
  }
}
