package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Name lookups in a scope: by index, with the answers a scan of the graph gives. */
class ScopeTest {
  private static Graph.GraphOutput output(String name, String task, int line) {
    return new Graph.GraphOutput(name, List.of(new Graph.Source(task, "Output")), false, false, Ir.at(line));
  }

  @Test
  void aNodeIdNamesTheFirstNodeWithThatId() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(Ir.task("t-" + (i % 400), "comp-echo", i + 1));
    }
    Scope root = Scope.all(Ir.pipeline(List.of(), Ir.graph(Interface.EMPTY, nodes, List.of()))).get(0);
    for (int i = 0; i < 400; i++) {
      assertEquals(i + 1, root.node("t-" + i).orElseThrow().span().line(), "t-" + i);
      assertSame(root.graph().node("t-" + i).orElseThrow(), root.node("t-" + i).orElseThrow());
    }
    assertTrue(root.node("t-400").isEmpty());
    assertTrue(root.node("").isEmpty());
  }

  @Test
  void anOutputNameNamesTheFirstOutputWithThatName() {
    Graph g = Ir.graph(Interface.EMPTY, List.of(Ir.task("a", "comp-echo", 10), Ir.task("b", "comp-echo", 11)),
        List.of(output("x", "a", 20), output("y", "b", 21), output("x", "b", 22)));
    Scope root = Scope.all(Ir.pipeline(List.of(), g)).get(0);
    assertEquals(20, root.output("x").orElseThrow().span().line());
    assertEquals(21, root.output("y").orElseThrow().span().line());
    assertTrue(root.output("z").isEmpty());
  }

  @Test
  void aNodeHasOneBodyScopeAndItIsTheOneAllFinds() {
    Node.ConditionNode cond = new Node.ConditionNode("condition-1", "c", List.of(), List.of(),
        new Condition("c", Optional.empty(), Ir.at(30)), Ir.graph(Ir.task("inner", "comp-echo", 31)), Ir.at(30));
    // An equal node elsewhere is still another node: its body is another scope.
    Node.ConditionNode twin = new Node.ConditionNode("condition-1", "c", List.of(), List.of(),
        new Condition("c", Optional.empty(), Ir.at(30)), Ir.graph(Ir.task("inner", "comp-echo", 31)), Ir.at(30));
    Pipeline p = Ir.pipeline(List.of(), Ir.graph(cond, twin));
    List<Scope> all = Scope.all(p);
    assertEquals(3, all.size());
    Scope root = all.get(0);
    assertSame(all.get(1), root.body(cond).orElseThrow());
    assertSame(all.get(2), root.body(twin).orElseThrow());
    assertSame(root.body(cond).orElseThrow(), root.body(cond).orElseThrow());
    assertSame(root, all.get(1).parent().orElseThrow());
    assertEquals(31, all.get(1).node("inner").orElseThrow().span().line());
    assertTrue(root.body(Ir.task("t", "comp-echo", 40)).isEmpty());
  }
  @Test
  void aBodyFindsTheFirstBindingItsOwnerGivesAnInput() {
    List<io.flytemigrate.ir.InputBinding> passed = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      passed.add(Ir.bind("in-" + (i % 20), Ir.constant(new io.flytemigrate.ir.Value.Int(i)), 100 + i));
    }
    Node.ConditionNode cond = new Node.ConditionNode("condition-1", "c", passed, List.of(),
        new Condition("c", Optional.empty(), Ir.at(30)), Ir.graph(Ir.task("inner", "comp-echo", 31)), Ir.at(30));
    List<Scope> all = Scope.all(Ir.pipeline(List.of(), Ir.graph(cond)));
    Scope body = all.get(1);
    for (int i = 0; i < 20; i++) {
      assertSame(Scope.binding(cond, "in-" + i).orElseThrow(), body.ownerBinding("in-" + i).orElseThrow());
      assertEquals(100 + i, body.ownerBinding("in-" + i).orElseThrow().span().line());
    }
    assertTrue(body.ownerBinding("in-20").isEmpty());
    assertTrue(all.get(0).ownerBinding("in-0").isEmpty(), "the root has no owner");
  }

  @Test
  void portsFindTheFirstPortOfANameInSmallAndLargeInterfaces() {
    Ports ports = new Ports();
    for (int size : List.of(3, 8, 9, 500)) {
      List<io.flytemigrate.ir.Port> in = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        in.add(Ir.port("p-" + i, Ir.STR, i + 1));
      }
      in.add(Ir.port("p-0", Ir.INT, size + 1));
      Interface iface = Ir.iface(in, List.copyOf(in));
      assertEquals(1, ports.input(iface, "p-0").orElseThrow().span().line(), "size " + size);
      assertEquals(1, ports.output(iface, "p-0").orElseThrow().span().line(), "size " + size);
      assertSame(iface.input("p-" + (size - 1)).orElseThrow(), ports.input(iface, "p-" + (size - 1)).orElseThrow());
      assertTrue(ports.input(iface, "p-" + size).isEmpty(), "size " + size);
      assertTrue(ports.output(iface, "nope").isEmpty(), "size " + size);
    }
  }
}
