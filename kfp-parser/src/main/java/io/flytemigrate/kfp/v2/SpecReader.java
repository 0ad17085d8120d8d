package io.flytemigrate.kfp.v2;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.EnvVar;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.Fields;
import io.flytemigrate.kfp.tree.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Maps one loaded PipelineSpec document (and the platform-spec document that may follow it) to a
 * {@link Pipeline}. Every field is read through {@link Fields}, so whatever it does not know is
 * reported; every reference is checked against its scope.
 */
public final class SpecReader {
  private static final String CONDITION_BRANCHES = "comp-condition-branches-";
  private static final String EXIT_HANDLER = "comp-exit-handler-";

  /**
   * Tasks the reader may add beyond the task entries of the file. The KFP compiler writes the
   * body of each condition, loop and exit handler for one task; a body that several tasks use is
   * inlined for each, so bodies that use each other twice would double the graph at every level
   * (30 levels in a few kilobytes: a billion tasks).
   */
  private static final int MAX_REPEATED_TASKS = 10_000;

  private final SourceFile source;
  private final DiagnosticSink sink;
  private final Placeholders placeholders;
  private final Bindings bindings;
  private final Interfaces interfaces;

  private final Map<String, Entry> rawComponents = new LinkedHashMap<>();
  private final Map<String, Entry> rawExecutors = new LinkedHashMap<>();
  private final Map<String, KubernetesSettings> platformByExecutor = new HashMap<>();
  private final Map<String, Interface> ifaceCache = new HashMap<>();
  private final Set<String> controlFlowBodies = new HashSet<>();
  private final Set<String> building = new LinkedHashSet<>();
  /** Tasks still allowed to be read: the task entries of the file plus {@link #MAX_REPEATED_TASKS}. */
  private long tasksLeft = MAX_REPEATED_TASKS;

  public SpecReader(SourceFile source, DiagnosticSink sink) {
    this.source = source;
    this.sink = sink;
    this.placeholders = new Placeholders(sink);
    this.bindings = new Bindings(sink, placeholders);
    this.interfaces = new Interfaces(sink);
  }

  /** Reads the spec; {@code platform} is the following YAML document, if any. */
  public Optional<Pipeline> read(DocNode spec, Optional<DocNode> platform) {
    Optional<Fields> maybeTop = Fields.of(spec, "the pipeline spec", sink);
    if (maybeTop.isEmpty()) {
      return Optional.empty();
    }
    Fields top = maybeTop.get();
    String name = "pipeline";
    Optional<String> displayName = Optional.empty();
    Optional<String> description = Optional.empty();
    Optional<Fields> info = top.map("pipelineInfo");
    if (info.isPresent()) {
      name = info.get().requireString("name").orElse(name);
      displayName = info.get().string("displayName");
      description = info.get().string("description");
      info.get().done();
    } else {
      top.missing("pipelineInfo");
    }
    Optional<String> schemaVersion = top.string("schemaVersion");
    schemaVersion.ifPresent(v -> {
      if (!v.startsWith("2.0.") && !v.startsWith("2.1.") && !v.equals("2.0") && !v.equals("2.1")) {
        sink.report(Codes.SCHEMA_VERSION, top.valueSpan("schemaVersion"),
            "schema version `" + v + "` is newer or older than the 2.0 and 2.1 this reader knows",
            "the result may miss fields this version added; check the unknown-field warnings");
      }
    });
    if (schemaVersion.isEmpty()) {
      top.missing("schemaVersion");
    }
    Optional<String> sdkVersion = top.string("sdkVersion");
    Optional<String> defaultRoot = top.string("defaultPipelineRoot");

    for (Entry e : top.entries("components")) {
      rawComponents.put(e.key(), e);
    }
    top.map("deploymentSpec").ifPresent(d -> {
      for (Entry e : d.entries("executors")) {
        rawExecutors.put(e.key(), e);
      }
      d.done();
    });
    Pipeline.PipelineSettings settings = platform.map(this::platform).orElse(Pipeline.PipelineSettings.NONE);
    settings = new Pipeline.PipelineSettings(defaultRoot.isPresent() ? defaultRoot : settings.defaultRoot(),
        settings.workspace(), settings.span());

    Optional<Fields> root = top.map("root");
    top.done();
    if (root.isEmpty()) {
      top.missing("root");
      return Optional.empty();
    }
    findControlFlowBodies(root.get());
    Graph graph = graph("root", root.get(), Optional.empty());

    List<Component> components = new ArrayList<>();
    for (Entry e : rawComponents.values()) {
      if (!controlFlowBodies.contains(e.key())) {
        component(e).ifPresent(components::add);
      }
    }
    reportRecursion(components);
    return Optional.of(new Pipeline(name, displayName, description,
        new Pipeline.SourceInfo(source.path(), "kfp-v2", schemaVersion, sdkVersion), components, graph, settings,
        top.span()));
  }

  /**
   * A nested pipeline that calls itself, directly or through others, can never run. One pass over
   * the call graph ({@link CallCycles}), linear in pipelines and calls.
   */
  private void reportRecursion(List<Component> components) {
    Map<String, Set<String>> calls = new LinkedHashMap<>();
    Map<String, Span> spans = new HashMap<>();
    for (Component c : components) {
      if (c instanceof Component.PipelineComponent p) {
        Set<String> refs = new LinkedHashSet<>();
        collectCalls(p.graph(), refs);
        calls.put(p.id(), refs);
        spans.put(p.id(), p.span());
      }
    }
    for (String id : CallCycles.find(calls).recursive()) {
      sink.report(Codes.RECURSIVE_COMPONENT, spans.get(id), "component `" + id + "` contains itself through its dag");
    }
  }

  private static void collectCalls(Graph g, Set<String> out) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.TaskNode t) {
        out.add(t.component());
      } else if (n instanceof Node.ConditionNode c) {
        collectCalls(c.body(), out);
      } else if (n instanceof Node.BranchesNode b) {
        collectCalls(b.body(), out);
      } else if (n instanceof Node.LoopNode l) {
        collectCalls(l.body(), out);
      } else if (n instanceof Node.ExitHandlerNode e) {
        collectCalls(e.body(), out);
      }
    }
  }

  // ---- platform spec ------------------------------------------------------------------------

  private Pipeline.PipelineSettings platform(DocNode doc) {
    Optional<Fields> top = Fields.of(doc, "the platform spec", sink);
    if (top.isEmpty()) {
      return Pipeline.PipelineSettings.NONE;
    }
    Optional<Value> workspace = Optional.empty();
    Span span = top.get().span();
    for (Entry p : top.get().entries("platforms")) {
      if (!p.key().equals("kubernetes")) {
        sink.report(Codes.UNKNOWN_PLATFORM, p.keySpan(), "platform `" + p.key() + "` is not supported and its settings are ignored");
        continue;
      }
      Optional<Fields> k8s = Fields.of(p.value(), "the kubernetes platform spec", sink);
      if (k8s.isEmpty()) {
        continue;
      }
      KubernetesMapper mapper = new KubernetesMapper(sink, bindings);
      Optional<Fields> deployment = k8s.get().map("deploymentSpec");
      if (deployment.isPresent()) {
        for (Entry e : deployment.get().entries("executors")) {
          if (!rawExecutors.containsKey(e.key())) {
            sink.report(Codes.UNDEFINED_EXECUTOR_CONFIG, e.keySpan(),
                "platform settings for executor `" + e.key() + "`, which the pipeline spec does not define");
          }
          Fields.of(e.value(), "kubernetes settings of `" + e.key() + "`", sink)
              .ifPresent(f -> platformByExecutor.put(e.key(), mapper.read(f)));
        }
        deployment.get().done();
      }
      Optional<Fields> config = k8s.get().map("pipelineConfig");
      if (config.isPresent()) {
        workspace = config.get().value("workspace");
        config.get().done();
      }
      k8s.get().done();
    }
    top.get().done();
    return new Pipeline.PipelineSettings(Optional.empty(), workspace, span);
  }

  // ---- components ---------------------------------------------------------------------------

  /** Marks the DAG components that are bodies of conditions, loops and exit handlers. */
  private void findControlFlowBodies(Fields root) {
    List<DocNode> dags = new ArrayList<>();
    root.node("dag").ifPresent(dags::add);
    for (Entry c : rawComponents.values()) {
      if (c.value() instanceof DocNode.DocMap m) {
        m.entry("dag").map(Entry::value).ifPresent(dags::add);
      }
    }
    for (DocNode dag : dags) {
      if (!(dag instanceof DocNode.DocMap d)) {
        continue;
      }
      Optional<Entry> tasks = d.entry("tasks");
      if (tasks.isEmpty() || !(tasks.get().value() instanceof DocNode.DocMap tm)) {
        continue;
      }
      tasksLeft += tm.entries().size();
      for (Entry t : tm.entries()) {
        if (!(t.value() instanceof DocNode.DocMap task)) {
          continue;
        }
        String ref = componentRefName(task);
        if (ref == null || !isDag(ref)) {
          continue;
        }
        boolean controlFlow = task.entry("parameterIterator").isPresent()
            || task.entry("artifactIterator").isPresent()
            || hasCondition(task)
            || ref.startsWith(CONDITION_BRANCHES)
            || ref.startsWith(EXIT_HANDLER);
        if (controlFlow) {
          controlFlowBodies.add(ref);
        }
      }
    }
  }

  private static String componentRefName(DocNode.DocMap task) {
    return task.entry("componentRef")
        .map(Entry::value)
        .filter(v -> v instanceof DocNode.DocMap)
        .flatMap(v -> ((DocNode.DocMap) v).entry("name"))
        .map(Entry::value)
        .filter(v -> v instanceof DocNode.DocScalar)
        .map(v -> ((DocNode.DocScalar) v).text())
        .orElse(null);
  }

  private static boolean hasCondition(DocNode.DocMap task) {
    return task.entry("triggerPolicy")
        .map(Entry::value)
        .filter(v -> v instanceof DocNode.DocMap)
        .flatMap(v -> ((DocNode.DocMap) v).entry("condition"))
        .isPresent();
  }

  private boolean isDag(String componentId) {
    Entry e = rawComponents.get(componentId);
    return e != null && e.value() instanceof DocNode.DocMap m && m.entry("dag").isPresent();
  }

  private Optional<Component> component(Entry e) {
    Optional<Fields> f = Fields.of(e.value(), "component `" + e.key() + "`", sink);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    Fields c = f.get();
    String id = e.key();
    Optional<String> description = c.string("description");
    if (c.has("dag")) {
      Graph g = graph(id, c, Optional.empty());
      return Optional.of(new Component.PipelineComponent(id, description, g, e.keySpan()));
    }
    Interface iface = interfaces.read(c);
    ifaceCache.put(id, iface);
    Optional<String> label = c.requireString("executorLabel");
    c.ignore("singlePlatformSpecs");
    c.done();
    if (label.isEmpty()) {
      return Optional.of(new Component.OpaqueComponent(id, iface, "no-executor", raw(c.span()), e.keySpan()));
    }
    Entry exec = rawExecutors.get(label.get());
    if (exec == null) {
      sink.report(Codes.UNDEFINED_EXECUTOR, c.valueSpan("executorLabel"),
          "component `" + id + "` names executor `" + label.get() + "`, which `deploymentSpec.executors` does not define");
      return Optional.of(new Component.OpaqueComponent(id, iface, "missing-executor", "", e.keySpan()));
    }
    return executor(id, iface, description, label.get(), exec, e.keySpan());
  }

  private Optional<Component> executor(String id, Interface iface, Optional<String> description, String label, Entry exec, Span span) {
    Optional<Fields> f = Fields.of(exec.value(), "executor `" + label + "`", sink);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    Fields x = f.get();
    KubernetesSettings k8s = platformByExecutor.getOrDefault(label, KubernetesSettings.NONE);
    if (x.has("container")) {
      Optional<Fields> container = x.map("container");
      x.done();
      if (container.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(container(id, iface, description, container.get(), k8s, span));
    }
    if (x.has("importer")) {
      Optional<Fields> imp = x.map("importer");
      x.done();
      if (imp.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(importer(id, iface, imp.get(), span));
    }
    String kind = x.has("resolver") ? "resolver" : x.has("customJob") ? "customJob" : "unknown";
    x.ignore("resolver", "customJob");
    x.done();
    sink.report(Codes.UNSUPPORTED_EXECUTOR, exec.keySpan(),
        "executor `" + label + "` is a `" + kind + "`, which has no flyte translation; it is kept opaque");
    return Optional.of(new Component.OpaqueComponent(id, iface, kind, raw(exec.value().span()), span));
  }

  private Component container(String id, Interface iface, Optional<String> description, Fields c, KubernetesSettings k8s, Span span) {
    String image = c.requireString("image").orElse("");
    List<DocNode> commandNodes = c.seq("command");
    List<DocNode> argNodes = c.seq("args");
    List<String> commandText = texts(commandNodes, "command", c);
    List<String> argText = texts(argNodes, "args", c);
    List<Arg> command = args(commandNodes);
    List<Arg> args = args(argNodes);
    List<EnvVar> env = new ArrayList<>();
    for (DocNode n : c.seq("env")) {
      Fields.of(n, "`env` entry", sink).ifPresent(v -> {
        env.add(new EnvVar(v.requireString("name").orElse(""), v.string("value").orElse(""), v.span()));
        v.done();
      });
    }
    Resources resources = c.map("resources").map(this::resources).orElse(Resources.NONE);
    c.ignore("lifecycle");
    if (c.has("lifecycle")) {
      sink.report(Codes.UNKNOWN_FIELD, c.keySpan("lifecycle"), "container `lifecycle` hooks are not translated and are ignored");
    }
    c.done();
    ContainerSpec spec = new ContainerSpec(image, command, args, env, resources, k8s, c.span());
    Optional<PythonCommand.Recognised> py = PythonCommand.recognise(commandText, argText);
    if (py.isEmpty()) {
      return new Component.ContainerComponent(id, iface, description, spec, span);
    }
    PythonCommand.Recognised r = py.get();
    Span sourceSpan = r.sourceIndex() >= 0 ? commandNodes.get(r.sourceIndex()).span() : Span.NONE;
    if (r.source().isEmpty()) {
      sink.report(Diagnostic.of(Codes.PYTHON_SOURCE_NOT_FOUND, c.span(),
              "python component `" + id + "` runs `" + r.functionName() + "` from image `" + image + "`, whose source is not in this file")
          .withHelp("the function will run from the same image; point the translation at the component's source to get a native task"));
    }
    return new Component.PythonComponent(id, iface, description, r.functionName(), r.source(), sourceSpan,
        r.packages(), r.runtimePackages(), r.indexUrls(), image, spec, span);
  }

  private List<String> texts(List<DocNode> nodes, String key, Fields owner) {
    List<String> out = new ArrayList<>();
    for (DocNode n : nodes) {
      if (n instanceof DocNode.DocScalar s) {
        out.add(s.text());
      } else {
        sink.report(Codes.WRONG_SHAPE, n.span(), "`" + key + "` of " + owner.where() + " must hold strings, found a " + n.describe());
        out.add("");
      }
    }
    return out;
  }

  private List<Arg> args(List<DocNode> nodes) {
    List<Arg> out = new ArrayList<>();
    for (DocNode n : nodes) {
      if (n instanceof DocNode.DocScalar s) {
        out.add(placeholders.parse(s.text(), n.span()));
      }
    }
    return out;
  }

  private Resources resources(Fields r) {
    Optional<Arg> cpuLimit = resource(r, "resourceCpuLimit", "cpuLimit", "");
    Optional<Arg> cpuRequest = resource(r, "resourceCpuRequest", "cpuRequest", "");
    Optional<Arg> memLimit = resource(r, "resourceMemoryLimit", "memoryLimit", "G");
    Optional<Arg> memRequest = resource(r, "resourceMemoryRequest", "memoryRequest", "G");
    Optional<Arg> accType = Optional.empty();
    Optional<Arg> accCount = Optional.empty();
    Optional<Fields> acc = r.map("accelerator");
    if (acc.isPresent()) {
      Fields a = acc.get();
      accType = a.string("resourceType").or(() -> a.string("type")).map(s -> placeholders.template(s, a.valueSpan("resourceType")));
      accCount = a.string("resourceCount").or(() -> a.string("count")).map(s -> placeholders.template(s, a.valueSpan("resourceCount")));
      a.ignore("type", "count", "resourceType", "resourceCount");
      a.done();
    }
    r.done();
    return new Resources(cpuRequest, cpuLimit, memRequest, memLimit, accType, accCount, r.span());
  }

  /** The string form if present (it may hold placeholders), else the numeric legacy field. */
  private Optional<Arg> resource(Fields r, String stringField, String numberField, String unit) {
    if (r.has(stringField)) {
      r.ignore(numberField);
      return r.string(stringField).map(s -> placeholders.template(s, r.valueSpan(stringField)));
    }
    return r.number(numberField).map(d -> new Arg.Literal(number(d) + unit));
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private Component importer(String id, Interface iface, Fields imp, Span span) {
    Binding uri;
    Optional<Fields> u = imp.map("artifactUri");
    if (u.isPresent()) {
      Fields uf = u.get();
      if (uf.has("constant")) {
        uri = new Binding.Constant(uf.value("constant").orElse(new Value.Null()));
      } else if (uf.has("runtimeParameter")) {
        uri = new Binding.GraphInput(uf.string("runtimeParameter").orElse(""));
      } else if (uf.has("componentInputParameter")) {
        uri = new Binding.GraphInput(uf.string("componentInputParameter").orElse(""));
      } else {
        uf.missing("constant");
        uri = new Binding.Unresolved("");
      }
      uf.done();
    } else {
      imp.missing("artifactUri");
      uri = new Binding.Unresolved("");
    }
    IrType type = imp.map("typeSchema").map(Interfaces::artifactType).orElse(new IrType.Unknown("missing"));
    boolean reimport = imp.bool("reimport").orElse(false);
    Optional<Value> metadata = imp.value("metadata");
    imp.ignore("downloadToWorkspace");
    imp.done();
    return new Component.ImporterComponent(id, iface, uri, type, reimport, metadata, span);
  }

  private String raw(Span span) {
    if (!span.isKnown()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int line = span.line(); line <= Math.max(span.line(), span.endLine() - 1); line++) {
      source.line(line).ifPresent(l -> b.append(l).append('\n'));
    }
    return b.toString();
  }

  /** The interface of any component, read once. */
  private Optional<Interface> ifaceOf(String componentId) {
    Interface cached = ifaceCache.get(componentId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Entry e = rawComponents.get(componentId);
    if (e == null) {
      return Optional.empty();
    }
    DiagnosticSink scratch = new DiagnosticSink();
    Optional<Fields> f = Fields.of(e.value(), "component", scratch);
    Interface iface = f.map(x -> new Interfaces(scratch).read(x)).orElse(Interface.EMPTY);
    ifaceCache.put(componentId, iface);
    return Optional.of(iface);
  }

  // ---- graphs -------------------------------------------------------------------------------

  /** Scope of a graph being read: its id, its interface and the loop it is the body of. */
  private record Scope(String id, Interface iface, Optional<String> loop, Optional<String> itemInput, Map<String, DocNode> tasks) {}

  /**
   * Reads a component spec with a dag (or the root) into a graph.
   *
   * @param loop the loop node id and its item input when this is a loop body
   */
  private Graph graph(String id, Fields comp, Optional<String[]> loop) {
    if (!building.add(id)) {
      sink.report(Codes.RECURSIVE_COMPONENT, comp.span(), "component `" + id + "` contains itself through its dag");
      return new Graph(Interface.EMPTY, List.of(), List.of(), comp.span());
    }
    if (building.size() - 1 > Limits.MAX_DEPTH) {
      // The bodies of conditions, loops and exit handlers are inlined by recursion, and every
      // later pass (validators, the lowering, the printers) walks nested bodies recursively too:
      // the depth is bounded here, once. `building` holds this graph and every body around it.
      building.remove(id);
      sink.report(Diagnostic.of(Codes.LIMIT_EXCEEDED, comp.span(),
              "control flow nests deeper than " + Limits.MAX_DEPTH + " levels at component `" + id + "`")
          .withHelp("the kfp compiler never nests conditions, loops and exit handlers this deep; its body is left out"));
      return new Graph(Interface.EMPTY, List.of(), List.of(), comp.span());
    }
    try {
      Interface iface = interfaces.read(comp);
      ifaceCache.put(id, iface);
      comp.ignore("description");
      Optional<Fields> dag = comp.map("dag");
      comp.done();
      if (dag.isEmpty()) {
        comp.missing("dag");
        return new Graph(iface, List.of(), List.of(), comp.span());
      }
      Fields d = dag.get();
      List<Entry> taskEntries = d.entries("tasks");
      Map<String, DocNode> ids = new LinkedHashMap<>();
      for (Entry t : taskEntries) {
        if (ids.putIfAbsent(t.key(), t.value()) != null) {
          sink.report(Codes.DUPLICATE_NAME, t.keySpan(), "task `" + t.key() + "` is defined twice in this dag");
        }
      }
      Scope scope = new Scope(id, iface, loop.map(l -> l[0]), loop.map(l -> l[1]), ids);
      Map<String, String> exitTaskOf = new HashMap<>();
      for (Entry t : taskEntries) {
        if (t.value() instanceof DocNode.DocMap m && allDone(m)) {
          for (String dep : dependentTasks(m)) {
            exitTaskOf.putIfAbsent(dep, t.key());
          }
        }
      }
      List<Node> nodes = new ArrayList<>();
      for (Entry t : taskEntries) {
        if (--tasksLeft < 0) {
          if (tasksLeft == -1) {
            sink.report(Diagnostic.of(Codes.LIMIT_EXCEEDED, t.keySpan(),
                    "the pipeline expands to more than " + MAX_REPEATED_TASKS
                        + " tasks beyond those the file holds, through control-flow bodies that several tasks use")
                .withHelp("the kfp compiler writes each body for one task; the tasks from here on are left out"));
          }
          break;
        }
        Fields.of(t.value(), "task `" + t.key() + "`", sink)
            .map(f -> node(t, f, scope, Optional.ofNullable(exitTaskOf.get(t.key()))))
            .ifPresent(nodes::add);
      }
      List<Graph.GraphOutput> outputs = outputs(d, scope, loop.isPresent());
      d.done();
      return new Graph(iface, nodes, outputs, d.span());
    } finally {
      building.remove(id);
    }
  }

  private static boolean allDone(DocNode.DocMap task) {
    return task.entry("triggerPolicy")
        .map(Entry::value)
        .filter(v -> v instanceof DocNode.DocMap)
        .flatMap(v -> ((DocNode.DocMap) v).entry("strategy"))
        .map(Entry::value)
        .filter(v -> v instanceof DocNode.DocScalar s && s.text().equals("ALL_UPSTREAM_TASKS_COMPLETED"))
        .isPresent();
  }

  private static List<String> dependentTasks(DocNode.DocMap task) {
    List<String> out = new ArrayList<>();
    task.entry("dependentTasks").map(Entry::value).ifPresent(v -> {
      if (v instanceof DocNode.DocSeq s) {
        for (DocNode n : s.items()) {
          if (n instanceof DocNode.DocScalar sc) {
            out.add(sc.text());
          }
        }
      }
    });
    return out;
  }

  private Node node(Entry entry, Fields t, Scope scope, Optional<String> exitTask) {
    String id = entry.key();
    Span span = entry.keySpan();
    String displayName = t.map("taskInfo").map(i -> {
      String n = i.string("name").orElse(id);
      i.done();
      return n;
    }).orElse(id);
    String compId = t.map("componentRef").map(r -> {
      String n = r.requireString("name").orElse("");
      r.done();
      return n;
    }).orElse("");
    if (!t.has("componentRef")) {
      t.missing("componentRef");
    }
    Span refSpan = t.map("componentRef").map(r -> r.valueSpan("name")).orElse(span);
    boolean known = rawComponents.containsKey(compId);
    if (!known && !compId.isEmpty()) {
      Diagnostic d = Diagnostic.of(Codes.UNDEFINED_COMPONENT, refSpan,
          "task `" + id + "` refers to component `" + compId + "`, which is not defined");
      d = rawComponents.isEmpty()
          ? d.withHelp("the spec has no `components` section; define `" + compId + "` there")
          : d.withHelp("defined components: " + String.join(", ", rawComponents.keySet().stream().limit(8).toList()));
      sink.report(d);
    }
    List<InputBinding> inputs = inputs(t, scope, id);
    List<String> after = new ArrayList<>();
    for (String dep : t.strings("dependentTasks")) {
      if (!scope.tasks().containsKey(dep)) {
        sink.report(Codes.UNDEFINED_TASK, t.valueSpan("dependentTasks"),
            "task `" + id + "` depends on `" + dep + "`, which is not a task of the same dag");
      }
      after.add(dep);
    }
    TaskSettings settings = settings(t);
    Optional<Condition> condition = t.map("triggerPolicy").flatMap(p -> {
      Optional<String> raw = p.string("condition");
      Span cs = p.valueSpan("condition");
      p.ignore("strategy");
      p.done();
      return raw.map(r -> condition(r, cs));
    });
    OptionalInt parallelism = t.map("iteratorPolicy").map(p -> {
      Optional<Long> n = p.integer("parallelismLimit");
      p.done();
      return n.map(x -> OptionalInt.of(x.intValue())).orElse(OptionalInt.empty());
    }).orElse(OptionalInt.empty());

    Optional<Fields> paramIter = t.map("parameterIterator");
    Optional<Fields> artifactIter = t.map("artifactIterator");
    t.done();

    // KFP tasks may set inputs their component does not declare (`pipelinechannel--*`): the
    // values that placeholders in other inputs and in resource settings refer to. Not an error.

    boolean isDag = known && isDag(compId);
    if (!isDag || !controlFlowBodies.contains(compId)) {
      return new Node.TaskNode(id, displayName, compId, inputs, after, settings, condition, span);
    }
    Fields body = Fields.of(rawComponents.get(compId).value(), "component `" + compId + "`", sink).orElseThrow();
    if (paramIter.isPresent() || artifactIter.isPresent()) {
      Fields it = paramIter.orElseGet(artifactIter::get);
      boolean artifacts = paramIter.isEmpty();
      String itemInput = it.requireString("itemInput").orElse("");
      LoopItems items = loopItems(it, artifacts, id);
      it.done();
      Graph g = graph(compId, body, Optional.of(new String[] {id, itemInput}));
      if (condition.isPresent()) {
        sink.report(Codes.UNKNOWN_FIELD, condition.get().span(), "a condition on loop `" + id + "` is not translated and is ignored");
      }
      return new Node.LoopNode(id, displayName, inputs, after, items, itemInput, parallelism, g, span);
    }
    Graph g = graph(compId, body, Optional.empty());
    if (condition.isPresent()) {
      return new Node.ConditionNode(id, displayName, inputs, after, condition.get(), g, span);
    }
    if (compId.startsWith(CONDITION_BRANCHES)) {
      return new Node.BranchesNode(id, displayName, inputs, after, g, span);
    }
    return new Node.ExitHandlerNode(id, displayName, inputs, after, g, exitTask, span);
  }

  private LoopItems loopItems(Fields it, boolean artifacts, String loopId) {
    Optional<Fields> items = it.map("items");
    if (items.isEmpty()) {
      it.missing("items");
      return new LoopItems.Literal(new Value.ListValue(List.of()));
    }
    Fields i = items.get();
    LoopItems result;
    if (i.has("raw")) {
      String raw = i.string("raw").orElse("[]");
      DiagnosticSink scratch = new DiagnosticSink();
      Optional<DocNode> parsed = new io.flytemigrate.kfp.tree.JsonLoader(i.valueSpan("raw").file(), scratch).load(raw);
      Value v = parsed.map(Fields::toValue).orElse(new Value.Null());
      if (v instanceof Value.ListValue l && !scratch.hasErrors()) {
        result = new LoopItems.Literal(l);
      } else {
        sink.report(Codes.WRONG_SHAPE, i.valueSpan("raw"), "the items of loop `" + loopId + "` are not a json list");
        result = new LoopItems.Literal(new Value.ListValue(List.of()));
      }
    } else if (i.has("inputParameter")) {
      result = new LoopItems.FromInput(i.string("inputParameter").orElse(""), false);
    } else if (i.has("inputArtifact")) {
      result = new LoopItems.FromInput(i.string("inputArtifact").orElse(""), true);
    } else {
      i.missing(artifacts ? "inputArtifact" : "inputParameter");
      result = new LoopItems.Literal(new Value.ListValue(List.of()));
    }
    i.done();
    return result;
  }

  private Condition condition(String raw, Span span) {
    Optional<io.flytemigrate.ir.Expr> parsed = ConditionParser.parse(raw);
    if (parsed.isEmpty()) {
      sink.report(Codes.UNPARSED_CONDITION, span, "condition `" + oneLine(raw) + "` could not be parsed and is kept as text");
    }
    return new Condition(raw, parsed, span);
  }

  private static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ").trim();
    return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
  }

  private TaskSettings settings(Fields t) {
    Optional<Boolean> cache = Optional.empty();
    Optional<String> cacheKey = Optional.empty();
    Optional<Fields> caching = t.map("cachingOptions");
    if (caching.isPresent()) {
      cache = caching.get().bool("enableCache");
      cacheKey = caching.get().string("cacheKey").filter(k -> !k.isEmpty());
      caching.get().done();
    }
    Optional<TaskSettings.Retry> retry = t.map("retryPolicy").map(r -> {
      int max = r.integer("maxRetryCount").map(Long::intValue).orElse(0);
      Optional<String> backoff = r.string("backoffDuration").map(SpecReader::isoDuration);
      Optional<Double> factor = r.number("backoffFactor");
      Optional<String> backoffMax = r.string("backoffMaxDuration").map(SpecReader::isoDuration);
      r.done();
      return new TaskSettings.Retry(max, backoff, factor, backoffMax, r.span());
    });
    TaskSettings.Trigger trigger = t.map("triggerPolicy").map(p -> {
      Optional<String> s = p.string("strategy");
      if (s.isPresent() && !s.get().equals("ALL_UPSTREAM_TASKS_SUCCEEDED") && !s.get().equals("ALL_UPSTREAM_TASKS_COMPLETED")
          && !s.get().equals("TRIGGER_STRATEGY_UNSPECIFIED")) {
        sink.report(Codes.UNKNOWN_ENUM, p.valueSpan("strategy"), "`" + s.get() + "` is not a kfp trigger strategy");
      }
      return s.filter("ALL_UPSTREAM_TASKS_COMPLETED"::equals).isPresent() ? TaskSettings.Trigger.ALL_DONE : TaskSettings.Trigger.ALL_SUCCEEDED;
    }).orElse(TaskSettings.Trigger.ALL_SUCCEEDED);
    return new TaskSettings(cache, cacheKey, retry, Optional.empty(), trigger, t.span());
  }

  /** KFP writes protobuf durations ({@code 3600s}); the IR uses ISO-8601 ({@code PT3600S}). */
  static String isoDuration(String protobuf) {
    String s = protobuf.trim();
    if (s.endsWith("s") && s.length() > 1) {
      String n = s.substring(0, s.length() - 1);
      try {
        double d = Double.parseDouble(n);
        return "PT" + (d == Math.rint(d) ? Long.toString((long) d) : n) + "S";
      } catch (NumberFormatException e) {
        return s;
      }
    }
    return s;
  }

  private List<InputBinding> inputs(Fields t, Scope scope, String taskId) {
    List<InputBinding> out = new ArrayList<>();
    Optional<Fields> inputs = t.map("inputs");
    if (inputs.isEmpty()) {
      return out;
    }
    for (String kind : new String[] {"parameters", "artifacts"}) {
      for (Entry e : inputs.get().entries(kind)) {
        Optional<Fields> f = Fields.of(e.value(), "input `" + e.key() + "` of task `" + taskId + "`", sink);
        if (f.isEmpty()) {
          continue;
        }
        Binding b = bindings.taskInput(f.get(), kind.equals("artifacts"));
        b = resolveScope(b, scope, e.value().span(), taskId);
        out.add(new InputBinding(e.key(), b, e.keySpan()));
      }
    }
    inputs.get().done();
    return out;
  }

  /** Checks the names a binding mentions against the scope; turns the loop item into LoopItem. */
  private Binding resolveScope(Binding b, Scope scope, Span span, String taskId) {
    if (b instanceof Binding.GraphInput g) {
      if (scope.itemInput().isPresent() && scope.itemInput().get().equals(g.input())) {
        return new Binding.LoopItem(scope.loop().get());
      }
      if (scope.iface().input(g.input()).isEmpty()) {
        sink.report(Codes.UNDEFINED_INPUT, span, "task `" + taskId + "` reads `" + g.input() + "`, which is not an input of "
            + (scope.id().equals("root") ? "the pipeline" : "`" + scope.id() + "`"));
      }
      return b;
    }
    if (b instanceof Binding.TaskOutput o) {
      checkProducer(scope, o.task(), span, taskId).ifPresent(producerComp -> {
        Optional<Interface> iface = ifaceOf(producerComp);
        if (iface.isPresent() && iface.get().output(o.output()).isEmpty()) {
          sink.report(Codes.UNDEFINED_INPUT, span, "task `" + taskId + "` reads output `" + o.output() + "` of `" + o.task()
              + "`, which declares no such output");
        }
      });
      return b;
    }
    if (b instanceof Binding.TaskFinalStatus s) {
      checkProducer(scope, s.task(), span, taskId);
      return b;
    }
    if (b instanceof Binding.Field f) {
      return new Binding.Field(resolveScope(f.base(), scope, span, taskId), f.path(), f.raw());
    }
    return b;
  }

  /** The producer's component id, if the producer is a task of this scope; reports it if not. */
  private Optional<String> checkProducer(Scope scope, String producer, Span span, String taskId) {
    DocNode task = scope.tasks().get(producer);
    if (task == null) {
      sink.report(Codes.UNDEFINED_TASK, span, "task `" + taskId + "` reads from `" + producer + "`, which is not a task of the same dag");
      return Optional.empty();
    }
    return task instanceof DocNode.DocMap m ? Optional.ofNullable(componentRefName(m)) : Optional.empty();
  }

  private List<Graph.GraphOutput> outputs(Fields d, Scope scope, boolean collected) {
    List<Graph.GraphOutput> out = new ArrayList<>();
    Optional<Fields> outputs = d.map("outputs");
    if (outputs.isEmpty()) {
      return out;
    }
    for (Entry e : outputs.get().entries("parameters")) {
      Fields.of(e.value(), "output `" + e.key() + "`", sink).ifPresent(o -> {
        List<Graph.Source> sources = new ArrayList<>();
        boolean oneOf = false;
        if (o.has("valueFromParameter")) {
          o.map("valueFromParameter").ifPresent(v -> sources.add(selector(v, "outputParameterKey", scope)));
        } else if (o.has("valueFromOneof")) {
          oneOf = true;
          o.map("valueFromOneof").ifPresent(v -> {
            for (DocNode n : v.seq("parameterSelectors")) {
              Fields.of(n, "parameter selector", sink).ifPresent(s -> sources.add(selector(s, "outputParameterKey", scope)));
            }
            v.done();
          });
        } else {
          o.missing("valueFromParameter");
        }
        o.done();
        out.add(new Graph.GraphOutput(e.key(), sources, oneOf, collected, e.keySpan()));
      });
    }
    for (Entry e : outputs.get().entries("artifacts")) {
      Fields.of(e.value(), "output `" + e.key() + "`", sink).ifPresent(o -> {
        List<Graph.Source> sources = new ArrayList<>();
        for (DocNode n : o.seq("artifactSelectors")) {
          Fields.of(n, "artifact selector", sink).ifPresent(s -> sources.add(selector(s, "outputArtifactKey", scope)));
        }
        o.done();
        out.add(new Graph.GraphOutput(e.key(), sources, sources.size() > 1, collected, e.keySpan()));
      });
    }
    outputs.get().done();
    return out;
  }

  private Graph.Source selector(Fields s, String keyField, Scope scope) {
    String task = s.requireString("producerSubtask").orElse("");
    String key = s.requireString(keyField).orElse("");
    if (!task.isEmpty() && !scope.tasks().containsKey(task)) {
      sink.report(Codes.UNDEFINED_TASK, s.valueSpan("producerSubtask"), "output comes from `" + task + "`, which is not a task of this dag");
    }
    s.done();
    return new Graph.Source(task, key);
  }
}
