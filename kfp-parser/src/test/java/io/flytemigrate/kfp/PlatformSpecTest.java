package io.flytemigrate.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component.ContainerComponent;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.KubernetesSettings.KeyToEnv;
import io.flytemigrate.ir.KubernetesSettings.KeyValue;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.testing.Kfp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kfp-kubernetes platform spec: the second YAML document of a pipeline file. */
class PlatformSpecTest {

  /** A one-task pipeline with executor {@code exec-a}, then {@code platform} as a second document from line 19. */
  private static String spec(String platform) {
    return """
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-a:
            executorLabel: exec-a
        deploymentSpec:
          executors:
            exec-a:
              container:
                image: alpine
        root:
          dag:
            tasks:
              a:
                componentRef:
                  name: comp-a
        ---
        %s""".formatted(platform);
  }

  /** The kubernetes settings of exec-a given its platform {@code settings}, which must read cleanly. */
  private static KubernetesSettings k8s(String settings) {
    Pipeline p = Kfp.clean(spec("""
        platforms:
          kubernetes:
            deploymentSpec:
              executors:
                exec-a:
        %s""".formatted(Kfp.indent(settings, 10))));
    return Kfp.component(p, "comp-a", ContainerComponent.class).container().kubernetes();
  }

  private static Binding constant(String s) {
    return new Binding.Constant(new Value.Str(s));
  }

  @Test
  void withoutPlatformSpecThereAreNoSettings() {
    Pipeline p = Kfp.clean(spec("").replace("---\n", ""));
    assertTrue(Kfp.component(p, "comp-a", ContainerComponent.class).container().kubernetes().isEmpty());
  }

  @Test
  void secretAsEnv() {
    KubernetesSettings k = k8s("""
        secretAsEnv:
        - keyToEnv:
          - envVar: PASSWORD
            secretKey: password
          - envVar: USER
            secretKey: username
          secretName: my-secret
          secretNameParameter:
            runtimeValue:
              constant: my-secret
        """);
    assertEquals(1, k.secretEnvs().size());
    KubernetesSettings.SecretEnv e = k.secretEnvs().get(0);
    assertEquals(constant("my-secret"), e.secretName());
    assertEquals(List.of(new KeyToEnv("password", "PASSWORD"), new KeyToEnv("username", "USER")), e.keys());
    assertEquals(false, e.optional());
  }

  @Test
  void secretNamesFromPipelineInputs() {
    KubernetesSettings k = k8s("""
        secretAsEnv:
        - keyToEnv:
          - envVar: PASSWORD
            secretKey: password
          optional: true
          secretNameParameter:
            componentInputParameter: secret_name
        """);
    assertEquals(new Binding.GraphInput("secret_name"), k.secretEnvs().get(0).secretName());
    assertEquals(true, k.secretEnvs().get(0).optional());
  }

  @Test
  void secretAsVolume() {
    KubernetesSettings k = k8s("""
        secretAsVolume:
        - mountPath: /mnt/secret
          optional: true
          secretName: my-secret
        """);
    assertEquals(1, k.secretVolumes().size());
    KubernetesSettings.SecretVolume v = k.secretVolumes().get(0);
    assertEquals(constant("my-secret"), v.secretName());
    assertEquals("/mnt/secret", v.mountPath());
    assertEquals(true, v.optional());
  }

  @Test
  void pvcMounts() {
    KubernetesSettings k = k8s("""
        pvcMount:
        - mountPath: /data
          pvcNameParameter:
            runtimeValue:
              constant: my-pvc
        - constant: old-style
          mountPath: /old
        - mountPath: /made
          pvcNameParameter:
            taskOutputParameter:
              outputParameterKey: name
              producerTask: createpvc
          subPath: sub
        """);
    assertEquals(3, k.pvcMounts().size());
    assertEquals(constant("my-pvc"), k.pvcMounts().get(0).claimName());
    assertEquals("/data", k.pvcMounts().get(0).mountPath());
    assertEquals(Optional.empty(), k.pvcMounts().get(0).subPath());
    assertEquals(constant("old-style"), k.pvcMounts().get(1).claimName());
    assertEquals(new Binding.TaskOutput("createpvc", "name"), k.pvcMounts().get(2).claimName());
    assertEquals(Optional.of("sub"), k.pvcMounts().get(2).subPath());
  }

  @Test
  void nodeSelectorLabels() {
    KubernetesSettings k = k8s("""
        nodeSelector:
          labels:
            disktype: ssd
            zone: a
        """);
    assertEquals(List.of(new KeyValue("disktype", "ssd"), new KeyValue("zone", "a")), k.nodeSelector().orElseThrow().labels());
    assertEquals(Optional.empty(), k.nodeSelector().orElseThrow().fromJson());
  }

  @Test
  void nodeSelectorFromJson() {
    KubernetesSettings k = k8s("""
        nodeSelector:
          nodeSelectorJson:
            componentInputParameter: selector
        """);
    assertEquals(List.of(), k.nodeSelector().orElseThrow().labels());
    assertEquals(Optional.of(new Binding.GraphInput("selector")), k.nodeSelector().orElseThrow().fromJson());
  }

  @Test
  void tolerations() {
    KubernetesSettings k = k8s("""
        tolerations:
        - effect: NoSchedule
          key: nvidia.com/gpu
          operator: Exists
        - effect: NoExecute
          key: k
          operator: Equal
          tolerationSeconds: 60
          value: v
        - tolerationJson:
            componentInputParameter: tols
        """);
    assertEquals(3, k.tolerations().size());
    KubernetesSettings.Toleration gpu = k.tolerations().get(0);
    assertEquals(Optional.of("nvidia.com/gpu"), gpu.key());
    assertEquals(Optional.of("Exists"), gpu.operator());
    assertEquals(Optional.empty(), gpu.value());
    assertEquals(Optional.of("NoSchedule"), gpu.effect());
    assertEquals(Optional.empty(), gpu.tolerationSeconds());
    KubernetesSettings.Toleration timed = k.tolerations().get(1);
    assertEquals(Optional.of("v"), timed.value());
    assertEquals(Optional.of(60L), timed.tolerationSeconds());
    assertEquals(Optional.of(new Binding.GraphInput("tols")), k.tolerations().get(2).fromJson());
  }

  @Test
  void podMetadata() {
    KubernetesSettings k = k8s("""
        podMetadata:
          annotations:
            owner: team-a
          labels:
            app: trainer
            tier: batch
        """);
    assertEquals(List.of(new KeyValue("app", "trainer"), new KeyValue("tier", "batch")), k.podLabels());
    assertEquals(List.of(new KeyValue("owner", "team-a")), k.podAnnotations());
  }

  @Test
  void imagePullSecrets() {
    KubernetesSettings k = k8s("""
        imagePullSecret:
        - secretName: regcred
        - secretNameParameter:
            componentInputParameter: pull_secret
        imagePullPolicy: Always
        """);
    assertEquals(List.of(constant("regcred"), new Binding.GraphInput("pull_secret")), k.imagePullSecrets());
    assertEquals(Optional.of("Always"), k.imagePullPolicy());
  }

  @Test
  void configMapsFieldPathsAndPodSettings() {
    KubernetesSettings k = k8s("""
        configMapAsEnv:
        - configMapName: cm
          keyToEnv:
          - configMapKey: k
            envVar: K
        configMapAsVolume:
        - configMapName: cm
          mountPath: /etc/cm
        fieldPathAsEnv:
        - fieldPath: metadata.name
          name: POD_NAME
        activeDeadlineSeconds: 300
        securityContext:
          runAsUser: 1000
        """);
    assertEquals(List.of(new KeyToEnv("k", "K")), k.configMapEnvs().get(0).keys());
    assertEquals(constant("cm"), k.configMapVolumes().get(0).configMapName());
    assertEquals("/etc/cm", k.configMapVolumes().get(0).mountPath());
    assertEquals(List.of(new KubernetesSettings.FieldPathEnv("POD_NAME", "metadata.name")), k.fieldPathEnvs());
    assertEquals(Optional.of(300L), k.activeDeadlineSeconds());
    assertEquals(Optional.of(1000L), k.runAsUser());
  }

  @Test
  void volumesAndAffinity() {
    KubernetesSettings k = k8s("""
        emptyDirMounts:
        - medium: Memory
          mountPath: /scratch
          sizeLimit: 1Gi
          volumeName: scratch
        genericEphemeralVolume:
        - mountPath: /eph
          size: 5Gi
          volumeName: eph
        nodeAffinity:
        - matchExpressions:
          - key: zone
            operator: In
            values:
            - a
          weight: 10
        """);
    KubernetesSettings.EmptyDirMount e = k.emptyDirMounts().get(0);
    assertEquals(List.of("scratch", "/scratch", "Memory", "1Gi"),
        List.of(e.volumeName(), e.mountPath(), e.medium().orElseThrow(), e.sizeLimit().orElseThrow()));
    KubernetesSettings.GenericVolume g = k.genericVolumes().get(0);
    assertEquals("genericEphemeralVolume", g.kind());
    assertEquals("/eph", g.mountPath());
    assertEquals(new Value.Str("5Gi"), ((Value.MapValue) g.settings()).entries().get(1).value());
    KubernetesSettings.NodeAffinity a = k.nodeAffinities().get(0);
    assertEquals(Optional.of(10L), a.weight());
    Value.MapValue terms = (Value.MapValue) a.terms().orElseThrow();
    assertEquals("matchExpressions", terms.entries().get(0).key());
  }

  @Test
  void pipelineConfigWorkspace() {
    Pipeline p = Kfp.clean(spec("""
        platforms:
          kubernetes:
            pipelineConfig:
              workspace:
                size: 10Gi
        """));
    assertEquals(Optional.of(new Value.MapValue(List.of(new Value.Entry("size", new Value.Str("10Gi"))))), p.platform().workspace());
  }

  // ---- problems ---------------------------------------------------------------------------------

  @Test
  void anUnknownPlatformIsIgnoredWithAWarning() {
    Outcome<Pipeline> o = Kfp.read(spec("""
        platforms:
          foo:
            anything: 1
          kubernetes:
            deploymentSpec:
              executors:
                exec-a:
                  podMetadata:
                    labels:
                      a: b
        """));
    Diags.check(o.diagnostics(), """
        FM1017 20:3 platform `foo` is not supported and its settings are ignored
        """);
    assertEquals(Severity.WARNING, o.diagnostics().get(0).severity());
    Pipeline p = Kfp.pipeline(o);
    assertEquals(List.of(new KeyValue("a", "b")),
        Kfp.component(p, "comp-a", ContainerComponent.class).container().kubernetes().podLabels());
  }

  @Test
  void settingsForAnUndefinedExecutor() {
    Outcome<Pipeline> o = Kfp.read(spec("""
        platforms:
          kubernetes:
            deploymentSpec:
              executors:
                exec-missing:
                  nodeSelector:
                    labels:
                      a: b
        """));
    Diags.check(o.diagnostics(), """
        FM1020 23:9 platform settings for executor `exec-missing`, which the pipeline spec does not define
        """);
    assertEquals(Severity.WARNING, o.diagnostics().get(0).severity());
  }

  @Test
  void unknownKubernetesFieldsAreWarnings() {
    Outcome<Pipeline> o = Kfp.read(spec("""
        platforms:
          kubernetes:
            deploymentSpec:
              executors:
                exec-a:
                  hostNetwork: true
        """));
    Diags.check(o.diagnostics(), """
        FM1004 24:11 unknown field `hostNetwork` in kubernetes settings of `exec-a` is ignored
        """);
  }

  @Test
  void aThirdDocumentIsIgnored() {
    Outcome<Pipeline> o = Kfp.read(spec("""
        platforms:
          kubernetes:
            deploymentSpec:
              executors:
                exec-a:
                  podMetadata:
                    labels:
                      a: b
        ---
        something: else
        """));
    Diags.check(o.diagnostics(), """
        FM1019 28:1 a third yaml document is ignored
        """);
    assertEquals(Severity.WARNING, o.diagnostics().get(0).severity());
    assertEquals(List.of(new KeyValue("a", "b")),
        Kfp.component(Kfp.pipeline(o), "comp-a", ContainerComponent.class).container().kubernetes().podLabels());
  }

  @Test
  void aSecondDocumentThatIsNotAPlatformSpecIsIgnored() {
    Outcome<Pipeline> o = Kfp.read(spec("""
        something: else
        """));
    Diags.check(o.diagnostics(), """
        FM1019 19:1 the second yaml document is not a platform spec and is ignored
        """);
    assertTrue(o.value().isPresent());
  }
}
