package io.flytemigrate.flyte.model;

import io.flytemigrate.ir.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a Kubernetes {@code PodSpec} a translated task sets, typed so that the Python
 * writer can emit {@code kubernetes.client} objects ({@code V1PodSpec}, {@code V1Container}, ...)
 * and the package writer the camelCase JSON of {@code k8s_pod.pod_spec}. Mounts and env entries
 * belong to the primary container; everything else to the pod.
 *
 * @param affinity a node affinity as Kubernetes JSON ({@code {"nodeAffinity": {...}}}), if any
 * @param imagePullSecrets names of pull secrets
 * @param runAsUser the pod's {@code securityContext.runAsUser}
 */
public record PodSpec(
    List<Volume> volumes,
    List<VolumeMount> mounts,
    List<EnvVar> env,
    List<KeyValue> nodeSelector,
    List<Toleration> tolerations,
    Optional<Value> affinity,
    List<String> imagePullSecrets,
    Optional<String> imagePullPolicy,
    Optional<Long> activeDeadlineSeconds,
    Optional<Long> runAsUser) {
  public PodSpec {
    volumes = List.copyOf(volumes);
    mounts = List.copyOf(mounts);
    env = List.copyOf(env);
    nodeSelector = List.copyOf(nodeSelector);
    tolerations = List.copyOf(tolerations);
    Objects.requireNonNull(affinity, "affinity");
    imagePullSecrets = List.copyOf(imagePullSecrets);
    Objects.requireNonNull(imagePullPolicy, "imagePullPolicy");
    Objects.requireNonNull(activeDeadlineSeconds, "activeDeadlineSeconds");
    Objects.requireNonNull(runAsUser, "runAsUser");
  }

  /** A pod volume ({@code V1Volume}); {@code name} is a DNS-1123 label unique in the pod. */
  public sealed interface Volume {
    String name();

    /** {@code secret: {secretName, optional}}. */
    record Secret(String name, String secretName, boolean optional) implements Volume {}

    /** {@code configMap: {name, optional}}. */
    record ConfigMap(String name, String configMapName, boolean optional) implements Volume {}

    /** {@code persistentVolumeClaim: {claimName}}. */
    record Pvc(String name, String claimName) implements Volume {}

    /** {@code emptyDir: {medium, sizeLimit}}. */
    record EmptyDir(String name, Optional<String> medium, Optional<String> sizeLimit) implements Volume {}

    /**
     * Any other volume source as Kubernetes JSON, e.g. {@code ephemeral}.
     *
     * @param source the key of the volume source, e.g. {@code ephemeral}
     * @param spec its JSON value
     */
    record Raw(String name, String source, Value spec) implements Volume {}
  }

  /** A {@code V1VolumeMount} of the primary container. */
  public record VolumeMount(String name, String mountPath, Optional<String> subPath) {
    public VolumeMount {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mountPath, "mountPath");
      Objects.requireNonNull(subPath, "subPath");
    }
  }

  /** An environment variable of the primary container filled from the cluster ({@code valueFrom}). */
  public sealed interface EnvVar {
    String name();

    /** {@code secretKeyRef: {name, key, optional}}. */
    record FromSecret(String name, String secretName, String key, boolean optional) implements EnvVar {}

    /** {@code configMapKeyRef: {name, key, optional}}. */
    record FromConfigMap(String name, String configMapName, String key, boolean optional) implements EnvVar {}

    /** {@code fieldRef: {fieldPath}}. */
    record FromField(String name, String fieldPath) implements EnvVar {}
  }

  /** A {@code V1Toleration}; absent fields are not written. */
  public record Toleration(
      Optional<String> key, Optional<String> operator, Optional<String> value, Optional<String> effect,
      Optional<Long> tolerationSeconds) {
    public Toleration {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(effect, "effect");
      Objects.requireNonNull(tolerationSeconds, "tolerationSeconds");
    }
  }
}
