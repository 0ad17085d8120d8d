package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.Access;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component.ContainerComponent;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings.FieldPathEnv;
import io.flytemigrate.ir.Node.TaskNode;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.kfp.KfpV1ComponentReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A component.yaml read as a pipeline of one task, and its command line. */
class KfpV1ComponentReaderTest {
  private static final String TRAIN = """
      name: Train model
      description: Trains.
      metadata:
        annotations: {author: Jane}
      inputs:
      - {name: data, type: CSV}
      - {name: epochs, type: Integer, default: '10'}
      - {name: tag, type: String, optional: true}
      outputs:
      - {name: model, type: Model}
      - {name: accuracy, type: Float}
      implementation:
        container:
          image: gcr.io/p/train:1
          command: [python3, /train.py]
          args:
          - {inputPath: data}
          - concat: [--epochs=, {inputValue: epochs}]
          - if:
              cond: {isPresent: tag}
              then: [--tag, {inputValue: tag}]
              else: [--untagged]
          - {outputPath: model}
          - {outputPath: accuracy}
          env:
            POD: '{{pod.name}}'
      """;

  @Test
  void aComponentIsAPipelineOfOneTaskCallingIt() {
    Pipeline p = V1.clean(V1.component(TRAIN));
    assertEquals("train-model", p.name());
    assertEquals("Train model", p.displayName().orElseThrow());
    assertEquals("kfp-v1-component", p.source().format());
    assertEquals(List.of("comp-train-model"), p.components().stream().map(c -> c.id()).toList());
    Graph root = p.root();
    assertEquals(List.of("data", "epochs", "tag"), root.iface().inputs().stream().map(Port::name).toList());
    TaskNode task = V1.node(root, "train-model", TaskNode.class);
    assertEquals("comp-train-model", task.component());
    assertEquals(Map.of("data", new Binding.GraphInput("data"), "epochs", new Binding.GraphInput("epochs"),
        "tag", new Binding.GraphInput("tag")), V1.bindings(task));
    assertEquals(List.of("model", "accuracy"), root.outputs().stream().map(Graph.GraphOutput::name).toList());
    assertEquals(List.of(new Graph.Source("train-model", "model")), root.outputs().get(0).sources());
    assertEquals(List.of("metadata.annotations.author"), p.platform().attributes().stream().map(Attribute::key).toList());
  }

  @Test
  void portsAreTypedAndArtifactsAreWhatIsPassedAsFiles() {
    ContainerComponent c = V1.component(V1.clean(V1.component(TRAIN)), "comp-train-model", ContainerComponent.class);
    Port data = c.iface().input("data").orElseThrow();
    assertTrue(data.artifact());
    assertEquals("CSV", ((IrType.Artifact) data.type()).schemaTitle());
    Port epochs = c.iface().input("epochs").orElseThrow();
    assertEquals(IrType.primitive(IrType.Scalar.INT), epochs.type());
    assertEquals(new Value.Int(10), epochs.defaultValue().orElseThrow());
    assertTrue(epochs.optional());
    assertTrue(c.iface().input("tag").orElseThrow().optional());
    assertTrue(c.iface().output("model").orElseThrow().artifact());
    assertFalse(c.iface().output("accuracy").orElseThrow().artifact());
    assertEquals("Trains.", c.description().orElseThrow());
  }

  @Test
  void placeholdersBecomeArgs() {
    ContainerComponent c = V1.component(V1.clean(V1.component(TRAIN)), "comp-train-model", ContainerComponent.class);
    assertEquals(List.of(
        new Arg.InputRef("data", Access.PATH),
        new Arg.Concat(List.of(new Arg.Literal("--epochs="), new Arg.InputRef("epochs", Access.VALUE))),
        new Arg.IfPresent("tag", List.of(new Arg.Literal("--tag"), new Arg.InputRef("tag", Access.VALUE)),
            List.of(new Arg.Literal("--untagged"))),
        new Arg.OutputRef("model", Access.PATH),
        new Arg.OutputRef("accuracy", Access.OUTPUT_FILE)), c.container().args());
    assertEquals(List.of(new FieldPathEnv("POD", "metadata.name")), c.container().kubernetes().fieldPathEnvs());
  }

  @Test
  void unknownPlaceholdersAndNamesAreReported() {
    Outcome<Pipeline> o = V1.component("""
        name: c
        inputs:
        - {name: flag, type: Bool}
        implementation:
          container:
            image: i
            args:
            - {inputValue: missing}
            - if: {cond: {inputValue: flag}, then: [--flag]}
            - {outputPath: nothing}
            - {fancy: x}
            - if: {cond: 'false', then: [--never], else: [--always]}
            - {executorInput: null}
        """);
    assertEquals(List.of("FM2008 8:20", "FM2016 9:7", "FM2008 10:20", "FM2016 11:7"), V1.codes(o));
    ContainerComponent c = V1.component(V1.pipeline(o), "comp-c", ContainerComponent.class);
    assertEquals(new Arg.Literal("--always"), c.container().args().get(4));
    assertEquals(new Arg.RuntimeValue("executor-input"), c.container().args().get(5));
    assertTrue(c.container().args().get(1) instanceof Arg.UnknownPlaceholder);
  }

  @Test
  void fileOutputsAndMissingPartsAreReported() {
    Outcome<Pipeline> o = V1.component("""
        name: c
        outputs:
        - {name: out}
        - {name: out}
        implementation:
          container:
            image: i
            fileOutputs: {out: /out.txt}
        """);
    assertEquals(List.of("FM1023 4:3", "FM2011 8:19"), V1.codes(o));
    Outcome<Pipeline> none = V1.component("name: c\nimplementation:\n  other: {}\n");
    assertEquals(List.of("FM1004 3:3", "FM1005 3:3"), V1.codes(none));
    assertTrue(none.value().isPresent());
  }

  @Test
  void aJsonDefaultOfTheOtherKindIsMadeToFitItsType() {
    Outcome<Pipeline> o = V1.component("""
        name: c
        inputs:
        - {name: sources, type: JsonArray, default: '{}'}
        - {name: tags, type: JsonObject, default: '[]'}
        - {name: ids, type: JsonArray, default: '{"a": 1}'}
        - {name: names, type: JsonArray, default: not json}
        - {name: ok, type: JsonArray, default: '[1]'}
        implementation:
          container:
            image: i
            args: [{inputValue: sources}, {inputValue: tags}, {inputValue: ids}, {inputValue: names}, {inputValue: ok}]
        """);
    assertEquals(List.of("FM2024 3:45", "FM2024 4:43", "FM2024 5:41", "FM2024 6:43"), V1.codes(o));
    assertEquals("the default `{}` of input `sources` of component `c` is not a json array, as its type `JsonArray` says; it is "
        + "translated as the empty list `[]`", o.diagnostics().get(0).message());
    assertEquals("the default `not json` of input `names` of component `c` is not a json array, as its type `JsonArray` says; "
        + "it is left out, and the input stays optional", o.diagnostics().get(3).message());
    ContainerComponent c = V1.component(V1.pipeline(o), "comp-c", ContainerComponent.class);
    Port sources = c.iface().input("sources").orElseThrow();
    assertEquals(new IrType.ListOf(new IrType.Any()), sources.type());
    assertEquals(new Value.ListValue(List.of()), sources.defaultValue().orElseThrow());
    assertEquals(new Value.MapValue(List.of()), c.iface().input("tags").orElseThrow().defaultValue().orElseThrow());
    for (String dropped : List.of("ids", "names")) {
      Port p = c.iface().input(dropped).orElseThrow();
      assertTrue(p.defaultValue().isEmpty(), dropped);
      assertTrue(p.optional(), dropped);
    }
    assertEquals(new Value.ListValue(List.of(new Value.Int(1))), c.iface().input("ok").orElseThrow().defaultValue().orElseThrow());
    assertEquals(sources, V1.pipeline(o).root().iface().input("sources").orElseThrow());
  }

  @Test
  void anEmptyImageIsAnErrorWhereItIsWritten() {
    Outcome<Pipeline> o = V1.component("name: c\nimplementation:\n  container:\n    image: ''\n    command: [run]\n");
    assertEquals(List.of("FM2023 4:12"), V1.codes(o));
    assertEquals("the image of component `c` is empty, so its container cannot run", o.diagnostics().get(0).message());
    assertTrue(o.value().isPresent());
    Outcome<Pipeline> missing = V1.component("name: c\nimplementation:\n  container:\n    command: [run]\n");
    assertEquals(List.of("FM1005 4:5"), V1.codes(missing));
  }

  @Test
  void acceptsByContent() {
    KfpV1ComponentReader r = new KfpV1ComponentReader();
    assertTrue(r.accepts(new SourceFile("x", TRAIN)));
    assertTrue(r.accepts(new SourceFile("x", "\"implementation\":\n  \"graph\": {}\n")));
    assertTrue(r.accepts(new SourceFile("x", "{\"name\": \"c\", \"implementation\": {\"container\": {\"image\": \"i\"}}}")));
    assertFalse(r.accepts(new SourceFile("x", "pipelineInfo:\n  name: p\nroot:\n  dag: {}\n")));
    assertFalse(r.accepts(new SourceFile("x", "spec:\n  implementation:\n    container: {}\n")));
  }

  @Test
  void aSecondDocumentIsReportedAndIgnored() {
    Outcome<Pipeline> o = V1.component("name: c\nimplementation:\n  container: {image: i}\n---\nname: d\n");
    assertEquals(List.of("FM2020 5:1"), V1.codes(o));
  }
}
