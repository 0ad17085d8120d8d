package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.PodSpec;
import io.flytemigrate.flyte.model.PodTemplate;
import java.util.ArrayList;
import java.util.List;

/** A pod template as flytekit's {@code PodTemplate} of {@code kubernetes.client} objects. */
final class PodTemplateCode {
  private final Imports imports;

  PodTemplateCode(Imports imports) {
    this.imports = imports;
  }

  PyExpr of(PodTemplate t) {
    imports.from("flytekit", "PodTemplate");
    List<PyExpr> args = new ArrayList<>();
    args.add(PyExpr.kw("primary_container_name", str(t.primaryContainerName())));
    args.add(PyExpr.kw("pod_spec", podSpec(t.primaryContainerName(), t.podSpec())));
    if (!t.labels().isEmpty()) {
      args.add(PyExpr.kw("labels", dict(t.labels())));
    }
    if (!t.annotations().isEmpty()) {
      args.add(PyExpr.kw("annotations", dict(t.annotations())));
    }
    return PyExpr.call("PodTemplate", args);
  }

  private PyExpr podSpec(String primary, PodSpec s) {
    List<PyExpr> container = new ArrayList<>();
    container.add(PyExpr.kw("name", str(primary)));
    if (!s.env().isEmpty()) {
      List<PyExpr> env = new ArrayList<>();
      for (PodSpec.EnvVar e : s.env()) {
        env.add(env(e));
      }
      container.add(PyExpr.kw("env", PyExpr.list(env)));
    }
    if (!s.mounts().isEmpty()) {
      List<PyExpr> mounts = new ArrayList<>();
      for (PodSpec.VolumeMount m : s.mounts()) {
        List<PyExpr> a = new ArrayList<>(List.of(PyExpr.kw("name", str(m.name())), PyExpr.kw("mount_path", str(m.mountPath()))));
        m.subPath().ifPresent(p -> a.add(PyExpr.kw("sub_path", str(p))));
        mounts.add(k("V1VolumeMount", a));
      }
      container.add(PyExpr.kw("volume_mounts", PyExpr.list(mounts)));
    }
    s.imagePullPolicy().ifPresent(p -> container.add(PyExpr.kw("image_pull_policy", str(p))));
    List<PyExpr> spec = new ArrayList<>();
    spec.add(PyExpr.kw("containers", PyExpr.list(List.of(k("V1Container", container)))));
    if (!s.volumes().isEmpty()) {
      List<PyExpr> vols = new ArrayList<>();
      for (PodSpec.Volume v : s.volumes()) {
        vols.add(volume(v));
      }
      spec.add(PyExpr.kw("volumes", PyExpr.list(vols)));
    }
    if (!s.nodeSelector().isEmpty()) {
      spec.add(PyExpr.kw("node_selector", dict(s.nodeSelector())));
    }
    if (!s.tolerations().isEmpty()) {
      List<PyExpr> tols = new ArrayList<>();
      for (PodSpec.Toleration t : s.tolerations()) {
        List<PyExpr> a = new ArrayList<>();
        t.key().ifPresent(x -> a.add(PyExpr.kw("key", str(x))));
        t.operator().ifPresent(x -> a.add(PyExpr.kw("operator", str(x))));
        t.value().ifPresent(x -> a.add(PyExpr.kw("value", str(x))));
        t.effect().ifPresent(x -> a.add(PyExpr.kw("effect", str(x))));
        t.tolerationSeconds().ifPresent(x -> a.add(PyExpr.kw("toleration_seconds", PyExpr.atom(String.valueOf(x)))));
        tols.add(k("V1Toleration", a));
      }
      spec.add(PyExpr.kw("tolerations", PyExpr.list(tols)));
    }
    s.affinity().ifPresent(a -> spec.add(PyExpr.kw("affinity", PyValues.json(a))));
    if (!s.imagePullSecrets().isEmpty()) {
      List<PyExpr> refs = new ArrayList<>();
      for (String n : s.imagePullSecrets()) {
        refs.add(k("V1LocalObjectReference", List.of(PyExpr.kw("name", str(n)))));
      }
      spec.add(PyExpr.kw("image_pull_secrets", PyExpr.list(refs)));
    }
    s.activeDeadlineSeconds().ifPresent(x -> spec.add(PyExpr.kw("active_deadline_seconds", PyExpr.atom(String.valueOf(x)))));
    s.runAsUser().ifPresent(x -> spec.add(PyExpr.kw("security_context",
        k("V1PodSecurityContext", List.of(PyExpr.kw("run_as_user", PyExpr.atom(String.valueOf(x))))))));
    return k("V1PodSpec", spec);
  }

  private PyExpr env(PodSpec.EnvVar e) {
    PyExpr source;
    if (e instanceof PodSpec.EnvVar.FromSecret s) {
      source = k("V1EnvVarSource", List.of(PyExpr.kw("secret_key_ref", k("V1SecretKeySelector",
          selector(s.secretName(), s.key(), s.optional())))));
    } else if (e instanceof PodSpec.EnvVar.FromConfigMap c) {
      source = k("V1EnvVarSource", List.of(PyExpr.kw("config_map_key_ref", k("V1ConfigMapKeySelector",
          selector(c.configMapName(), c.key(), c.optional())))));
    } else {
      PodSpec.EnvVar.FromField f = (PodSpec.EnvVar.FromField) e;
      source = k("V1EnvVarSource", List.of(PyExpr.kw("field_ref", k("V1ObjectFieldSelector",
          List.of(PyExpr.kw("field_path", str(f.fieldPath())))))));
    }
    return k("V1EnvVar", List.of(PyExpr.kw("name", str(e.name())), PyExpr.kw("value_from", source)));
  }

  private static List<PyExpr> selector(String name, String key, boolean optional) {
    List<PyExpr> a = new ArrayList<>(List.of(PyExpr.kw("name", str(name)), PyExpr.kw("key", str(key))));
    if (optional) {
      a.add(PyExpr.kw("optional", PyExpr.atom("True")));
    }
    return a;
  }

  private PyExpr volume(PodSpec.Volume v) {
    List<PyExpr> a = new ArrayList<>();
    a.add(PyExpr.kw("name", str(v.name())));
    if (v instanceof PodSpec.Volume.Secret s) {
      List<PyExpr> src = new ArrayList<>(List.of(PyExpr.kw("secret_name", str(s.secretName()))));
      if (s.optional()) {
        src.add(PyExpr.kw("optional", PyExpr.atom("True")));
      }
      a.add(PyExpr.kw("secret", k("V1SecretVolumeSource", src)));
    } else if (v instanceof PodSpec.Volume.ConfigMap c) {
      List<PyExpr> src = new ArrayList<>(List.of(PyExpr.kw("name", str(c.configMapName()))));
      if (c.optional()) {
        src.add(PyExpr.kw("optional", PyExpr.atom("True")));
      }
      a.add(PyExpr.kw("config_map", k("V1ConfigMapVolumeSource", src)));
    } else if (v instanceof PodSpec.Volume.Pvc p) {
      a.add(PyExpr.kw("persistent_volume_claim", k("V1PersistentVolumeClaimVolumeSource",
          List.of(PyExpr.kw("claim_name", str(p.claimName()))))));
    } else if (v instanceof PodSpec.Volume.EmptyDir e) {
      List<PyExpr> src = new ArrayList<>();
      e.medium().ifPresent(m -> src.add(PyExpr.kw("medium", str(m))));
      e.sizeLimit().ifPresent(m -> src.add(PyExpr.kw("size_limit", str(m))));
      a.add(PyExpr.kw("empty_dir", k("V1EmptyDirVolumeSource", src)));
    } else {
      PodSpec.Volume.Raw r = (PodSpec.Volume.Raw) v;
      a.add(PyExpr.kw(r.source(), PyValues.json(r.spec())));
    }
    return k("V1Volume", a);
  }

  private PyExpr k(String cls, List<PyExpr> args) {
    imports.from("kubernetes.client", cls);
    return PyExpr.call(cls, args);
  }

  private static PyExpr dict(List<KeyValue> kvs) {
    List<PyExpr.Entry> entries = new ArrayList<>();
    for (KeyValue kv : kvs) {
      entries.add(new PyExpr.Entry(str(kv.key()), str(kv.value())));
    }
    return new PyExpr.Dict(entries);
  }

  private static PyExpr str(String s) {
    return PyExpr.atom(PyText.str(s));
  }
}
