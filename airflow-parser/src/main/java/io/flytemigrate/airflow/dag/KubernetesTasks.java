package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.EnvVar;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code KubernetesPodOperator} (and its GKE and EKS variants) as a container component: image,
 * {@code cmds} and {@code arguments}, environment, resources, secrets (Airflow's {@code Secret}),
 * volumes with their mounts, config maps, node selector, tolerations, affinity, labels,
 * annotations and image pull settings. Pod-level settings with no IR field become attributes.
 */
final class KubernetesTasks {
  private KubernetesTasks() {}

  private static final Set<String> HANDLED = Set.of("image", "cmds", "arguments", "env_vars", "container_resources",
      "resources", "secrets", "volumes", "volume_mounts", "env_from", "node_selector", "node_selectors", "tolerations",
      "affinity", "labels", "annotations", "image_pull_secrets", "image_pull_policy", "configmaps");

  static String build(TaskModel t, Effective e, TaskIo io, List<Attribute> attrs, DagScope scope) {
    String image = "";
    Optional<Kwarg> img = e.get("image");
    if (img.isPresent() && img.get().value() instanceof PyValue.Str s) {
      image = s.value();
      if (Jinja.isTemplate(image)) {
        io.unresolved(img.get(), "the image is a template");
      }
    } else if (img.isPresent()) {
      io.unresolved(img.get(), img.get().value() instanceof PyValue.Unknown u ? u.why() : "it is not a string");
      image = img.get().raw();
    } else {
      scope.report(Codes.AIRFLOW_UNRESOLVED, t.span(), "task `" + t.id() + "` has no `image`",
          "a `KubernetesPodOperator` needs an image");
    }
    List<Arg> command = ContainerTasks.words(e.get("cmds"), io);
    List<Arg> args = ContainerTasks.words(e.get("arguments"), io);
    List<EnvVar> env = new ArrayList<>();
    e.get("env_vars").ifPresent(k -> env.addAll(ContainerTasks.env(k, io)));
    Resources resources = resources(e, io);

    List<KubernetesSettings.SecretVolume> secretVolumes = new ArrayList<>();
    List<KubernetesSettings.SecretEnv> secretEnvs = new ArrayList<>();
    List<KubernetesSettings.ConfigMapVolume> configMapVolumes = new ArrayList<>();
    List<KubernetesSettings.ConfigMapEnv> configMapEnvs = new ArrayList<>();
    List<KubernetesSettings.PvcMount> pvcs = new ArrayList<>();
    List<KubernetesSettings.EmptyDirMount> emptyDirs = new ArrayList<>();
    List<KubernetesSettings.GenericVolume> generic = new ArrayList<>();
    e.get("secrets").ifPresent(k -> secrets(k, io, secretVolumes, secretEnvs));
    volumes(e, io, secretVolumes, configMapVolumes, pvcs, emptyDirs, generic);
    e.get("env_from").ifPresent(k -> envFrom(k, io, secretEnvs, configMapEnvs));
    e.get("configmaps").ifPresent(k -> {
      if (k.value() instanceof PyValue.ListV l) {
        for (PyValue v : l.items()) {
          if (v instanceof PyValue.Str s) {
            configMapEnvs.add(new KubernetesSettings.ConfigMapEnv(constant(s.value()), List.of(), false, k.span()));
          }
        }
      }
    });
    Optional<KubernetesSettings.NodeSelector> selector = Optional.empty();
    Optional<Kwarg> sel = e.get("node_selector").or(() -> e.get("node_selectors"));
    if (sel.isPresent() && sel.get().value() instanceof PyValue.DictV d && !d.entries().isEmpty()) {
      selector = Optional.of(new KubernetesSettings.NodeSelector(keyValues(d), Optional.empty(), sel.get().span()));
    }
    List<KubernetesSettings.Toleration> tolerations = new ArrayList<>();
    e.get("tolerations").ifPresent(k -> tolerations(k, io, tolerations));
    List<KubernetesSettings.NodeAffinity> affinity = new ArrayList<>();
    e.get("affinity").ifPresent(k -> {
      if (!(k.value() instanceof PyValue.DictV d && d.entries().isEmpty()) && !(k.value() instanceof PyValue.None)) {
        affinity.add(new KubernetesSettings.NodeAffinity(Optional.of(IrValues.value(k.value())), Optional.empty(),
            Optional.empty(), k.span()));
      }
    });
    List<KubernetesSettings.KeyValue> labels = e.get("labels").map(k -> k.value() instanceof PyValue.DictV d ? keyValues(d)
        : List.<KubernetesSettings.KeyValue>of()).orElse(List.of());
    List<KubernetesSettings.KeyValue> annotations = e.get("annotations").map(k -> k.value() instanceof PyValue.DictV d
        ? keyValues(d) : List.<KubernetesSettings.KeyValue>of()).orElse(List.of());
    List<Binding> pullSecrets = new ArrayList<>();
    e.get("image_pull_secrets").ifPresent(k -> {
      if (k.value() instanceof PyValue.Str s) {
        for (String name : s.value().split(",")) {
          if (!name.isBlank()) {
            pullSecrets.add(constant(name.strip()));
          }
        }
      } else if (k.value() instanceof PyValue.ListV l) {
        for (PyValue v : l.items()) {
          PyValue name = v instanceof PyValue.Obj o ? o.arg("name", 0) : v;
          if (name instanceof PyValue.Str s) {
            pullSecrets.add(constant(s.value()));
          }
        }
      }
    });
    Optional<String> pullPolicy = e.get("image_pull_policy").filter(k -> k.value() instanceof PyValue.Str)
        .map(k -> ((PyValue.Str) k.value()).value());
    KubernetesSettings k8s = new KubernetesSettings(secretVolumes, secretEnvs, configMapVolumes, configMapEnvs, pvcs, emptyDirs,
        generic, selector, tolerations, affinity, labels, annotations, pullSecrets, pullPolicy, List.of(), Optional.empty(),
        Optional.empty(), t.span());
    if (k8s.isEmpty()) {
      k8s = KubernetesSettings.NONE;
    }
    for (Kwarg k : e.operatorArgs(false)) {
      if (!HANDLED.contains(k.name())) {
        attrs.add(new Attribute(k.name(), IrValues.value(k.value()), k.span()));
      }
    }
    if (!t.operator().equals("KubernetesPodOperator") && scope.once("k8s-variant@" + t.id())) {
      scope.report(Codes.AIRFLOW_OPAQUE_OPERATOR, t.span(), "`" + t.operator() + "` (task `" + t.id() + "`) is read as a plain"
          + " `KubernetesPodOperator`; its cluster settings are kept as attributes",
          "run the pod on the flyte cluster, or keep the cluster connection by hand");
    }
    List<Port> outputs = new ArrayList<>();
    boolean push = e.value("do_xcom_push") instanceof PyValue.Bool b && b.value();
    if (push || !scope.outputsUsed(t.id()).isEmpty()) {
      outputs.add(new Port(PyValue.XCom.RETURN_VALUE, new IrType.Any(), false, false, Optional.empty(),
          Optional.of("the json the container writes to /airflow/xcom/return.json"), t.span()));
    }
    ContainerSpec spec = new ContainerSpec(image, command, args, env, resources, k8s, t.span());
    String id = scope.componentId(t.id());
    scope.addComponent(new Component.ContainerComponent(id, new Interface(io.ports, outputs), Optional.empty(), spec, t.span()));
    return id;
  }

  private static Binding constant(String s) {
    return new Binding.Constant(new Value.Str(s));
  }

  private static List<KubernetesSettings.KeyValue> keyValues(PyValue.DictV d) {
    List<KubernetesSettings.KeyValue> out = new ArrayList<>();
    for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
      out.add(new KubernetesSettings.KeyValue(IrValues.key(e.getKey()), ContainerTasks.text(e.getValue())));
    }
    return out;
  }

  /** {@code container_resources=V1ResourceRequirements(requests=..., limits=...)} or the older {@code resources={...}}. */
  private static Resources resources(Effective e, TaskIo io) {
    Map<String, String> requests = new LinkedHashMap<>();
    Map<String, String> limits = new LinkedHashMap<>();
    Span span = Span.NONE;
    Optional<Kwarg> cr = e.get("container_resources");
    if (cr.isPresent() && cr.get().value() instanceof PyValue.Obj o) {
      span = cr.get().span();
      putAll(o.kwargs().get("requests"), requests);
      putAll(o.kwargs().get("limits"), limits);
    } else if (cr.isPresent() && !(cr.get().value() instanceof PyValue.None)) {
      io.unresolved(cr.get(), "the resources are not a `V1ResourceRequirements` known statically");
    }
    Optional<Kwarg> old = e.get("resources");
    if (old.isPresent() && old.get().value() instanceof PyValue.DictV d) {
      span = old.get().span();
      for (Map.Entry<PyValue, PyValue> entry : d.entries().entrySet()) {
        String k = IrValues.key(entry.getKey());
        String v = ContainerTasks.text(entry.getValue());
        switch (k) {
          case "request_cpu" -> requests.put("cpu", v);
          case "request_memory" -> requests.put("memory", v);
          case "limit_cpu" -> limits.put("cpu", v);
          case "limit_memory" -> limits.put("memory", v);
          case "limit_gpu" -> limits.put("nvidia.com/gpu", v);
          default -> { }
        }
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return Resources.NONE;
    }
    Optional<Arg> gpuType = Optional.empty();
    Optional<Arg> gpuCount = Optional.empty();
    for (Map.Entry<String, String> l : limits.entrySet()) {
      if (l.getKey().endsWith("/gpu")) {
        gpuType = Optional.of(new Arg.Literal(l.getKey()));
        gpuCount = Optional.of(new Arg.Literal(l.getValue()));
      }
    }
    return new Resources(lit(requests.get("cpu")), lit(limits.get("cpu")), lit(requests.get("memory")), lit(limits.get("memory")),
        gpuType, gpuCount, span);
  }

  private static Optional<Arg> lit(String s) {
    return s == null ? Optional.empty() : Optional.of(new Arg.Literal(s));
  }

  private static void putAll(PyValue v, Map<String, String> into) {
    if (v instanceof PyValue.DictV d) {
      for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
        into.put(IrValues.key(e.getKey()), ContainerTasks.text(e.getValue()));
      }
    }
  }

  /** Airflow's {@code Secret(deploy_type, deploy_target, secret, key)}. */
  private static void secrets(Kwarg k, TaskIo io, List<KubernetesSettings.SecretVolume> volumes,
      List<KubernetesSettings.SecretEnv> envs) {
    if (!(k.value() instanceof PyValue.ListV l)) {
      if (!(k.value() instanceof PyValue.None)) {
        io.unresolved(k, "the secrets are not a list known statically");
      }
      return;
    }
    for (PyValue v : l.items()) {
      if (!(v instanceof PyValue.Obj o) || !o.simpleName().equals("Secret")) {
        io.unresolved(k, "an item is not an airflow `Secret` known statically");
        continue;
      }
      PyValue type = o.arg("deploy_type", 0);
      PyValue target = o.arg("deploy_target", 1);
      PyValue secret = o.arg("secret", 2);
      PyValue key = o.arg("key", 3);
      if (!(secret instanceof PyValue.Str name)) {
        io.unresolved(k, "a secret's name is not known statically");
        continue;
      }
      if (type instanceof PyValue.Str t && t.value().equals("volume") && target instanceof PyValue.Str path) {
        volumes.add(new KubernetesSettings.SecretVolume(constant(name.value()), path.value(), false, k.span()));
      } else if (type instanceof PyValue.Str t && t.value().equals("env")) {
        List<KubernetesSettings.KeyToEnv> keys = new ArrayList<>();
        if (key instanceof PyValue.Str ks && target instanceof PyValue.Str var) {
          keys.add(new KubernetesSettings.KeyToEnv(ks.value(), var.value()));
        }
        envs.add(new KubernetesSettings.SecretEnv(constant(name.value()), keys, false, k.span()));
      } else {
        io.unresolved(k, "a secret's deploy type is not `env` or `volume`");
      }
    }
  }

  /** {@code volumes=[V1Volume(...)]} with {@code volume_mounts=[V1VolumeMount(...)]}, matched by name. */
  private static void volumes(Effective e, TaskIo io, List<KubernetesSettings.SecretVolume> secretVolumes,
      List<KubernetesSettings.ConfigMapVolume> configMaps, List<KubernetesSettings.PvcMount> pvcs,
      List<KubernetesSettings.EmptyDirMount> emptyDirs, List<KubernetesSettings.GenericVolume> generic) {
    Map<String, PyValue.Obj> byName = new LinkedHashMap<>();
    Optional<Kwarg> vols = e.get("volumes");
    if (vols.isPresent() && vols.get().value() instanceof PyValue.ListV l) {
      for (PyValue v : l.items()) {
        if (v instanceof PyValue.Obj o && o.arg("name", 0) instanceof PyValue.Str n) {
          byName.put(n.value(), o);
        } else {
          io.unresolved(vols.get(), "a volume is not a `V1Volume` known statically");
        }
      }
    }
    Optional<Kwarg> mounts = e.get("volume_mounts");
    if (mounts.isEmpty() || !(mounts.get().value() instanceof PyValue.ListV ml)) {
      return;
    }
    for (PyValue m : ml.items()) {
      if (!(m instanceof PyValue.Obj mount) || !(mount.arg("name", 0) instanceof PyValue.Str name)
          || !(mount.arg("mount_path", 1) instanceof PyValue.Str path)) {
        io.unresolved(mounts.get(), "a mount is not a `V1VolumeMount` known statically");
        continue;
      }
      PyValue.Obj vol = byName.get(name.value());
      Span span = mounts.get().span();
      Optional<String> subPath = mount.kwargs().get("sub_path") instanceof PyValue.Str s ? Optional.of(s.value()) : Optional.empty();
      if (vol == null) {
        io.unresolved(mounts.get(), "mount `" + name.value() + "` names no volume of the task");
        continue;
      }
      if (vol.kwargs().get("persistent_volume_claim") instanceof PyValue.Obj pvc && pvc.arg("claim_name", 0) instanceof PyValue.Str c) {
        pvcs.add(new KubernetesSettings.PvcMount(constant(c.value()), path.value(), subPath, span));
      } else if (vol.kwargs().get("config_map") instanceof PyValue.Obj cm && cm.arg("name", 0) instanceof PyValue.Str c) {
        configMaps.add(new KubernetesSettings.ConfigMapVolume(constant(c.value()), path.value(), false, span));
      } else if (vol.kwargs().get("secret") instanceof PyValue.Obj sv && sv.arg("secret_name", 0) instanceof PyValue.Str c) {
        secretVolumes.add(new KubernetesSettings.SecretVolume(constant(c.value()), path.value(), false, span));
      } else if (vol.kwargs().get("empty_dir") instanceof PyValue.Obj ed) {
        Optional<String> medium = ed.kwargs().get("medium") instanceof PyValue.Str s ? Optional.of(s.value()) : Optional.empty();
        Optional<String> size = ed.kwargs().get("size_limit") instanceof PyValue.Str s ? Optional.of(s.value()) : Optional.empty();
        emptyDirs.add(new KubernetesSettings.EmptyDirMount(name.value(), path.value(), medium, size, span));
      } else {
        String kind = vol.kwargs().keySet().stream().filter(k -> !k.equals("name")).findFirst().orElse("volume");
        generic.add(new KubernetesSettings.GenericVolume(kind, path.value(), IrValues.value(vol), span));
      }
    }
  }

  private static void envFrom(Kwarg k, TaskIo io, List<KubernetesSettings.SecretEnv> secrets,
      List<KubernetesSettings.ConfigMapEnv> configMaps) {
    if (!(k.value() instanceof PyValue.ListV l)) {
      return;
    }
    for (PyValue v : l.items()) {
      if (v instanceof PyValue.Obj o && o.kwargs().get("config_map_ref") instanceof PyValue.Obj ref
          && ref.arg("name", 0) instanceof PyValue.Str n) {
        configMaps.add(new KubernetesSettings.ConfigMapEnv(constant(n.value()), List.of(), false, k.span()));
      } else if (v instanceof PyValue.Obj o && o.kwargs().get("secret_ref") instanceof PyValue.Obj ref
          && ref.arg("name", 0) instanceof PyValue.Str n) {
        secrets.add(new KubernetesSettings.SecretEnv(constant(n.value()), List.of(), false, k.span()));
      } else {
        io.unresolved(k, "an item is not a `V1EnvFromSource` known statically");
      }
    }
  }

  private static void tolerations(Kwarg k, TaskIo io, List<KubernetesSettings.Toleration> out) {
    if (!(k.value() instanceof PyValue.ListV l)) {
      return;
    }
    for (PyValue v : l.items()) {
      Map<String, PyValue> f = new LinkedHashMap<>();
      if (v instanceof PyValue.Obj o) {
        f.putAll(o.kwargs());
      } else if (v instanceof PyValue.DictV d) {
        d.entries().forEach((key, val) -> f.put(IrValues.key(key), val));
      } else {
        io.unresolved(k, "a toleration is not known statically");
        continue;
      }
      out.add(new KubernetesSettings.Toleration(str(f.get("key")), str(f.get("operator")), str(f.get("value")),
          str(f.get("effect")), f.get("toleration_seconds") instanceof PyValue.Int i ? Optional.of(i.value())
              : f.get("tolerationSeconds") instanceof PyValue.Int i2 ? Optional.of(i2.value()) : Optional.empty(),
          Optional.empty(), k.span()));
    }
  }

  private static Optional<String> str(PyValue v) {
    return v instanceof PyValue.Str s ? Optional.of(s.value()) : Optional.empty();
  }
}
