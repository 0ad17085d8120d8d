package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.Access;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component.OpaqueComponent;
import io.flytemigrate.ir.Component.PipelineComponent;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node.ConditionNode;
import io.flytemigrate.ir.Node.LoopNode;
import io.flytemigrate.ir.Node.TaskNode;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.TaskSettings.Trigger;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** DAGs and steps: tasks, dependencies, conditions, loops, nested pipelines, workflow parameters. */
class DagMapperTest {
  private static final String LEAVES = """
      - name: produce
        container: {image: alpine, command: [sh, -c, 'echo x > /tmp/out']}
        outputs:
          parameters:
          - name: out
            valueFrom: {path: /tmp/out}
      - name: consume
        inputs:
          parameters:
          - name: v
        container: {image: alpine, command: [echo, '{{inputs.parameters.v}}']}
      """;

  /** Reads a workflow whose `main` uses some of the leaf templates; leaving others unused is fine. */
  private static Pipeline read(String main) {
    Outcome<Pipeline> o = V1.argo(V1.workflow("main", main + LEAVES));
    assertEquals(List.of(), o.diagnostics().stream().map(d -> d.code().id()).filter(c -> !c.equals("FM2018")).toList(), V1.render(o.diagnostics()));
    return V1.pipeline(o);
  }

  @Test
  void tasksBindSiblingOutputsAndDependOnEachOther() {
    Pipeline p = read("""
        - name: main
          dag:
            tasks:
            - {name: p, template: produce}
            - name: c
              template: consume
              dependencies: [p]
              arguments:
                parameters:
                - {name: v, value: '{{tasks.p.outputs.parameters.out}}'}
        """);
    TaskNode c = V1.node(p.root(), "c", TaskNode.class);
    assertEquals(Map.of("v", new Binding.TaskOutput("p", "out")), V1.bindings(c));
    assertEquals(List.of("p"), c.after());
    assertEquals(List.of("produce", "consume"), p.components().stream().map(x -> x.id()).toList());
  }

  @Test
  void textWithExpressionsIsATemplateOverAddedInputs() {
    Pipeline p = read("""
        - name: main
          dag:
            tasks:
            - {name: p, template: produce}
            - name: c
              template: consume
              arguments:
                parameters:
                - {name: v, value: 'got {{tasks.p.outputs.parameters.out}} in {{workflow.name}}'}
        """);
    TaskNode c = V1.node(p.root(), "c", TaskNode.class);
    assertEquals(new Binding.Template(List.of(new Arg.Literal("got "), new Arg.InputRef("pipelinechannel--out", Access.VALUE),
        new Arg.Literal(" in "), new Arg.RuntimeValue("workflow.name"))), V1.bindings(c).get("v"));
    assertEquals(new Binding.TaskOutput("p", "out"), V1.bindings(c).get("pipelinechannel--out"));
  }

  @Test
  void whenOnADagIsAConditionNodeAndOnAContainerAConditionOfTheTask() {
    Pipeline p = read("""
        - name: main
          dag:
            tasks:
            - {name: p, template: produce}
            - name: guarded
              template: group
              dependencies: [p]
              when: '"{{tasks.p.outputs.parameters.out}}" == "x"'
            - name: direct
              template: consume
              when: '{{tasks.p.outputs.parameters.out}} != x'
              arguments:
                parameters:
                - {name: v, value: '{{tasks.p.outputs.parameters.out}}'}
            - {name: later, template: produce, dependencies: [guarded]}
        - name: group
          dag:
            tasks:
            - {name: inner, template: produce}
        """);
    ConditionNode g = V1.node(p.root(), "guarded", ConditionNode.class);
    assertEquals(new Expr.Compare(Expr.Op.EQ, new Expr.Input("pipelinechannel--out"), new Expr.Literal(new Value.Str("x"))),
        g.condition().parsed().orElseThrow());
    assertEquals(Map.of("pipelinechannel--out", new Binding.TaskOutput("p", "out")), V1.bindings(g));
    assertTrue(g.body().iface().input("pipelinechannel--out").isPresent());
    V1.node(g.body(), "inner", TaskNode.class);
    TaskNode direct = V1.node(p.root(), "direct", TaskNode.class);
    assertEquals(new Expr.Compare(Expr.Op.NE, new Expr.Input("v"), new Expr.Literal(new Value.Str("x"))),
        direct.condition().orElseThrow().parsed().orElseThrow());
    assertEquals(Trigger.NONE_FAILED, V1.node(p.root(), "later", TaskNode.class).settings().trigger());
  }

  @Test
  void loopsOverLiteralItemsSeeTheItemAndItsFields() {
    Pipeline p = read("""
        - name: main
          dag:
            tasks:
            - name: each
              template: body
              withItems: [{a: 1, b: x}, {a: 2, b: y}]
              arguments:
                parameters:
                - {name: a, value: '{{item.a}}'}
        - name: body
          parallelism: 2
          inputs:
            parameters:
            - name: a
          dag:
            tasks:
            - name: c
              template: consume
              arguments:
                parameters:
                - {name: v, value: '{{inputs.parameters.a}}'}
        """);
    LoopNode loop = V1.node(p.root(), "each", LoopNode.class);
    assertEquals(2, ((LoopItems.Literal) loop.items()).items().items().size());
    assertEquals("each-loop-item", loop.itemInput());
    assertEquals(OptionalInt.of(2), loop.parallelism());
    assertEquals(List.of(), loop.inputs());
    TaskNode c = V1.node(loop.body(), "c", TaskNode.class);
    assertEquals(new Binding.Field(new Binding.LoopItem("each"), List.of("a"), "{{item.a}}"), V1.bindings(c).get("v"));
    assertTrue(loop.body().iface().input("a").isEmpty(), "the body reads a field of the item from the item");
    assertEquals(new IrType.Struct(), loop.body().iface().input("each-loop-item").orElseThrow().type());
  }

  @Test
  void expressionsInLiteralLoopItemsAreReportedWhereverTheyAre() {
    Outcome<Pipeline> o = V1.argo(V1.workflow("main", """
        - name: main
          dag:
            tasks:
            - name: each
              template: consume
              withItems:
              - 'hi {{workflow.parameters.who}}'
              - {first: '{{workflow.parameters.who}}', more: {deep: '{{tasks.p.outputs.parameters.out}}'}, plain: x}
              arguments:
                parameters:
                - {name: v, value: '{{item}}'}
        """ + LEAVES));
    assertEquals(List.of("loop item `hi {{workflow.parameters.who}}` of task `each` holds an expression, which is kept as text",
        "field `first` of a loop item of task `each` holds the expression `{{workflow.parameters.who}}`, which is kept as text",
        "field `more.deep` of a loop item of task `each` holds the expression `{{tasks.p.outputs.parameters.out}}`, which is kept as "
            + "text"), messages(o, "FM2009"));
    assertEquals(List.of("FM2009 14:11", "FM2009 15:19", "FM2009 15:63"), V1.codes(o).stream().filter(c -> c.startsWith("FM2009")).toList());
  }

  @Test
  void aLoopOverAContainerGetsABodyOfOneTask() {
    Pipeline p = read("""
        - name: main
          dag:
            tasks:
            - {name: p, template: produce}
            - name: each
              template: consume
              withParam: '{{tasks.p.outputs.parameters.out}}'
              arguments:
                parameters:
                - {name: v, value: '{{item}}'}
        """);
    LoopNode loop = V1.node(p.root(), "each", LoopNode.class);
    assertEquals(new LoopItems.FromInput("pipelinechannel--out", false), loop.items());
    assertEquals(Map.of("pipelinechannel--out", new Binding.TaskOutput("p", "out")), V1.bindings(loop));
    assertEquals("v", loop.itemInput());
    TaskNode only = V1.node(loop.body(), "each-iteration", TaskNode.class);
    assertEquals("consume", only.component());
    assertEquals(Map.of("v", new Binding.LoopItem("each")), V1.bindings(only));
  }

  @Test
  void sequencesAreLiteralItems() {
    Pipeline p = read("""
        - name: main
          dag:
            tasks:
            - name: each
              template: consume
              withSequence: {start: '2', count: '3'}
              arguments:
                parameters:
                - {name: v, value: '{{item}}'}
        """);
    assertEquals(new LoopItems.Literal(new Value.ListValue(List.of(new Value.Int(2), new Value.Int(3), new Value.Int(4)))),
        V1.node(p.root(), "each", LoopNode.class).items());
  }

  @Test
  void aPlainCallOfADagIsANestedPipeline() {
    Pipeline p = read("""
        - name: main
          dag:
            tasks:
            - name: g
              template: group
              arguments:
                parameters:
                - {name: v, value: hello}
        - name: group
          inputs:
            parameters:
            - name: v
          dag:
            tasks:
            - name: c
              template: consume
              arguments:
                parameters:
                - {name: v, value: '{{inputs.parameters.v}}'}
        """);
    TaskNode g = V1.node(p.root(), "g", TaskNode.class);
    assertEquals("group", g.component());
    PipelineComponent group = V1.component(p, "group", PipelineComponent.class);
    assertEquals(Map.of("v", new Binding.GraphInput("v")), V1.bindings(V1.node(group.graph(), "c", TaskNode.class)));
  }

  @Test
  void workflowParametersAreThreadedThroughNestedGraphs() {
    Pipeline p = V1.clean(V1.argo(V1.workflow("main", """
        - name: main
          dag:
            tasks:
            - {name: g, template: group}
        - name: group
          dag:
            tasks:
            - {name: c, template: say}
        - name: say
          container: {image: alpine, command: [echo, '{{workflow.parameters.msg}}']}
        """).replace("  templates:", "  arguments: {parameters: [{name: msg, value: hi}]}\n  templates:")));
    assertEquals(Map.of("pipelinechannel--msg", new Binding.GraphInput("msg")), V1.bindings(V1.node(p.root(), "g", TaskNode.class)));
    PipelineComponent group = V1.component(p, "group", PipelineComponent.class);
    assertTrue(group.iface().input("pipelinechannel--msg").isPresent());
    assertEquals(Map.of("pipelinechannel--msg", new Binding.GraphInput("pipelinechannel--msg")),
        V1.bindings(V1.node(group.graph(), "c", TaskNode.class)));
  }

  @Test
  void stepsRunGroupAfterGroup() {
    Pipeline p = read("""
        - name: main
          steps:
          - - {name: p, template: produce}
            - {name: q, template: produce}
          - - name: c
              template: consume
              arguments:
                parameters:
                - {name: v, value: '{{steps.p.outputs.parameters.out}}'}
        """);
    TaskNode c = V1.node(p.root(), "c", TaskNode.class);
    assertEquals(List.of("p", "q"), c.after());
    assertEquals(new Binding.TaskOutput("p", "out"), V1.bindings(c).get("v"));
  }

  @Test
  void recursionIsReportedAndCut() {
    Outcome<Pipeline> o = V1.argo(V1.workflow("main", """
        - name: main
          dag:
            tasks:
            - {name: again, template: loop}
        - name: loop
          dag:
            tasks:
            - {name: more, template: loop, when: '{{workflow.name}} == x'}
        """));
    assertEquals(List.of("FM2004 15:32"), V1.codes(o).stream().filter(c -> c.startsWith("FM2004")).toList());
    Pipeline p = V1.pipeline(o);
    PipelineComponent loop = V1.component(p, "loop", PipelineComponent.class);
    assertEquals("loop", V1.node(loop.graph(), "more", TaskNode.class).component());
  }

  @Test
  void theRecursionMessageNamesTheTemplatesOfTheCycle() {
    Outcome<Pipeline> direct = V1.argo(V1.workflow("main", """
        - name: main
          dag:
            tasks:
            - {name: again, template: loop}
        - name: loop
          dag:
            tasks:
            - {name: more, template: loop}
        """));
    assertEquals(List.of("task `more` of template `loop` runs template `loop`, which is the template itself: a recursion, which a "
        + "static flyte workflow cannot express"), messages(direct, "FM2004"));
    Outcome<Pipeline> indirect = V1.argo(V1.workflow("main", """
        - name: main
          dag:
            tasks:
            - {name: start, template: graph}
        - name: graph
          dag:
            tasks:
            - {name: check, template: condition, when: '{{workflow.name}} == x'}
        - name: condition
          dag:
            tasks:
            - {name: inner, template: step}
        - name: step
          steps:
          - - {name: again, template: graph}
        """));
    assertEquals(List.of("step `again` of template `step` runs template `graph`, which runs `condition`, which runs `step`: a "
        + "recursion, which a static flyte workflow cannot express"), messages(indirect, "FM2004"));
    assertTrue(indirect.diagnostics().stream().filter(d -> d.code().id().equals("FM2004")).findFirst().orElseThrow().help()
        .orElseThrow().contains("`@dynamic`"));
  }

  private static List<String> messages(Outcome<Pipeline> o, String code) {
    return o.diagnostics().stream().filter(d -> d.code().id().equals(code)).map(d -> d.message()).toList();
  }

  @Test
  void nestingIsBoundedSoAHostileFileCannotExhaustTheStack() {
    StringBuilder templates = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      templates.append("- {name: t").append(i).append(", dag: {tasks: [{name: x, template: t").append(i + 1).append("}]}}\n");
    }
    templates.append("- {name: t150, container: {image: alpine}}\n");
    Outcome<Pipeline> o = V1.argo(V1.workflow("t0", templates.toString()));
    assertEquals(1, o.diagnostics().stream().filter(d -> d.code().id().equals("FM1002")).count());
    assertTrue(o.value().isPresent());
  }

  @Test
  void badReferencesAreReportedWhereTheyAre() {
    Outcome<Pipeline> o = V1.argo(V1.workflow("main", """
        - name: main
          dag:
            tasks:
            - {name: a, template: consume, dependencies: [ghost], arguments: {parameters: [{name: v, value: '{{tasks.nope.outputs.parameters.x}}'}]}}
            - {name: b, template: consume, arguments: {parameters: [{name: v, value: '{{item}}'}, {name: extra, value: '1'}]}}
            - {name: c, template: consume}
            - {name: d, template: missing}
            - {name: e, templateRef: {name: lib, template: t}}
        """ + LEAVES));
    assertEquals(List.of("FM2008", "FM2008", "FM2008", "FM2015", "FM2008", "FM2003", "FM2003"),
        o.diagnostics().stream().map(d -> d.code().id()).filter(c -> !c.equals("FM2018")).toList());
    assertTrue(V1.pipeline(o).components().stream().anyMatch(c -> c instanceof OpaqueComponent x && x.kind().equals("argo-template-ref")));
  }

  @Test
  void constantsTakeTheTypeOfTheInputTheyFeed() {
    Pipeline p = V1.clean(V1.argo(V1.workflow("main", """
        - name: main
          dag:
            tasks:
            - name: t
              template: typed
              arguments:
                parameters:
                - {name: n, value: '7'}
        - name: typed
          metadata:
            annotations:
              pipelines.kubeflow.org/component_spec: '{"name": "Typed", "inputs": [{"name": "n", "type": "Integer"}],
                "implementation": {"container": {"image": "alpine", "args": [{"inputValue": "n"}]}}}'
          inputs:
            parameters:
            - name: n
          container: {image: alpine, args: ['{{inputs.parameters.n}}']}
        """)));
    TaskNode t = V1.node(p.root(), "t", TaskNode.class);
    assertEquals(new Binding.Constant(new Value.Int(7)), V1.bindings(t).get("n"));
    Port n = p.component("typed").orElseThrow().iface().input("n").orElseThrow();
    assertEquals(IrType.primitive(IrType.Scalar.INT), n.type());
  }
}
