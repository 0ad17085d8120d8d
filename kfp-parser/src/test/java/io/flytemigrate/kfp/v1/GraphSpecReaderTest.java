package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component.ContainerComponent;
import io.flytemigrate.ir.Component.OpaqueComponent;
import io.flytemigrate.ir.Component.PipelineComponent;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node.TaskNode;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Graph components: tasks, their arguments, inline specs and components that are not in the file. */
class GraphSpecReaderTest {
  private static final String GRAPH = """
      name: Pipeline of two
      inputs:
      - {name: raw, type: CSV}
      outputs:
      - {name: score, type: Float}
      implementation:
        graph:
          tasks:
            Score it:
              componentRef: {url: 'https://example.com/components/eval/Score/component.yaml', digest: abc123}
              arguments:
                model: {taskOutput: {taskId: Fit model, outputName: model, type: XGBoostModel}}
                mode: fast
            Fit model:
              componentRef:
                spec:
                  name: Fit
                  inputs:
                  - {name: table, type: CSV}
                  outputs:
                  - {name: model, type: XGBoostModel}
                  implementation:
                    container: {image: i, args: [{inputPath: table}, {outputPath: model}]}
              arguments:
                table: {graphInput: {inputName: raw}}
              executionOptions:
                retryStrategy: {maxRetries: 3}
                cachingStrategy: {maxCacheStaleness: P0D}
          outputValues:
            score: {taskOutput: {taskId: Score it, outputName: score, type: Float}}
      """;

  @Test
  void tasksCallInlineAndExternalComponents() {
    Outcome<Pipeline> o = V1.component(GRAPH);
    assertEquals(List.of("FM2012 10:23"), V1.codes(o));
    Pipeline p = V1.pipeline(o);
    assertEquals(List.of("comp-fit", "comp-eval-score", "comp-pipeline-of-two"), p.components().stream().map(c -> c.id()).toList());
    PipelineComponent main = V1.component(p, "comp-pipeline-of-two", PipelineComponent.class);
    Graph g = main.graph();
    TaskNode score = V1.node(g, "score-it", TaskNode.class);
    assertEquals("Score it", score.displayName());
    assertEquals("comp-eval-score", score.component());
    assertEquals(Map.of("model", new Binding.TaskOutput("fit-model", "model"), "mode", new Binding.Constant(new Value.Str("fast"))),
        V1.bindings(score));
    TaskNode fit = V1.node(g, "fit-model", TaskNode.class);
    assertEquals(Map.of("table", new Binding.GraphInput("raw")), V1.bindings(fit));
    assertEquals(3, fit.settings().retry().orElseThrow().maxRetries());
    assertEquals(Optional.of(false), fit.settings().cache());
    assertEquals(List.of(new Graph.Source("score-it", "score")), g.outputs().get(0).sources());
    assertTrue(V1.component(p, "comp-fit", ContainerComponent.class).iface().input("table").orElseThrow().artifact());
  }

  @Test
  void anExternalComponentGetsTheInterfaceTheGraphUses() {
    OpaqueComponent score = V1.component(V1.pipeline(V1.component(GRAPH)), "comp-eval-score", OpaqueComponent.class);
    assertEquals("kfp-v1-component-ref", score.kind());
    assertEquals(List.of("model", "mode"), score.iface().inputs().stream().map(Port::name).toList());
    assertTrue(score.iface().input("model").orElseThrow().artifact());
    assertEquals(List.of("score"), score.iface().outputs().stream().map(Port::name).toList());
    assertEquals(IrType.primitive(IrType.Scalar.FLOAT), score.iface().output("score").orElseThrow().type());
    assertTrue(score.rawText().contains("digest: abc123"), score.rawText());
  }

  @Test
  void referencesToUnknownTasksAndInputsAreErrors() {
    Outcome<Pipeline> o = V1.component("""
        name: g
        outputs:
        - {name: out}
        implementation:
          graph:
            tasks:
              a:
                componentRef: {name: A}
                arguments:
                  x: {graphInput: {inputName: nope}}
                  y: {taskOutput: {taskId: ghost, outputName: o}}
                isEnabled: {}
        """);
    assertEquals(List.of("FM2008 3:3", "FM2012 8:23", "FM2008 10:27", "FM2008 11:27", "FM2015 12:9"), V1.codes(o));
  }

  @Test
  void idsOfComponentsComeFromTheirUrl() {
    assertEquals("comp-xgboost-train", GraphSpecReader.idFromUrl(
        "https://raw.githubusercontent.com/kubeflow/pipelines/567c04c/components/XGBoost/Train/component.yaml"));
    assertEquals("comp-my-op", GraphSpecReader.idFromUrl("https://example.com/my_op.yaml"));
  }
}
