package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes settings of the pod that runs a component: secrets, config maps, volumes, scheduling
 * and pod metadata. Names that may come from inputs at run time are {@link Binding}s.
 */
public record KubernetesSettings(
    List<SecretVolume> secretVolumes,
    List<SecretEnv> secretEnvs,
    List<ConfigMapVolume> configMapVolumes,
    List<ConfigMapEnv> configMapEnvs,
    List<PvcMount> pvcMounts,
    List<EmptyDirMount> emptyDirMounts,
    List<GenericVolume> genericVolumes,
    Optional<NodeSelector> nodeSelector,
    List<Toleration> tolerations,
    List<NodeAffinity> nodeAffinities,
    List<KeyValue> podLabels,
    List<KeyValue> podAnnotations,
    List<Binding> imagePullSecrets,
    Optional<String> imagePullPolicy,
    List<FieldPathEnv> fieldPathEnvs,
    Optional<Long> activeDeadlineSeconds,
    Optional<Long> runAsUser,
    Span span) {

  public static final KubernetesSettings NONE =
      new KubernetesSettings(
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(),
          List.of(), Optional.empty(), Optional.empty(), Span.NONE);

  public KubernetesSettings {
    secretVolumes = List.copyOf(secretVolumes);
    secretEnvs = List.copyOf(secretEnvs);
    configMapVolumes = List.copyOf(configMapVolumes);
    configMapEnvs = List.copyOf(configMapEnvs);
    pvcMounts = List.copyOf(pvcMounts);
    emptyDirMounts = List.copyOf(emptyDirMounts);
    genericVolumes = List.copyOf(genericVolumes);
    Objects.requireNonNull(nodeSelector, "nodeSelector");
    tolerations = List.copyOf(tolerations);
    nodeAffinities = List.copyOf(nodeAffinities);
    podLabels = List.copyOf(podLabels);
    podAnnotations = List.copyOf(podAnnotations);
    imagePullSecrets = List.copyOf(imagePullSecrets);
    Objects.requireNonNull(imagePullPolicy, "imagePullPolicy");
    fieldPathEnvs = List.copyOf(fieldPathEnvs);
    Objects.requireNonNull(activeDeadlineSeconds, "activeDeadlineSeconds");
    Objects.requireNonNull(runAsUser, "runAsUser");
    Objects.requireNonNull(span, "span");
  }

  public boolean isEmpty() {
    return this.equals(new KubernetesSettings(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), span));
  }

  /** A secret mounted as files. */
  public record SecretVolume(Binding secretName, String mountPath, boolean optional, Span span) {}

  /** Keys of a secret exposed as environment variables. */
  public record SecretEnv(Binding secretName, List<KeyToEnv> keys, boolean optional, Span span) {
    public SecretEnv {
      keys = List.copyOf(keys);
    }
  }

  /** A config map mounted as files. */
  public record ConfigMapVolume(Binding configMapName, String mountPath, boolean optional, Span span) {}

  /** Keys of a config map exposed as environment variables. */
  public record ConfigMapEnv(Binding configMapName, List<KeyToEnv> keys, boolean optional, Span span) {
    public ConfigMapEnv {
      keys = List.copyOf(keys);
    }
  }

  /** One key of a secret or config map and the variable it becomes. */
  public record KeyToEnv(String key, String envVar) {}

  /** A persistent volume claim mounted into the pod. */
  public record PvcMount(Binding claimName, String mountPath, Optional<String> subPath, Span span) {}

  /** An emptyDir volume. */
  public record EmptyDirMount(
      String volumeName, String mountPath, Optional<String> medium, Optional<String> sizeLimit, Span span) {}

  /** A volume kind kept as its raw settings (e.g. a generic ephemeral volume). */
  public record GenericVolume(String kind, String mountPath, Value settings, Span span) {}

  /** Node labels the pod must match, literal or from an input holding JSON. */
  public record NodeSelector(List<KeyValue> labels, Optional<Binding> fromJson, Span span) {
    public NodeSelector {
      labels = List.copyOf(labels);
    }
  }

  /** A toleration, literal or from an input holding JSON. */
  public record Toleration(
      Optional<String> key,
      Optional<String> operator,
      Optional<String> value,
      Optional<String> effect,
      Optional<Long> tolerationSeconds,
      Optional<Binding> fromJson,
      Span span) {}

  /** A node affinity term, kept as its raw settings, or from an input holding JSON. */
  public record NodeAffinity(Optional<Value> terms, Optional<Binding> fromJson, Optional<Long> weight, Span span) {}

  /** A label or annotation. */
  public record KeyValue(String key, String value) {}

  /** An environment variable filled from a pod field such as {@code metadata.name}. */
  public record FieldPathEnv(String name, String fieldPath) {}
}
