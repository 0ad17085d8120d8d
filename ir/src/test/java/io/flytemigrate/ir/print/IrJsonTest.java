package io.flytemigrate.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrJsonTest {

  @Test
  void startsWithIrVersion() {
    String json = IrJson.toJson(SamplePipeline.pipeline());
    assertTrue(
        json.startsWith("{\n  \"irVersion\": 1,\n  \"value\": {\n    \"kind\": \"Pipeline\",\n    \"name\": \"echo\",\n"),
        json);
    assertEquals(1, IrJson.IR_VERSION);
    assertTrue(json.endsWith("\n  }\n}\n"), json);
  }

  @Test
  void isDeterministic() {
    assertEquals(IrJson.toJson(SamplePipeline.pipeline()), IrJson.toJson(SamplePipeline.pipeline()));
  }

  @Test
  void portWithKindFirstNullForEmptyOptionalsAndSpanWithoutFile() {
    assertEquals(
        """
        {
          "irVersion": 1,
          "value": {
            "kind": "Port",
            "name": "msg",
            "type": {
              "kind": "Primitive",
              "scalar": "STRING"
            },
            "artifact": false,
            "optional": true,
            "defaultValue": "hello",
            "description": null,
            "span": {
              "line": 30,
              "column": 7,
              "endLine": 33,
              "endColumn": 1
            }
          }
        }
        """,
        IrJson.toJson(SamplePipeline.optionalMsg()));
  }

  @Test
  void keepsEverythingTheTextFormLeavesOut() {
    String json = IrJson.toJson(SamplePipeline.pipeline());
    assertTrue(json.contains("\"displayName\": null,"), json);
    assertTrue(json.contains("\"after\": [],"), json);
    assertTrue(json.contains("\"cacheKey\": null,"), json);
    assertTrue(json.contains("\"artifact\": false,"), json);
    assertTrue(json.contains("\"kind\": \"TaskNode\","), json);
    assertTrue(json.contains("\"kind\": \"ContainerComponent\","), json);
    // Span.NONE (resources, kubernetes, platform) is written as zeros.
    assertTrue(json.contains("\"line\": 0,"), json);
  }

  @Test
  void literalValuesArePlainJson() {
    var constant =
        new Binding.Constant(
            new Value.MapValue(
                List.of(
                    new Value.Entry("n", new Value.Int(3)),
                    new Value.Entry("x", new Value.Float(0.5)),
                    new Value.Entry("nan", new Value.Float(Double.NaN)),
                    new Value.Entry("l", new Value.ListValue(List.of(new Value.Bool(true), new Value.Null()))))));
    assertEquals(
        """
        {
          "irVersion": 1,
          "value": {
            "kind": "Constant",
            "value": {
              "n": 3,
              "x": 0.5,
              "nan": "NaN",
              "l": [
                true,
                null
              ]
            }
          }
        }
        """,
        IrJson.toJson(constant));
  }

  @Test
  void emptyRecordAndEnums() {
    assertEquals(
        """
        {
          "irVersion": 1,
          "value": {
            "kind": "ListOf",
            "element": {
              "kind": "Struct"
            }
          }
        }
        """,
        IrJson.toJson(new IrType.ListOf(new IrType.Struct())));
  }

  @Test
  void spanAlone() {
    assertEquals(
        "{\n  \"irVersion\": 1,\n  \"value\": {\n    \"line\": 2,\n    \"column\": 3,\n    \"endLine\": 2,"
            + "\n    \"endColumn\": 9\n  }\n}\n",
        IrJson.toJson(new Span("p.yaml", 2, 3, 2, 9)));
  }

  @Test
  void rejectsNonIrValues() {
    assertThrows(IllegalArgumentException.class, () -> IrJson.toJson(new StringBuilder("x")));
  }
}
