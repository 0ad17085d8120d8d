package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Values flow through control-flow bodies; declarations count where users write them. */
class BindingTypesTest {
  private static final Component MAKE = Ir.container("comp-make", List.of(),
      List.of(Ir.port("n", Ir.INT, 2), Ir.port("xs", Ir.list(Ir.FLOAT), 3)), 1);

  private static Node.LoopNode loop(String id, LoopItems items, List<io.flytemigrate.ir.InputBinding> inputs, Graph body) {
    return new Node.LoopNode(id, id, inputs, List.of(), items, "item", OptionalInt.empty(), body, Ir.at(20));
  }

  private static Scope onlyBody(Pipeline p) {
    return Scope.all(p).get(1);
  }

  @Test
  void aLoopItemIsAnElementOfTheListWhateverTheBodyDeclares() {
    Graph body = Ir.graph(Ir.iface(List.of(Ir.port("item", Ir.STR, 21), Ir.port("xs", Ir.list(new IrType.Any()), 22)), List.of()),
        List.of(), List.of());
    Node.LoopNode l = loop("for-loop-1", new LoopItems.FromInput("xs", false),
        List.of(Ir.bind("xs", Ir.output("make", "xs"), 23)), body);
    Pipeline p = Ir.pipeline(List.of(MAKE), Ir.graph(Ir.task("make", "comp-make", 10), l));
    BindingTypes types = new BindingTypes(p);
    Scope inside = onlyBody(p);
    assertEquals(Optional.of(Ir.FLOAT), types.of(new Binding.LoopItem("for-loop-1"), inside));
    assertEquals(Optional.of(Ir.FLOAT), types.of(Ir.input("item"), inside), "the item input is the element too");
    assertEquals(Optional.of(Ir.list(Ir.FLOAT)), types.of(Ir.input("xs"), inside), "a body input has its bound value's type");
    assertEquals(Optional.empty(), types.of(Ir.input("nothing"), inside));
  }

  @Test
  void literalItemsHaveTheirCommonTypeOrAny() {
    Node.LoopNode ints = loop("a", new LoopItems.Literal(new Value.ListValue(List.of(new Value.Int(1), new Value.Int(2)))), List.of(),
        Ir.graph());
    Node.LoopNode mixed = loop("b", new LoopItems.Literal(new Value.ListValue(List.of(new Value.Int(1), Value.str("x")))), List.of(),
        Ir.graph());
    Pipeline p = Ir.pipeline(List.of(), Ir.graph(ints, mixed));
    BindingTypes types = new BindingTypes(p);
    assertEquals(Optional.of(Ir.INT), types.loopItem(Scope.all(p).get(1)));
    assertEquals(Optional.of(new IrType.Any()), types.loopItem(Scope.all(p).get(2)));
  }

  @Test
  void aLoopCollectsIntoOneFlatListAndADeclaredListOverAConditionCollectsToo() {
    // for-loop-1 { for-loop-2 { make } } collects `n` once per inner iteration: one flat list[int].
    Graph innerBody = Ir.graph(Ir.iface(List.of(), List.of(Ir.port("ns", Ir.list(new IrType.Any()), 31))),
        List.of(Ir.task("make", "comp-make", 32)),
        List.of(new Graph.GraphOutput("ns", List.of(new Graph.Source("make", "n")), false, true, Ir.at(33))));
    Node.LoopNode inner = loop("for-loop-2", new LoopItems.Literal(new Value.ListValue(List.of())), List.of(), innerBody);
    Graph outerBody = Ir.graph(Ir.iface(List.of(), List.of(Ir.port("ns", Ir.list(new IrType.Any()), 41))), List.of(inner),
        List.of(new Graph.GraphOutput("ns", List.of(new Graph.Source("for-loop-2", "ns")), false, true, Ir.at(42))));
    Node.LoopNode outer = loop("for-loop-1", new LoopItems.Literal(new Value.ListValue(List.of())), List.of(), outerBody);
    // condition-1 { make } declares its output a list: KFP's dsl.Collected over a condition.
    Graph condBody = Ir.graph(Ir.iface(List.of(), List.of(Ir.port("n", Ir.list(new IrType.Any()), 51))),
        List.of(Ir.task("make", "comp-make", 52)),
        List.of(new Graph.GraphOutput("n", List.of(new Graph.Source("make", "n")), false, false, Ir.at(53))));
    Node.ConditionNode cond = new Node.ConditionNode("condition-1", "c", List.of(), List.of(),
        new Condition("c", Optional.empty(), Ir.at(50)), condBody, Ir.at(50));
    Pipeline p = Ir.pipeline(List.of(MAKE), Ir.graph(outer, cond));
    BindingTypes types = new BindingTypes(p);
    Scope root = Scope.all(p).get(0);
    assertEquals(Optional.of(Ir.list(Ir.INT)), types.output(root, outer, "ns"));
    assertEquals(Optional.of(Ir.list(new IrType.Any())), types.output(root, cond, "n"));
  }

  @Test
  void scopesAreListedRootFirstThenBodiesThenNestedPipelines() {
    Component inner = new Component.PipelineComponent("comp-inner", Optional.empty(), Ir.graph(Ir.task("x", "comp-make", 5)),
        Ir.at(4));
    Node.LoopNode l = loop("for-loop-1", new LoopItems.Literal(new Value.ListValue(List.of())), List.of(),
        Ir.graph(Ir.task("y", "comp-make", 21)));
    Pipeline p = Ir.pipeline(List.of(MAKE, inner), Ir.graph(l));
    assertEquals(List.of("the pipeline", "loop `for-loop-1`", "pipeline `comp-inner`"),
        Scope.all(p).stream().map(Scope::describe).toList());
    assertEquals(List.of("the pipeline", "pipeline `comp-inner`"), Scope.namespaces(p).stream().map(Scope::describe).toList());
    assertEquals("the pipeline", Scope.all(p).get(1).namespace().describe());
  }
}
