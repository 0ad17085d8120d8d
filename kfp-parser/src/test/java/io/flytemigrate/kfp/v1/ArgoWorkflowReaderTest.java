package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node.ExitHandlerNode;
import io.flytemigrate.ir.Node.TaskNode;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Schedule;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.kfp.ArgoWorkflowReader;
import io.flytemigrate.kfp.KfpV2Reader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The workflow as a whole: recognition, kinds, metadata, parameters, entrypoint and exit handler. */
class ArgoWorkflowReaderTest {
  private static final String ECHO = """
      - name: echo
        inputs:
          parameters:
          - name: msg
        container:
          image: alpine
          command: [echo, '{{inputs.parameters.msg}}']
      """;

  @Test
  void acceptsArgoByItsApiVersionWhateverTheQuoting() {
    ArgoWorkflowReader r = new ArgoWorkflowReader();
    assertTrue(r.accepts(new SourceFile("x", "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n")));
    assertTrue(r.accepts(new SourceFile("x", "# c\n---\nkind: Workflow\napiVersion: 'argoproj.io/v1alpha1'\n")));
    assertTrue(r.accepts(new SourceFile("x", "\"apiVersion\": |-\n  argoproj.io/v1alpha1\n\"kind\": Workflow\n")));
    assertTrue(r.accepts(new SourceFile("x", "{\"kind\": \"Workflow\", \"apiVersion\": \"argoproj.io/v1alpha1\"}")));
    assertFalse(r.accepts(new SourceFile("x", "apiVersion: v1\nspec: {}\n")));
    assertFalse(r.accepts(new SourceFile("x", "apiVersion: str = 'v1'\nkind: str = 'Pod'\n")));
    assertFalse(r.accepts(new SourceFile("x", "spec:\n  apiVersion: argoproj.io/v1alpha1\n")));
    assertFalse(new KfpV2Reader().accepts(new SourceFile("x", V1.workflow("echo", ECHO))));
  }

  @Test
  void theKfpPipelineSpecAnnotationNamesAndTypesThePipeline() {
    Pipeline p = V1.clean(V1.argo("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: my-pipeline-
          annotations:
            pipelines.kubeflow.org/kfp_sdk_version: 1.8.9
            pipelines.kubeflow.org/pipeline_compilation_time: '2021-11-15T11:23:42'
            pipelines.kubeflow.org/pipeline_spec: '{"name": "My pipeline", "description": "Does it.",
              "inputs": [{"name": "n", "type": "Integer", "default": "3"}, {"name": "msg", "description": "what to say"}]}'
        spec:
          entrypoint: echo
          serviceAccountName: pipeline-runner
          arguments:
            parameters:
            - {name: n, value: '3'}
            - {name: msg, value: hi}
          templates:
          - name: echo
            inputs:
              parameters:
              - name: msg
            container:
              image: alpine
              command: [echo, '{{inputs.parameters.msg}}']
        """));
    assertEquals("my-pipeline", p.name());
    assertEquals(Optional.of("My pipeline"), p.displayName());
    assertEquals(Optional.of("Does it."), p.description());
    assertEquals(Optional.of("kfp-1.8.9"), p.source().producer());
    assertEquals(Optional.of("argoproj.io/v1alpha1"), p.source().schemaVersion());
    Port n = p.iface().input("n").orElseThrow();
    assertEquals(IrType.primitive(IrType.Scalar.INT), n.type());
    assertEquals(Optional.of(new Value.Int(3)), n.defaultValue());
    assertEquals(Optional.of("what to say"), p.iface().input("msg").orElseThrow().description());
    assertEquals(List.of(new Attribute("serviceAccountName", new Value.Str("pipeline-runner"), p.platform().attributes().get(0).span())),
        p.platform().attributes());
    TaskNode echo = V1.node(p.root(), "echo", TaskNode.class);
    assertEquals(Map.of("msg", new Binding.GraphInput("msg")), V1.bindings(echo));
  }

  @Test
  void otherArgoKindsAreNotPipelines() {
    Outcome<Pipeline> o = V1.argo("apiVersion: argoproj.io/v1alpha1\nkind: Sensor\nmetadata: {name: s}\nspec: {}\n");
    assertEquals(List.of("FM2002 2:7"), V1.codes(o));
    assertTrue(o.value().isEmpty());
  }

  @Test
  void otherKubernetesManifestsAreAcceptedToSayTheyAreNotPipelines() {
    ArgoWorkflowReader r = new ArgoWorkflowReader();
    assertTrue(r.accepts(new SourceFile("x", "apiVersion: v1\nkind: Pod\n")));
    assertTrue(r.accepts(new SourceFile("x", "apiVersion: 'batch/v1'  # a job\nkind: Job\n")));
    assertTrue(r.accepts(new SourceFile("x", "{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\"}")));
    Outcome<Pipeline> o = V1.argo("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: j}
        spec:
          template:
            spec:
              containers:
              - {name: main, image: alpine, command: [echo, hi]}
        """);
    assertEquals(List.of("FM2022 2:7"), V1.codes(o));
    assertTrue(o.value().isEmpty());
    assertEquals("the file is a kubernetes `Job` (`apiVersion: batch/v1`), not a kfp pipeline: it has no tasks, inputs or outputs "
        + "to translate", o.diagnostics().get(0).message());
    assertTrue(o.diagnostics().get(0).help().orElseThrow().contains("becomes a flyte `ContainerTask`"), o.diagnostics()::toString);
  }

  @Test
  void aKanikoPodIsAnImageBuildNotAPipeline() {
    Outcome<Pipeline> o = V1.argo("""
        apiVersion: v1
        kind: Pod
        metadata: {generateName: kaniko-}
        spec:
          restartPolicy: Never
          containers:
          - name: kaniko
            image: gcr.io/kaniko-project/executor:v0.5.0
            args: [--dockerfile=dockerfile, --destination=gcr.io/p/image:latest]
        """);
    assertEquals(List.of("FM2022 2:7"), V1.codes(o));
    assertTrue(o.diagnostics().get(0).help().orElseThrow().startsWith("the pod builds and pushes a container image with kaniko"),
        o.diagnostics()::toString);
  }

  @Test
  void aCronWorkflowHasASchedule() {
    Pipeline p = V1.clean(V1.argo("""
        apiVersion: argoproj.io/v1alpha1
        kind: CronWorkflow
        metadata: {name: nightly}
        spec:
          schedule: '@daily'
          workflowSpec:
            entrypoint: echo
            arguments: {parameters: [{name: msg, value: hi}]}
            templates:
            - name: echo
              inputs: {parameters: [{name: msg}]}
              container: {image: alpine, command: [echo, '{{inputs.parameters.msg}}']}
        """));
    assertEquals(Optional.of(new Schedule.Preset("@daily")), p.platform().schedule());
    assertEquals("nightly", p.name());
  }

  @Test
  void withoutAnEntrypointTheOnlyTemplateIsThePipeline() {
    Outcome<Pipeline> one = V1.argo("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n"
        + "  - {name: a, container: {image: alpine}}\n");
    assertEquals(List.of("FM2019 5:3"), V1.codes(one));
    assertFalse(one.hasErrors());
    V1.node(V1.pipeline(one).root(), "a", TaskNode.class);
    Outcome<Pipeline> two = V1.argo("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n"
        + "  - {name: a, container: {image: alpine}}\n  - {name: b, container: {image: alpine}}\n");
    assertTrue(two.hasErrors());
    assertTrue(V1.pipeline(two).root().nodes().isEmpty());
  }

  @Test
  void anUnknownEntrypointIsAnError() {
    assertEquals(List.of("FM2003 6:15"), V1.codes(V1.argo(V1.workflow("nope", ECHO))));
  }

  @Test
  void theEntrypointInputsArePipelineInputsToo() {
    Pipeline p = V1.pipeline(V1.argo(V1.workflow("echo", ECHO)));
    assertEquals(List.of("msg"), p.iface().inputs().stream().map(Port::name).toList());
    assertFalse(p.iface().input("msg").orElseThrow().optional());
  }

  @Test
  void kfpExitHandlersWrapTheGuardedGroup() {
    Pipeline p = V1.clean(V1.argo("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: w}
        spec:
          entrypoint: main
          onExit: bye
          templates:
          - name: main
            dag:
              tasks:
              - {name: exit-handler-1, template: exit-handler-1}
          - name: exit-handler-1
            dag:
              tasks:
              - {name: work, template: work}
          - {name: work, container: {image: alpine}}
          - {name: bye, container: {image: alpine}}
        """));
    Graph root = p.root();
    assertEquals(List.of("exit-handler-1", "bye"), root.nodes().stream().map(n -> n.id()).toList());
    ExitHandlerNode h = V1.node(root, "exit-handler-1", ExitHandlerNode.class);
    assertEquals(Optional.of("bye"), h.exitTask());
    V1.node(h.body(), "work", TaskNode.class);
    TaskNode bye = V1.node(root, "bye", TaskNode.class);
    assertEquals(List.of("exit-handler-1"), bye.after());
    assertEquals(TaskSettings.Trigger.ALL_DONE, bye.settings().trigger());
    assertEquals(List.of("work", "bye"), p.components().stream().map(c -> c.id()).toList());
  }

  @Test
  void otherExitHandlersWrapTheWholeRoot() {
    Pipeline p = V1.clean(V1.argo("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: w}
        spec:
          entrypoint: main
          onExit: bye
          templates:
          - name: main
            dag:
              tasks:
              - {name: a, template: work}
              - {name: b, template: work, dependencies: [a]}
          - {name: work, container: {image: alpine}}
          - {name: bye, container: {image: alpine}}
        """));
    ExitHandlerNode h = V1.node(p.root(), "exit-handler", ExitHandlerNode.class);
    assertEquals(List.of("a", "b"), h.body().nodes().stream().map(n -> n.id()).toList());
    assertEquals(List.of("exit-handler"), V1.node(p.root(), "bye", TaskNode.class).after());
  }

  @Test
  void lineBreaksInNamesKeysAndExpressionsStayOutOfMessages() {
    Outcome<Pipeline> o = V1.argo("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: w}
        spec:
          entrypoint: "a\\nb"
          templates:
          - name: "a\\nb"
            "odd\\nkey": 1
            container:
              image: alpine
              command: ["{{inputs.parameters.x\\ny}}", "{{=1 +\\n 2}}"]
        """);
    assertTrue(o.value().isPresent());
    assertTrue(o.diagnostics().stream().noneMatch(d -> d.message().contains("\n")));
    assertTrue(o.diagnostics().stream().anyMatch(d -> d.message().equals("unknown field `odd key` in template `a b` is ignored")),
        () -> V1.render(o.diagnostics()));
  }

  @Test
  void aJsonWorkflowReadsLikeYaml() {
    Pipeline p = V1.clean(new ArgoWorkflowReader().read(new SourceFile("w.json", """
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "WorkflowTemplate", "metadata": {"name": "j"},
         "spec": {"entrypoint": "e", "templates": [{"name": "e", "container": {"image": "alpine"}}]}}
        """)));
    assertEquals("j", p.name());
    V1.node(p.root(), "e", TaskNode.class);
  }

  @Test
  void extraDocumentsAndBrokenYamlAreReported() {
    assertEquals(List.of("FM2020 16:1"), V1.codes(V1.argo(V1.workflow("echo", ECHO).replace("kind: Workflow", "kind: Workflow")
        .concat("---\nkind: ConfigMap\n"))).stream().filter(c -> c.startsWith("FM2020")).toList());
    Outcome<Pipeline> broken = V1.argo("apiVersion: argoproj.io/v1alpha1\nkind: [\n");
    assertTrue(broken.value().isEmpty());
    assertEquals("FM1001", broken.diagnostics().get(0).code().id());
  }
}
