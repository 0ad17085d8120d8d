package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstantsMatchTypesTest {
  private final Check check = new ConstantsMatchTypes();

  private static String constant(String type, String value) {
    return """
        components:
          comp-train:
            executorLabel: exec-train
            inputDefinitions:
              parameters:
                x:
                  parameterType: %s
        root:
          dag:
            tasks:
              train:
                componentRef:
                  name: comp-train
                inputs:
                  parameters:
                    x:
                      runtimeValue:
                        constant: %s
        """.formatted(type, value);
  }

  @Test
  void literalsFitTheirTypesWithNumberConversions() {
    assertEquals("", Kfp.findings(check, constant("NUMBER_DOUBLE", "3")));
    assertEquals("", Kfp.findings(check, constant("NUMBER_INTEGER", "2.0")));
    assertEquals("", Kfp.findings(check, constant("STRING", "hello")));
    assertEquals("", Kfp.findings(check, constant("LIST", "[1, 'a']")));
    assertEquals("", Kfp.findings(check, constant("STRUCT", "{a: 1}")));
    assertEquals("", Kfp.findings(check, constant("BOOLEAN", "true")));
  }

  @Test
  void aStringForAnIntIsAnError() {
    assertEquals("16:13 error input `x` of task `train` expects `int`, but is given the constant `\"many\"`\n",
        Kfp.findings(check, constant("NUMBER_INTEGER", "many")));
    assertEquals("16:13 error input `x` of task `train` expects `int`, but is given the constant `2.5`\n",
        Kfp.findings(check, constant("NUMBER_INTEGER", "2.5")));
  }

  @Test
  void noneFitsOnlyOptionalInputsAndNoConstantFitsAnArtifact() {
    Port optional = new Port("maybe", Ir.STR, false, true, Optional.empty(), Optional.empty(), Ir.at(3));
    Component c = Ir.container("comp-c",
        List.of(Ir.port("text", Ir.STR, 2), optional, Ir.port("data", Ir.artifact(IrType.ArtifactKind.DATASET), 4)), List.of(), 1);
    Pipeline p = Ir.pipeline(List.of(c), Ir.graph(Ir.task("t", "comp-c", 10,
        Ir.bind("text", Ir.constant(new Value.Null()), 11),
        Ir.bind("maybe", Ir.constant(new Value.Null()), 12),
        Ir.bind("data", Ir.constant(Value.str("gs://bucket/x")), 13))));
    assertEquals("""
        11:1 error input `text` of task `t` expects `str`, but is given the constant `null`
        13:1 error input `data` of task `t` expects `system.Dataset`, but is given the constant `"gs://bucket/x"`
        """, Kfp.findings(check, p));
  }

  @Test
  void defaultsOfComponentsAndOfThePipelineAreChecked() {
    Component c = Ir.container("comp-c", List.of(Ir.optional("n", Ir.INT, Value.str("ten"), 2)), List.of(), 1);
    Pipeline p = Ir.pipeline(List.of(c), Ir.graph(Ir.iface(List.of(Ir.optional("rate", Ir.FLOAT, new Value.Bool(true), 5),
        Ir.optional("ok", Ir.FLOAT, new Value.Int(1), 6)), List.of()), List.of(), List.of()));
    assertEquals("""
        2:1 error the default `"ten"` of input `n` of component `comp-c` does not fit its type `int`
        5:1 error the default `true` of input `rate` of the pipeline does not fit its type `float`
        """, Kfp.findings(check, p));
  }
}
