package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component.ContainerComponent;
import io.flytemigrate.ir.Node.TaskNode;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The argo form of the KFP v2 backend: recognised, reported, and its embedded spec read. */
class EmbeddedSpecTest {
  private static final String FORM = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: echo-}
      spec:
        entrypoint: entrypoint
        arguments:
          parameters:
          - name: components-abc
            value: '{"executorLabel":"exec-echo","inputDefinitions":{"parameters":{"msg":{"parameterType":"STRING"}}}}'
          - name: implementations-abc
            value: '{"image":"alpine","command":["echo"],"args":["{{$.inputs.parameters[''msg'']}}"]}'
          - name: kubernetes-comp-echo
            value: '{"nodeSelector":{"labels":{"pool":"cpu"}}}'
          - name: components-root
            value: '{"dag":{"tasks":{"echo":{"componentRef":{"name":"comp-echo"},"inputs":{"parameters":{"msg":{"componentInputParameter":"msg"}}},"taskInfo":{"name":"echo"}}}},"inputDefinitions":{"parameters":{"msg":{"parameterType":"STRING"}}}}'
        templates:
        - name: system-container-driver
          container:
            image: ghcr.io/kubeflow/kfp-driver:latest
            command: [driver]
            args: [--pipeline_name, echo-pipeline]
        - name: root
          dag:
            tasks:
            - name: echo-driver
              template: system-container-driver
              arguments:
                parameters:
                - {name: component, value: '{{workflow.parameters.components-abc}}'}
                - {name: task, value: '{"componentRef":{"name":"comp-echo"},"taskInfo":{"name":"echo"}}'}
                - {name: container, value: '{{workflow.parameters.implementations-abc}}'}
                - {name: kubernetes-config, value: '{{workflow.parameters.kubernetes-comp-echo}}'}
        - name: entrypoint
          dag:
            tasks:
            - name: root-driver
              template: system-dag-driver
              arguments:
                parameters:
                - {name: component, value: '{{workflow.parameters.components-root}}'}
      """;

  @Test
  void theEmbeddedSpecIsReadAndTheFormReported() {
    Outcome<Pipeline> o = V1.argo(FORM);
    assertEquals(List.of("FM2001 1:1"), V1.codes(o));
    assertEquals(Severity.WARNING, o.diagnostics().get(0).severity());
    Pipeline p = V1.pipeline(o);
    assertEquals("echo-pipeline", p.name());
    assertEquals("kfp-v2-argo", p.source().format());
    ContainerComponent echo = V1.component(p, "comp-echo", ContainerComponent.class);
    assertEquals("alpine", echo.container().image());
    assertEquals("cpu", echo.container().kubernetes().nodeSelector().orElseThrow().labels().get(0).value());
    assertEquals(Map.of("msg", new Binding.GraphInput("msg")), V1.bindings(V1.node(p.root(), "echo", TaskNode.class)));
  }

  @Test
  void theFormIsRecognisedByItsTemplatesToo() {
    String noRoot = FORM.replace("components-root", "components-gone");
    Outcome<Pipeline> o = V1.argo(noRoot);
    assertEquals(List.of("FM2001 1:1"), V1.codes(o));
    assertEquals(Severity.ERROR, o.diagnostics().get(0).severity());
    assertTrue(o.value().isEmpty());
  }
}
