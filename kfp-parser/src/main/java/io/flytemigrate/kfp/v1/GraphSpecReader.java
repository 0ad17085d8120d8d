package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code implementation.graph} of a KFP v1 component: tasks that call other components
 * ({@code componentRef}) with arguments that are constants, graph inputs ({@code graphInput}) or
 * outputs of sibling tasks ({@code taskOutput}), and the graph's {@code outputValues}. A
 * component given inline ({@code componentRef.spec}) is read; one named only by {@code url},
 * {@code digest} or {@code name} is not in the file, so it becomes an opaque component whose
 * interface is what the graph uses of it.
 */
final class GraphSpecReader {
  private final SourceFile source;
  private final DiagnosticSink sink;
  private final ComponentSpecReader specs;

  GraphSpecReader(SourceFile source, DiagnosticSink sink, ComponentSpecReader specs) {
    this.source = source;
    this.sink = sink;
    this.specs = specs;
  }

  /** The graph and the components its tasks call, in first-use order. */
  record Read(Graph graph, List<Component> components) {}

  /** A component a task refers to, as far as the file tells. */
  private static final class Ref {
    final String id;
    final Span span;
    final String raw;
    Component inline;
    final Map<String, Port> inputs = new LinkedHashMap<>();
    final Map<String, Port> outputs = new LinkedHashMap<>();

    Ref(String id, Span span, String raw) {
      this.id = id;
      this.span = span;
      this.raw = raw;
    }
  }

  Read read(Fields graph, Interface iface, String where) {
    Map<String, Ref> refs = new LinkedHashMap<>();
    List<Component> inlineDeps = new ArrayList<>();
    List<Entry> taskEntries = graph.entries("tasks");
    Map<String, String> ids = new LinkedHashMap<>();
    for (Entry t : taskEntries) {
      String id = unique(ComponentSpecReader.slug(t.key()), ids);
      ids.put(t.key(), id);
    }
    // First every task's component, so outputs read before their producer can still be recorded.
    Map<String, Fields> taskFields = new LinkedHashMap<>();
    Map<String, Ref> refOfTask = new LinkedHashMap<>();
    for (Entry t : taskEntries) {
      Optional<Fields> tf = Fields.of(t.value(), "task `" + t.key() + "` of " + where, sink);
      if (tf.isEmpty()) {
        continue;
      }
      Fields task = tf.get();
      taskFields.put(t.key(), task);
      refOfTask.put(t.key(), task.map("componentRef").map(r -> ref(r, refs, inlineDeps)).orElseGet(() -> {
        task.missing("componentRef");
        return refs.computeIfAbsent("", k -> new Ref("comp-missing", task.span(), ""));
      }));
    }
    List<Node> nodes = new ArrayList<>();
    for (Entry t : taskEntries) {
      Fields task = taskFields.get(t.key());
      if (task == null) {
        continue;
      }
      Ref ref = refOfTask.get(t.key());
      List<InputBinding> inputs = new ArrayList<>();
      for (Entry a : task.entries("arguments")) {
        Binding b = argument(a, iface, ids, refOfTask, t.key());
        if (ref.inline != null && b instanceof Binding.Constant c && c.value() instanceof Value.Str s) {
          Optional<Port> port = ref.inline.iface().input(a.key());
          if (port.isPresent()) {
            b = new Binding.Constant(TemplatePorts.typed(s.value(), port.get().type()));
          }
        }
        inputs.add(new InputBinding(a.key(), b, a.keySpan()));
        if (ref.inline == null) {
          ref.inputs.putIfAbsent(a.key(), new Port(a.key(), argumentType(a.value(), iface), isArtifact(a.value(), iface),
              false, Optional.empty(), Optional.empty(), a.keySpan()));
        }
      }
      TaskSettings settings = task.map("executionOptions").map(this::settings).orElse(TaskSettings.DEFAULT);
      if (task.has("isEnabled")) {
        task.ignore("isEnabled");
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, task.keySpan("isEnabled"),
            "the `isEnabled` condition of task `" + t.key() + "` is not translated; the task always runs");
      }
      task.done();
      nodes.add(new Node.TaskNode(ids.get(t.key()), t.key(), ref.id, inputs, List.of(), settings, Optional.empty(), t.keySpan()));
    }
    // Outputs used by sibling tasks or by the graph tell what the opaque components produce.
    List<Graph.GraphOutput> outputs = new ArrayList<>();
    for (Entry o : graph.entries("outputValues")) {
      Optional<Fields> of = Fields.of(o.value(), "output value `" + o.key() + "`", sink);
      if (of.isEmpty()) {
        continue;
      }
      Optional<Fields> to = of.get().map("taskOutput");
      if (to.isEmpty()) {
        of.get().missing("taskOutput");
        of.get().done();
        continue;
      }
      Optional<Graph.Source> src = taskOutput(to.get(), ids, refOfTask);
      of.get().done();
      if (iface.output(o.key()).isEmpty()) {
        Messages.report(sink, Codes.UNDEFINED_REFERENCE, o.keySpan(), "`outputValues` names output `" + o.key() + "`, which " + where + " does not declare");
      }
      src.ifPresent(s -> outputs.add(new Graph.GraphOutput(o.key(), List.of(s), false, false, o.keySpan())));
    }
    graph.done();
    for (Port p : iface.outputs()) {
      if (outputs.stream().noneMatch(g -> g.name().equals(p.name()))) {
        Messages.report(sink, Codes.UNDEFINED_REFERENCE, p.span(), "output `" + p.name() + "` of " + where + " is not produced by any task of its graph",
            "add it to `outputValues` with the `taskOutput` it comes from");
      }
    }
    List<Component> components = new ArrayList<>(inlineDeps);
    for (Ref r : refs.values()) {
      if (r.inline == null && !r.id.equals("comp-missing")) {
        components.add(new Component.OpaqueComponent(r.id,
            new Interface(List.copyOf(r.inputs.values()), List.copyOf(r.outputs.values())), "kfp-v1-component-ref", r.raw, r.span));
      }
    }
    return new Read(new Graph(iface, nodes, outputs, graph.span()), components);
  }

  private Ref ref(Fields r, Map<String, Ref> refs, List<Component> inlineDeps) {
    Optional<String> name = r.string("name");
    Optional<String> digest = r.string("digest");
    Optional<String> url = r.string("url");
    r.ignore("tag");
    Optional<DocNode> spec = r.node("spec");
    r.done();
    String key = digest.or(() -> url).or(() -> name).orElse("");
    if (spec.isPresent()) {
      key = "spec@" + spec.get().span().line() + ":" + spec.get().span().column();
    }
    Ref existing = refs.get(key);
    if (existing != null) {
      return existing;
    }
    Optional<String> specName = spec.filter(s -> s instanceof DocNode.DocMap).flatMap(s -> Templates.text((DocNode.DocMap) s, "name"));
    String id = name.or(() -> specName).map(ComponentSpecReader::componentId)
        .or(() -> url.map(GraphSpecReader::idFromUrl))
        .or(() -> digest.map(d -> "comp-" + d.substring(0, Math.min(12, d.length()))))
        .orElse("comp-unnamed");
    id = uniqueId(id, refs);
    Ref ref = new Ref(id, r.span(), raw(r.span()));
    refs.put(key, ref);
    if (spec.isPresent()) {
      Optional<ComponentSpecReader.Result> read = specs.read(spec.get(), Optional.of(id));
      if (read.isPresent()) {
        ref.inline = read.get().component();
        inlineDeps.addAll(read.get().dependencies());
        inlineDeps.add(read.get().component());
        return ref;
      }
    }
    String what = url.map(u -> "the component at `" + u + "`").or(() -> digest.map(d -> "the component with digest `" + d + "`"))
        .orElse("component `" + name.orElse("") + "`");
    Messages.report(sink, Codes.EXTERNAL_COMPONENT, r.span(), "the graph uses " + what + ", which is not in this file; it is kept opaque",
        "convert that component.yaml on its own, or give the spec inline under `componentRef.spec`");
    return ref;
  }

  private static String uniqueId(String id, Map<String, Ref> refs) {
    String candidate = id;
    int n = 2;
    while (true) {
      String c = candidate;
      if (refs.values().stream().noneMatch(r -> r.id.equals(c))) {
        return candidate;
      }
      candidate = id + "-" + n++;
    }
  }

  /** {@code .../components/XGBoost/Train/component.yaml} to {@code comp-xgboost-train}. */
  static String idFromUrl(String url) {
    String path = url.replaceAll("[?#].*$", "");
    int at = path.lastIndexOf("/components/");
    String tail = at >= 0 ? path.substring(at + "/components/".length()) : path.substring(path.lastIndexOf('/') + 1);
    tail = tail.replaceAll("/?component\\.ya?ml$", "").replaceAll("\\.ya?ml$", "");
    return ComponentSpecReader.componentId(tail);
  }

  private Binding argument(Entry a, Interface iface, Map<String, String> ids, Map<String, Ref> refOfTask, String taskName) {
    DocNode v = a.value();
    if (v instanceof DocNode.DocMap m && m.entries().size() == 1) {
      Entry only = m.entries().get(0);
      if (only.key().equals("graphInput")) {
        Optional<Fields> g = Fields.of(only.value(), "`graphInput` of `" + a.key() + "`", sink);
        if (g.isEmpty()) {
          return new Binding.Unresolved("graphInput");
        }
        Optional<String> input = g.get().requireString("inputName");
        g.get().ignore("type");
        g.get().done();
        if (input.isPresent() && iface.input(input.get()).isEmpty()) {
          Messages.report(sink, Codes.UNDEFINED_REFERENCE, only.value().span(),
              "task `" + taskName + "` reads graph input `" + input.get() + "`, which the component does not declare");
        }
        return input.<Binding>map(Binding.GraphInput::new).orElse(new Binding.Unresolved("graphInput"));
      }
      if (only.key().equals("taskOutput")) {
        Optional<Fields> t = Fields.of(only.value(), "`taskOutput` of `" + a.key() + "`", sink);
        if (t.isEmpty()) {
          return new Binding.Unresolved("taskOutput");
        }
        return taskOutput(t.get(), ids, refOfTask).<Binding>map(s -> new Binding.TaskOutput(s.task(), s.output()))
            .orElse(new Binding.Unresolved("taskOutput"));
      }
    }
    if (v instanceof DocNode.DocScalar s) {
      return new Binding.Constant(s.kind() == DocNode.ScalarKind.NULL ? new Value.Null() : new Value.Str(s.text()));
    }
    return new Binding.Constant(Fields.toValue(v));
  }

  private Optional<Graph.Source> taskOutput(Fields t, Map<String, String> ids, Map<String, Ref> refOfTask) {
    Optional<String> task = t.requireString("taskId");
    Optional<String> output = t.requireString("outputName");
    Optional<DocNode> type = t.node("type");
    t.done();
    if (task.isEmpty() || output.isEmpty()) {
      return Optional.empty();
    }
    String id = ids.get(task.get());
    if (id == null) {
      Messages.report(sink, Codes.UNDEFINED_REFERENCE, t.span(), "`taskOutput` names task `" + task.get() + "`, which is not a task of this graph");
      return Optional.empty();
    }
    // Record the output on the producer's component, when that component is not in the file.
    Ref producer = refOfTask.get(task.get());
    if (producer != null && producer.inline == null) {
      String typeName = V1Types.name(type);
      boolean artifact = !typeName.isEmpty() && !V1Types.isParameter(typeName);
      IrType irType = artifact ? V1Types.artifact(typeName, type) : V1Types.valueType(typeName);
      producer.outputs.putIfAbsent(output.get(), new Port(output.get(), irType, artifact, false, Optional.empty(),
          Optional.empty(), t.span()));
    }
    return Optional.of(new Graph.Source(id, output.get()));
  }

  private static IrType argumentType(DocNode v, Interface iface) {
    if (v instanceof DocNode.DocMap m && m.entries().size() == 1) {
      Entry only = m.entries().get(0);
      DocNode body = only.value();
      if (only.key().equals("graphInput") && body instanceof DocNode.DocMap g) {
        Optional<String> in = g.entry("inputName").map(e -> e.value() instanceof DocNode.DocScalar s ? s.text() : "");
        Optional<Port> p = in.flatMap(iface::input);
        if (p.isPresent()) {
          return p.get().type();
        }
      }
      if (body instanceof DocNode.DocMap b && b.entry("type").isPresent()) {
        Optional<DocNode> type = b.entry("type").map(Entry::value);
        String name = V1Types.name(type);
        return V1Types.isParameter(name) || name.isEmpty() ? V1Types.valueType(name) : V1Types.artifact(name, type);
      }
      return new IrType.Any();
    }
    return IrType.primitive(IrType.Scalar.STRING);
  }

  private static boolean isArtifact(DocNode v, Interface iface) {
    if (v instanceof DocNode.DocMap m && m.entries().size() == 1) {
      DocNode body = m.entries().get(0).value();
      if (m.entries().get(0).key().equals("graphInput") && body instanceof DocNode.DocMap g) {
        Optional<String> in = g.entry("inputName").map(e -> e.value() instanceof DocNode.DocScalar s ? s.text() : "");
        return in.flatMap(iface::input).map(Port::artifact).orElse(false);
      }
      return argumentType(v, iface) instanceof IrType.Artifact;
    }
    return false;
  }

  private TaskSettings settings(Fields options) {
    Optional<TaskSettings.Retry> retry = options.map("retryStrategy").map(r -> {
      int max = r.integer("maxRetries").map(Long::intValue).orElse(0);
      r.done();
      return new TaskSettings.Retry(max, Optional.empty(), Optional.empty(), Optional.empty(), r.span());
    });
    Optional<Boolean> cache = options.map("cachingStrategy").flatMap(c -> {
      Optional<String> staleness = c.string("maxCacheStaleness");
      c.done();
      return staleness.map(s -> !s.equals("P0D") && !s.equals("PT0S"));
    });
    options.done();
    return new TaskSettings(cache, Optional.empty(), retry, Optional.empty(), TaskSettings.Trigger.ALL_SUCCEEDED, options.span());
  }

  private String raw(Span span) {
    if (!span.isKnown()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int last = Math.max(span.line(), span.endLine() - (span.endColumn() <= 1 ? 1 : 0));
    for (int line = span.line(); line <= last; line++) {
      source.line(line).ifPresent(l -> b.append(l).append('\n'));
    }
    return b.toString();
  }

  private static String unique(String id, Map<String, String> taken) {
    String candidate = id;
    int n = 2;
    while (taken.containsValue(candidate)) {
      candidate = id + "-" + n++;
    }
    return candidate;
  }
}
