package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSelectorsOnStructsTest {
  private final Check check = new FieldSelectorsOnStructs();

  /** A loop over the literal list {@code %s}, whose body reads field {@code a} of each item. */
  private static String loopOver(String items) {
    return """
        components:
          comp-echo:
            executorLabel: exec-echo
            inputDefinitions:
              parameters:
                msg:
                  parameterType: STRING
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
            inputDefinitions:
              parameters:
                pipelinechannel--loop-item-param-1:
                  parameterType: STRUCT
        root:
          dag:
            tasks:
              for-loop-1:
                componentRef:
                  name: comp-for-loop-1
                parameterIterator:
                  itemInput: pipelinechannel--loop-item-param-1
                  items:
                    raw: '%s'
        """.formatted(items);
  }

  @Test
  void fieldsOfStructItemsAreFine() {
    assertEquals("", Kfp.findings(check, loopOver("[{\"a\": \"x\"}, {\"a\": \"y\"}]")));
  }

  @Test
  void fieldsOfStringItemsAreAnErrorWhateverTheBodyDeclares() {
    assertEquals("16:15 error input `msg` of task `echo` selects `a` from an item of loop `for-loop-1`, a `str`, which has"
        + " no fields\n", Kfp.findings(check, loopOver("[\"x\", \"y\"]")));
  }

  @Test
  void fieldsOfTaskOutputsFollowTheDeclaredType() {
    Component make = Ir.container("comp-make", List.of(),
        List.of(Ir.port("n", Ir.INT, 2), Ir.port("d", new IrType.Struct(), 3), Ir.port("l", Ir.list(Ir.STR), 4)), 1);
    Component use = Ir.container("comp-use", List.of(Ir.port("x", Ir.STR, 6)), List.of(), 5);
    Pipeline p = Ir.pipeline(List.of(make, use), Ir.graph(
        Ir.task("make", "comp-make", 10),
        Ir.task("a", "comp-use", 11, Ir.bind("x", new Binding.Field(Ir.output("make", "n"), List.of("k"), "n.k"), 12)),
        Ir.task("b", "comp-use", 13, Ir.bind("x", new Binding.Field(Ir.output("make", "d"), List.of("k"), "d.k"), 14)),
        Ir.task("c", "comp-use", 15, Ir.bind("x", new Binding.Field(Ir.output("make", "l"), List.of("0"), "l[0]"), 16))));
    assertEquals("12:1 error input `x` of task `a` selects `k` from output `n` of task `make`, a `int`, which has no fields\n",
        Kfp.findings(check, p));
  }
}
