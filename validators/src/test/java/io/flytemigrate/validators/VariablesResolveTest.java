package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VariablesResolveTest {
  private final Check check = new VariablesResolve();

  private static final Component ECHO =
      Ir.container("comp-echo", List.of(Ir.port("text", Ir.STR, 2)), List.of(Ir.port("Output", Ir.STR, 3)), 1);

  @Test
  void kfpChannelInputsAndPlaceholderStringsAreNotUndeclared() {
    // The shape KFP writes when resource settings come from pipeline parameters.
    assertEquals("", Kfp.findings(check, """
        components:
          comp-sum:
            executorLabel: exec-sum
            inputDefinitions:
              parameters:
                a:
                  parameterType: NUMBER_INTEGER
        root:
          dag:
            tasks:
              sum:
                componentRef:
                  name: comp-sum
                inputs:
                  parameters:
                    a:
                      runtimeValue:
                        constant: 1
                    cpu_limit:
                      runtimeValue:
                        constant: '{{$.inputs.parameters[''pipelinechannel--cpu'']}}'
                    pipelinechannel--cpu:
                      componentInputParameter: cpu
          inputDefinitions:
            parameters:
              cpu:
                parameterType: STRING
        """));
  }

  @Test
  void anInputTheComponentDoesNotDeclareIsReported() {
    assertEquals("16:13 error task `sum` sets input `b`, which component `comp-sum` does not declare\n",
        Kfp.findings(check, """
            components:
              comp-sum:
                executorLabel: exec-sum
                inputDefinitions:
                  parameters:
                    a:
                      parameterType: NUMBER_INTEGER
            root:
              dag:
                tasks:
                  sum:
                    componentRef:
                      name: comp-sum
                    inputs:
                      parameters:
                        b:
                          runtimeValue:
                            constant: 1
            """));
  }

  @Test
  void undeclaredOutputsInputsAndTemplateReferencesAreReported() {
    Node.LoopNode loop = new Node.LoopNode("for-loop-1", "loop", List.of(), List.of(),
        new LoopItems.FromInput("xs", false), "item", OptionalInt.empty(), Ir.graph(Ir.task("inner", "comp-echo", 31)), Ir.at(30));
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(Interface.EMPTY, List.of(
        Ir.task("a", "comp-echo", 10),
        Ir.task("b", "comp-echo", 11, Ir.bind("text", Ir.output("a", "Outptu"), 12)),
        Ir.task("c", "comp-echo", 13, Ir.bind("text", Ir.input("missing"), 14)),
        Ir.task("d", "comp-echo", 15, Ir.bind("text", new Binding.Template(List.of(new Arg.InputRef("other", Arg.Access.VALUE))), 16)),
        loop),
        List.of(new Graph.GraphOutput("out", List.of(new Graph.Source("a", "Output")), false, false, Ir.at(40)))));
    assertEquals("""
        12:1 error input `text` of task `b` reads output `Outptu` of task `a`, which has no such output
        14:1 error input `text` of task `c` reads `missing`, which is not an input of the pipeline
        16:1 error input `text` of task `d` refers to `other`, which task `d` does not set
        30:1 error loop `for-loop-1` iterates over `xs`, which it does not set
        40:1 error output `out` of the pipeline is not declared in its interface
        """, Kfp.findings(check, p));
  }

  @Test
  void aConditionReadsOnlyInputsItsNodeSets() {
    String spec = """
        components:
          comp-echo:
            executorLabel: exec-echo
          comp-condition-1:
            dag:
              tasks:
                echo:
                  componentRef:
                    name: comp-echo
            inputDefinitions:
              parameters:
                pipelinechannel--flag:
                  parameterType: STRING
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
                  condition: inputs.parameter_values['pipelinechannel--%s'] == 'yes'
          inputDefinitions:
            parameters:
              flag:
                parameterType: STRING
        """;
    assertEquals("", Kfp.findings(check, spec.formatted("flag")));
    assertEquals("25:22 error the condition of condition `condition-1` reads `pipelinechannel--flga`, which condition"
        + " `condition-1` does not set\n", Kfp.findings(check, spec.formatted("flga")));
  }

  @Test
  void aConstantValueIsNotAReference() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(Ir.task("a", "comp-echo", 10, Ir.bind("text", Ir.constant(Value.str("x")), 11))));
    assertEquals("", Kfp.findings(check, p));
  }
}
