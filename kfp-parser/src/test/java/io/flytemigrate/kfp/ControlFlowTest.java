package io.flytemigrate.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Binding.Field;
import io.flytemigrate.ir.Binding.GraphInput;
import io.flytemigrate.ir.Binding.LoopItem;
import io.flytemigrate.ir.Binding.TaskFinalStatus;
import io.flytemigrate.ir.Binding.TaskOutput;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Component.PipelineComponent;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Graph.GraphOutput;
import io.flytemigrate.ir.Graph.Source;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Node.BranchesNode;
import io.flytemigrate.ir.Node.ConditionNode;
import io.flytemigrate.ir.Node.ExitHandlerNode;
import io.flytemigrate.ir.Node.LoopNode;
import io.flytemigrate.ir.Node.TaskNode;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.testing.Kfp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Loops, conditions, if/elif/else, exit handlers and nested pipelines, on hand-written specs. */
class ControlFlowTest {

  private static Map<String, Binding> bindings(Node n) {
    Map<String, Binding> out = new LinkedHashMap<>();
    for (InputBinding b : n.inputs()) {
      out.put(b.input(), b.value());
    }
    return out;
  }

  private static List<String> ids(Graph g) {
    return g.nodes().stream().map(Node::id).toList();
  }

  private static List<String> componentIds(Pipeline p) {
    return p.components().stream().map(Component::id).toList();
  }

  /** A graph output with its span cleared. */
  private static GraphOutput output(Graph g, String name) {
    GraphOutput o = g.outputs().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    return new GraphOutput(o.name(), o.sources(), o.oneOf(), o.collected(), io.flytemigrate.ir.diag.Span.NONE);
  }

  private static GraphOutput output(String name, List<Source> sources, boolean oneOf, boolean collected) {
    return new GraphOutput(name, sources, oneOf, collected, io.flytemigrate.ir.diag.Span.NONE);
  }

  private static final String ECHO = """
      comp-echo:
        executorLabel: exec-echo
        inputDefinitions:
          parameters:
            msg:
              parameterType: STRING
        outputDefinitions:
          parameters:
            Output:
              parameterType: STRING
      """;

  private static final String ECHO_EXECUTOR = """
      deploymentSpec:
        executors:
          exec-echo:
            container:
              image: alpine
              command:
              - echo
      """;

  // ---- loops ------------------------------------------------------------------------------------

  @Test
  void aLoopOverARawList() {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-for-loop-1:
            dag:
              tasks:
                echo:
                  componentRef:
                    name: comp-echo
                  inputs:
                    parameters:
                      msg:
                        componentInputParameter: pipelinechannel--loop-item-param-1
                        parameterExpressionSelector: parseJson(string_value)["a"]
                      whole:
                        componentInputParameter: pipelinechannel--loop-item-param-1
                  taskInfo:
                    name: echo
            inputDefinitions:
              parameters:
                pipelinechannel--loop-item-param-1:
                  parameterType: STRUCT
        %s%s
        root:
          dag:
            tasks:
              for-loop-1:
                componentRef:
                  name: comp-for-loop-1
                iteratorPolicy:
                  parallelismLimit: 2
                parameterIterator:
                  itemInput: pipelinechannel--loop-item-param-1
                  items:
                    raw: '[{"a": "x"}, {"a": "y"}]'
                taskInfo:
                  name: for-loop-1
        """.formatted(Kfp.indent(ECHO, 2), ECHO_EXECUTOR));
    LoopNode loop = Kfp.node(p.root(), "for-loop-1", LoopNode.class);
    assertEquals(new LoopItems.Literal(new Value.ListValue(List.of(
        new Value.MapValue(List.of(new Value.Entry("a", new Value.Str("x")))),
        new Value.MapValue(List.of(new Value.Entry("a", new Value.Str("y"))))))), loop.items());
    assertEquals("pipelinechannel--loop-item-param-1", loop.itemInput());
    assertEquals(OptionalInt.of(2), loop.parallelism());
    assertEquals("for-loop-1", loop.displayName());
    TaskNode echo = Kfp.node(loop.body(), "echo", TaskNode.class);
    assertEquals("comp-echo", echo.component());
    assertEquals(Map.of(
        "msg", new Field(new LoopItem("for-loop-1"), List.of("a"), "parseJson(string_value)[\"a\"]"),
        "whole", new LoopItem("for-loop-1")), bindings(echo));
    // The loop body is part of the loop node, not a component of its own.
    assertEquals(List.of("comp-echo"), componentIds(p));
  }

  @Test
  void aLoopOverAPipelineParameterCollectsItsOutputs() {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-for-loop-2:
            dag:
              outputs:
                parameters:
                  pipelinechannel--echo-Output:
                    valueFromParameter:
                      outputParameterKey: Output
                      producerSubtask: echo
              tasks:
                echo:
                  componentRef:
                    name: comp-echo
                  inputs:
                    parameters:
                      msg:
                        componentInputParameter: pipelinechannel--xs-loop-item
                  taskInfo:
                    name: echo
            inputDefinitions:
              parameters:
                pipelinechannel--xs:
                  parameterType: LIST
                pipelinechannel--xs-loop-item:
                  parameterType: STRING
            outputDefinitions:
              parameters:
                pipelinechannel--echo-Output:
                  parameterType: LIST
        %s%s
        root:
          dag:
            tasks:
              for-loop-2:
                componentRef:
                  name: comp-for-loop-2
                inputs:
                  parameters:
                    pipelinechannel--xs:
                      componentInputParameter: xs
                parameterIterator:
                  itemInput: pipelinechannel--xs-loop-item
                  items:
                    inputParameter: pipelinechannel--xs
                taskInfo:
                  name: for-loop-2
          inputDefinitions:
            parameters:
              xs:
                parameterType: LIST
        """.formatted(Kfp.indent(ECHO, 2), ECHO_EXECUTOR));
    LoopNode loop = Kfp.node(p.root(), "for-loop-2", LoopNode.class);
    assertEquals(new LoopItems.FromInput("pipelinechannel--xs", false), loop.items());
    assertEquals(OptionalInt.empty(), loop.parallelism());
    assertEquals(Map.of("pipelinechannel--xs", new GraphInput("xs")), bindings(loop));
    assertEquals(Map.of("msg", new LoopItem("for-loop-2")), bindings(Kfp.node(loop.body(), "echo")));
    assertEquals(output("pipelinechannel--echo-Output", List.of(new Source("echo", "Output")), false, true),
        output(loop.body(), "pipelinechannel--echo-Output"));
    assertEquals(List.of("pipelinechannel--xs", "pipelinechannel--xs-loop-item"),
        loop.body().iface().inputs().stream().map(io.flytemigrate.ir.Port::name).toList());
  }

  @Test
  void rawItemsThatAreNotAJsonListAreReported() {
    Outcome<Pipeline> o = Kfp.read("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-for-loop-1:
            dag:
              tasks: {}
        root:
          dag:
            tasks:
              for-loop-1:
                componentRef:
                  name: comp-for-loop-1
                parameterIterator:
                  itemInput: item
                  items:
                    raw: '{"a": 1}'
        """);
    Diags.check(o.diagnostics(), """
        FM1006 17:18 the items of loop `for-loop-1` are not a json list
        """);
    LoopNode loop = Kfp.node(Kfp.pipeline(o).root(), "for-loop-1", LoopNode.class);
    assertEquals(new LoopItems.Literal(new Value.ListValue(List.of())), loop.items());
  }

  // ---- conditions -------------------------------------------------------------------------------

  private static String conditionSpec(String condition) {
    return """
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-condition-1:
            dag:
              tasks:
                echo:
                  componentRef:
                    name: comp-echo
                  inputs:
                    parameters:
                      msg:
                        componentInputParameter: pipelinechannel--flip-Output
                  taskInfo:
                    name: echo
            inputDefinitions:
              parameters:
                pipelinechannel--flip-Output:
                  parameterType: STRING
        %s%s
        root:
          dag:
            tasks:
              flip:
                componentRef:
                  name: comp-echo
                inputs:
                  parameters:
                    msg:
                      runtimeValue:
                        constant: coin
                taskInfo:
                  name: flip
              condition-1:
                componentRef:
                  name: comp-condition-1
                dependentTasks:
                - flip
                inputs:
                  parameters:
                    pipelinechannel--flip-Output:
                      taskOutputParameter:
                        outputParameterKey: Output
                        producerTask: flip
                taskInfo:
                  name: condition-1
                triggerPolicy:
                  condition: %s
        """.formatted(Kfp.indent(ECHO, 2), ECHO_EXECUTOR, condition);
  }

  @Test
  void aCondition() {
    Pipeline p = Kfp.clean(conditionSpec("inputs.parameter_values['pipelinechannel--flip-Output'] == 'heads'"));
    ConditionNode c = Kfp.node(p.root(), "condition-1", ConditionNode.class);
    assertEquals("inputs.parameter_values['pipelinechannel--flip-Output'] == 'heads'", c.condition().raw());
    assertEquals(Optional.of(new Expr.Compare(Expr.Op.EQ, new Expr.Input("pipelinechannel--flip-Output"),
        new Expr.Literal(new Value.Str("heads")))), c.condition().parsed());
    assertEquals(66, c.condition().span().line());
    assertEquals(22, c.condition().span().column());
    assertEquals(List.of("flip"), c.after());
    assertEquals(Map.of("pipelinechannel--flip-Output", new TaskOutput("flip", "Output")), bindings(c));
    assertEquals(List.of("echo"), ids(c.body()));
    assertEquals(Map.of("msg", new GraphInput("pipelinechannel--flip-Output")), bindings(Kfp.node(c.body(), "echo")));
    assertEquals(List.of("comp-echo"), componentIds(p));
  }

  @Test
  void anUnparseableConditionIsKeptAsText() {
    Outcome<Pipeline> o = Kfp.read(conditionSpec("inputs.parameter_values['pipelinechannel--flip-Output'] in ['a', 'b']"));
    Diags.check(o.diagnostics(), """
        FM1018 66:22 condition `inputs.parameter_values['pipelinechannel--flip-Output'] in ['a', 'b']` could not be parsed
        """);
    assertEquals(Severity.WARNING, o.diagnostics().get(0).severity());
    ConditionNode c = Kfp.node(Kfp.pipeline(o).root(), "condition-1", ConditionNode.class);
    assertEquals("inputs.parameter_values['pipelinechannel--flip-Output'] in ['a', 'b']", c.condition().raw());
    assertEquals(Optional.empty(), c.condition().parsed());
  }

  @Test
  void aConditionOnAnOrdinaryTaskStaysOnTheTask() {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
        %s%s
        root:
          dag:
            tasks:
              echo:
                componentRef:
                  name: comp-echo
                inputs:
                  parameters:
                    msg:
                      componentInputParameter: flag
                triggerPolicy:
                  condition: inputs.parameter_values['msg'] == 'go'
          inputDefinitions:
            parameters:
              flag:
                parameterType: STRING
        """.formatted(Kfp.indent(ECHO, 2), ECHO_EXECUTOR));
    TaskNode t = Kfp.node(p.root(), "echo", TaskNode.class);
    assertEquals(Optional.of(new Expr.Compare(Expr.Op.EQ, new Expr.Input("msg"), new Expr.Literal(new Value.Str("go")))),
        t.condition().orElseThrow().parsed());
  }

  // ---- if / elif / else -------------------------------------------------------------------------

  static final String BRANCHES = """
      pipelineInfo:
        name: p
      schemaVersion: 2.1.0
      components:
        comp-condition-branches-1:
          dag:
            outputs:
              parameters:
                pipelinechannel--condition-branches-1-oneof-1:
                  valueFromOneof:
                    parameterSelectors:
                    - outputParameterKey: pipelinechannel--print-Output
                      producerSubtask: condition-2
                    - outputParameterKey: pipelinechannel--print-2-Output
                      producerSubtask: condition-3
            tasks:
              condition-2:
                componentRef:
                  name: comp-condition-2
                inputs:
                  parameters:
                    pipelinechannel--coin:
                      componentInputParameter: pipelinechannel--coin
                taskInfo:
                  name: condition-2
                triggerPolicy:
                  condition: inputs.parameter_values['pipelinechannel--coin'] == 'heads'
              condition-3:
                componentRef:
                  name: comp-condition-3
                inputs:
                  parameters:
                    pipelinechannel--coin:
                      componentInputParameter: pipelinechannel--coin
                taskInfo:
                  name: condition-3
                triggerPolicy:
                  condition: '!(inputs.parameter_values[''pipelinechannel--coin''] == ''heads'')'
          inputDefinitions:
            parameters:
              pipelinechannel--coin:
                parameterType: STRING
          outputDefinitions:
            parameters:
              pipelinechannel--condition-branches-1-oneof-1:
                parameterType: STRING
        comp-condition-2:
          dag:
            outputs:
              parameters:
                pipelinechannel--print-Output:
                  valueFromParameter:
                    outputParameterKey: Output
                    producerSubtask: print
            tasks:
              print:
                componentRef:
                  name: comp-print
                taskInfo:
                  name: print
          inputDefinitions:
            parameters:
              pipelinechannel--coin:
                parameterType: STRING
          outputDefinitions:
            parameters:
              pipelinechannel--print-Output:
                parameterType: STRING
        comp-condition-3:
          dag:
            outputs:
              parameters:
                pipelinechannel--print-2-Output:
                  valueFromParameter:
                    outputParameterKey: Output
                    producerSubtask: print-2
            tasks:
              print-2:
                componentRef:
                  name: comp-print
                taskInfo:
                  name: print-2
          inputDefinitions:
            parameters:
              pipelinechannel--coin:
                parameterType: STRING
          outputDefinitions:
            parameters:
              pipelinechannel--print-2-Output:
                parameterType: STRING
        comp-print:
          executorLabel: exec-print
          outputDefinitions:
            parameters:
              Output:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-print:
            container:
              image: alpine
      root:
        dag:
          outputs:
            parameters:
              Output:
                valueFromParameter:
                  outputParameterKey: pipelinechannel--condition-branches-1-oneof-1
                  producerSubtask: condition-branches-1
          tasks:
            condition-branches-1:
              componentRef:
                name: comp-condition-branches-1
              inputs:
                parameters:
                  pipelinechannel--coin:
                    componentInputParameter: coin
              taskInfo:
                name: condition-branches-1
        inputDefinitions:
          parameters:
            coin:
              parameterType: STRING
        outputDefinitions:
          parameters:
            Output:
              parameterType: STRING
      """;

  @Test
  void ifElifElseBecomesBranchesWithOneOfOutputs() {
    Pipeline p = Kfp.clean(BRANCHES);
    BranchesNode b = Kfp.node(p.root(), "condition-branches-1", BranchesNode.class);
    assertEquals(Map.of("pipelinechannel--coin", new GraphInput("coin")), bindings(b));
    assertEquals(List.of("condition-2", "condition-3"), ids(b.body()));
    Expr heads = new Expr.Compare(Expr.Op.EQ, new Expr.Input("pipelinechannel--coin"), new Expr.Literal(new Value.Str("heads")));
    ConditionNode first = Kfp.node(b.body(), "condition-2", ConditionNode.class);
    ConditionNode second = Kfp.node(b.body(), "condition-3", ConditionNode.class);
    assertEquals(Optional.of(heads), first.condition().parsed());
    assertEquals(Optional.of(new Expr.Not(heads)), second.condition().parsed());
    assertEquals("!(inputs.parameter_values['pipelinechannel--coin'] == 'heads')", second.condition().raw());
    assertEquals(output("pipelinechannel--condition-branches-1-oneof-1",
            List.of(new Source("condition-2", "pipelinechannel--print-Output"), new Source("condition-3", "pipelinechannel--print-2-Output")),
            true, false),
        output(b.body(), "pipelinechannel--condition-branches-1-oneof-1"));
    assertEquals(output("pipelinechannel--print-2-Output", List.of(new Source("print-2", "Output")), false, false),
        output(second.body(), "pipelinechannel--print-2-Output"));
    assertEquals(output("Output", List.of(new Source("condition-branches-1", "pipelinechannel--condition-branches-1-oneof-1")), false, false),
        output(p.root(), "Output"));
    assertEquals(List.of("comp-print"), componentIds(p));
  }

  @Test
  void aOneOfFromAMissingBranchIsReported() {
    Outcome<Pipeline> o = Kfp.read(BRANCHES.replace("producerSubtask: condition-3", "producerSubtask: condition-9"));
    Diags.check(o.diagnostics(), """
        FM1008 15:34 output comes from `condition-9`, which is not a task of this dag
        """);
  }

  // ---- exit handlers ----------------------------------------------------------------------------

  @Test
  void anExitHandlerWithItsExitTask() {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-exit-handler-1:
            dag:
              tasks:
                work:
                  componentRef:
                    name: comp-work
                  taskInfo:
                    name: work
          comp-work:
            executorLabel: exec-work
          comp-cleanup:
            executorLabel: exec-cleanup
            inputDefinitions:
              parameters:
                status:
                  parameterType: TASK_FINAL_STATUS
        deploymentSpec:
          executors:
            exec-work:
              container:
                image: alpine
            exec-cleanup:
              container:
                image: alpine
        root:
          dag:
            tasks:
              exit-handler-1:
                componentRef:
                  name: comp-exit-handler-1
                taskInfo:
                  name: my-pipeline
              cleanup:
                componentRef:
                  name: comp-cleanup
                dependentTasks:
                - exit-handler-1
                inputs:
                  parameters:
                    status:
                      taskFinalStatus:
                        producerTask: exit-handler-1
                taskInfo:
                  name: cleanup
                triggerPolicy:
                  strategy: ALL_UPSTREAM_TASKS_COMPLETED
        """);
    ExitHandlerNode h = Kfp.node(p.root(), "exit-handler-1", ExitHandlerNode.class);
    assertEquals("my-pipeline", h.displayName());
    assertEquals(Optional.of("cleanup"), h.exitTask());
    assertEquals(List.of("work"), ids(h.body()));
    TaskNode cleanup = Kfp.node(p.root(), "cleanup", TaskNode.class);
    assertEquals(TaskSettings.Trigger.ALL_DONE, cleanup.settings().trigger());
    assertEquals(List.of("exit-handler-1"), cleanup.after());
    assertEquals(Map.of("status", new TaskFinalStatus("exit-handler-1")), bindings(cleanup));
    assertEquals(List.of("comp-work", "comp-cleanup"), componentIds(p));
  }

  @Test
  void anUnknownTriggerStrategyIsReported() {
    Outcome<Pipeline> o = Kfp.read("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-work:
            executorLabel: exec-work
        deploymentSpec:
          executors:
            exec-work:
              container:
                image: alpine
        root:
          dag:
            tasks:
              work:
                componentRef:
                  name: comp-work
                triggerPolicy:
                  strategy: WHENEVER
        """);
    Diags.check(o.diagnostics(), """
        FM1015 19:21 `WHENEVER` is not a kfp trigger strategy
        """);
    assertEquals(TaskSettings.Trigger.ALL_SUCCEEDED, Kfp.node(Kfp.pipeline(o).root(), "work", TaskNode.class).settings().trigger());
  }

  // ---- nested pipelines -------------------------------------------------------------------------

  @Test
  void aDagComponentWithoutControlFlowIsANestedPipeline() {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: outer
        schemaVersion: 2.1.0
        components:
          comp-inner:
            dag:
              outputs:
                parameters:
                  Output:
                    valueFromParameter:
                      outputParameterKey: Output
                      producerSubtask: echo
              tasks:
                echo:
                  componentRef:
                    name: comp-echo
                  inputs:
                    parameters:
                      msg:
                        componentInputParameter: msg
                  taskInfo:
                    name: echo
            inputDefinitions:
              parameters:
                msg:
                  parameterType: STRING
            outputDefinitions:
              parameters:
                Output:
                  parameterType: STRING
        %s%s
        root:
          dag:
            tasks:
              inner:
                componentRef:
                  name: comp-inner
                inputs:
                  parameters:
                    msg:
                      runtimeValue:
                        constant: hi
                taskInfo:
                  name: inner
              after-inner:
                componentRef:
                  name: comp-echo
                dependentTasks:
                - inner
                inputs:
                  parameters:
                    msg:
                      taskOutputParameter:
                        outputParameterKey: Output
                        producerTask: inner
                taskInfo:
                  name: after-inner
        """.formatted(Kfp.indent(ECHO, 2), ECHO_EXECUTOR));
    TaskNode inner = Kfp.node(p.root(), "inner", TaskNode.class);
    assertEquals("comp-inner", inner.component());
    PipelineComponent c = Kfp.component(p, "comp-inner", PipelineComponent.class);
    assertEquals(List.of("msg"), c.iface().inputs().stream().map(io.flytemigrate.ir.Port::name).toList());
    assertEquals(List.of("Output"), c.iface().outputs().stream().map(io.flytemigrate.ir.Port::name).toList());
    assertEquals(Map.of("msg", new GraphInput("msg")), bindings(Kfp.node(c.graph(), "echo")));
    assertEquals(output("Output", List.of(new Source("echo", "Output")), false, false), output(c.graph(), "Output"));
    assertEquals(Map.of("msg", new TaskOutput("inner", "Output")), bindings(Kfp.node(p.root(), "after-inner")));
    assertEquals(List.of("comp-inner", "comp-echo"), componentIds(p));
  }

  @Test
  void aConditionBodyThatContainsItselfIsReported() {
    Outcome<Pipeline> o = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Kfp.read("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-condition-1:
            dag:
              tasks:
                condition-1:
                  componentRef:
                    name: comp-condition-1
                  triggerPolicy:
                    condition: inputs.parameter_values['x'] == 'a'
        root:
          dag:
            tasks:
              condition-1:
                componentRef:
                  name: comp-condition-1
                triggerPolicy:
                  condition: inputs.parameter_values['x'] == 'a'
        """));
    Diags.check(o.diagnostics(), """
        FM1021 6:5 component `comp-condition-1` contains itself through its dag
        """);
    assertTrue(o.hasErrors());
  }

  @Test
  void mutuallyRecursiveLoopBodiesAreReported() {
    Outcome<Pipeline> o = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Kfp.read("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-for-loop-1:
            dag:
              tasks:
                for-loop-2:
                  componentRef:
                    name: comp-for-loop-2
                  parameterIterator:
                    itemInput: i
                    items:
                      raw: '[1]'
          comp-for-loop-2:
            dag:
              tasks:
                for-loop-1:
                  componentRef:
                    name: comp-for-loop-1
                  parameterIterator:
                    itemInput: i
                    items:
                      raw: '[1]'
        root:
          dag:
            tasks:
              for-loop-1:
                componentRef:
                  name: comp-for-loop-1
                parameterIterator:
                  itemInput: i
                  items:
                    raw: '[1]'
        """));
    Diags.check(o.diagnostics(), """
        FM1021 6:5 component `comp-for-loop-1` contains itself through its dag
        """);
  }

  @Test
  void aNestedPipelineThatContainsItselfIsReported() {
    Outcome<Pipeline> o = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Kfp.read("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-inner:
            dag:
              tasks:
                again:
                  componentRef:
                    name: comp-inner
                  taskInfo:
                    name: again
        root:
          dag:
            tasks:
              inner:
                componentRef:
                  name: comp-inner
                taskInfo:
                  name: inner
        """));
    Diags.check(o.diagnostics(), """
        FM1021 5:3 component `comp-inner` contains itself through its dag
        """);
  }

  @Test
  void mutuallyRecursiveNestedPipelinesAreBothReported() {
    Outcome<Pipeline> o = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Kfp.read("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-a:
            dag:
              tasks:
                b:
                  componentRef:
                    name: comp-b
          comp-b:
            dag:
              tasks:
                a:
                  componentRef:
                    name: comp-a
        root:
          dag:
            tasks:
              a:
                componentRef:
                  name: comp-a
        """));
    Diags.check(o.diagnostics(), """
        FM1021 5:3 component `comp-a` contains itself through its dag
        FM1021 11:3 component `comp-b` contains itself through its dag
        """);
  }

  @Test
  void aNestedPipelineThatContainsItselfDoesNotOverflowTheStack() {
    Outcome<Pipeline> o = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Kfp.read("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-inner:
            dag:
              tasks:
                again:
                  componentRef:
                    name: comp-inner
        root:
          dag:
            tasks:
              inner:
                componentRef:
                  name: comp-inner
        """));
    assertTrue(o.value().isPresent());
    assertEquals("comp-inner", Kfp.node(Kfp.pipeline(o).root(), "inner", TaskNode.class).component());
  }

  @Test
  void aLoopOverArtifacts() {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-for-loop-1:
            dag:
              tasks:
                echo:
                  componentRef:
                    name: comp-echo
                  inputs:
                    parameters:
                      msg:
                        runtimeValue:
                          constant: x
                    artifacts:
                      data:
                        componentInputArtifact: pipelinechannel--datasets-loop-item
            inputDefinitions:
              artifacts:
                pipelinechannel--datasets-loop-item:
                  artifactType:
                    schemaTitle: system.Dataset
                    schemaVersion: 0.0.1
                pipelinechannel--datasets:
                  artifactType:
                    schemaTitle: system.Dataset
                    schemaVersion: 0.0.1
                  isArtifactList: true
        %s%s
        root:
          dag:
            tasks:
              for-loop-1:
                artifactIterator:
                  itemInput: pipelinechannel--datasets-loop-item
                  items:
                    inputArtifact: pipelinechannel--datasets
                componentRef:
                  name: comp-for-loop-1
                inputs:
                  artifacts:
                    pipelinechannel--datasets:
                      componentInputArtifact: datasets
          inputDefinitions:
            artifacts:
              datasets:
                artifactType:
                  schemaTitle: system.Dataset
                  schemaVersion: 0.0.1
                isArtifactList: true
        """.formatted(Kfp.indent(ECHO, 2), ECHO_EXECUTOR));
    LoopNode loop = Kfp.node(p.root(), "for-loop-1", LoopNode.class);
    assertEquals(new LoopItems.FromInput("pipelinechannel--datasets", true), loop.items());
    assertEquals(Map.of("pipelinechannel--datasets", new GraphInput("datasets")), bindings(loop));
    assertEquals(new LoopItem("for-loop-1"), bindings(Kfp.node(loop.body(), "echo")).get("data"));
  }

  @Test
  void aConditionInsideALoopGetsTheLoopItem() {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-for-loop-1:
            dag:
              tasks:
                condition-2:
                  componentRef:
                    name: comp-condition-2
                  inputs:
                    parameters:
                      pipelinechannel--loop-item-param-1:
                        componentInputParameter: pipelinechannel--loop-item-param-1
                  taskInfo:
                    name: condition-2
                  triggerPolicy:
                    condition: int(inputs.parameter_values['pipelinechannel--loop-item-param-1']) == 2
            inputDefinitions:
              parameters:
                pipelinechannel--loop-item-param-1:
                  parameterType: NUMBER_INTEGER
          comp-condition-2:
            dag:
              tasks:
                echo:
                  componentRef:
                    name: comp-echo
                  inputs:
                    parameters:
                      msg:
                        componentInputParameter: pipelinechannel--loop-item-param-1
                  taskInfo:
                    name: echo
            inputDefinitions:
              parameters:
                pipelinechannel--loop-item-param-1:
                  parameterType: NUMBER_INTEGER
        %s%s
        root:
          dag:
            tasks:
              for-loop-1:
                componentRef:
                  name: comp-for-loop-1
                parameterIterator:
                  itemInput: pipelinechannel--loop-item-param-1
                  items:
                    raw: '[1, 2, 3]'
                taskInfo:
                  name: for-loop-1
        """.formatted(Kfp.indent(ECHO, 2), ECHO_EXECUTOR));
    LoopNode loop = Kfp.node(p.root(), "for-loop-1", LoopNode.class);
    assertEquals(new LoopItems.Literal(new Value.ListValue(List.of(new Value.Int(1), new Value.Int(2), new Value.Int(3)))), loop.items());
    ConditionNode c = Kfp.node(loop.body(), "condition-2", ConditionNode.class);
    assertEquals(Map.of("pipelinechannel--loop-item-param-1", new LoopItem("for-loop-1")), bindings(c));
    assertEquals(Optional.of(new Expr.Compare(Expr.Op.EQ,
            new Expr.Call("int", List.of(new Expr.Input("pipelinechannel--loop-item-param-1"))), new Expr.Literal(new Value.Int(2)))),
        c.condition().parsed());
    // Inside the condition the value is the condition's own input.
    assertEquals(Map.of("msg", new GraphInput("pipelinechannel--loop-item-param-1")), bindings(Kfp.node(c.body(), "echo")));
    assertEquals(List.of("comp-echo"), componentIds(p));
  }

  @Test
  void aBodyTaskReadingAnUndeclaredScopeInputIsReported() {
    Outcome<Pipeline> o = Kfp.read(conditionSpec("inputs.parameter_values['pipelinechannel--flip-Output'] == 'heads'")
        .replace("componentInputParameter: pipelinechannel--flip-Output", "componentInputParameter: pipelinechannel--other"));
    Diags.check(o.diagnostics(), """
        FM1010 14:17 task `echo` reads `pipelinechannel--other`, which is not an input of `comp-condition-1`
        """);
  }

  @Test
  void anExitHandlerWithoutExitTask() {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-exit-handler-1:
            dag:
              tasks: {}
        root:
          dag:
            tasks:
              exit-handler-1:
                componentRef:
                  name: comp-exit-handler-1
        """);
    ExitHandlerNode h = Kfp.node(p.root(), "exit-handler-1", ExitHandlerNode.class);
    assertEquals(Optional.empty(), h.exitTask());
    assertEquals(List.of(), h.body().nodes());
  }
}
