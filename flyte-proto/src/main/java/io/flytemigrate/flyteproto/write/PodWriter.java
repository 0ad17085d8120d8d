package io.flytemigrate.flyteproto.write;

import com.google.protobuf.Struct;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.Value;
import flyteidl.core.Tasks;
import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.PodSpec;
import io.flytemigrate.flyte.model.PodTemplate;
import io.flytemigrate.flyte.model.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's pod template as flytekit's {@code _serialize_pod_spec} writes it: {@code
 * k8s_pod{metadata, pod_spec}}, where {@code pod_spec} is the Kubernetes JSON (camelCase keys)
 * whose primary container receives the task's image, command, args, resources and env. A raw
 * container's copilot settings go to {@code K8sPod.data_config}, field 3 of the current IDL, which
 * 0.4.35 lacks: it is written as an unknown field holding a 0.4.35 {@code DataLoadingConfig}.
 */
final class PodWriter {
  /** {@code K8sPod.data_config} in flyteidl after 0.4.35. */
  static final int K8S_POD_DATA_CONFIG = 3;

  private PodWriter() {}

  /**
   * @param container the task's container with its final command, args and env, which the
   *     primary container receives
   */
  static Tasks.K8sPod write(PodTemplate pod, Container container, java.util.Optional<Tasks.DataLoadingConfig> dataConfig) {
    Tasks.K8sPod.Builder b = Tasks.K8sPod.newBuilder()
        .setMetadata(Tasks.K8sObjectMetadata.newBuilder()
            .putAllLabels(map(pod.labels()))
            .putAllAnnotations(map(pod.annotations())))
        .setPodSpec(podSpec(pod, container));
    dataConfig.ifPresent(dc -> b.setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(K8S_POD_DATA_CONFIG, UnknownFieldSet.Field.newBuilder().addLengthDelimited(dc.toByteString()).build())
        .build()));
    return b.build();
  }

  private static java.util.Map<String, String> map(List<KeyValue> kvs) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    for (KeyValue kv : kvs) {
      m.put(kv.key(), kv.value());
    }
    return m;
  }

  private static Struct podSpec(PodTemplate pod, Container container) {
    PodSpec spec = pod.podSpec();
    Struct.Builder s = Struct.newBuilder();
    s.putFields("containers", JsonValues.list(List.of(primary(pod.primaryContainerName(), spec, container))));
    if (!spec.volumes().isEmpty()) {
      List<Value> volumes = new ArrayList<>();
      for (PodSpec.Volume v : spec.volumes()) {
        volumes.add(volume(v));
      }
      s.putFields("volumes", JsonValues.list(volumes));
    }
    if (!spec.nodeSelector().isEmpty()) {
      Struct.Builder sel = Struct.newBuilder();
      for (KeyValue kv : spec.nodeSelector()) {
        sel.putFields(kv.key(), JsonValues.string(kv.value()));
      }
      s.putFields("nodeSelector", JsonValues.object(sel));
    }
    if (!spec.tolerations().isEmpty()) {
      List<Value> tolerations = new ArrayList<>();
      for (PodSpec.Toleration t : spec.tolerations()) {
        Struct.Builder tb = Struct.newBuilder();
        t.key().ifPresent(v -> tb.putFields("key", JsonValues.string(v)));
        t.operator().ifPresent(v -> tb.putFields("operator", JsonValues.string(v)));
        t.value().ifPresent(v -> tb.putFields("value", JsonValues.string(v)));
        t.effect().ifPresent(v -> tb.putFields("effect", JsonValues.string(v)));
        t.tolerationSeconds().ifPresent(v -> tb.putFields("tolerationSeconds", JsonValues.number(v)));
        tolerations.add(JsonValues.object(tb));
      }
      s.putFields("tolerations", JsonValues.list(tolerations));
    }
    spec.affinity().ifPresent(a -> s.putFields("affinity", JsonValues.value(a)));
    if (!spec.imagePullSecrets().isEmpty()) {
      List<Value> secrets = new ArrayList<>();
      for (String name : spec.imagePullSecrets()) {
        secrets.add(JsonValues.object(Struct.newBuilder().putFields("name", JsonValues.string(name))));
      }
      s.putFields("imagePullSecrets", JsonValues.list(secrets));
    }
    spec.activeDeadlineSeconds().ifPresent(v -> s.putFields("activeDeadlineSeconds", JsonValues.number(v)));
    spec.runAsUser().ifPresent(v -> s.putFields("securityContext",
        JsonValues.object(Struct.newBuilder().putFields("runAsUser", JsonValues.number(v)))));
    return s.build();
  }

  private static Value primary(String name, PodSpec spec, Container container) {
    Struct.Builder c = Struct.newBuilder();
    c.putFields("name", JsonValues.string(name));
    c.putFields("image", JsonValues.string(container.image()));
    c.putFields("command", strings(container.command()));
    c.putFields("args", strings(container.args()));
    Resources r = container.resources();
    if (!r.isEmpty()) {
      Struct.Builder res = Struct.newBuilder();
      if (!r.limits().isEmpty()) {
        res.putFields("limits", JsonValues.object(quantities(r.limits())));
      }
      if (!r.requests().isEmpty()) {
        res.putFields("requests", JsonValues.object(quantities(r.requests())));
      }
      c.putFields("resources", JsonValues.object(res));
    }
    List<Value> env = new ArrayList<>();
    for (KeyValue kv : container.env()) {
      env.add(JsonValues.object(Struct.newBuilder()
          .putFields("name", JsonValues.string(kv.key()))
          .putFields("value", JsonValues.string(kv.value()))));
    }
    for (PodSpec.EnvVar e : spec.env()) {
      env.add(JsonValues.object(Struct.newBuilder()
          .putFields("name", JsonValues.string(e.name()))
          .putFields("valueFrom", JsonValues.object(valueFrom(e)))));
    }
    c.putFields("env", JsonValues.list(env));
    if (!spec.mounts().isEmpty()) {
      List<Value> mounts = new ArrayList<>();
      for (PodSpec.VolumeMount m : spec.mounts()) {
        Struct.Builder mb = Struct.newBuilder()
            .putFields("name", JsonValues.string(m.name()))
            .putFields("mountPath", JsonValues.string(m.mountPath()));
        m.subPath().ifPresent(p -> mb.putFields("subPath", JsonValues.string(p)));
        mounts.add(JsonValues.object(mb));
      }
      c.putFields("volumeMounts", JsonValues.list(mounts));
    }
    spec.imagePullPolicy().ifPresent(p -> c.putFields("imagePullPolicy", JsonValues.string(p)));
    return JsonValues.object(c);
  }

  private static Struct.Builder valueFrom(PodSpec.EnvVar e) {
    Struct.Builder ref = Struct.newBuilder();
    if (e instanceof PodSpec.EnvVar.FromSecret s) {
      ref.putFields("name", JsonValues.string(s.secretName())).putFields("key", JsonValues.string(s.key()));
      if (s.optional()) {
        ref.putFields("optional", JsonValues.bool(true));
      }
      return Struct.newBuilder().putFields("secretKeyRef", JsonValues.object(ref));
    }
    if (e instanceof PodSpec.EnvVar.FromConfigMap m) {
      ref.putFields("name", JsonValues.string(m.configMapName())).putFields("key", JsonValues.string(m.key()));
      if (m.optional()) {
        ref.putFields("optional", JsonValues.bool(true));
      }
      return Struct.newBuilder().putFields("configMapKeyRef", JsonValues.object(ref));
    }
    if (e instanceof PodSpec.EnvVar.FromField f) {
      ref.putFields("fieldPath", JsonValues.string(f.fieldPath()));
      return Struct.newBuilder().putFields("fieldRef", JsonValues.object(ref));
    }
    throw new AssertionError(e);
  }

  private static Value volume(PodSpec.Volume v) {
    Struct.Builder b = Struct.newBuilder().putFields("name", JsonValues.string(v.name()));
    Struct.Builder src = Struct.newBuilder();
    if (v instanceof PodSpec.Volume.Secret s) {
      src.putFields("secretName", JsonValues.string(s.secretName()));
      if (s.optional()) {
        src.putFields("optional", JsonValues.bool(true));
      }
      b.putFields("secret", JsonValues.object(src));
    } else if (v instanceof PodSpec.Volume.ConfigMap m) {
      src.putFields("name", JsonValues.string(m.configMapName()));
      if (m.optional()) {
        src.putFields("optional", JsonValues.bool(true));
      }
      b.putFields("configMap", JsonValues.object(src));
    } else if (v instanceof PodSpec.Volume.Pvc p) {
      src.putFields("claimName", JsonValues.string(p.claimName()));
      b.putFields("persistentVolumeClaim", JsonValues.object(src));
    } else if (v instanceof PodSpec.Volume.EmptyDir e) {
      e.medium().ifPresent(m -> src.putFields("medium", JsonValues.string(m)));
      e.sizeLimit().ifPresent(l -> src.putFields("sizeLimit", JsonValues.string(l)));
      b.putFields("emptyDir", JsonValues.object(src));
    } else if (v instanceof PodSpec.Volume.Raw r) {
      b.putFields(r.source(), JsonValues.value(r.spec()));
    } else {
      throw new AssertionError(v);
    }
    return JsonValues.object(b);
  }

  private static Struct.Builder quantities(List<Resources.Entry> entries) {
    Struct.Builder b = Struct.newBuilder();
    for (Resources.Entry e : entries) {
      b.putFields(ResourceWriter.kubernetesKey(e.name()), JsonValues.string(e.quantity()));
    }
    return b;
  }

  private static Value strings(List<String> items) {
    List<Value> values = new ArrayList<>();
    for (String s : items) {
      values.add(JsonValues.string(s));
    }
    return JsonValues.list(values);
  }
}
