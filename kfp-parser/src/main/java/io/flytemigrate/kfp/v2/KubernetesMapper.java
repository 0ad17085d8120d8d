package io.flytemigrate.kfp.v2;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.KubernetesSettings.ConfigMapEnv;
import io.flytemigrate.ir.KubernetesSettings.ConfigMapVolume;
import io.flytemigrate.ir.KubernetesSettings.EmptyDirMount;
import io.flytemigrate.ir.KubernetesSettings.FieldPathEnv;
import io.flytemigrate.ir.KubernetesSettings.GenericVolume;
import io.flytemigrate.ir.KubernetesSettings.KeyToEnv;
import io.flytemigrate.ir.KubernetesSettings.KeyValue;
import io.flytemigrate.ir.KubernetesSettings.NodeAffinity;
import io.flytemigrate.ir.KubernetesSettings.NodeSelector;
import io.flytemigrate.ir.KubernetesSettings.PvcMount;
import io.flytemigrate.ir.KubernetesSettings.SecretEnv;
import io.flytemigrate.ir.KubernetesSettings.SecretVolume;
import io.flytemigrate.ir.KubernetesSettings.Toleration;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one executor's settings from the kfp-kubernetes platform spec ({@code
 * platforms.kubernetes.deploymentSpec.executors.<label>}) into {@link KubernetesSettings}.
 */
final class KubernetesMapper {
  private final DiagnosticSink sink;
  private final Bindings bindings;

  KubernetesMapper(DiagnosticSink sink, Bindings bindings) {
    this.sink = sink;
    this.bindings = bindings;
  }

  KubernetesSettings read(Fields f) {
    List<SecretVolume> secretVolumes = new ArrayList<>();
    for (Fields s : items(f, "secretAsVolume")) {
      secretVolumes.add(new SecretVolume(name(s, "secretName", "secretNameParameter"), s.string("mountPath").orElse(""),
          s.bool("optional").orElse(false), s.span()));
      s.done();
    }
    List<SecretEnv> secretEnvs = new ArrayList<>();
    for (Fields s : items(f, "secretAsEnv")) {
      Binding name = name(s, "secretName", "secretNameParameter");
      secretEnvs.add(new SecretEnv(name, keys(s, "secretKey"), s.bool("optional").orElse(false), s.span()));
      s.done();
    }
    List<ConfigMapVolume> cmVolumes = new ArrayList<>();
    for (Fields s : items(f, "configMapAsVolume")) {
      cmVolumes.add(new ConfigMapVolume(name(s, "configMapName", "configMapNameParameter"), s.string("mountPath").orElse(""),
          s.bool("optional").orElse(false), s.span()));
      s.done();
    }
    List<ConfigMapEnv> cmEnvs = new ArrayList<>();
    for (Fields s : items(f, "configMapAsEnv")) {
      Binding name = name(s, "configMapName", "configMapNameParameter");
      cmEnvs.add(new ConfigMapEnv(name, keys(s, "configMapKey"), s.bool("optional").orElse(false), s.span()));
      s.done();
    }
    List<PvcMount> pvcs = new ArrayList<>();
    for (Fields s : items(f, "pvcMount")) {
      Binding claim;
      if (s.has("pvcNameParameter")) {
        claim = bindings.parameterSpec(s.map("pvcNameParameter"), s.valueSpan("pvcNameParameter"));
        // Older SDKs also wrote the same reference at the top level; it says nothing more.
        s.ignore("taskOutputParameter", "componentInputParameter", "constant");
      } else if (s.has("constant")) {
        claim = new Binding.Constant(new Value.Str(s.string("constant").orElse("")));
      } else if (s.has("componentInputParameter")) {
        claim = new Binding.GraphInput(s.string("componentInputParameter").orElse(""));
      } else if (s.has("taskOutputParameter")) {
        claim = bindings.taskOutputParameter(s.map("taskOutputParameter"), s.valueSpan("taskOutputParameter"));
      } else {
        s.missing("pvcNameParameter");
        claim = new Binding.Unresolved("");
      }
      pvcs.add(new PvcMount(claim, s.string("mountPath").orElse(""), s.string("subPath"), s.span()));
      s.done();
    }
    List<EmptyDirMount> emptyDirs = new ArrayList<>();
    for (Fields s : items(f, "emptyDirMounts")) {
      emptyDirs.add(new EmptyDirMount(s.string("volumeName").orElse(""), s.string("mountPath").orElse(""),
          s.string("medium"), s.string("sizeLimit"), s.span()));
      s.done();
    }
    List<GenericVolume> generic = new ArrayList<>();
    for (DocNode n : f.seq("genericEphemeralVolume")) {
      String mountPath = n instanceof DocNode.DocMap m
          ? m.entry("mountPath").map(e -> e.value() instanceof DocNode.DocScalar sc ? sc.text() : "").orElse("")
          : "";
      generic.add(new GenericVolume("genericEphemeralVolume", mountPath, Fields.toValue(n), n.span()));
    }
    Optional<NodeSelector> selector = f.map("nodeSelector").map(s -> {
      List<KeyValue> labels = keyValues(s, "labels");
      Optional<Binding> json = s.has("nodeSelectorJson")
          ? Optional.of(bindings.parameterSpec(s.map("nodeSelectorJson"), s.valueSpan("nodeSelectorJson")))
          : Optional.empty();
      s.done();
      return new NodeSelector(labels, json, s.span());
    });
    List<Toleration> tolerations = new ArrayList<>();
    for (Fields s : items(f, "tolerations")) {
      Optional<Binding> json = s.has("tolerationJson")
          ? Optional.of(bindings.parameterSpec(s.map("tolerationJson"), s.valueSpan("tolerationJson")))
          : Optional.empty();
      tolerations.add(new Toleration(s.string("key"), s.string("operator"), s.string("value"), s.string("effect"),
          s.integer("tolerationSeconds"), json, s.span()));
      s.done();
    }
    List<NodeAffinity> affinities = new ArrayList<>();
    for (Fields s : items(f, "nodeAffinity")) {
      Optional<Binding> json = s.has("nodeAffinityJson")
          ? Optional.of(bindings.parameterSpec(s.map("nodeAffinityJson"), s.valueSpan("nodeAffinityJson")))
          : Optional.empty();
      List<Value.Entry> terms = new ArrayList<>();
      for (String k : new String[] {"matchExpressions", "matchFields"}) {
        s.value(k).ifPresent(v -> terms.add(new Value.Entry(k, v)));
      }
      affinities.add(new NodeAffinity(terms.isEmpty() ? Optional.empty() : Optional.of(new Value.MapValue(terms)),
          json, s.integer("weight"), s.span()));
      s.done();
    }
    List<KeyValue> labels = List.of();
    List<KeyValue> annotations = List.of();
    Optional<Fields> meta = f.map("podMetadata");
    if (meta.isPresent()) {
      labels = keyValues(meta.get(), "labels");
      annotations = keyValues(meta.get(), "annotations");
      meta.get().done();
    }
    List<Binding> pullSecrets = new ArrayList<>();
    for (Fields s : items(f, "imagePullSecret")) {
      pullSecrets.add(name(s, "secretName", "secretNameParameter"));
      s.done();
    }
    Optional<String> pullPolicy = f.string("imagePullPolicy");
    List<FieldPathEnv> fieldEnvs = new ArrayList<>();
    for (Fields s : items(f, "fieldPathAsEnv")) {
      fieldEnvs.add(new FieldPathEnv(s.string("name").orElse(""), s.string("fieldPath").orElse("")));
      s.done();
    }
    Optional<Long> deadline = f.integer("activeDeadlineSeconds");
    Optional<Long> runAsUser = f.map("securityContext").flatMap(s -> {
      Optional<Long> u = s.integer("runAsUser");
      s.done();
      return u;
    });
    f.done();
    return new KubernetesSettings(secretVolumes, secretEnvs, cmVolumes, cmEnvs, pvcs, emptyDirs, generic, selector,
        tolerations, affinities, labels, annotations, pullSecrets, pullPolicy, fieldEnvs, deadline, runAsUser, f.span());
  }

  private List<Fields> items(Fields f, String key) {
    List<Fields> out = new ArrayList<>();
    for (DocNode n : f.seq(key)) {
      Fields.of(n, "`" + key + "` entry", sink).ifPresent(out::add);
    }
    return out;
  }

  /** A literal name field or its parameter form, whichever is present. */
  private Binding name(Fields s, String literal, String parameter) {
    if (s.has(parameter)) {
      s.ignore(literal);
      return bindings.parameterSpec(s.map(parameter), s.valueSpan(parameter));
    }
    if (s.has(literal)) {
      return new Binding.Constant(new Value.Str(s.string(literal).orElse("")));
    }
    s.missing(parameter);
    return new Binding.Unresolved("");
  }

  private List<KeyToEnv> keys(Fields s, String keyField) {
    List<KeyToEnv> out = new ArrayList<>();
    for (Fields k : items(s, "keyToEnv")) {
      out.add(new KeyToEnv(k.string(keyField).orElse(""), k.string("envVar").orElse("")));
      k.done();
    }
    return out;
  }

  private List<KeyValue> keyValues(Fields s, String key) {
    List<KeyValue> out = new ArrayList<>();
    for (Entry e : s.entries(key)) {
      String v = e.value() instanceof DocNode.DocScalar sc ? sc.text() : "";
      out.add(new KeyValue(e.key(), v));
    }
    return out;
  }

}
