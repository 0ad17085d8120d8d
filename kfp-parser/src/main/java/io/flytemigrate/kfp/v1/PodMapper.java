package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.EnvVar;
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
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.Fields;
import io.flytemigrate.kfp.tree.JsonLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the pod-level settings of an Argo template (and of the workflow, as defaults) into {@link
 * PodSettings}: volumes and their mounts, environment variables from secrets, config maps and pod
 * fields, node selectors, tolerations, node affinity, the user id, and pod labels and
 * annotations. The {@code pipelines.kubeflow.org/*} metadata the KFP 1.x compiler adds is not pod
 * metadata: it is read for caching, display names and the embedded component spec.
 */
final class PodMapper {
  private static final String KFP = "pipelines.kubeflow.org/";
  private static final Set<String> KFP_INTERNAL = Set.of(
      KFP + "kfp_sdk_version", KFP + "pipeline-sdk-type", KFP + "component_ref", KFP + "v2_component",
      KFP + "cache_enabled", KFP + "arguments.artifacts", KFP + "pipeline_compilation_time");

  private final DiagnosticSink sink;

  PodMapper(DiagnosticSink sink) {
    this.sink = sink;
  }

  /**
   * What the KFP compiler records in a template's metadata.
   *
   * @param componentSpec the parsed {@code component_spec} annotation
   * @param arguments the parsed {@code arguments.parameters} annotation
   */
  record KfpMetadata(Optional<Boolean> cache, Optional<String> displayName, Optional<DocNode> componentSpec,
      Optional<DocNode> arguments) {}

  KfpMetadata metadata(Optional<Fields> md, PodSettings pod, String where) {
    Optional<Boolean> cache = Optional.empty();
    Optional<String> displayName = Optional.empty();
    Optional<DocNode> spec = Optional.empty();
    Optional<DocNode> arguments = Optional.empty();
    if (md.isEmpty()) {
      return new KfpMetadata(cache, displayName, spec, arguments);
    }
    for (String kind : new String[] {"labels", "annotations"}) {
      for (Entry e : md.get().entries(kind)) {
        String value = e.value() instanceof DocNode.DocScalar s ? s.text() : "";
        String key = e.key();
        if (key.equals(KFP + "enable_caching")) {
          cache = Optional.of(!value.equalsIgnoreCase("false"));
        } else if (key.equals(KFP + "max_cache_staleness")) {
          if (value.equals("P0D") || value.equals("PT0S")) {
            cache = Optional.of(false);
          }
        } else if (key.equals(KFP + "task_display_name")) {
          displayName = Optional.of(value);
        } else if (key.equals(KFP + "component_spec")) {
          spec = json(value, e.value().span(), key, where);
        } else if (key.equals(KFP + "arguments.parameters")) {
          arguments = json(value, e.value().span(), key, where);
        } else if (!KFP_INTERNAL.contains(key)) {
          if (ArgoText.hasRef(value)) {
            Messages.report(sink, Codes.RUNTIME_SETTING, e.value().span(), "pod " + kind.substring(0, kind.length() - 1) + " `" + key + "` of "
                + where + " takes its value from `" + value + "` at run time; the text is kept",
                "flyte sets pod metadata when the task is registered, not per run");
          }
          (kind.equals("labels") ? pod.podLabels : pod.podAnnotations).add(new KeyValue(key, value));
        }
      }
    }
    md.get().done();
    return new KfpMetadata(cache, displayName, spec, arguments);
  }

  /** Parses a JSON annotation; reports and returns empty when it is not JSON. */
  Optional<DocNode> json(String text, Span span, String key, String where) {
    DiagnosticSink scratch = new DiagnosticSink();
    Optional<DocNode> n = new JsonLoader(span.file(), scratch).load(text);
    if (n.isEmpty() || scratch.hasErrors()) {
      Messages.report(sink, Codes.BAD_ANNOTATION, span, "annotation `" + key + "` of " + where + " is not valid json and is ignored");
      return Optional.empty();
    }
    return n;
  }

  /** Node selector, tolerations, affinity and security context of a template or workflow spec. */
  void scheduling(Fields t, PodSettings pod, String where) {
    t.node("nodeSelector").ifPresent(s -> {
      if (s instanceof DocMap m) {
        List<KeyValue> labels = new ArrayList<>();
        for (Entry e : m.entries()) {
          labels.add(new KeyValue(e.key(), e.value() instanceof DocNode.DocScalar sc ? sc.text() : ""));
        }
        pod.nodeSelector = Optional.of(new NodeSelector(labels, Optional.empty(), m.span()));
      } else if (!(s instanceof DocNode.DocScalar sc && sc.kind() == DocNode.ScalarKind.NULL)) {
        Messages.report(sink, Codes.WRONG_SHAPE, s.span(), "`nodeSelector` of " + where + " must be a mapping, found a " + s.describe());
      }
    });
    for (DocNode n : t.seq("tolerations")) {
      Fields.of(n, "a toleration of " + where, sink).ifPresent(x -> {
        pod.tolerations.add(new Toleration(x.string("key"), x.string("operator"), x.string("value"), x.string("effect"),
            x.integer("tolerationSeconds"), Optional.empty(), x.span()));
        x.done();
      });
    }
    t.node("affinity").ifPresent(a -> {
      if (!(a instanceof DocMap m)) {
        return;
      }
      for (Entry e : m.entries()) {
        if (e.key().equals("nodeAffinity")) {
          pod.nodeAffinities.add(new NodeAffinity(Optional.of(Fields.toValue(e.value())), Optional.empty(), Optional.empty(),
              e.value().span()));
        } else {
          Messages.report(sink, Codes.UNTRANSLATED_SETTING, e.keySpan(), "`" + e.key() + "` of " + where + " is not translated");
        }
      }
    });
    t.node("securityContext").ifPresent(s -> securityContext(s, pod, where));
  }

  /** The user id of a security context; the other settings are reported. */
  void securityContext(DocNode s, PodSettings pod, String where) {
    if (!(s instanceof DocMap m)) {
      return;
    }
    List<String> others = new ArrayList<>();
    for (Entry e : m.entries()) {
      if (e.key().equals("runAsUser") && e.value() instanceof DocNode.DocScalar sc) {
        try {
          pod.runAsUser = Optional.of(Long.parseLong(sc.text().strip()));
        } catch (NumberFormatException x) {
          Messages.report(sink, Codes.WRONG_SHAPE, sc.span(), "`runAsUser` of " + where + " must be an integer, found `" + sc.text() + "`");
        }
      } else {
        others.add("`" + e.key() + "`");
      }
    }
    if (!others.isEmpty()) {
      Messages.report(sink, Codes.UNTRANSLATED_SETTING, m.span(), "security context settings " + String.join(", ", others) + " of " + where
          + " are not translated");
    }
  }

  /** The environment of a container: literal values, secret and config map keys, pod fields. */
  void env(Fields c, List<EnvVar> out, PodSettings pod, String where, boolean launcher) {
    for (DocNode n : c.seq("env")) {
      Optional<Fields> ef = Fields.of(n, "an environment variable of " + where, sink);
      if (ef.isEmpty()) {
        continue;
      }
      Fields e = ef.get();
      String name = e.requireString("name").orElse("");
      if (e.has("value")) {
        String value = e.string("value").orElse("");
        if (value.strip().equals("{{pod.name}}")) {
          pod.fieldPathEnvs.add(new FieldPathEnv(name, "metadata.name"));
        } else {
          if (ArgoText.hasRef(value)) {
            Messages.report(sink, Codes.RUNTIME_SETTING, e.valueSpan("value"),
                "environment variable `" + name + "` of " + where + " takes its value from `" + value + "` at run time; the text is kept",
                "pass the value as a task input instead");
          }
          out.add(new EnvVar(name, value, e.span()));
        }
      }
      e.map("valueFrom").ifPresent(v -> {
        v.map("secretKeyRef").ifPresent(s -> {
          pod.secretEnvs.add(new SecretEnv(new Binding.Constant(new Value.Str(s.string("name").orElse(""))),
              List.of(new KeyToEnv(s.string("key").orElse(""), name)), s.bool("optional").orElse(false), s.span()));
          s.done();
        });
        v.map("configMapKeyRef").ifPresent(s -> {
          pod.configMapEnvs.add(new ConfigMapEnv(new Binding.Constant(new Value.Str(s.string("name").orElse(""))),
              List.of(new KeyToEnv(s.string("key").orElse(""), name)), s.bool("optional").orElse(false), s.span()));
          s.done();
        });
        v.map("fieldRef").ifPresent(s -> {
          pod.fieldPathEnvs.add(new FieldPathEnv(name, s.string("fieldPath").orElse("")));
          s.ignore("apiVersion");
          s.done();
        });
        if (v.has("resourceFieldRef")) {
          v.ignore("resourceFieldRef");
          Messages.report(sink, Codes.UNTRANSLATED_SETTING, v.keySpan("resourceFieldRef"),
              "environment variable `" + name + "` of " + where + " comes from a resource field, which is not translated");
        }
        v.done();
      });
      e.done();
    }
    for (DocNode n : c.seq("envFrom")) {
      if (launcher) {
        continue; // the launcher's metadata config map
      }
      Messages.report(sink, Codes.UNTRANSLATED_SETTING, n.span(), "`envFrom` of " + where + " (a whole secret or config map as environment) is not translated",
          "list the keys one by one under `env` with `valueFrom`");
    }
  }

  /**
   * The volume mounts of a container, each resolved against the template's volumes, then the
   * workflow's volumes and volume claim templates.
   */
  void mounts(Fields c, Map<String, DocNode> volumes, Set<String> claimTemplates, PodSettings pod, String where, TemplateArgs args) {
    for (DocNode n : c.seq("volumeMounts")) {
      Optional<Fields> mf = Fields.of(n, "a volume mount of " + where, sink);
      if (mf.isEmpty()) {
        continue;
      }
      Fields m = mf.get();
      String name = m.requireString("name").orElse("");
      String mountPath = m.requireString("mountPath").orElse("");
      Optional<String> subPath = m.string("subPath");
      subPath.filter(ArgoText::hasRef).ifPresent(sp -> Messages.report(sink, Codes.RUNTIME_SETTING, m.valueSpan("subPath"),
          "the sub-path of volume `" + name + "` in " + where + " is `" + sp + "`, computed at run time; the text is kept"));
      m.ignore("readOnly", "mountPropagation", "subPathExpr");
      m.done();
      DocNode volume = volumes.get(name);
      if (volume == null) {
        if (claimTemplates.contains(name)) {
          pod.pvcMounts.add(new PvcMount(new Binding.Constant(new Value.Str(name)), mountPath, subPath, m.span()));
        } else {
          Messages.report(sink, Codes.UNDEFINED_REFERENCE, m.valueSpan("name"), where + " mounts volume `" + name + "`, which neither the template nor the workflow defines");
        }
        continue;
      }
      volume(name, volume, mountPath, subPath, m.span(), pod, where, args);
    }
  }

  private void volume(String name, DocNode volume, String mountPath, Optional<String> subPath, Span span, PodSettings pod,
      String where, TemplateArgs args) {
    if (!(volume instanceof DocMap v)) {
      return;
    }
    DiagnosticSink scratch = new DiagnosticSink();
    Fields f = new Fields(v, "volume `" + name + "`", scratch);
    f.ignore("name");
    if (f.has("persistentVolumeClaim")) {
      Fields p = f.map("persistentVolumeClaim").orElse(null);
      String claim = p == null ? "" : p.string("claimName").orElse("");
      Binding b = TemplateArgs.binding(args.arg(claim, v.span()));
      pod.pvcMounts.add(new PvcMount(b, mountPath, subPath, span));
    } else if (f.has("secret")) {
      Fields s = f.map("secret").orElse(null);
      String secret = s == null ? "" : s.string("secretName").orElse("");
      pod.secretVolumes.add(new SecretVolume(TemplateArgs.binding(args.arg(secret, v.span())), mountPath,
          s != null && s.bool("optional").orElse(false), span));
      if (s != null && s.has("items")) {
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, s.keySpan("items"), "`items` of secret volume `" + name + "` in " + where
            + " are not translated; the whole secret is mounted");
      }
    } else if (f.has("configMap")) {
      Fields s = f.map("configMap").orElse(null);
      String cm = s == null ? "" : s.string("name").orElse("");
      pod.configMapVolumes.add(new ConfigMapVolume(TemplateArgs.binding(args.arg(cm, v.span())), mountPath,
          s != null && s.bool("optional").orElse(false), span));
    } else if (f.has("emptyDir")) {
      Optional<Fields> e = f.map("emptyDir");
      pod.emptyDirMounts.add(new EmptyDirMount(name, mountPath, e.flatMap(x -> x.string("medium")),
          e.flatMap(x -> x.string("sizeLimit")), span));
    } else {
      String kind = v.entries().stream().map(Entry::key).filter(k -> !k.equals("name")).findFirst().orElse("unknown");
      pod.genericVolumes.add(new GenericVolume(kind, mountPath, Fields.toValue(v), span));
    }
  }

  /** Adds the workflow-wide settings a template does not set itself (Argo's precedence). */
  static void applyDefaults(PodSettings pod, PodSettings defaults) {
    if (pod.nodeSelector.isEmpty()) {
      pod.nodeSelector = defaults.nodeSelector;
    }
    if (pod.tolerations.isEmpty()) {
      pod.tolerations.addAll(defaults.tolerations);
    }
    if (pod.nodeAffinities.isEmpty()) {
      pod.nodeAffinities.addAll(defaults.nodeAffinities);
    }
    pod.imagePullSecrets.addAll(defaults.imagePullSecrets);
    for (KeyValue kv : defaults.podLabels) {
      if (pod.podLabels.stream().noneMatch(x -> x.key().equals(kv.key()))) {
        pod.podLabels.add(kv);
      }
    }
    for (KeyValue kv : defaults.podAnnotations) {
      if (pod.podAnnotations.stream().noneMatch(x -> x.key().equals(kv.key()))) {
        pod.podAnnotations.add(kv);
      }
    }
    if (pod.runAsUser.isEmpty()) {
      pod.runAsUser = defaults.runAsUser;
    }
  }

}
