package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Schedule;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
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

/**
 * Maps one Argo Workflow (or WorkflowTemplate, or the workflow of a CronWorkflow) to a {@link
 * Pipeline}: the workflow parameters, typed by the {@code pipelines.kubeflow.org/pipeline_spec}
 * annotation the KFP 1.x compiler writes, are the pipeline inputs; the entrypoint template is the
 * root graph; {@code onExit} becomes an exit handler around it; workflow-wide pod settings apply
 * to every container. The Argo form of the KFP v2 backend is handed to {@link EmbeddedSpec}.
 */
public final class WorkflowReader {
  private static final Set<String> KINDS = Set.of("Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow");
  private static final String[] ATTRIBUTES = {"serviceAccountName", "parallelism", "activeDeadlineSeconds", "ttlStrategy",
      "ttlSecondsAfterFinished", "podGC", "priority", "podPriority", "podPriorityClassName", "schedulerName", "hostNetwork",
      "dnsPolicy", "dnsConfig", "archiveLogs", "artifactRepositoryRef", "executor", "automountServiceAccountToken",
      "workflowMetadata", "hostAliases", "podDisruptionBudget", "shutdown", "volumeClaimGC", "artifactGC", "retryStrategy",
      "metrics", "synchronization", "suspend", "podSpecPatch"};

  private final SourceFile source;
  private final DiagnosticSink sink;

  public WorkflowReader(SourceFile source, DiagnosticSink sink) {
    this.source = source;
    this.sink = sink;
  }

  public Optional<Pipeline> read(DocNode loaded) {
    DocNode document = Messages.oneLineNames(loaded);
    Optional<Fields> maybeTop = Fields.of(document, "the workflow", sink);
    if (maybeTop.isEmpty()) {
      return Optional.empty();
    }
    Fields top = maybeTop.get();
    Optional<String> apiVersion = top.string("apiVersion");
    Optional<String> kind = top.string("kind");
    if (apiVersion.isPresent() && KubernetesManifest.isNotArgo(apiVersion.get())) {
      KubernetesManifest.report(sink, apiVersion.get(), kind, document, kind.isPresent() ? top.valueSpan("kind") : top.span());
      return Optional.empty();
    }
    if (kind.isEmpty() || !KINDS.contains(kind.get())) {
      sink.report(Messages.of(Codes.UNSUPPORTED_ARGO_KIND, kind.isPresent() ? top.valueSpan("kind") : top.span(),
              kind.map(k -> "an argo `" + k + "` is not a workflow").orElse("the argo file has no `kind`"))
          .withHelp("convert the `Workflow` (or `WorkflowTemplate`) that the kfp 1.x compiler writes"));
      top.ignore("metadata", "spec", "status");
      return Optional.empty();
    }
    List<Attribute> attributes = new ArrayList<>();
    Optional<Schedule> schedule = Optional.empty();
    Metadata md = metadata(top.map("metadata"), attributes);
    Optional<Fields> specFields;
    if (kind.get().equals("CronWorkflow")) {
      Optional<Fields> cron = top.map("spec");
      schedule = cron.flatMap(c -> cron(c, attributes));
      specFields = cron.flatMap(c -> c.map("workflowSpec"));
      cron.ifPresent(Fields::done);
    } else {
      specFields = top.map("spec");
    }
    top.ignore("status");
    top.done();
    if (specFields.isEmpty()) {
      top.missing("spec");
      return Optional.empty();
    }
    Fields spec = specFields.get();
    DocMap rawSpec = (DocMap) (kind.get().equals("CronWorkflow")
        ? ((DocMap) ((DocMap) document).entry("spec").get().value()).entry("workflowSpec").get().value()
        : ((DocMap) document).entry("spec").get().value());
    if (EmbeddedSpec.isV2Backend(rawSpec)) {
      spec.ignore(rawSpec.entries().stream().map(Entry::key).toArray(String[]::new));
      return EmbeddedSpec.read(source, sink, rawSpec, top.span(), md.name());
    }

    Templates templates = new Templates(spec.seq("templates"), sink);
    Map<String, DocNode> volumes = new LinkedHashMap<>();
    for (DocNode v : spec.seq("volumes")) {
      if (v instanceof DocMap vm) {
        Templates.text(vm, "name").ifPresent(n -> volumes.put(n, vm));
      }
    }
    Set<String> claims = new LinkedHashSet<>();
    Optional<Value> workspace = Optional.empty();
    List<DocNode> claimTemplates = spec.seq("volumeClaimTemplates");
    for (DocNode v : claimTemplates) {
      if (v instanceof DocMap vm) {
        vm.entry("metadata").map(Entry::value).filter(m -> m instanceof DocMap).flatMap(m -> Templates.text((DocMap) m, "name"))
            .ifPresent(claims::add);
      }
    }
    if (!claimTemplates.isEmpty()) {
      workspace = Optional.of(new Value.ListValue(claimTemplates.stream().map(Fields::toValue).toList()));
    }
    PodSettings defaults = new PodSettings();
    PodMapper pods = new PodMapper(sink);
    pods.scheduling(spec, defaults, "the workflow");
    for (DocNode s : spec.seq("imagePullSecrets")) {
      if (s instanceof DocMap sm) {
        Templates.text(sm, "name").ifPresent(n -> defaults.imagePullSecrets.add(new Binding.Constant(new Value.Str(n))));
      }
    }
    spec.map("podMetadata").ifPresent(m -> pods.metadata(Optional.of(m), defaults, "the workflow"));

    ListValued lists = ListValued.scan(templates, Templates.text(rawSpec, "entrypoint"));
    Map<String, Port> inputs = pipelineInputs(spec, md, lists);
    Optional<String> entrypoint = spec.string("entrypoint");
    Optional<String> onExit = spec.string("onExit");
    Span onExitSpan = spec.valueSpan("onExit");
    for (String k : ATTRIBUTES) {
      if (spec.has(k)) {
        Span at = spec.keySpan(k);
        spec.value(k).ifPresent(v -> attributes.add(new Attribute(k, v, at)));
      }
    }
    for (String k : new String[] {"templateDefaults", "workflowTemplateRef", "hooks"}) {
      if (spec.has(k)) {
        spec.ignore(k);
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, spec.keySpan(k), "`" + k + "` of the workflow is not translated");
      }
    }
    Optional<Templates.Template> entry = entrypoint.flatMap(templates::get);
    if (entrypoint.isEmpty()) {
      if (templates.all().size() == 1) {
        entry = Optional.of(templates.all().get(0));
        sink.report(Messages.of(Codes.NO_ENTRYPOINT, spec.span(), "the workflow names no `entrypoint`; its only template `"
            + entry.get().name() + "` is taken as the pipeline").withSeverity(io.flytemigrate.ir.diag.Severity.WARNING)
            .withHelp(Messages.oneLine("add `entrypoint: " + entry.get().name() + "` to the workflow spec; argo refuses a workflow without one")));
      } else {
        sink.report(Messages.of(Codes.NO_ENTRYPOINT, spec.span(), "the workflow names no `entrypoint`, so it is not clear which of its "
            + templates.all().size() + " templates is the pipeline").withHelp("add `entrypoint: <template>` to the workflow spec"));
      }
    } else if (entry.isEmpty()) {
      sink.report(Messages.of(Codes.UNDEFINED_TEMPLATE, spec.valueSpan("entrypoint"), "the entrypoint `" + entrypoint.get()
          + "` is not a template of the workflow").withHelp(Messages.oneLine("defined templates: " + String.join(", ", templates.names()))));
    }
    entry.ifPresent(t -> {
      for (Port p : templateInputs(t)) {
        inputs.putIfAbsent(p.name(), lists.workflowParameters().contains(p.name()) ? asList(p) : p);
      }
    });
    spec.ignore("templates", "volumes", "volumeClaimTemplates", "imagePullSecrets", "arguments", "entrypoint", "onExit");
    spec.done();

    WorkflowContext ctx = new WorkflowContext(source, sink, inputs, volumes, claims, defaults, lists);
    DagMapper dags = new DagMapper(ctx, templates);
    List<Port> iface = List.copyOf(inputs.values());
    Graph root = entry.map(t -> rootGraph(t, dags, iface)).orElse(new Graph(new io.flytemigrate.ir.Interface(iface, List.of()),
        List.of(), List.of(), spec.span()));
    Set<String> inlined = new LinkedHashSet<>();
    if (onExit.isPresent()) {
      Optional<Templates.Template> exit = templates.get(onExit.get());
      if (exit.isEmpty()) {
        Messages.report(sink, Codes.UNDEFINED_TEMPLATE, onExitSpan, "the exit handler `" + onExit.get() + "` is not a template of the workflow");
      } else {
        root = exitHandler(root, exit.get(), dags, inlined);
      }
    }
    if (entry.isPresent()) {
      dags.reportUnused(Set.of());
    }
    List<Component> components = new ArrayList<>();
    for (Component c : dags.components()) {
      if (!inlined.contains(c.id()) || calls(root, c.id()) || dags.components().stream().anyMatch(o -> o instanceof Component.PipelineComponent p
          && !p.id().equals(c.id()) && calls(p.graph(), c.id()))) {
        components.add(c);
      }
    }
    Pipeline.PipelineSettings settings = new Pipeline.PipelineSettings(Optional.empty(), workspace, schedule, List.of(), attributes,
        spec.span());
    return Optional.of(new Pipeline(md.name(), md.displayName(), md.description(),
        new Pipeline.SourceInfo(source.path(), "kfp-v1-argo", apiVersion, md.producer()), components, root, settings, top.span()));
  }

  // ---- metadata -----------------------------------------------------------------------------

  private record Metadata(String name, Optional<String> displayName, Optional<String> description, Optional<String> producer,
      Optional<DocNode> pipelineSpec) {}

  private Metadata metadata(Optional<Fields> m, List<Attribute> attributes) {
    String name = "workflow";
    Optional<String> producer = Optional.empty();
    Optional<DocNode> spec = Optional.empty();
    if (m.isPresent()) {
      Fields f = m.get();
      Optional<String> n = f.string("name");
      Optional<String> generate = f.string("generateName").map(g -> g.replaceAll("-+$", ""));
      name = n.or(() -> generate).orElse(name);
      f.string("namespace").ifPresent(ns -> attributes.add(new Attribute("namespace", new Value.Str(ns), f.keySpan("namespace"))));
      // What the cluster adds to a workflow it stored; it says nothing about the pipeline.
      f.ignore("uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "ownerReferences",
          "finalizers", "deletionTimestamp");
      for (String kind : new String[] {"labels", "annotations"}) {
        for (Entry e : f.entries(kind)) {
          String value = e.value() instanceof DocNode.DocScalar s ? s.text() : "";
          switch (e.key()) {
            case "pipelines.kubeflow.org/kfp_sdk_version" -> producer = Optional.of("kfp-" + value);
            case "pipelines.kubeflow.org/pipeline_spec" -> spec = new PodMapper(sink).json(value, e.value().span(), e.key(), "the workflow");
            case "pipelines.kubeflow.org/pipeline_compilation_time" -> { }
            default -> attributes.add(new Attribute("metadata." + kind + "." + e.key(), new Value.Str(value), e.keySpan()));
          }
        }
      }
      f.done();
    }
    Optional<String> displayName = spec.flatMap(s -> s instanceof DocMap sm ? Templates.text(sm, "name") : Optional.empty());
    Optional<String> description = spec.flatMap(s -> s instanceof DocMap sm ? Templates.text(sm, "description") : Optional.empty());
    String finalName = name;
    if (name.equals("workflow") && displayName.isPresent()) {
      finalName = ComponentSpecReader.slug(displayName.get());
    }
    String n2 = finalName;
    return new Metadata(finalName, displayName.filter(d -> !d.equals(n2)), description, producer, spec);
  }

  private Optional<Schedule> cron(Fields c, List<Attribute> attributes) {
    Optional<Schedule> schedule = Optional.empty();
    Optional<String> one = c.string("schedule");
    List<String> many = c.strings("schedules");
    if (one.isPresent()) {
      schedule = Optional.of(cronSchedule(one.get()));
    } else if (!many.isEmpty()) {
      schedule = Optional.of(cronSchedule(many.get(0)));
      if (many.size() > 1) {
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, c.keySpan("schedules"), "only the first of the " + many.size() + " schedules is translated");
      }
    }
    for (String k : new String[] {"timezone", "concurrencyPolicy", "startingDeadlineSeconds", "successfulJobsHistoryLimit",
        "failedJobsHistoryLimit", "suspend", "stopStrategy", "when"}) {
      if (c.has(k)) {
        Span at = c.keySpan(k);
        c.value(k).ifPresent(v -> attributes.add(new Attribute("cron." + k, v, at)));
      }
    }
    c.ignore("workflowMetadata");
    return schedule;
  }

  private static Schedule cronSchedule(String s) {
    return s.startsWith("@") ? new Schedule.Preset(s) : new Schedule.Cron(s);
  }

  // ---- inputs -------------------------------------------------------------------------------

  /** The workflow parameters, typed and described by the KFP pipeline spec annotation. */
  private Map<String, Port> pipelineInputs(Fields spec, Metadata md, ListValued lists) {
    Map<String, DocMap> declared = new LinkedHashMap<>();
    md.pipelineSpec().filter(s -> s instanceof DocMap).ifPresent(s -> {
      for (DocNode i : Templates.list((DocMap) s, "inputs")) {
        if (i instanceof DocMap im) {
          Templates.text(im, "name").ifPresent(n -> declared.put(n, im));
        }
      }
    });
    Map<String, Port> out = new LinkedHashMap<>();
    Optional<Fields> args = spec.map("arguments");
    if (args.isEmpty()) {
      return out;
    }
    for (DocNode n : args.get().seq("parameters")) {
      Optional<Fields> pf = Fields.of(n, "a workflow parameter", sink);
      if (pf.isEmpty()) {
        continue;
      }
      Fields p = pf.get();
      Optional<String> name = p.requireString("name");
      Optional<DocNode> value = p.node("value").or(() -> p.node("default"));
      Optional<String> description = p.string("description");
      p.ignore("enum", "valueFrom", "globalName");
      p.done();
      if (name.isEmpty()) {
        continue;
      }
      DocMap decl = declared.get(name.get());
      Optional<DocNode> typeSpec = decl == null ? Optional.empty() : decl.entry("type").map(Entry::value);
      String typeName = V1Types.name(typeSpec);
      IrType type = typeName.isEmpty() && lists.workflowParameters().contains(name.get()) ? new IrType.ListOf(new IrType.Any())
          : typeName.isEmpty() || !V1Types.isParameter(typeName) ? IrType.primitive(IrType.Scalar.STRING)
          : V1Types.valueType(typeName);
      Optional<Value> def = value.map(v -> v instanceof DocNode.DocScalar s ? TemplatePorts.typed(s.text(), type) : Fields.toValue(v));
      boolean optional = def.isPresent() || (decl != null && Templates.text(decl, "optional").filter("true"::equalsIgnoreCase).isPresent());
      Optional<String> desc = description.or(() -> decl == null ? Optional.empty() : Templates.text(decl, "description"));
      if (out.putIfAbsent(name.get(), new Port(name.get(), type, false, optional, def, desc, p.span())) != null) {
        Messages.report(sink, Codes.DUPLICATE_NAME, p.span(), "workflow parameter `" + name.get() + "` is declared twice");
      }
    }
    for (DocNode n : args.get().seq("artifacts")) {
      Optional<Fields> af = Fields.of(n, "a workflow artifact", sink);
      if (af.isEmpty()) {
        continue;
      }
      Fields a = af.get();
      Optional<String> name = a.requireString("name");
      Optional<String> uri = a.map("http").flatMap(h -> {
        Optional<String> u = h.string("url");
        h.ignore("headers", "auth");
        h.done();
        return u;
      });
      a.ignore("s3", "gcs", "git", "raw", "artifactory", "hdfs", "oss", "azure", "path", "optional", "from", "mode", "archive");
      a.done();
      name.ifPresent(x -> out.putIfAbsent(x, new Port(x, V1Types.artifact("", Optional.empty()), true, uri.isPresent(),
          uri.map(Value.Str::new), Optional.empty(), a.span())));
    }
    args.get().done();
    return out;
  }

  /** An untyped port that a loop iterates over, as a list. */
  static Port asList(Port p) {
    if (!p.type().equals(IrType.primitive(IrType.Scalar.STRING))) {
      return p;
    }
    IrType list = new IrType.ListOf(new IrType.Any());
    Optional<Value> def = p.defaultValue().map(d -> d instanceof Value.Str s ? TemplatePorts.typed(s.value(), list) : d);
    return new Port(p.name(), list, p.artifact(), p.optional(), def, p.description(), p.span());
  }

  private List<Port> templateInputs(Templates.Template t) {
    DiagnosticSink scratch = new DiagnosticSink();
    return TemplatePorts.read(new Fields(t.node(), "", scratch), t.name(), TypeRecovery.none(), scratch).inputs();
  }

  // ---- root and exit handler ----------------------------------------------------------------

  private Graph rootGraph(Templates.Template t, DagMapper dags, List<Port> iface) {
    if (t.kind() == Templates.Kind.DAG || t.kind() == Templates.Kind.STEPS) {
      return dags.root(t, iface);
    }
    ContainerTemplates.Built b = dags.executable(t);
    Node task = call(t, b, iface, List.of(), TaskSettings.Trigger.ALL_SUCCEEDED);
    List<Graph.GraphOutput> outputs = new ArrayList<>();
    for (Port o : b.component().iface().outputs()) {
      outputs.add(new Graph.GraphOutput(o.name(), List.of(new Graph.Source(t.name(), o.name())), false, false, o.span()));
    }
    return new Graph(new io.flytemigrate.ir.Interface(iface, b.component().iface().outputs()), List.of(task), outputs, t.span());
  }

  /** A node that runs an executable template with the pipeline inputs of the same names. */
  private Node call(Templates.Template t, ContainerTemplates.Built b, List<Port> pipelineInputs, List<String> after,
      TaskSettings.Trigger trigger) {
    List<InputBinding> inputs = new ArrayList<>();
    for (Port p : b.component().iface().inputs()) {
      String source = p.name().startsWith(TemplateArgs.GLOBAL_PREFIX) && b.globals().containsKey(p.name())
          ? p.name().substring(TemplateArgs.GLOBAL_PREFIX.length()) : p.name();
      if (pipelineInputs.stream().anyMatch(x -> x.name().equals(source))) {
        inputs.add(new InputBinding(p.name(), new Binding.GraphInput(source), p.span()));
      } else if (!p.optional()) {
        Messages.report(sink, Codes.UNDEFINED_REFERENCE, t.span(), "input `" + p.name() + "` of template `" + t.name()
            + "` gets no value: the workflow has no parameter of that name and the input no default");
      }
    }
    return new Node.TaskNode(t.name(), b.settings().displayName().orElse(t.name()), t.name(), inputs, after,
        b.settings().toTask(trigger, t.span()), Optional.empty(), t.span());
  }

  /**
   * Puts the root graph in an exit handler whose exit task runs the {@code onExit} template. When
   * the root is one call of a DAG template (the KFP 1.x {@code dsl.ExitHandler} group), that
   * DAG's graph is the handler's body; otherwise the whole root is.
   */
  private Graph exitHandler(Graph root, Templates.Template exit, DagMapper dags, Set<String> inlined) {
    Node handler;
    List<Graph.GraphOutput> outputs = new ArrayList<>();
    Optional<Graph> group = root.nodes().size() == 1 && root.nodes().get(0) instanceof Node.TaskNode only
        ? dags.pipeline(only.component()) : Optional.empty();
    if (group.isPresent()) {
      Node.TaskNode only = (Node.TaskNode) root.nodes().get(0);
      handler = new Node.ExitHandlerNode(only.id(), only.displayName(), only.inputs(), List.of(), group.get(),
          Optional.of(exitId(exit, only.id())), only.span());
      inlined.add(only.component());
      outputs.addAll(root.outputs());
    } else {
      List<InputBinding> inputs = new ArrayList<>();
      for (Port p : root.iface().inputs()) {
        inputs.add(new InputBinding(p.name(), new Binding.GraphInput(p.name()), Span.NONE));
      }
      handler = new Node.ExitHandlerNode("exit-handler", "exit-handler", inputs, List.of(), root,
          Optional.of(exitId(exit, "exit-handler")), root.span());
      for (Graph.GraphOutput o : root.outputs()) {
        outputs.add(new Graph.GraphOutput(o.name(), List.of(new Graph.Source("exit-handler", o.name())), false, false, o.span()));
      }
    }
    Node exitTask;
    String id = exitId(exit, handler.id());
    if (exit.kind() == Templates.Kind.DAG || exit.kind() == Templates.Kind.STEPS) {
      Messages.report(sink, Codes.UNTRANSLATED_SETTING, exit.span(), "the exit handler `" + exit.name() + "` is a dag; it runs as a nested pipeline");
      exitTask = new Node.TaskNode(id, exit.name(), exit.name(), List.of(), List.of(handler.id()),
          new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), TaskSettings.Trigger.ALL_DONE,
              exit.span()), Optional.empty(), exit.span());
      dags.pipelineOrBuild(exit);
    } else {
      ContainerTemplates.Built b = dags.executable(exit);
      Node.TaskNode t = (Node.TaskNode) call(exit, b, root.iface().inputs(), List.of(handler.id()), TaskSettings.Trigger.ALL_DONE);
      exitTask = new Node.TaskNode(id, t.displayName(), t.component(), t.inputs(), t.after(), t.settings(), t.condition(), t.span());
    }
    return new Graph(root.iface(), List.of(handler, exitTask), outputs, root.span());
  }

  private static String exitId(Templates.Template exit, String handlerId) {
    return exit.name().equals(handlerId) ? exit.name() + "-exit" : exit.name();
  }

  private static boolean calls(Graph g, String component) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.TaskNode t && t.component().equals(component)) {
        return true;
      }
      Graph body = n instanceof Node.ConditionNode c ? c.body() : n instanceof Node.LoopNode l ? l.body()
          : n instanceof Node.ExitHandlerNode e ? e.body() : n instanceof Node.BranchesNode b ? b.body() : null;
      if (body != null && calls(body, component)) {
        return true;
      }
    }
    return false;
  }
}
