package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionalOutputsAreGuardedTest {
  private final Check check = new ConditionalOutputsAreGuarded();

  /** Task {@code make} runs inside {@code condition-1}; task {@code use} reads its output from outside. */
  private static String readFromOutside(String optional) {
    return """
        components:
          comp-condition-1:
            dag:
              outputs:
                parameters:
                  pipelinechannel--make-Output:
                    valueFromParameter:
                      outputParameterKey: Output
                      producerSubtask: make
              tasks:
                make:
                  componentRef:
                    name: comp-make
            inputDefinitions:
              parameters:
                pipelinechannel--flag:
                  parameterType: STRING
            outputDefinitions:
              parameters:
                pipelinechannel--make-Output:
                  parameterType: STRING
          comp-make:
            executorLabel: exec-make
            outputDefinitions:
              parameters:
                Output:
                  parameterType: STRING
          comp-use:
            executorLabel: exec-use
            inputDefinitions:
              parameters:
                text:
                  parameterType: STRING
                  %s
        root:
          dag:
            tasks:
              condition-1:
                componentRef:
                  name: comp-condition-1
                inputs:
                  parameters:
                    pipelinechannel--flag:
                      componentInputParameter: flag
                triggerPolicy:
                  condition: inputs.parameter_values['pipelinechannel--flag'] == 'yes'
              use:
                componentRef:
                  name: comp-use
                dependentTasks: [condition-1]
                inputs:
                  parameters:
                    text:
                      taskOutputParameter:
                        outputParameterKey: pipelinechannel--make-Output
                        producerTask: condition-1
          inputDefinitions:
            parameters:
              flag:
                parameterType: STRING
        """.formatted(optional);
  }

  @Test
  void anOptionalInputMayReadAConditionalOutput() {
    assertEquals("", Kfp.findings(check, readFromOutside("isOptional: true")));
  }

  @Test
  void aRequiredInputReadingAConditionalOutputIsAnError() {
    assertEquals("53:13 error input `text` of task `use` reads output `pipelinechannel--make-Output` of condition"
        + " `condition-1`, which is not set when the condition is false\n", Kfp.findings(check, readFromOutside("description: t")));
  }

  @Test
  void branchesThatAllSetAnOutputGuardItAndAPipelineOutputFromAConditionIsAWarning() {
    Component make = Ir.container("comp-make", List.of(), List.of(Ir.port("Output", Ir.STR, 2)), 1);
    Component use = Ir.container("comp-use", List.of(Ir.port("text", Ir.STR, 4)), List.of(), 3);
    Node.BranchesNode all = branches("all", 20, true);
    Node.BranchesNode some = branches("some", 40, false);
    Node.ConditionNode lone = branch("lone", 60);
    Graph root = Ir.graph(Ir.iface(List.of(), List.of(Ir.port("result", Ir.STR, 7))),
        List.of(all, some, lone,
            Ir.task("use-all", "comp-use", 80, Ir.bind("text", Ir.output("all", "out"), 81)),
            Ir.task("use-some", "comp-use", 82, Ir.bind("text", Ir.output("some", "out"), 83))),
        List.of(new Graph.GraphOutput("result", List.of(new Graph.Source("lone", "o")), false, false, Ir.at(8))));
    assertEquals("""
        8:1 warning output `result` of the pipeline comes from output `o` of condition `lone`, which is not set when the condition is false
        83:1 error input `text` of task `use-some` reads output `out` of if/elif/else `some`, which not every branch sets
        """, Kfp.findings(check, Ir.pipeline(List.of(make, use), root)));
  }

  private static Node.BranchesNode branches(String id, int line, boolean everyBranchSetsIt) {
    Node.ConditionNode first = branch(id + "-if", line + 1);
    Node.ConditionNode second = branch(id + "-else", line + 10);
    List<Graph.Source> sources = everyBranchSetsIt
        ? List.of(new Graph.Source(first.id(), "o"), new Graph.Source(second.id(), "o"))
        : List.of(new Graph.Source(first.id(), "o"));
    Graph body = Ir.graph(Ir.iface(List.of(), List.of(Ir.port("out", Ir.STR, line))), List.of(first, second),
        List.of(new Graph.GraphOutput("out", sources, true, false, Ir.at(line))));
    return new Node.BranchesNode(id, id, List.of(), List.of(), body, Ir.at(line));
  }

  private static Node.ConditionNode branch(String id, int line) {
    Port o = Ir.port("o", new IrType.Any(), line + 1);
    Graph body = Ir.graph(Ir.iface(List.of(), List.of(o)), List.of(Ir.task(id + "-make", "comp-make", line + 2)),
        List.of(new Graph.GraphOutput("o", List.of(new Graph.Source(id + "-make", "Output")), false, false, Ir.at(line + 3))));
    return new Node.ConditionNode(id, id, List.of(), List.of(), new Condition("c", Optional.empty(), Ir.at(line)), body,
        Ir.at(line));
  }
}
