package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.Access;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component.ContainerComponent;
import io.flytemigrate.ir.Component.OpaqueComponent;
import io.flytemigrate.ir.EnvVar;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.KubernetesSettings.KeyValue;
import io.flytemigrate.ir.Node.TaskNode;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Container, resource and other executable templates as components, with their pod and run settings. */
class ContainerTemplatesTest {
  private static Pipeline one(String template) {
    return V1.pipeline(V1.argo(V1.workflow("t", template)));
  }

  @Test
  void portsCommandLineAndPathsOfAKfpTemplate() {
    Pipeline p = V1.clean(V1.argo(V1.workflow("t", """
        - name: t
          inputs:
            parameters:
            - name: n
            artifacts:
            - {name: data, path: /tmp/inputs/data/data}
          container:
            image: alpine
            command: [sh, -c, 'cat $0 | head -n $1 | tee $2']
            args: [/tmp/inputs/data/data, '{{inputs.parameters.n}}', /tmp/outputs/head/data]
          outputs:
            parameters:
            - name: t-head
              valueFrom: {path: /tmp/outputs/head/data}
            artifacts:
            - {name: t-head, path: /tmp/outputs/head/data}
          metadata:
            annotations:
              pipelines.kubeflow.org/component_spec: '{"name": "Head", "description": "First lines.",
                "inputs": [{"name": "data", "type": "CSV"}, {"name": "n", "type": "Integer"}],
                "outputs": [{"name": "head", "type": "String", "description": "the lines"}]}'
              pipelines.kubeflow.org/arguments.parameters: '{"n": "{{inputs.parameters.n}}"}'
        """)));
    ContainerComponent c = V1.component(p, "t", ContainerComponent.class);
    assertEquals(List.of("n", "data"), c.iface().inputs().stream().map(Port::name).toList());
    assertEquals(IrType.primitive(IrType.Scalar.INT), c.iface().input("n").orElseThrow().type());
    Port data = c.iface().input("data").orElseThrow();
    assertTrue(data.artifact());
    assertEquals("CSV", ((IrType.Artifact) data.type()).schemaTitle());
    assertEquals(1, c.iface().outputs().size());
    Port head = c.iface().output("t-head").orElseThrow();
    assertFalse(head.artifact());
    assertEquals(Optional.of("the lines"), head.description());
    assertEquals(Optional.of("First lines."), c.description());
    assertEquals(List.of(new Arg.InputRef("data", Access.PATH), new Arg.InputRef("n", Access.VALUE),
        new Arg.OutputRef("t-head", Access.OUTPUT_FILE)), c.container().args());
  }

  @Test
  void podSettingsOfTheTemplateAndTheWorkflow() {
    Pipeline p = V1.clean(V1.argo("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: w}
        spec:
          entrypoint: t
          imagePullSecrets: [{name: regcred}]
          tolerations: [{key: spot, operator: Exists}]
          volumes:
          - {name: data, persistentVolumeClaim: {claimName: shared}}
          templates:
          - name: t
            nodeSelector: {pool: gpu}
            metadata:
              labels: {stage: train, pipelines.kubeflow.org/enable_caching: 'true'}
              annotations: {pipelines.kubeflow.org/task_display_name: Train it}
            volumes:
            - {name: cache, emptyDir: {}}
            container:
              image: trainer
              env:
              - {name: A, value: '1'}
              - name: TOKEN
                valueFrom: {secretKeyRef: {name: api, key: token}}
              resources:
                limits: {cpu: '2', memory: 4Gi, nvidia.com/gpu: '1'}
              volumeMounts:
              - {name: data, mountPath: /data}
              - {name: cache, mountPath: /cache}
        """));
    ContainerComponent c = V1.component(p, "t", ContainerComponent.class);
    KubernetesSettings k = c.container().kubernetes();
    assertEquals(List.of(new KeyValue("pool", "gpu")), k.nodeSelector().orElseThrow().labels());
    assertEquals(Optional.of("spot"), k.tolerations().get(0).key());
    assertEquals(List.of(new Binding.Constant(new Value.Str("regcred"))), k.imagePullSecrets());
    assertEquals(List.of(new KeyValue("stage", "train")), k.podLabels());
    assertEquals(new Binding.Constant(new Value.Str("shared")), k.pvcMounts().get(0).claimName());
    assertEquals("/cache", k.emptyDirMounts().get(0).mountPath());
    assertEquals("token", k.secretEnvs().get(0).keys().get(0).key());
    assertEquals(List.of("A"), c.container().env().stream().map(EnvVar::name).toList());
    assertEquals(Optional.of(new Arg.Literal("nvidia.com/gpu")), c.container().resources().acceleratorType());
    assertEquals(Optional.of(new Arg.Literal("4Gi")), c.container().resources().memoryLimit());
    TaskNode t = V1.node(p.root(), "t", TaskNode.class);
    assertEquals("Train it", t.displayName());
    assertEquals(Optional.of(true), t.settings().cache());
  }

  @Test
  void retriesTimeoutsAndSidecarsGoToTheNodes() {
    Outcome<Pipeline> o = V1.argo(V1.workflow("t", """
        - name: t
          retryStrategy: {limit: '2', backoff: {duration: 1m, factor: '3'}}
          activeDeadlineSeconds: 90
          sidecars:
          - {name: proxy, image: envoy}
          container: {image: alpine}
        """));
    assertEquals(List.of("FM2010 12:7"), V1.codes(o));
    TaskSettings s = V1.node(V1.pipeline(o).root(), "t", TaskNode.class).settings();
    assertEquals(2, s.retry().orElseThrow().maxRetries());
    assertEquals(Optional.of("PT1M"), s.retry().orElseThrow().backoff());
    assertEquals(Optional.of(3.0), s.retry().orElseThrow().backoffFactor());
    assertEquals(Optional.of("PT90S"), s.timeout());
    assertEquals("argo.sidecars", s.attributes().get(0).key());
  }

  @Test
  void resourceAndScriptTemplatesAreOpaque() {
    Outcome<Pipeline> o = V1.argo(V1.workflow("main", """
        - name: main
          dag:
            tasks:
            - {name: pvc, template: pvc}
            - {name: s, template: s}
        - name: pvc
          resource:
            action: create
            manifest: |
              apiVersion: v1
              kind: PersistentVolumeClaim
          outputs:
            parameters:
            - name: pvc-name
              valueFrom: {jsonPath: '{.metadata.name}'}
        - name: s
          script: {image: python, command: [python], source: 'print(1)'}
        """));
    assertEquals(List.of("FM2005", "FM2006"), o.diagnostics().stream().map(d -> d.code().id()).toList());
    OpaqueComponent pvc = V1.component(V1.pipeline(o), "pvc", OpaqueComponent.class);
    assertEquals("argo-resource", pvc.kind());
    assertTrue(pvc.rawText().contains("kind: PersistentVolumeClaim"), pvc.rawText());
    assertEquals(List.of("pvc-name"), pvc.iface().outputs().stream().map(Port::name).toList());
    assertEquals("argo-script", V1.component(V1.pipeline(o), "s", OpaqueComponent.class).kind());
  }

  @Test
  void settingsFromInputsAtRunTimeAreKeptAsTextAndReported() {
    Outcome<Pipeline> o = V1.argo(V1.workflow("t", """
        - name: t
          inputs:
            parameters:
            - name: tag
          metadata:
            labels: {v: '{{inputs.parameters.tag}}'}
          container: {image: 'busybox:{{inputs.parameters.tag}}', command: [echo, '{{inputs.parameters.nope}}']}
        """));
    assertEquals(List.of("FM2014 13:19", "FM2014 14:24", "FM2008 14:77"), V1.codes(o));
    assertEquals("busybox:{{inputs.parameters.tag}}", V1.component(V1.pipeline(o), "t", ContainerComponent.class).container().image());
  }

  @Test
  void anEmptyImageIsAnError() {
    Outcome<Pipeline> o = V1.argo(V1.workflow("t", """
        - name: t
          container: {image: '', command: [echo, hi]}
        """));
    assertEquals(List.of("FM2023 9:24"), V1.codes(o));
    assertEquals("the image of template `t` is empty, so its container cannot run", o.diagnostics().get(0).message());
  }

  @Test
  void theKfpV2CompatibleLauncherIsRemoved() {
    Pipeline p = one("""
        - name: t
          inputs:
            parameters:
            - name: text
          container:
            image: alpine
            command: [/kfp-launcher/launch, --pipeline_name, p, --, 'msg={{inputs.parameters.text}}', --]
            args: [sh, -c, 'echo "$0" > "$1"', '{{$.inputs.parameters[''msg'']}}', '{{$.outputs.parameters[''out''].output_file}}']
            env:
            - {name: KFP_V2_IMAGE, value: alpine}
            - name: KFP_V2_RUNTIME_INFO
              value: '{"inputParameters": {"msg": {"type": "INT"}}, "outputParameters": {"out": {"type": "STRING", "path": "/tmp/outputs/out/data"}}}'
            volumeMounts: [{mountPath: /kfp-launcher, name: kfp-launcher}]
          initContainers:
          - {name: kfp-launcher, image: gcr.io/ml-pipeline/kfp-launcher:1.6.6, command: [launcher]}
          volumes: [{name: kfp-launcher}]
          outputs:
            parameters:
            - name: t-out
              valueFrom: {path: /tmp/outputs/out/data}
        """);
    ContainerComponent c = V1.component(p, "t", ContainerComponent.class);
    assertEquals(List.of(new Arg.Literal("sh"), new Arg.Literal("-c"), new Arg.Literal("echo \"$0\" > \"$1\""),
        new Arg.InputRef("text", Access.VALUE), new Arg.OutputRef("t-out", Access.OUTPUT_FILE)), c.container().command());
    assertEquals(List.of(), c.container().args());
    assertEquals(List.of(), c.container().env());
    assertEquals(KubernetesSettings.NONE, c.container().kubernetes());
    assertEquals(IrType.primitive(IrType.Scalar.INT), c.iface().input("text").orElseThrow().type());
    assertTrue(V1.node(p.root(), "t", TaskNode.class).settings().attributes().isEmpty());
  }
}
