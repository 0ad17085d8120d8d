package io.flytemigrate.flyte.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.BooleanExpression;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityEntry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Lowering a small hand-built pipeline: a Python task, a condition on its output, a loop in it. */
class FlyteLoweringTest {
  private static final Span S = Span.at("p.yaml", 1, 1);

  private static Port port(String name, IrType t) {
    return new Port(name, t, false, false, Optional.empty(), Optional.empty(), S);
  }

  private static final IrType STR = IrType.primitive(IrType.Scalar.STRING);

  /** flip (python) -> condition on its output == "heads" -> loop over `names` calling greet (container). */
  static Pipeline pipeline(String greetImage) {
    ContainerSpec python = new ContainerSpec("python:3.11", List.of(), List.of(), List.of(), Resources.NONE,
        KubernetesSettings.NONE, S);
    Component flip = new Component.PythonComponent("comp-flip", new Interface(List.of(), List.of(port("Output", STR))),
        Optional.empty(), "flip", Optional.of("import kfp\nfrom typing import *\n\ndef flip() -> str:\n    return 'heads'\n"),
        S, List.of("numpy"), List.of("kfp==2.14.6"), List.of(), "python:3.11", python, S);
    Component greet = new Component.ContainerComponent("comp-greet", new Interface(List.of(port("name", STR)), List.of()),
        Optional.empty(), new ContainerSpec(greetImage, List.of(new Arg.Literal("echo")),
            List.of(new Arg.Concat(List.of(new Arg.Literal("hello "), new Arg.InputRef("name", Arg.Access.VALUE)))),
            List.of(), Resources.NONE, KubernetesSettings.NONE, S), S);
    TaskSettings cached = new TaskSettings(Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(),
        TaskSettings.Trigger.ALL_SUCCEEDED, S);
    Graph loopBody = new Graph(new Interface(List.of(port("names-loop-item", STR)), List.of()), List.of(
        new io.flytemigrate.ir.Node.TaskNode("greet", "greet", "comp-greet",
            List.of(new InputBinding("name", new Binding.LoopItem("for-loop-2"), S)), List.of(), cached, Optional.empty(), S)),
        List.of(), S);
    Graph condBody = new Graph(new Interface(List.of(port("flip-Output", STR), port("names", new IrType.ListOf(new IrType.Any()))),
        List.of()), List.of(new io.flytemigrate.ir.Node.LoopNode("for-loop-2", "for-loop-2",
            List.of(new InputBinding("names", new Binding.GraphInput("names"), S)), List.of(),
            new LoopItems.FromInput("names", false), "names-loop-item", OptionalInt.empty(), loopBody, S)), List.of(), S);
    Port names = new Port("names", new IrType.ListOf(new IrType.Any()), false, true,
        Optional.of(new Value.ListValue(List.of(Value.str("Ada"), Value.str("Grace")))), Optional.empty(), S);
    Graph root = new Graph(new Interface(List.of(names), List.of()), List.of(
        new io.flytemigrate.ir.Node.ConditionNode("condition-1", "condition-1", List.of(
            new InputBinding("flip-Output", new Binding.TaskOutput("flip", "Output"), S),
            new InputBinding("names", new Binding.GraphInput("names"), S)), List.of("flip"),
            new Condition("raw", Optional.of(new Expr.Compare(Expr.Op.EQ, new Expr.Input("flip-Output"),
                new Expr.Literal(Value.str("heads")))), S), condBody, S),
        new io.flytemigrate.ir.Node.TaskNode("flip", "flip", "comp-flip", List.of(), List.of(), cached, Optional.empty(), S)),
        List.of(), S);
    return new Pipeline("coin-flip", Optional.empty(), Optional.of("Flip, then greet."),
        new Pipeline.SourceInfo("p.yaml", "kfp-v2", Optional.empty(), Optional.empty()), List.of(flip, greet), root,
        Pipeline.PipelineSettings.NONE, S);
  }

  private static Lowered lower(Pipeline p) {
    Outcome<Lowered> o = FlyteLowering.lower(p, LoweringOptions.DEFAULT);
    assertFalse(o.hasErrors(), o.diagnostics().toString());
    return o.value().orElseThrow();
  }

  private static TaskDef task(FlyteProject p, String name) {
    return p.tasks().stream().filter(t -> t.id().name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
  }

  private static WorkflowDef workflow(FlyteProject p, String pythonName) {
    return p.workflows().stream().filter(w -> w.python().name().equals(pythonName)).findFirst().orElseThrow();
  }

  @Test
  void componentsBecomeNativeAndContainerTasks() {
    FlyteProject p = lower(pipeline("busybox:1.36")).project();
    TaskDef flip = task(p, "coin_flip.tasks.flip");
    assertEquals(TaskKind.PYTHON, flip.kind());
    assertEquals(TaskBody.PythonFunction.Style.DIRECT, ((TaskBody.PythonFunction) flip.body()).style());
    assertEquals("def flip() -> str:\n    return 'heads'", ((TaskBody.PythonFunction) flip.body()).definition());
    assertEquals("o0", flip.iface().outputs().get(0).name());
    assertEquals(List.of("numpy"), p.images().get(0).packages());
    assertTrue(flip.metadata().cacheable() && flip.metadata().cacheVersion().matches("[0-9a-f]{16}"));
    TaskDef greet = task(p, "coin_flip.tasks.greet");
    assertEquals(TaskKind.RAW_CONTAINER, greet.kind());
    assertEquals(List.of("hello {{.inputs.name}}"), greet.container().orElseThrow().args());
    assertEquals("busybox:1.36", greet.container().orElseThrow().image());
  }

  @Test
  void theConditionIsABranchWithANoOpElseAndTheLoopADynamicOverABodyWorkflow() {
    FlyteProject p = lower(pipeline("busybox:1.36")).project();
    WorkflowDef root = p.pipelineWorkflow();
    assertEquals(List.of("flip", "condition-1"), root.nodes().stream().map(Node::id).toList(),
        "nodes in dependency order, ids kept from the source");
    Node branch = root.nodes().get(1);
    assertEquals("condition-1", branch.metadata().name());
    assertEquals(List.of("flip"), branch.upstreamNodeIds());
    NodeTarget.Branch b = (NodeTarget.Branch) branch.target();
    BooleanExpression.Comparison c = (BooleanExpression.Comparison) b.ifElse().first().condition();
    assertEquals(BooleanExpression.ComparisonOp.EQ, c.op());
    assertEquals(new BooleanExpression.Operand.Var("flip.o0"), c.left());
    assertEquals(new BooleanExpression.Operand.Primitive(new Literal.StringValue("heads")), c.right());
    assertEquals(new BindingData.Promise("flip", "o0"), branch.inputs().get(0).data());
    Node echo = b.ifElse().elseNode().orElseThrow();
    assertEquals(TaskKind.ECHO, p.task(((NodeTarget.TaskCall) echo.target()).task()).orElseThrow().kind());
    Node then = b.ifElse().first().thenNode();
    assertEquals("condition_1_body", p.workflow(((NodeTarget.SubWorkflowCall) then.target()).workflow()).orElseThrow()
        .python().name());

    WorkflowDef body = workflow(p, "for_loop_2_body");
    assertEquals(WorkflowDef.Role.LOOP_BODY, body.role());
    assertEquals("greet", body.nodes().get(0).metadata().name());
    assertEquals(new BindingData.Promise(BindingData.START_NODE, "item"), body.nodes().get(0).inputs().get(0).data());
    TaskDef dyn = task(p, "coin_flip.workflows.coin_flip.for_loop_2");
    assertEquals(TaskKind.DYNAMIC, dyn.kind());
    assertEquals(body.id(), ((TaskBody.DynamicLoop) dyn.body()).body());
    assertEquals(new LiteralType.Collection(LiteralType.simple(LiteralType.SimpleType.STRING)),
        dyn.iface().inputs().get(0).type(), "the list's type follows its consumer");
  }

  @Test
  void parametersKeepTheirDefaultsInTheDefaultLaunchPlan() {
    FlyteProject p = lower(pipeline("busybox:1.36")).project();
    var plan = p.defaultPlan(p.pipelineWorkflow().id()).orElseThrow();
    assertEquals("names", plan.defaultInputs().get(0).var());
    assertEquals(Optional.of(new Literal.CollectionValue(List.of(new Literal.StringValue("Ada"),
        new Literal.StringValue("Grace")))), plan.defaultInputs().get(0).defaultValue());
  }

  @Test
  void everyElementHasAParityRow() {
    List<ParityEntry> rows = lower(pipeline("busybox:1.36")).parity().entries();
    for (String task : List.of("flip", "greet")) {
      assertTrue(rows.stream().anyMatch(r -> r.kind().equals("task") && r.source().equals(task)), task);
    }
    assertTrue(rows.stream().anyMatch(r -> r.kind().equals("condition") && r.source().equals("condition-1")));
    assertTrue(rows.stream().anyMatch(r -> r.kind().equals("loop") && r.source().equals("for-loop-2")
        && r.status() == Fidelity.EXACT));
    assertTrue(rows.stream().anyMatch(r -> r.kind().equals("parameter") && r.source().equals("names")));
    assertTrue(rows.stream().noneMatch(r -> r.status() == Fidelity.DROPPED), rows.toString());
  }

  @Test
  void versionsAreContentHashesThatChangeOnlyWithWhatTheyDependOn() {
    FlyteProject a = lower(pipeline("busybox:1.36")).project();
    FlyteProject again = lower(pipeline("busybox:1.36")).project();
    assertEquals(a, again, "lowering is deterministic");
    FlyteProject b = lower(pipeline("busybox:1.37")).project();
    assertEquals(task(a, "coin_flip.tasks.flip").id(), task(b, "coin_flip.tasks.flip").id());
    assertNotEquals(task(a, "coin_flip.tasks.greet").id(), task(b, "coin_flip.tasks.greet").id());
    assertNotEquals(workflow(a, "for_loop_2_body").id(), workflow(b, "for_loop_2_body").id());
    assertNotEquals(a.pipelineWorkflow().id(), b.pipelineWorkflow().id());
    assertEquals(task(a, "coin_flip.tasks.no_op").id(), task(b, "coin_flip.tasks.no_op").id());
  }
}
