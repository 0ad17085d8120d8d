package io.flytemigrate.flyte.lower;

import static io.flytemigrate.flyte.lower.IrFixtures.ANY;
import static io.flytemigrate.flyte.lower.IrFixtures.INT;
import static io.flytemigrate.flyte.lower.IrFixtures.LIST;
import static io.flytemigrate.flyte.lower.IrFixtures.STR;
import static io.flytemigrate.flyte.lower.IrFixtures.bind;
import static io.flytemigrate.flyte.lower.IrFixtures.graph;
import static io.flytemigrate.flyte.lower.IrFixtures.iface;
import static io.flytemigrate.flyte.lower.IrFixtures.list;
import static io.flytemigrate.flyte.lower.IrFixtures.loop;
import static io.flytemigrate.flyte.lower.IrFixtures.map;
import static io.flytemigrate.flyte.lower.IrFixtures.parameter;
import static io.flytemigrate.flyte.lower.IrFixtures.pipeline;
import static io.flytemigrate.flyte.lower.IrFixtures.port;
import static io.flytemigrate.flyte.lower.IrFixtures.python;
import static io.flytemigrate.flyte.lower.IrFixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.LiteralType.SimpleType;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Untyped values get one type from both ends of their bindings. */
class ListHintsTest {
  private static final LiteralType INT_T = LiteralType.simple(SimpleType.INTEGER);

  private static Lowered lower(Pipeline p) {
    Outcome<Lowered> o = FlyteLowering.lower(p, LoweringOptions.DEFAULT);
    assertFalse(o.hasErrors(), o.diagnostics().toString());
    return o.value().orElseThrow();
  }

  private static LiteralType input(FlyteProject p, String task, String var) {
    TaskDef t = p.tasks().stream().filter(x -> x.python().name().equals(task)).findFirst().orElseThrow();
    return t.iface().input(var).map(Variable::type).orElseThrow();
  }

  private static LiteralType output(FlyteProject p, String task) {
    TaskDef t = p.tasks().stream().filter(x -> x.python().name().equals(task)).findFirst().orElseThrow();
    return t.iface().outputs().get(0).type();
  }

  private static ParityEntry row(Lowered l, String kind, String source) {
    return l.parity().entries().stream().filter(e -> e.kind().equals(kind) && e.source().equals(source)).findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + source + " in " + l.parity().entries()));
  }

  @Test
  void anUntypedListInputTakesTheElementTypeOfItsProducer() {
    Pipeline p = pipeline("sums", List.of(
        python("comp-make", "make", iface(List.of(), List.of(port("Output", new IrType.ListOf(INT))))),
        python("comp-add", "add", iface(List.of(port("nums", LIST)), List.of(port("Output", INT))))),
        graph(iface(List.of(), List.of()), List.of(task("make", "comp-make"),
            task("add", "comp-add", bind("nums", new Binding.TaskOutput("make", "Output")))), List.of()));
    Lowered l = lower(p);
    assertEquals(new LiteralType.Collection(INT_T), input(l.project(), "add", "nums"));
    ParityEntry type = row(l, "type", "comp-add: nums");
    assertEquals(Fidelity.APPROXIMATED, type.status(), "a guessed type is never exact");
    assertEquals("the list's element type is not declared; `int` is inferred from the values bound to it", type.reason());
  }

  @Test
  void aParameterTakesTheTypeItsConsumersDeclareOverItsLooseDefault() {
    // KFP writes the default of `trials: list = [1, 2, 3]` as [1.0, 2.0, 3.0]; the loop item is an int.
    Graph body = graph(iface(List.of(port("trials-loop-item", INT)), List.of()),
        List.of(task("square", "comp-square", bind("x", new Binding.LoopItem("for-loop-1")))), List.of());
    Pipeline p = pipeline("squares", List.of(python("comp-square", "square", iface(List.of(port("x", INT)), List.of()))),
        graph(iface(List.of(parameter("trials", LIST, list(new Value.Float(1), new Value.Float(2)))), List.of()),
            List.of(loop("for-loop-1", List.of(bind("trials", new Binding.GraphInput("trials"))),
                new LoopItems.FromInput("trials", false), "trials-loop-item", body)), List.of()));
    Lowered l = lower(p);
    WorkflowDef wf = l.project().pipelineWorkflow();
    assertEquals(new LiteralType.Collection(INT_T), wf.iface().input("trials").orElseThrow().type());
    ParityEntry param = row(l, "parameter", "trials");
    assertEquals(Fidelity.APPROXIMATED, param.status());
    assertTrue(param.reason().contains("`int` is inferred"), param.reason());
    assertEquals(Fidelity.EXACT, row(l, "loop", "for-loop-1").status());
  }

  @Test
  void anUntypedOutputTakesTheTypeOfItsConsumers() {
    // Airflow: extract() returns an XCom of no declared type; transform(order: dict) reads it.
    Pipeline p = pipeline("etl", List.of(
        python("comp-extract", "extract", iface(List.of(), List.of(port("return_value", ANY)))),
        python("comp-transform", "transform", iface(List.of(port("order", new IrType.Struct())), List.of()))),
        graph(iface(List.of(), List.of()), List.of(task("extract", "comp-extract"),
            task("transform", "comp-transform", bind("order", new Binding.TaskOutput("extract", "return_value")))),
            List.of()));
    Lowered l = lower(p);
    assertEquals(new LiteralType.Struct(), output(l.project(), "extract"));
    assertEquals("the value has no declared type; `dict` is inferred from the values bound to it",
        row(l, "type", "comp-extract: return_value").reason());
  }

  @Test
  void loopItemsOfAnUntypedListTakeTheTypeOfTheListsValues() {
    // KFP v1: withParam over a JSON array parameter; the body's input has no type.
    Graph body = graph(iface(List.of(port("item", ANY)), List.of()),
        List.of(task("echo", "comp-echo", bind("x", new Binding.LoopItem("for-loop-1")))), List.of());
    Pipeline p = pipeline("items", List.of(python("comp-echo", "echo", iface(List.of(port("x", ANY)), List.of()))),
        graph(iface(List.of(parameter("xs", LIST, list(new Value.Int(3), new Value.Int(5)))), List.of()),
            List.of(loop("for-loop-1", List.of(bind("xs", new Binding.GraphInput("xs"))),
                new LoopItems.FromInput("xs", false), "item", body)), List.of()));
    Lowered l = lower(p);
    assertEquals(INT_T, input(l.project(), "echo", "x"));
    assertEquals(new LiteralType.Collection(INT_T), l.project().pipelineWorkflow().iface().input("xs").orElseThrow().type());
  }

  @Test
  void bothEndsUntypedKeepTheFallback() {
    Pipeline p = pipeline("untyped", List.of(
        python("comp-a", "a", iface(List.of(), List.of(port("Output", LIST)))),
        python("comp-b", "b", iface(List.of(port("xs", LIST)), List.of()))),
        graph(iface(List.of(), List.of()), List.of(task("a", "comp-a"),
            task("b", "comp-b", bind("xs", new Binding.TaskOutput("a", "Output")))), List.of()));
    Lowered l = lower(p);
    assertEquals(new LiteralType.Collection(LiteralType.simple(SimpleType.STRING)), input(l.project(), "b", "xs"));
    assertEquals("the list's element type is not declared; `str` is assumed", row(l, "type", "comp-b: xs").reason());
  }

  @Test
  void fieldsReadOffItemsMakeThemObjects() {
    Graph body = graph(iface(List.of(port("item", STR)), List.of()),
        List.of(task("show", "comp-show", bind("a", new Binding.Field(new Binding.LoopItem("for-loop-1"), List.of("a"),
            "item.a")))), List.of());
    Pipeline p = pipeline("fields", List.of(
        python("comp-gen", "gen", iface(List.of(), List.of(port("Output", LIST)))),
        python("comp-show", "show", iface(List.of(port("a", STR)), List.of()))),
        graph(iface(List.of(), List.of()), List.of(task("gen", "comp-gen"),
            loop("for-loop-1", List.of(bind("xs", new Binding.TaskOutput("gen", "Output"))),
                new LoopItems.FromInput("xs", false), "item", body)), List.of()));
    Lowered l = lower(p);
    assertEquals(new LiteralType.Collection(new LiteralType.Struct()), output(l.project(), "gen"));
    Node.LoopNode loop = (Node.LoopNode) p.root().nodes().get(1);
    ListHints hints = ListHints.of(p);
    assertEquals(new LiteralType.Struct(), hints.item(loop).orElseThrow());
    assertEquals(LiteralType.simple(SimpleType.STRING), hints.field(loop, List.of("a")).orElseThrow());
  }

  @Test
  void aDefaultSaysWhatAnUntypedParameterHolds() {
    Graph root = graph(iface(List.of(parameter("m", ANY, map("k", Value.str("v")))), List.of()), List.of(), List.of());
    ListHints hints = ListHints.of(pipeline("m", List.of(), root));
    assertEquals(new LiteralType.Struct(), hints.parameter(root, "m").orElseThrow());
    assertTrue(hints.input("comp-none", "x").isEmpty());
  }
}
