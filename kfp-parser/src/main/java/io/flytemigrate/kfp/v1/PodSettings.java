package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.KubernetesSettings.ConfigMapEnv;
import io.flytemigrate.ir.KubernetesSettings.ConfigMapVolume;
import io.flytemigrate.ir.KubernetesSettings.EmptyDirMount;
import io.flytemigrate.ir.KubernetesSettings.FieldPathEnv;
import io.flytemigrate.ir.KubernetesSettings.GenericVolume;
import io.flytemigrate.ir.KubernetesSettings.KeyValue;
import io.flytemigrate.ir.KubernetesSettings.NodeAffinity;
import io.flytemigrate.ir.KubernetesSettings.NodeSelector;
import io.flytemigrate.ir.KubernetesSettings.PvcMount;
import io.flytemigrate.ir.KubernetesSettings.SecretEnv;
import io.flytemigrate.ir.KubernetesSettings.SecretVolume;
import io.flytemigrate.ir.KubernetesSettings.Toleration;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the pieces of one pod's {@link KubernetesSettings} while a reader walks a template, so
 * the mapping code can add what it finds in any order and build the record once.
 */
final class PodSettings {
  final List<SecretVolume> secretVolumes = new ArrayList<>();
  final List<SecretEnv> secretEnvs = new ArrayList<>();
  final List<ConfigMapVolume> configMapVolumes = new ArrayList<>();
  final List<ConfigMapEnv> configMapEnvs = new ArrayList<>();
  final List<PvcMount> pvcMounts = new ArrayList<>();
  final List<EmptyDirMount> emptyDirMounts = new ArrayList<>();
  final List<GenericVolume> genericVolumes = new ArrayList<>();
  Optional<NodeSelector> nodeSelector = Optional.empty();
  final List<Toleration> tolerations = new ArrayList<>();
  final List<NodeAffinity> nodeAffinities = new ArrayList<>();
  final List<KeyValue> podLabels = new ArrayList<>();
  final List<KeyValue> podAnnotations = new ArrayList<>();
  final List<Binding> imagePullSecrets = new ArrayList<>();
  Optional<String> imagePullPolicy = Optional.empty();
  final List<FieldPathEnv> fieldPathEnvs = new ArrayList<>();
  Optional<Long> runAsUser = Optional.empty();

  PodSettings fieldPathEnvs(List<FieldPathEnv> envs) {
    fieldPathEnvs.addAll(envs);
    return this;
  }

  /** The settings, or {@link KubernetesSettings#NONE} when nothing was found. */
  KubernetesSettings build(Span span) {
    KubernetesSettings k = new KubernetesSettings(secretVolumes, secretEnvs, configMapVolumes, configMapEnvs, pvcMounts,
        emptyDirMounts, genericVolumes, nodeSelector, tolerations, nodeAffinities, podLabels, podAnnotations,
        imagePullSecrets, imagePullPolicy, fieldPathEnvs, Optional.empty(), runAsUser, span);
    return k.isEmpty() ? KubernetesSettings.NONE : k;
  }
}
