package io.flytemigrate.kfp;

import static io.flytemigrate.kfp.testing.Kfp.indent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Binding.Constant;
import io.flytemigrate.ir.Binding.Field;
import io.flytemigrate.ir.Binding.GraphInput;
import io.flytemigrate.ir.Binding.TaskFinalStatus;
import io.flytemigrate.ir.Binding.TaskOutput;
import io.flytemigrate.ir.Binding.Template;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.testing.Kfp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where task inputs come from: the {@code inputs} of a task, read into {@link Binding}s. */
class BindingsTest {

  /**
   * A pipeline with a task {@code producer} (output parameter {@code out}, output artifact {@code
   * data}) and a task {@code consumer} whose {@code inputs} are {@code fragment}, starting on line
   * 44 at column 11. The pipeline has one parameter, {@code text}.
   */
  private static String spec(String fragment) {
    return """
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-producer:
            executorLabel: exec-producer
            outputDefinitions:
              parameters:
                out:
                  parameterType: STRING
              artifacts:
                data:
                  artifactType:
                    schemaTitle: system.Dataset
                    schemaVersion: 0.0.1
          comp-consumer:
            executorLabel: exec-consumer
        deploymentSpec:
          executors:
            exec-producer:
              container:
                image: alpine
            exec-consumer:
              container:
                image: alpine
        root:
          inputDefinitions:
            parameters:
              text:
                parameterType: STRING
          dag:
            tasks:
              producer:
                componentRef:
                  name: comp-producer
                taskInfo:
                  name: producer
              consumer:
                componentRef:
                  name: comp-consumer
                taskInfo:
                  name: consumer
                inputs:
        %s""".formatted(indent(fragment, 10));
  }

  /** The consumer's bindings by input name, after checking the diagnostics. */
  private static Map<String, Binding> check(String fragment, String diagnostics) {
    Outcome<Pipeline> o = Kfp.read(spec(fragment));
    Diags.check(o.diagnostics(), diagnostics);
    Node consumer = Kfp.node(Kfp.pipeline(o).root(), "consumer");
    Map<String, Binding> out = new LinkedHashMap<>();
    for (InputBinding b : consumer.inputs()) {
      out.put(b.input(), b.value());
    }
    return out;
  }

  private static void check(String fragment, Map<String, Binding> expected) {
    assertEquals(expected, check(fragment, ""));
  }

  @Test
  void theBaseSpecIsClean() {
    Kfp.clean(spec("parameters: {}"));
  }

  @Test
  void aPipelineParameter() {
    check("""
        parameters:
          x:
            componentInputParameter: text
        """, Map.of("x", new GraphInput("text")));
  }

  @Test
  void theOutputOfAnotherTask() {
    check("""
        parameters:
          x:
            taskOutputParameter:
              outputParameterKey: out
              producerTask: producer
        artifacts:
          d:
            taskOutputArtifact:
              outputArtifactKey: data
              producerTask: producer
        """, Map.of("x", new TaskOutput("producer", "out"), "d", new TaskOutput("producer", "data")));
  }

  @Test
  void constants() {
    check("""
        parameters:
          s:
            runtimeValue:
              constant: hello
          i:
            runtimeValue:
              constant: 5
          f:
            runtimeValue:
              constant: 0.5
          b:
            runtimeValue:
              constant: true
          l:
            runtimeValue:
              constant:
              - 1
              - two
          m:
            runtimeValue:
              constant:
                k: v
        """, Map.of(
            "s", new Constant(new Value.Str("hello")),
            "i", new Constant(new Value.Int(5)),
            "f", new Constant(new Value.Float(0.5)),
            "b", new Constant(new Value.Bool(true)),
            "l", new Constant(new Value.ListValue(List.of(new Value.Int(1), new Value.Str("two")))),
            "m", new Constant(new Value.MapValue(List.of(new Value.Entry("k", new Value.Str("v")))))));
  }

  @Test
  void schema200TypedConstants() {
    check("""
        parameters:
          s:
            runtimeValue:
              constantValue:
                stringValue: hi
          i:
            runtimeValue:
              constantValue:
                intValue: '7'
          d:
            runtimeValue:
              constantValue:
                doubleValue: 2.5
        """, Map.of(
            "s", new Constant(new Value.Str("hi")),
            "i", new Constant(new Value.Int(7)),
            "d", new Constant(new Value.Float(2.5))));
  }

  @Test
  void aConstantWithPlaceholdersIsATemplate() {
    check("""
        parameters:
          x:
            runtimeValue:
              constant: '{{$.inputs.parameters[''pipelinechannel--text'']}}-suffix'
          y:
            runtimeValue:
              constant: '{{$.inputs.parameters[''pipelinechannel--text'']}}'
        """, Map.of(
            "x", new Template(List.of(new Arg.InputRef("pipelinechannel--text", Arg.Access.VALUE), new Arg.Literal("-suffix"))),
            "y", new Template(List.of(new Arg.InputRef("pipelinechannel--text", Arg.Access.VALUE)))));
  }

  @Test
  void theFinalStatusOfATask() {
    check("""
        parameters:
          status:
            taskFinalStatus:
              producerTask: producer
        """, Map.of("status", new TaskFinalStatus("producer")));
  }

  @Test
  void aSelectorIsAFieldWithItsPath() {
    check("""
        parameters:
          a:
            componentInputParameter: text
            parameterExpressionSelector: parseJson(string_value)["A_a"]
          b:
            taskOutputParameter:
              outputParameterKey: out
              producerTask: producer
            parameterExpressionSelector: parseJson(string_value)['x']["y"]
        """, Map.of(
            "a", new Field(new GraphInput("text"), List.of("A_a"), "parseJson(string_value)[\"A_a\"]"),
            "b", new Field(new TaskOutput("producer", "out"), List.of("x", "y"), "parseJson(string_value)['x'][\"y\"]")));
  }

  @Test
  void aBadSelectorIsKeptAsText() {
    Map<String, Binding> b = check("""
        parameters:
          a:
            componentInputParameter: text
            parameterExpressionSelector: string_value.a
        """, """
        FM1022 47:44 selector `string_value.a` is not of the form `parseJson(string_value)["key"]`
        """);
    assertEquals(Map.of("a", new Field(new GraphInput("text"), List.of(), "string_value.a")), b);
  }

  @Test
  void bindingSpansAreTheInputNames() {
    Node consumer = Kfp.node(Kfp.clean(spec("""
        parameters:
          x:
            componentInputParameter: text
        """)).root(), "consumer");
    assertEquals(45, consumer.inputs().get(0).span().line());
    assertEquals(13, consumer.inputs().get(0).span().column());
  }

  // ---- errors -----------------------------------------------------------------------------------

  @Test
  void anUndeclaredPipelineParameter() {
    Map<String, Binding> b = check("""
        parameters:
          x:
            componentInputParameter: nope
        """, """
        FM1010 46:15 task `consumer` reads `nope`, which is not an input of the pipeline
        """);
    assertEquals(Map.of("x", new GraphInput("nope")), b);
  }

  @Test
  void aMissingProducer() {
    check("""
        parameters:
          x:
            taskOutputParameter:
              outputParameterKey: out
              producerTask: ghost
        """, """
        FM1008 46:15 task `consumer` reads from `ghost`, which is not a task of the same dag
        """);
  }

  @Test
  void aMissingFinalStatusProducer() {
    check("""
        parameters:
          status:
            taskFinalStatus:
              producerTask: ghost
        """, """
        FM1008 46:15 task `consumer` reads from `ghost`, which is not a task of the same dag
        """);
  }

  @Test
  void anUndeclaredOutputKey() {
    check("""
        parameters:
          x:
            taskOutputParameter:
              outputParameterKey: Output
              producerTask: producer
        artifacts:
          d:
            taskOutputArtifact:
              outputArtifactKey: model
              producerTask: producer
        """, """
        FM1010 46:15 task `consumer` reads output `Output` of `producer`, which declares no such output
        FM1010 51:15 task `consumer` reads output `model` of `producer`, which declares no such output
        """);
  }

  @Test
  void anInputThatSaysNotWhereItComesFrom() {
    Map<String, Binding> b = check("""
        parameters:
          x:
            bogus: 1
        """, """
        FM1004 46:15 unknown field `bogus` in input `x` of task `consumer` is ignored
        FM1005 46:15 says nowhere where its value comes from
        """);
    assertEquals(Map.of("x", new Binding.Unresolved("")), b);
  }

  @Test
  void aRuntimeValueWithoutConstant() {
    check("""
        parameters:
          x:
            runtimeValue: {}
        """, """
        FM1005 46:29 has no `constant` field
        """);
  }
}
