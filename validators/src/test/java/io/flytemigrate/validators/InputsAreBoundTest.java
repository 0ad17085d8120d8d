package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputsAreBoundTest {
  private final Check check = new InputsAreBound();

  private static String train(String inputs) {
    return """
        components:
          comp-train:
            executorLabel: exec-train
            inputDefinitions:
              parameters:
                epochs:
                  parameterType: NUMBER_INTEGER
                rate:
                  defaultValue: 0.1
                  isOptional: true
                  parameterType: NUMBER_DOUBLE
        root:
          dag:
            tasks:
              train:
                componentRef:
                  name: comp-train
        %s""".formatted(inputs);
  }

  @Test
  void requiredInputsSetAndOptionalOnesLeftOutAreFine() {
    assertEquals("", Kfp.findings(check, train("""
                inputs:
                  parameters:
                    epochs:
                      runtimeValue:
                        constant: 3
        """)));
  }

  @Test
  void aRequiredInputLeftOutIsReportedAtTheTask() {
    assertEquals("15:7 error task `train` does not set required input `epochs` of component `comp-train`\n",
        Kfp.findings(check, train("")));
  }

  @Test
  void bodyInputsAndGraphOutputsNeedValuesToo() {
    Component echo = Ir.container("comp-echo", List.of(Ir.optional("text", Ir.STR, Value.str(""), 2)), List.of(), 1);
    Graph body = Ir.graph(Ir.iface(List.of(Ir.port("flag", Ir.STR, 22)), List.of()), List.of(Ir.task("a", "comp-echo", 23)),
        List.of());
    Node.ConditionNode c = new Node.ConditionNode("condition-1", "c", List.of(), List.of(),
        new Condition("x", Optional.empty(), Ir.at(21)), body, Ir.at(20));
    Graph root = Ir.graph(Ir.iface(List.of(), List.of(Ir.port("result", Ir.STR, 5), Ir.port("other", Ir.STR, 6))), List.of(c),
        List.of(new Graph.GraphOutput("other", List.of(), false, false, Ir.at(7))));
    assertEquals("""
        5:1 error output `result` of the pipeline has no source
        7:1 error output `other` of the pipeline has no source
        20:1 error condition `condition-1` does not set `flag`, an input of its body
        """, Kfp.findings(check, Ir.pipeline(List.of(echo), root)));
  }
}
