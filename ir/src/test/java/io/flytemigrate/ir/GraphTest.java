package io.flytemigrate.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphTest {
  private static Node.TaskNode task(String id, int line) {
    return new Node.TaskNode(id, id, "comp-" + line, List.of(), List.of(), TaskSettings.DEFAULT, Optional.empty(),
        Span.at("g.ir", line, 1));
  }

  @Test
  void nodesByIdKeepsTheFirstNodeOfEachIdInNodeOrder() {
    Node a1 = task("a", 1);
    Node b = task("b", 2);
    Node a2 = task("a", 3);
    Node c = task("c", 4);
    Graph g = new Graph(Interface.EMPTY, List.of(a1, b, a2, c), List.of(), Span.NONE);
    Map<String, Node> byId = g.nodesById();
    assertEquals(List.of("a", "b", "c"), List.copyOf(byId.keySet()));
    assertSame(a1, byId.get("a"));
    assertSame(a1, g.node("a").orElseThrow());
    assertTrue(g.node("z").isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> byId.put("z", c));
  }

  @Test
  void nodesByIdAgreesWithNodeForEveryIdOfALargeGraph() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      nodes.add(task("t-" + (i % 100), i + 1)); // every id three times
    }
    Graph g = new Graph(Interface.EMPTY, nodes, List.of(), Span.NONE);
    Map<String, Node> byId = g.nodesById();
    assertEquals(100, byId.size());
    for (int i = 0; i < 100; i++) {
      assertSame(g.node("t-" + i).orElseThrow(), byId.get("t-" + i));
      assertEquals(i + 1, byId.get("t-" + i).span().line(), "the first of the three nodes named t-" + i);
    }
  }
}
