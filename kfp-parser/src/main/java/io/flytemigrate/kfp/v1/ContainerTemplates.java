package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.EnvVar;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the templates that run something (container, resource and the kinds with no translation)
 * to components. A container template becomes a {@link Component.ContainerComponent} whose
 * command line refers to its ports by placeholder, with its pod settings; its retries, timeout,
 * caching and extra containers become {@link TemplateSettings} for the nodes that run it. A
 * resource template becomes an {@link Component.OpaqueComponent} of kind {@code argo-resource}
 * with the template's text, and so do script, suspend and the other kinds, each reported.
 */
final class ContainerTemplates {
  private static final Pattern MANIFEST_KIND = Pattern.compile("(?m)^kind:[ \\t]*['\"]?([A-Za-z0-9]+)");
  private static final Set<String> IGNORED_CONTAINER = Set.of("name", "terminationMessagePath", "terminationMessagePolicy");

  private final WorkflowContext ctx;
  private final DiagnosticSink sink;
  private final PodMapper pods;

  ContainerTemplates(WorkflowContext ctx) {
    this.ctx = ctx;
    this.sink = ctx.sink();
    this.pods = new PodMapper(ctx.sink());
  }

  /**
   * A template mapped to a component.
   *
   * @param globals the inputs the component gained for the workflow parameters it reads
   */
  record Built(Component component, TemplateSettings settings, Map<String, Port> globals) {}

  Built build(Templates.Template t, Map<String, IrType> hints) {
    String where = "template `" + t.name() + "`";
    Fields f = new Fields(t.node(), where, sink);
    f.ignore("name");
    return switch (t.kind()) {
      case CONTAINER -> container(t, f, where, hints);
      case RESOURCE -> opaque(t, f, where, "argo-resource");
      default -> opaque(t, f, where, "argo-" + (t.kind() == Templates.Kind.EMPTY ? "empty" : t.kind().key));
    };
  }

  private Built container(Templates.Template t, Fields f, String where, Map<String, IrType> hints) {
    DocMap rawContainer = t.node().entry("container").map(Entry::value).filter(v -> v instanceof DocMap).map(v -> (DocMap) v)
        .orElse(new DocMap(List.of(), t.span()));
    boolean wrapped = V2CompatLauncher.isWrapped(rawContainer);
    Optional<V2CompatLauncher.Unwrapped> unwrapped = wrapped
        ? Optional.of(V2CompatLauncher.unwrap(rawContainer, ctx.source().path())) : Optional.empty();

    PodSettings pod = new PodSettings();
    PodMapper.KfpMetadata kfp = pods.metadata(f.map("metadata"), pod, where);
    TypeRecovery types = unwrapped.map(V2CompatLauncher.Unwrapped::types)
        .orElseGet(() -> TypeRecovery.of(kfp.componentSpec(), kfp.arguments()));
    TemplatePorts.Ports ports = TemplatePorts.read(f, t.name(), types, hints, sink).withListOutputs(t.name(), ctx.listValued(), types);
    TemplateArgs args = new TemplateArgs(sink, where, ports, ctx.pipelineInputs());
    if (unwrapped.isPresent()) {
      V2CompatLauncher.Unwrapped u = unwrapped.get();
      args.renameV2(a -> V2CompatLauncher.rename(a, u, ports));
      Messages.report(sink, Codes.V2_COMPATIBLE_LAUNCHER, t.span(), where
          + " runs through the kfp v2-compatible launcher, which is removed: its command runs directly",
          "the launcher's init container, environment and ml metadata records are dropped; flyte records inputs and outputs itself");
    }

    Fields c = f.map("container").orElse(new Fields(rawContainer, "the container of " + where, sink));
    String image = ContainerImage.read(c, where, sink);
    if (ArgoText.hasRef(image)) {
      Messages.report(sink, Codes.RUNTIME_SETTING, c.valueSpan("image"), "the image of " + where + " is `" + image + "`, chosen at run time; the text is kept",
          "flyte tasks name their image when registered; pick one image or register one task per image");
    }
    List<DocNode> commandNodes = unwrapped.map(V2CompatLauncher.Unwrapped::command).orElseGet(() -> c.seq("command"));
    List<DocNode> argNodes = unwrapped.isPresent() ? List.of() : c.seq("args");
    if (unwrapped.isPresent()) {
      c.ignore("command", "args");
    }
    List<Arg> command = args(commandNodes, args);
    List<Arg> argList = args(argNodes, args);
    Map<String, Arg> pathRefs = new LinkedHashMap<>();
    ports.inputArtifactPaths().forEach((name, path) -> pathRefs.putIfAbsent(path, new Arg.InputRef(name, Arg.Access.PATH)));
    ports.outputPaths().forEach((name, path) -> pathRefs.putIfAbsent(path,
        new Arg.OutputRef(name, ports.output(name).map(Port::artifact).orElse(false) ? Arg.Access.PATH : Arg.Access.OUTPUT_FILE)));
    Set<String> found = new LinkedHashSet<>();
    command = PathRefs.substitute(command, pathRefs, found);
    argList = PathRefs.substitute(argList, pathRefs, found);
    pathsNotFound(ports, found, command, argList, where, t);

    List<EnvVar> env = new ArrayList<>();
    pods.env(c, env, pod, where, unwrapped.isPresent());
    if (unwrapped.isPresent()) {
      env.removeIf(e -> V2CompatLauncher.LAUNCHER_ENV.contains(e.name()));
      pod.fieldPathEnvs.removeIf(e -> V2CompatLauncher.LAUNCHER_ENV.contains(e.name()));
    }
    Resources resources = c.map("resources").map(r -> resources(r, args)).orElse(Resources.NONE);
    Map<String, DocNode> volumes = new LinkedHashMap<>(ctx.volumes());
    for (DocNode v : f.seq("volumes")) {
      if (v instanceof DocMap vm) {
        Templates.text(vm, "name").ifPresent(n -> volumes.put(n, vm));
      }
    }
    pods.mounts(c, volumes, ctx.claimTemplates(), pod, where, args);
    if (unwrapped.isPresent()) {
      pod.genericVolumes.removeIf(v -> v.mountPath().equals("/kfp-launcher"));
      pod.emptyDirMounts.removeIf(v -> v.mountPath().equals("/kfp-launcher"));
    }
    c.string("imagePullPolicy").ifPresent(p -> pod.imagePullPolicy = Optional.of(p));
    c.node("securityContext").ifPresent(s -> pods.securityContext(s, pod, "the container of " + where));
    for (String k : new String[] {"workingDir", "ports", "lifecycle", "livenessProbe", "readinessProbe", "startupProbe", "stdin",
        "tty", "volumeDevices"}) {
      if (c.has(k)) {
        c.ignore(k);
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, c.keySpan(k), "`" + k + "` of the container of " + where + " is not translated");
      }
    }
    c.ignore(IGNORED_CONTAINER.toArray(new String[0]));
    c.done();
    pods.scheduling(f, pod, where);
    PodMapper.applyDefaults(pod, ctx.podDefaults());

    List<Attribute> attributes = new ArrayList<>();
    extraContainers(f, "sidecars", attributes, where, false);
    extraContainers(f, "initContainers", attributes, where, unwrapped.isPresent());
    TemplateSettings settings = runSettings(f, where, kfp, attributes);
    untranslated(f, where);
    f.done();

    List<Port> inputs = new ArrayList<>(ports.inputs());
    inputs.addAll(args.globals().values());
    Interface iface = new Interface(inputs, ports.outputs());
    KubernetesSettings k8s = pod.build(c.span());
    ContainerSpec spec = new ContainerSpec(image, command, argList, env, resources, k8s, c.span());
    Optional<String> description = types.description();
    return new Built(new Component.ContainerComponent(t.name(), iface, description, spec, t.span()), settings, args.globals());
  }

  private List<Arg> args(List<DocNode> nodes, TemplateArgs args) {
    List<Arg> out = new ArrayList<>();
    for (DocNode n : nodes) {
      if (n instanceof DocNode.DocScalar s) {
        out.add(args.arg(s.text(), s.span()));
      } else {
        Messages.report(sink, Codes.WRONG_SHAPE, n.span(), "a command-line item must be a string, found a " + n.describe());
      }
    }
    return out;
  }

  private void pathsNotFound(TemplatePorts.Ports ports, Set<String> found, List<Arg> command, List<Arg> args, String where,
      Templates.Template t) {
    Set<String> referenced = new LinkedHashSet<>();
    collectRefs(command, referenced);
    collectRefs(args, referenced);
    ports.inputArtifactPaths().forEach((name, path) -> {
      if (!found.contains(path) && !referenced.contains(name)) {
        Messages.report(sink, Codes.PATH_NOT_IN_COMMAND, ports.input(name).map(Port::span).orElse(t.span()),
            "input `" + name + "` of " + where + " is placed at `" + path + "`, which its command line does not mention",
            "the program reads that path itself; make it take the path as an argument so flyte can pass its own");
      }
    });
    ports.outputPaths().forEach((name, path) -> {
      if (!found.contains(path) && !referenced.contains(name)) {
        Messages.report(sink, Codes.PATH_NOT_IN_COMMAND, ports.output(name).map(Port::span).orElse(t.span()),
            "output `" + name + "` of " + where + " is read from `" + path + "`, which its command line does not mention",
            "the program writes that path itself; make it take the path as an argument so flyte can collect the output");
      }
    });
  }

  private static void collectRefs(List<Arg> args, Set<String> out) {
    for (Arg a : args) {
      if (a instanceof Arg.InputRef r) {
        out.add(r.input());
      } else if (a instanceof Arg.OutputRef r) {
        out.add(r.output());
      } else if (a instanceof Arg.Concat c) {
        collectRefs(c.parts(), out);
      } else if (a instanceof Arg.IfPresent i) {
        collectRefs(i.then(), out);
        collectRefs(i.otherwise(), out);
      }
    }
  }

  private Resources resources(Fields r, TemplateArgs args) {
    Map<String, Arg> requests = amounts(r.node("requests"), args);
    Map<String, Arg> limits = amounts(r.node("limits"), args);
    r.ignore("claims");
    r.done();
    Optional<Arg> accType = Optional.empty();
    Optional<Arg> accCount = Optional.empty();
    for (Map<String, Arg> m : List.of(limits, requests)) {
      for (Map.Entry<String, Arg> e : m.entrySet()) {
        if (accType.isEmpty() && e.getKey().endsWith("/gpu")) {
          accType = Optional.of(new Arg.Literal(e.getKey()));
          accCount = Optional.of(e.getValue());
        }
      }
    }
    for (Map<String, Arg> m : List.of(requests, limits)) {
      for (String k : m.keySet()) {
        if (!k.equals("cpu") && !k.equals("memory") && !k.endsWith("/gpu")) {
          Messages.report(sink, Codes.UNTRANSLATED_SETTING, r.span(), "resource `" + k + "` is not translated");
        }
      }
    }
    return new Resources(Optional.ofNullable(requests.get("cpu")), Optional.ofNullable(limits.get("cpu")),
        Optional.ofNullable(requests.get("memory")), Optional.ofNullable(limits.get("memory")), accType, accCount, r.span());
  }

  private Map<String, Arg> amounts(Optional<DocNode> f, TemplateArgs args) {
    Map<String, Arg> out = new LinkedHashMap<>();
    if (f.isEmpty() || !(f.get() instanceof DocMap m)) {
      return out;
    }
    for (Entry e : m.entries()) {
      out.put(e.key(), args.arg(scalar(e.value()), e.value().span()));
    }
    return out;
  }

  private static String scalar(DocNode n) {
    return n instanceof DocNode.DocScalar s ? s.text() : "";
  }

  private void extraContainers(Fields f, String key, List<Attribute> attributes, String where, boolean launcher) {
    List<DocNode> items = f.seq(key);
    List<Value> kept = new ArrayList<>();
    for (DocNode n : items) {
      boolean isLauncher = launcher && n instanceof DocMap m && Templates.text(m, "name").filter("kfp-launcher"::equals).isPresent();
      if (!isLauncher) {
        kept.add(io.flytemigrate.kfp.tree.Fields.toValue(n));
        String name = n instanceof DocMap m ? Templates.text(m, "name").orElse("") : "";
        Messages.report(sink, Codes.SIDECAR, n.span(), (key.equals("sidecars") ? "sidecar" : "init container") + " `" + name + "` of " + where
            + " has no typed translation; it is kept as the task attribute `argo." + key + "`",
            "a flyte pod template can run extra containers; add it there");
      }
    }
    if (!kept.isEmpty()) {
      attributes.add(new Attribute("argo." + key, new Value.ListValue(kept), f.keySpan(key)));
    }
  }

  /** Retries, timeout and caching of a template, with the display name KFP recorded. */
  private TemplateSettings runSettings(Fields f, String where, PodMapper.KfpMetadata kfp, List<Attribute> attributes) {
    Optional<TaskSettings.Retry> retry = f.map("retryStrategy").flatMap(r -> retry(r, where));
    Optional<String> timeout = Optional.empty();
    if (f.has("activeDeadlineSeconds")) {
      Optional<String> raw = f.string("activeDeadlineSeconds");
      timeout = raw.flatMap(ArgoDurations::iso);
      if (raw.isPresent() && timeout.isEmpty()) {
        Messages.report(sink, Codes.RUNTIME_SETTING, f.valueSpan("activeDeadlineSeconds"),
            "`activeDeadlineSeconds` of " + where + " is `" + raw.get() + "`, not a number of seconds; it is not translated");
      }
    }
    if (f.has("timeout")) {
      Optional<String> raw = f.string("timeout");
      Optional<String> iso = raw.flatMap(ArgoDurations::iso);
      if (timeout.isEmpty()) {
        timeout = iso;
      }
      if (raw.isPresent() && iso.isEmpty()) {
        Messages.report(sink, Codes.RUNTIME_SETTING, f.valueSpan("timeout"), "`timeout` of " + where + " is `" + raw.get() + "`, not a duration; it is not translated");
      }
    }
    return new TemplateSettings(kfp.cache(), retry, timeout, attributes, kfp.displayName());
  }

  private Optional<TaskSettings.Retry> retry(Fields r, String where) {
    Optional<String> limit = r.string("limit");
    Optional<String> policy = r.string("retryPolicy");
    Optional<String> backoff = Optional.empty();
    Optional<Double> factor = Optional.empty();
    Optional<String> backoffMax = Optional.empty();
    Optional<Fields> b = r.map("backoff");
    if (b.isPresent()) {
      backoff = b.get().string("duration").flatMap(ArgoDurations::iso);
      factor = b.get().string("factor").flatMap(x -> {
        try {
          return Optional.of(Double.parseDouble(x));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      });
      backoffMax = b.get().string("maxDuration").flatMap(ArgoDurations::iso);
      b.get().ignore("cap");
      b.get().done();
    }
    if (r.has("expression") || r.has("affinity")) {
      r.ignore("expression", "affinity");
      Messages.report(sink, Codes.UNTRANSLATED_SETTING, r.span(), "the retry `expression` or `affinity` of " + where + " is not translated");
    }
    policy.filter(p -> !p.equals("Always") && !p.equals("OnFailure")).ifPresent(p -> Messages.report(sink, Codes.UNTRANSLATED_SETTING,
        r.valueSpan("retryPolicy"), "retry policy `" + p + "` of " + where + " is not translated; flyte retries every failure of the task"));
    r.done();
    int max = 0;
    if (limit.isPresent()) {
      try {
        max = Integer.parseInt(limit.get().strip());
      } catch (NumberFormatException e) {
        Messages.report(sink, Codes.RUNTIME_SETTING, r.valueSpan("limit"), "the retry limit of " + where + " is `" + limit.get()
            + "`, computed at run time; no retries are set");
        return Optional.empty();
      }
    } else {
      // Argo retries without limit; Flyte needs a number. Ten is a generous stand-in.
      Messages.report(sink, Codes.UNTRANSLATED_SETTING, r.span(), "the retry strategy of " + where + " has no `limit` (argo retries forever); 10 retries are set");
      max = 10;
    }
    return Optional.of(new TaskSettings.Retry(max, backoff, factor, backoffMax, r.span()));
  }

  private void untranslated(Fields f, String where) {
    for (String k : new String[] {"podSpecPatch", "serviceAccountName", "automountServiceAccountToken", "priorityClassName",
        "priority", "schedulerName", "hostAliases", "daemon", "memoize", "synchronization", "metrics", "archiveLocation",
        "executor", "failFast", "parallelism", "plugin", "archive"}) {
      if (f.has(k)) {
        f.ignore(k);
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, f.keySpan(k), "`" + k + "` of " + where + " is not translated");
      }
    }
  }

  private Built opaque(Templates.Template t, Fields f, String where, String kind) {
    PodSettings pod = new PodSettings();
    PodMapper.KfpMetadata kfp = pods.metadata(f.map("metadata"), pod, where);
    TemplatePorts.Ports ports = TemplatePorts.read(f, t.name(), TypeRecovery.of(kfp.componentSpec(), kfp.arguments()), Map.of(), sink);
    if (t.kind() == Templates.Kind.RESOURCE) {
      Optional<Fields> r = f.map("resource");
      String action = r.flatMap(x -> x.string("action")).orElse("apply");
      String manifest = r.flatMap(x -> x.string("manifest")).orElse("");
      Matcher m = MANIFEST_KIND.matcher(manifest);
      String object = m.find() ? "a kubernetes `" + m.group(1) + "`" : "a kubernetes object";
      r.ifPresent(x -> {
        x.ignore("successCondition", "failureCondition", "setOwnerReference", "mergeStrategy", "flags", "manifestFrom");
        x.done();
      });
      Messages.report(sink, Codes.RESOURCE_TEMPLATE, t.span(), where + " does `" + action + "` on " + object
          + "; resource templates have no flyte translation and it is kept opaque",
          object.contains("PersistentVolumeClaim") || object.contains("VolumeSnapshot")
              ? "create the volume once outside the pipeline and mount it by name in the tasks that use it"
              : "do this outside the pipeline, or in a task that calls the kubernetes api");
    } else {
      f.ignore(t.kind().key);
      Messages.report(sink, Codes.UNSUPPORTED_TEMPLATE, t.span(), where + " is a `" + (t.kind() == Templates.Kind.EMPTY ? "template without a body" : t.kind().key)
          + "` template, which has no flyte translation; it is kept opaque",
          t.kind() == Templates.Kind.SCRIPT ? "a script template is a container with a program; write it as a container or python task"
              : "replace it with a container template, or with flyte's own construct for it");
    }
    TemplateSettings settings = runSettings(f, where, kfp, List.of());
    for (String k : new String[] {"volumes", "nodeSelector", "tolerations", "affinity", "securityContext", "sidecars",
        "initContainers"}) {
      f.ignore(k);
    }
    untranslated(f, where);
    f.done();
    Interface iface = new Interface(ports.inputs(), ports.outputs());
    return new Built(new Component.OpaqueComponent(t.name(), iface, kind, ctx.raw(t.node().span()), t.span()), settings, Map.of());
  }

}
