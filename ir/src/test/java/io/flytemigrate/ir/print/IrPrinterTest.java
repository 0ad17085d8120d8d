package io.flytemigrate.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IrPrinterTest {

  @Test
  void printsTheSamplePipeline() {
    assertEquals(
        """
        Pipeline @1:1
          name: "echo"
          description: "says hello"
          source: SourceInfo(file="pipeline.yaml", format="kfp-v2", schemaVersion="2.1.0", producer="kfp-2.14.6")
          components:
          - ContainerComponent @4:3
              id: "comp-echo"
              iface: Interface
                inputs:
                - Port @9:9
                    name: "msg"
                    type: Primitive(scalar=STRING)
              container: ContainerSpec @8:5
                image: "python:3.11"
                command: [Literal(text="echo")]
                args: [InputRef(input="msg", access=VALUE)]
          root: Graph @17:3
            iface: Interface
              inputs:
              - Port @30:7
                  name: "msg"
                  type: Primitive(scalar=STRING)
                  optional: true
                  defaultValue: "hello"
            nodes:
            - TaskNode @20:7
                id: "echo"
                displayName: "echo"
                component: "comp-echo"
                inputs:
                - InputBinding @23:13
                    input: "msg"
                    value: GraphInput(input="msg")
                settings: TaskSettings @21:9
                  cache: true
                  trigger: ALL_SUCCEEDED
        """,
        IrPrinter.print(SamplePipeline.pipeline()));
  }

  @Test
  void printingIsDeterministic() {
    String first = IrPrinter.print(SamplePipeline.pipeline());
    String second = IrPrinter.print(SamplePipeline.pipeline());
    assertEquals(first, second);
    assertEquals(first, IrPrinter.print(SamplePipeline.pipeline()));
    assertTrue(first.endsWith("\n") && !first.endsWith("\n\n"), first);
  }

  @Test
  void defaultsAreLeftOut() {
    String port = IrPrinter.print(SamplePipeline.requiredMsg());
    assertEquals(
        """
        Port @9:9
          name: "msg"
          type: Primitive(scalar=STRING)
        """,
        port);
    // artifact=false, optional=false, empty defaultValue and description are all absent.
    assertFalse(port.contains("artifact"), port);
    assertFalse(port.contains("optional"), port);
    assertFalse(port.contains("defaultValue"), port);
    assertFalse(port.contains("description"), port);
    assertFalse(port.contains("none"), port);
  }

  @Test
  void trueAndPresentValuesArePrinted() {
    var port =
        new Port("model", new IrType.Artifact("system.Model", Optional.of("0.0.1"), IrType.ArtifactKind.MODEL,
            IrType.Shape.UNSPECIFIED), true, true, Optional.empty(), Optional.of("the trained model"),
            Span.at("p.yaml", 3, 5));
    assertEquals(
        """
        Port @3:5
          name: "model"
          type: Artifact(schemaTitle="system.Model", schemaVersion="0.0.1", kind=MODEL, shape=UNSPECIFIED)
          artifact: true
          optional: true
          description: "the trained model"
        """,
        IrPrinter.print(port));
  }

  @Test
  void falseLiteralValueIsNotADefault() {
    var port =
        new Port("flag", IrType.primitive(IrType.Scalar.BOOL), false, true, Optional.of(new Value.Bool(false)),
            Optional.empty(), Span.at("p.yaml", 3, 5));
    assertTrue(IrPrinter.print(port).contains("\n  defaultValue: false\n"), IrPrinter.print(port));
  }

  @Test
  void explicitFalseOptionalIsPrinted() {
    var settings =
        new TaskSettings(Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty(),
            TaskSettings.Trigger.ALL_SUCCEEDED, Span.at("p.yaml", 21, 9));
    assertEquals(
        """
        TaskSettings @21:9
          cache: false
          trigger: ALL_SUCCEEDED
        """,
        IrPrinter.print(settings));
  }

  @Test
  void emptyInterfaceIsInlineAndEmptyListsAtTopLevelAreBrackets() {
    assertEquals("Interface()\n", IrPrinter.print(Interface.EMPTY));
    assertEquals("[]\n", IrPrinter.print(List.of()));
    assertEquals("none\n", IrPrinter.print(Optional.empty()));
  }

  @Test
  void unknownSpansAreNotPrinted() {
    assertEquals("Resources\n", IrPrinter.print(Resources.NONE));
    assertEquals("KubernetesSettings\n", IrPrinter.print(KubernetesSettings.NONE));
    assertEquals(
        """
        TaskSettings
          trigger: ALL_SUCCEEDED
        """,
        IrPrinter.print(TaskSettings.DEFAULT));
  }

  @Test
  void valuesPrintAsCompactJson() {
    var value =
        new Value.MapValue(
            List.of(
                new Value.Entry("b", new Value.Int(2)),
                new Value.Entry("a", new Value.ListValue(List.of(new Value.Float(1.0), new Value.Float(0.25),
                    new Value.Bool(true), new Value.Null()))),
                new Value.Entry("s", Value.str("say \"hi\"\n"))));
    assertEquals("{\"b\": 2, \"a\": [1.0, 0.25, true, null], \"s\": \"say \\\"hi\\\"\\n\"}\n", IrPrinter.print(value));
    assertEquals(
        "Constant(value={\"b\": 2, \"a\": [1.0, 0.25, true, null], \"s\": \"say \\\"hi\\\"\\n\"})\n",
        IrPrinter.print(new Binding.Constant(value)));
  }

  @Test
  void stringsAreQuotedAndEscaped() {
    assertEquals("Literal(text=\"tab\\there \\\\ \\u0001\")\n", IrPrinter.print(new Arg.Literal("tab\there \\ \u0001")));
  }

  @Test
  void longListsBreakIntoOneItemPerLine() {
    List<Arg> args =
        List.of(
            new Arg.Literal("--executor_input"),
            new Arg.RuntimeValue("executor-input"),
            new Arg.Literal("--function_to_execute"),
            new Arg.Literal("concat_message"));
    var spec = new ContainerSpec("kfp-image", List.of(), args, List.of(), Resources.NONE, KubernetesSettings.NONE,
        Span.at("p.yaml", 23, 7));
    assertEquals(
        """
        ContainerSpec @23:7
          image: "kfp-image"
          args:
          - Literal(text="--executor_input")
          - RuntimeValue(name="executor-input")
          - Literal(text="--function_to_execute")
          - Literal(text="concat_message")
        """,
        IrPrinter.print(spec));
  }

  @Test
  void nestedRecordsWithoutSpansPrintInline() {
    var field = new Binding.Field(new Binding.LoopItem("loop-1"), List.of("a", "b"), "item[\"a\"][\"b\"]");
    assertEquals("Field(base=LoopItem(loop=\"loop-1\"), path=[\"a\", \"b\"], raw=\"item[\\\"a\\\"][\\\"b\\\"]\")\n",
        IrPrinter.print(field));
  }

  @Test
  void otherKnownSpanFieldsAndOptionalIntsArePrinted() {
    var python =
        new Component.PythonComponent(
            "comp-add", Interface.EMPTY, Optional.empty(), "add", Optional.of("def add(): pass\n"),
            Span.at("p.yaml", 40, 11), List.of("numpy"), List.of(), List.of(), "python:3.11",
            new ContainerSpec("python:3.11", List.of(), List.of(), List.of(), Resources.NONE, KubernetesSettings.NONE,
                Span.NONE),
            Span.at("p.yaml", 5, 3));
    assertEquals(
        """
        PythonComponent @5:3
          id: "comp-add"
          functionName: "add"
          source: "def add(): pass\\n"
          sourceSpan: @40:11
          packages: ["numpy"]
          baseImage: "python:3.11"
          container: ContainerSpec
            image: "python:3.11"
        """,
        IrPrinter.print(python));

    var body = new Graph(Interface.EMPTY, List.of(), List.of(), Span.at("p.yaml", 61, 9));
    var loop =
        new Node.LoopNode("for-loop-1", "for-loop-1", List.of(), List.of("producer"),
            new LoopItems.Literal(new Value.ListValue(List.of(new Value.Int(1), new Value.Int(2)))), "item",
            OptionalInt.of(2), body, Span.at("p.yaml", 60, 7));
    assertEquals(
        """
        LoopNode @60:7
          id: "for-loop-1"
          displayName: "for-loop-1"
          after: ["producer"]
          items: Literal(items=[1, 2])
          itemInput: "item"
          parallelism: 2
          body: Graph @61:9
        """,
        IrPrinter.print(loop));
  }

  @Test
  void recordFieldsThatAreAllDefaultsAreLeftOut() {
    var none = new ContainerSpec("python:3.11", List.of(), List.of(), List.of(), Resources.NONE, KubernetesSettings.NONE,
        Span.at("p.yaml", 8, 5));
    assertEquals("ContainerSpec @8:5\n  image: \"python:3.11\"\n", IrPrinter.print(none));

    var cpu = new Resources(Optional.empty(), Optional.of(new Arg.Literal("500m")), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Span.NONE);
    var some = new ContainerSpec("python:3.11", List.of(), List.of(), List.of(), cpu, KubernetesSettings.NONE,
        Span.at("p.yaml", 8, 5));
    assertEquals(
        """
        ContainerSpec @8:5
          image: "python:3.11"
          resources: Resources
            cpuLimit: Literal(text="500m")
        """,
        IrPrinter.print(some));
  }

  @Test
  void longMultiLineStringsPrintAsBlocks() {
    String source = "import math\n\ndef add(a: int, b: int) -> int:\n    return a + b\n";
    var python = pythonWithSource(source);
    assertEquals(
        """
        PythonComponent @5:3
          id: "comp-add"
          functionName: "add"
          source:
            | import math
            |
            | def add(a: int, b: int) -> int:
            |     return a + b
          sourceSpan: @40:11
          baseImage: "python:3.11"
          container: ContainerSpec
            image: "python:3.11"
        """,
        IrPrinter.print(python));
  }

  @Test
  void blockWithoutFinalLineBreakIsMarked() {
    String source = "def add(a: int, b: int) -> int:\n    return a + b";
    String text = IrPrinter.print(pythonWithSource(source));
    assertTrue(
        text.contains(
            "\n  source:\n    | def add(a: int, b: int) -> int:\n    |     return a + b\n  \\ no line break at end\n"
                + "  sourceSpan: @40:11\n"),
        text);
  }

  @Test
  void blockLinesEscapeCarriageReturnsAndControls() {
    String source = "line one of the program\r\nline two\u0007 of the program\r\n";
    String text = IrPrinter.print(pythonWithSource(source));
    assertTrue(text.contains("\n    | line one of the program\\r\n    | line two\\u0007 of the program\\r\n"), text);
  }

  @Test
  void shortMultiLineStringsStayQuoted() {
    assertEquals("Literal(text=\"a\\nb\")\n", IrPrinter.print(new Arg.Literal("a\nb")));
  }

  private static Component.PythonComponent pythonWithSource(String source) {
    return new Component.PythonComponent(
        "comp-add", Interface.EMPTY, Optional.empty(), "add", Optional.of(source), Span.at("p.yaml", 40, 11),
        List.of(), List.of(), List.of(), "python:3.11",
        new ContainerSpec("python:3.11", List.of(), List.of(), List.of(), Resources.NONE, KubernetesSettings.NONE,
            Span.NONE),
        Span.at("p.yaml", 5, 3));
  }

  @Test
  void rejectsNonIrValues() {
    assertThrows(IllegalArgumentException.class, () -> IrPrinter.print(new Object()));
  }
}
