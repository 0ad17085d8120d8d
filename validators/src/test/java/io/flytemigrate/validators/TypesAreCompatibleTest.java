package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypesAreCompatibleTest {
  private final Check check = new TypesAreCompatible();

  /** Task {@code count} gives a {@code %1$s}, task {@code scale} takes a {@code %2$s}. */
  private static String wire(String from, String to) {
    return """
        components:
          comp-count:
            executorLabel: exec-count
            outputDefinitions:
              parameters:
                Output:
                  parameterType: %s
          comp-scale:
            executorLabel: exec-scale
            inputDefinitions:
              parameters:
                factor:
                  parameterType: %s
        root:
          dag:
            tasks:
              count:
                componentRef:
                  name: comp-count
              scale:
                componentRef:
                  name: comp-scale
                dependentTasks: [count]
                inputs:
                  parameters:
                    factor:
                      taskOutputParameter:
                        outputParameterKey: Output
                        producerTask: count
        """.formatted(from, to);
  }

  @Test
  void equalTypesCast() {
    assertEquals("", Kfp.findings(check, wire("NUMBER_DOUBLE", "NUMBER_DOUBLE")));
    assertEquals("", Kfp.findings(check, wire("LIST", "LIST")));
    assertEquals("", Kfp.findings(check, wire("STRUCT", "STRUCT")));
  }

  @Test
  void anIntOutputIntoAFloatInputIsAnErrorAsInFlyte() {
    String spec = wire("NUMBER_INTEGER", "NUMBER_DOUBLE");
    assertEquals("26:13 error input `factor` of task `scale` expects `float`, but output `Output` of task `count` gives `int`\n",
        Kfp.findings(check, spec));
    assertEquals(Optional.of("flyte does not widen `int` to `float` between tasks; declare both sides `float`, or convert in a task"),
        Kfp.run(check, Kfp.read(spec)).get(0).help());
  }

  @Test
  void aScalarIsNotAList() {
    assertEquals("26:13 error input `factor` of task `scale` expects `list`, but output `Output` of task `count` gives `str`\n",
        Kfp.findings(check, wire("STRING", "LIST")));
  }

  @Test
  void parametersAndArtifactsDoNotMixAndPipelineOutputsAreChecked() {
    Component make = Ir.container("comp-make", List.of(),
        List.of(Ir.port("model", Ir.artifact(IrType.ArtifactKind.MODEL), 2), Ir.port("n", Ir.INT, 3)), 1);
    Component use = Ir.container("comp-use", List.of(Ir.port("text", Ir.STR, 5)), List.of(), 4);
    Graph root = Ir.graph(Ir.iface(List.of(Ir.port("seed", Ir.INT, 8)), List.of(Ir.port("result", Ir.STR, 9))),
        List.of(Ir.task("make", "comp-make", 10),
            Ir.task("use", "comp-use", 11, Ir.bind("text", Ir.output("make", "model"), 12)),
            Ir.task("use-2", "comp-use", 13, Ir.bind("text", Ir.input("seed"), 14))),
        List.of(new Graph.GraphOutput("result", List.of(new Graph.Source("make", "n")), false, false, Ir.at(20))));
    assertEquals("""
        12:1 error input `text` of task `use` expects `str`, but output `model` of task `make` gives `system.Model`
        14:1 error input `text` of task `use-2` expects `str`, but input `seed` of the pipeline gives `int`
        20:1 error output `result` of the pipeline expects `str`, but output `n` of task `make` gives `int`
        """, Kfp.findings(check, Ir.pipeline(List.of(make, use), root)));
  }

  @Test
  void unknownTypesAndFieldSelectionsAreNotReported() {
    Component make = Ir.container("comp-make", List.of(), List.of(Ir.port("x", new IrType.Unknown("Foo"), 2)), 1);
    Component use = Ir.container("comp-use", List.of(Ir.port("text", Ir.STR, 5)), List.of(), 4);
    Pipeline p = Ir.pipeline(List.of(make, use), Ir.graph(
        Ir.task("make", "comp-make", 10),
        Ir.task("use", "comp-use", 11, Ir.bind("text", Ir.output("make", "x"), 12)),
        Ir.task("use-2", "comp-use", 13, Ir.bind("text", new Binding.Field(Ir.output("make", "x"), List.of("a"), "x.a"), 14))));
    assertEquals("", Kfp.findings(check, p));
  }

  @Test
  void branchesMustGiveACommonOutputOneType() {
    Component s = Ir.container("comp-s", List.of(), List.of(Ir.port("Output", Ir.STR, 2)), 1);
    Component i = Ir.container("comp-i", List.of(), List.of(Ir.port("Output", Ir.INT, 4)), 3);
    Node.ConditionNode heads = branch("condition-2", "comp-s", 30);
    Node.ConditionNode tails = branch("condition-3", "comp-i", 40);
    Graph body = Ir.graph(Ir.iface(List.of(), List.of(Ir.port("out", new IrType.Any(), 21))), List.of(heads, tails),
        List.of(new Graph.GraphOutput("out", List.of(new Graph.Source("condition-2", "o"), new Graph.Source("condition-3", "o")),
            true, false, Ir.at(22))));
    Node.BranchesNode b = new Node.BranchesNode("condition-branches-1", "b", List.of(), List.of(), body, Ir.at(20));
    assertEquals("22:1 error the branches of if/elif/else `condition-branches-1` give output `out` different types: `str`, `int`\n",
        Kfp.findings(check, Ir.pipeline(List.of(s, i), Ir.graph(b))));
  }

  private static Node.ConditionNode branch(String id, String component, int line) {
    Graph body = Ir.graph(Ir.iface(List.of(), List.of(Ir.port("o", new IrType.Any(), line + 1))),
        List.of(Ir.task(id + "-task", component, line + 2)),
        List.of(new Graph.GraphOutput("o", List.of(new Graph.Source(id + "-task", "Output")), false, false, Ir.at(line + 3))));
    return new Node.ConditionNode(id, id, List.of(), List.of(), new Condition("c", Optional.empty(), Ir.at(line)), body,
        Ir.at(line));
  }
}
