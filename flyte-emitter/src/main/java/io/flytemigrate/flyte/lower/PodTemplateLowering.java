package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.PodSpec;
import io.flytemigrate.flyte.model.PodTemplate;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes settings of a component (secrets and config maps as volumes or env vars, volumes,
 * node selector, tolerations, affinity, pod labels and annotations, pull secrets, deadline, user)
 * to a flytekit {@code PodTemplate}. Kubernetes is the runtime on both sides, so each setting is
 * exact when its value is known at translation time. Names the source takes from parameters use
 * the parameter's default; names known only at run time are dropped, since a pod template is
 * fixed at registration.
 */
final class PodTemplateLowering {
  private final GraphScope scope;
  private final String node;
  private final Context ctx;
  private final List<PodSpec.Volume> volumes = new ArrayList<>();
  private final List<PodSpec.VolumeMount> mounts = new ArrayList<>();
  private final List<PodSpec.EnvVar> env = new ArrayList<>();

  private PodTemplateLowering(GraphScope scope, String node, Context ctx) {
    this.scope = scope;
    this.node = node;
    this.ctx = ctx;
  }

  static Optional<PodTemplate> lower(KubernetesSettings k, GraphScope scope, String node, Context ctx) {
    if (k.isEmpty()) {
      return Optional.empty();
    }
    return new PodTemplateLowering(scope, node, ctx).run(k);
  }

  private Optional<PodTemplate> run(KubernetesSettings k) {
    int i = 0;
    for (KubernetesSettings.SecretVolume v : k.secretVolumes()) {
      String vol = "secret-" + (++i);
      name(v.secretName(), "secret volume at `" + v.mountPath() + "`", v.span(), v.optional()).ifPresent(n -> {
        volumes.add(new PodSpec.Volume.Secret(vol, n, v.optional()));
        mounts.add(new PodSpec.VolumeMount(vol, v.mountPath(), Optional.empty()));
        exact("secret `" + n + "` mounted at `" + v.mountPath() + "`", v.span());
      });
    }
    for (KubernetesSettings.SecretEnv e : k.secretEnvs()) {
      name(e.secretName(), "secret env vars", e.span(), e.optional()).ifPresent(n -> {
        for (KubernetesSettings.KeyToEnv kv : e.keys()) {
          env.add(new PodSpec.EnvVar.FromSecret(kv.envVar(), n, kv.key(), e.optional()));
          exact("env `" + kv.envVar() + "` from secret `" + n + "` key `" + kv.key() + "`", e.span());
        }
      });
    }
    i = 0;
    for (KubernetesSettings.ConfigMapVolume v : k.configMapVolumes()) {
      String vol = "config-map-" + (++i);
      name(v.configMapName(), "config map volume at `" + v.mountPath() + "`", v.span(), v.optional()).ifPresent(n -> {
        volumes.add(new PodSpec.Volume.ConfigMap(vol, n, v.optional()));
        mounts.add(new PodSpec.VolumeMount(vol, v.mountPath(), Optional.empty()));
        exact("config map `" + n + "` mounted at `" + v.mountPath() + "`", v.span());
      });
    }
    for (KubernetesSettings.ConfigMapEnv e : k.configMapEnvs()) {
      name(e.configMapName(), "config map env vars", e.span(), e.optional()).ifPresent(n -> {
        for (KubernetesSettings.KeyToEnv kv : e.keys()) {
          env.add(new PodSpec.EnvVar.FromConfigMap(kv.envVar(), n, kv.key(), e.optional()));
          exact("env `" + kv.envVar() + "` from config map `" + n + "` key `" + kv.key() + "`", e.span());
        }
      });
    }
    i = 0;
    for (KubernetesSettings.PvcMount p : k.pvcMounts()) {
      String vol = "pvc-" + (++i);
      name(p.claimName(), "volume claim at `" + p.mountPath() + "`", p.span(), false).ifPresent(n -> {
        volumes.add(new PodSpec.Volume.Pvc(vol, n));
        mounts.add(new PodSpec.VolumeMount(vol, p.mountPath(), p.subPath()));
        exact("volume claim `" + n + "` mounted at `" + p.mountPath() + "`", p.span());
      });
    }
    for (KubernetesSettings.EmptyDirMount e : k.emptyDirMounts()) {
      String vol = e.volumeName().isEmpty() ? "empty-dir-" + (volumes.size() + 1) : e.volumeName();
      volumes.add(new PodSpec.Volume.EmptyDir(vol, e.medium(), e.sizeLimit()));
      mounts.add(new PodSpec.VolumeMount(vol, e.mountPath(), Optional.empty()));
      exact("emptyDir `" + vol + "` mounted at `" + e.mountPath() + "`", e.span());
    }
    i = 0;
    for (KubernetesSettings.GenericVolume g : k.genericVolumes()) {
      String vol = "ephemeral-" + (++i);
      Value spec = g.settings() instanceof Value.MapValue m ? withoutKeys(m, List.of("mountPath", "volumeName")) : g.settings();
      volumes.add(new PodSpec.Volume.Raw(vol, "ephemeral", spec));
      mounts.add(new PodSpec.VolumeMount(vol, g.mountPath(), Optional.empty()));
      ctx.parity.approximated("setting", node + ": " + g.kind(), g.span(), "pod volume `" + vol + "`",
          "kept as the source's raw settings under `ephemeral`; check them against the Kubernetes volume schema");
    }
    List<KeyValue> selector = new ArrayList<>();
    k.nodeSelector().ifPresent(s -> {
      s.labels().forEach(l -> selector.add(new KeyValue(l.key(), l.value())));
      if (!s.labels().isEmpty()) {
        exact("node selector", s.span());
      }
      s.fromJson().flatMap(b -> json(b, "node selector", s.span())).ifPresent(v -> {
        if (v instanceof Value.MapValue m) {
          m.entries().forEach(e -> selector.add(new KeyValue(e.key(),
              e.value() instanceof Value.Str str ? str.value() : Values.json(e.value()))));
        }
      });
    });
    List<PodSpec.Toleration> tolerations = new ArrayList<>();
    for (KubernetesSettings.Toleration t : k.tolerations()) {
      if (t.fromJson().isPresent()) {
        json(t.fromJson().get(), "toleration", t.span()).ifPresent(v -> {
          List<Value> items = v instanceof Value.ListValue l ? l.items() : List.of(v);
          for (Value item : items) {
            if (item instanceof Value.MapValue m) {
              tolerations.add(new PodSpec.Toleration(str(m, "key"), str(m, "operator"), str(m, "value"), str(m, "effect"),
                  integer(m, "tolerationSeconds")));
            }
          }
        });
      } else {
        tolerations.add(new PodSpec.Toleration(t.key(), t.operator(), t.value(), t.effect(), t.tolerationSeconds()));
        exact("toleration" + t.key().map(x -> " `" + x + "`").orElse(""), t.span());
      }
    }
    Optional<Value> affinity = affinity(k.nodeAffinities());
    List<String> pullSecrets = new ArrayList<>();
    for (Binding b : k.imagePullSecrets()) {
      name(b, "image pull secret", k.span(), false).ifPresent(n -> {
        pullSecrets.add(n);
        exact("image pull secret `" + n + "`", k.span());
      });
    }
    k.imagePullPolicy().ifPresent(p -> exact("image pull policy `" + p + "`", k.span()));
    for (KubernetesSettings.FieldPathEnv f : k.fieldPathEnvs()) {
      env.add(new PodSpec.EnvVar.FromField(f.name(), f.fieldPath()));
      exact("env `" + f.name() + "` from field `" + f.fieldPath() + "`", k.span());
    }
    k.activeDeadlineSeconds().ifPresent(s -> exact("active deadline " + s + "s", k.span()));
    k.runAsUser().ifPresent(u -> exact("run as user " + u, k.span()));
    List<KeyValue> labels = new ArrayList<>();
    k.podLabels().forEach(l -> labels.add(new KeyValue(l.key(), l.value())));
    List<KeyValue> annotations = new ArrayList<>();
    k.podAnnotations().forEach(a -> annotations.add(new KeyValue(a.key(), a.value())));
    if (!labels.isEmpty()) {
      exact("pod labels", k.span());
    }
    if (!annotations.isEmpty()) {
      exact("pod annotations", k.span());
    }
    PodSpec spec = new PodSpec(volumes, mounts, env, selector, tolerations, affinity, pullSecrets, k.imagePullPolicy(),
        k.activeDeadlineSeconds(), k.runAsUser());
    PodSpec empty = new PodSpec(List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
    if (spec.equals(empty) && labels.isEmpty() && annotations.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PodTemplate(PodTemplate.PRIMARY, spec, labels, annotations));
  }

  private Optional<Value> affinity(List<KubernetesSettings.NodeAffinity> affinities) {
    List<Value> required = new ArrayList<>();
    List<Value> preferred = new ArrayList<>();
    for (KubernetesSettings.NodeAffinity a : affinities) {
      Optional<Value> terms = a.terms();
      if (a.fromJson().isPresent()) {
        Optional<Value> fromJson = json(a.fromJson().get(), "node affinity", a.span());
        if (fromJson.isPresent() && fromJson.get() instanceof Value.MapValue m && !m.entries().isEmpty()) {
          return fromJson;
        }
        continue;
      }
      if (terms.isEmpty()) {
        continue;
      }
      exact("node affinity", a.span());
      if (a.weight().isPresent()) {
        preferred.add(new Value.MapValue(List.of(new Value.Entry("weight", new Value.Int(a.weight().get())),
            new Value.Entry("preference", terms.get()))));
      } else {
        required.add(terms.get());
      }
    }
    List<Value.Entry> node = new ArrayList<>();
    if (!required.isEmpty()) {
      node.add(new Value.Entry("requiredDuringSchedulingIgnoredDuringExecution",
          new Value.MapValue(List.of(new Value.Entry("nodeSelectorTerms", new Value.ListValue(required))))));
    }
    if (!preferred.isEmpty()) {
      node.add(new Value.Entry("preferredDuringSchedulingIgnoredDuringExecution", new Value.ListValue(preferred)));
    }
    return node.isEmpty() ? Optional.empty()
        : Optional.of(new Value.MapValue(List.of(new Value.Entry("nodeAffinity", new Value.MapValue(node)))));
  }

  private void exact(String what, Span span) {
    ctx.parity.exact("setting", node + ": " + what, span, "PodTemplate");
  }

  /** A resource name fixed at translation time, or empty with a parity row saying why. */
  private Optional<String> name(Binding b, String what, Span span, boolean optional) {
    GraphScope.Fixed f = scope.resolve(b);
    if (f instanceof GraphScope.Fixed.Constant c && c.value() instanceof Value.Str s && !s.value().isEmpty()) {
      return Optional.of(s.value());
    }
    if (f instanceof GraphScope.Fixed.ParameterDefault d && d.value() instanceof Value.Str s && !s.value().isEmpty()) {
      ctx.parity.approximated("setting", node + ": " + what, span, "PodTemplate",
          "the source takes the name from parameter `" + d.parameter() + "` at run time; the pod template is fixed at"
              + " registration, so its default `" + s.value() + "` is used");
      ctx.warn(Codes.RUNTIME_VALUE_FIXED, span, "the " + what + " of task `" + node + "` comes from parameter `"
          + d.parameter() + "` and is fixed to its default `" + s.value() + "`", "a Flyte pod template is fixed when registering");
      return Optional.of(s.value());
    }
    String why = f instanceof GraphScope.Fixed.Dynamic dyn ? dyn.why() : "it is empty";
    ctx.parity.dropped("setting", node + ": " + what, span,
        "the name is known only at run time (" + why + ") and a Flyte pod template is fixed at registration"
            + (optional ? "; the source marks it optional" : ""));
    if (!optional) {
      ctx.warn(Codes.ELEMENT_DROPPED, span, "the " + what + " of task `" + node + "` is named at run time and is left out",
          "give it a fixed name, or create the pod template per run in a dynamic workflow");
    }
    return Optional.empty();
  }

  /** A JSON setting fixed at translation time. */
  private Optional<Value> json(Binding b, String what, Span span) {
    GraphScope.Fixed f = scope.resolve(b);
    if (f instanceof GraphScope.Fixed.Constant c) {
      exact(what, span);
      return Optional.of(c.value());
    }
    if (f instanceof GraphScope.Fixed.ParameterDefault d) {
      ctx.parity.approximated("setting", node + ": " + what, span, "PodTemplate",
          "the source reads it from parameter `" + d.parameter() + "` at run time; its default is used");
      return Optional.of(d.value());
    }
    ctx.parity.dropped("setting", node + ": " + what, span,
        "the value is known only at run time (" + ((GraphScope.Fixed.Dynamic) f).why()
            + ") and a Flyte pod template is fixed at registration");
    return Optional.empty();
  }

  private static Value withoutKeys(Value.MapValue m, List<String> keys) {
    return new Value.MapValue(m.entries().stream().filter(e -> !keys.contains(e.key())).toList());
  }

  private static Optional<String> str(Value.MapValue m, String key) {
    return m.entries().stream().filter(e -> e.key().equals(key) && e.value() instanceof Value.Str)
        .map(e -> ((Value.Str) e.value()).value()).findFirst();
  }

  private static Optional<Long> integer(Value.MapValue m, String key) {
    return m.entries().stream().filter(e -> e.key().equals(key) && e.value() instanceof Value.Int)
        .map(e -> ((Value.Int) e.value()).value()).findFirst();
  }
}
