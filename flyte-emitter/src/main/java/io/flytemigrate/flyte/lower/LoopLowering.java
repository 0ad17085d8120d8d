package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.PythonRef;
import io.flytemigrate.flyte.model.Resources;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.TaskMetadata;
import io.flytemigrate.flyte.model.TypedInterface;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Port;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A ParallelFor becomes either a map task (a body of one native Python task whose other inputs are
 * constants: {@code map_task(task, concurrency=n)}), or a workflow of its own named after the loop
 * ({@code for_loop_2_body}) that a {@code @dynamic} task calls once per item. Either way the body
 * stays a static graph that can be reviewed, registered and verified. Fields of a JSON item are
 * taken apart in the dynamic task ({@code item["a"]}), so the body receives plain inputs.
 */
final class LoopLowering {
  private final GraphLowering g;
  /** The tasks that join lists, by the type of the joined list. */
  private final Map<LiteralType, TaskDef> flattens = new LinkedHashMap<>();

  LoopLowering(GraphLowering g) {
    this.g = g;
  }

  void loop(WorkflowBuilder wb, io.flytemigrate.ir.Node.LoopNode l) {
    Context ctx = g.ctx;
    LiteralType itemType = itemType(l);
    Optional<BindingData> items = items(wb, l, itemType);
    if (items.isEmpty()) {
      ctx.parity.dropped("loop", l.id(), l.span(), "the list it iterates over has no Flyte counterpart");
      return;
    }
    if (mapTask(wb, l, itemType, items.get())) {
      return;
    }
    dynamic(wb, l, itemType, items.get());
  }

  /** The type of the loop's items: inferred from both ends ({@link ListHints}), else from what the loop says. */
  private LiteralType itemType(io.flytemigrate.ir.Node.LoopNode l) {
    Optional<LiteralType> inferred = g.ctx.listHints.item(l);
    if (inferred.isPresent()) {
      return inferred.get();
    }
    boolean fields = uses(l.body(), l.id(), true);
    if (fields) {
      return new LiteralType.Struct();
    }
    Optional<Port> port = l.body().iface().input(l.itemInput());
    Optional<LiteralType> fromLiteral = l.items() instanceof LoopItems.Literal lit ? Values.elementOf(lit.items()) : Optional.empty();
    if (port.isPresent() && !(port.get().type() instanceof io.flytemigrate.ir.IrType.Any)) {
      return Types.of(port.get().type(), Optional.empty(), false).type();
    }
    return fromLiteral.orElse(LiteralType.simple(LiteralType.SimpleType.STRING));
  }

  private Optional<BindingData> items(WorkflowBuilder wb, io.flytemigrate.ir.Node.LoopNode l, LiteralType itemType) {
    LiteralType listType = new LiteralType.Collection(itemType);
    if (l.items() instanceof LoopItems.Literal lit) {
      return wb.constant(lit.items(), listType, "the items of `" + l.id() + "`", l.span());
    }
    LoopItems.FromInput from = (LoopItems.FromInput) l.items();
    for (InputBinding ib : l.inputs()) {
      if (ib.input().equals(from.input())) {
        return wb.bind(ib.value(), listType, "the items of `" + l.id() + "`", ib.span());
      }
    }
    return Optional.empty();
  }

  /** A one-task body mapped directly: {@code map_task(functools.partial(task, ...), concurrency=n)}. */
  private boolean mapTask(WorkflowBuilder wb, io.flytemigrate.ir.Node.LoopNode l, LiteralType itemType, BindingData items) {
    Graph body = l.body();
    if (body.nodes().size() != 1 || !(body.nodes().get(0) instanceof io.flytemigrate.ir.Node.TaskNode t)
        || t.condition().isPresent() || !t.after().isEmpty()) {
      return false;
    }
    Optional<Component> comp = g.ctx.index.component(t.component());
    if (comp.isEmpty() || !(comp.get() instanceof Component.PythonComponent)) {
      return false;
    }
    String itemInput = null;
    for (InputBinding ib : t.inputs()) {
      if (ib.value() instanceof io.flytemigrate.ir.Binding.LoopItem li && li.loop().equals(l.id()) && itemInput == null) {
        itemInput = ib.input();
      } else if (!(ib.value() instanceof io.flytemigrate.ir.Binding.Constant)) {
        return false;
      }
    }
    if (itemInput == null) {
      return false;
    }
    Optional<TaskLowering.LoweredTask> lt = g.tasks.forNode(comp.get(), t, wb.scope.body(body, l.inputs()));
    if (lt.isEmpty() || lt.get().def().kind() != TaskKind.PYTHON || lt.get().def().iface().outputs().size() > 1) {
      return false;
    }
    TaskDef task = lt.get().def();
    String itemVar = lt.get().inputs().get(itemInput);
    List<Binding> subBindings = new ArrayList<>();
    List<String> bound = new ArrayList<>();
    for (Port p : comp.get().iface().inputs()) {
      String var = lt.get().inputs().get(p.name());
      if (var == null) {
        continue;
      }
      if (var.equals(itemVar)) {
        subBindings.add(new Binding(var, items));
        continue;
      }
      LiteralType type = TaskLowering.inputType(task, var);
      Optional<InputBinding> ib = t.inputs().stream().filter(b -> b.input().equals(p.name())).findFirst();
      Optional<BindingData> data = ib.isPresent()
          ? wb.bind(ib.get().value(), type, "`" + t.id() + "." + p.name() + "`", ib.get().span())
          : p.defaultValue().flatMap(v -> wb.constant(v, type, "`" + t.id() + "." + p.name() + "`", p.span()))
              .or(() -> Types.isOptional(type) ? Optional.of(new BindingData.Static(new Literal.NoneValue())) : Optional.empty());
      data.ifPresent(d -> {
        subBindings.add(new Binding(var, d));
        bound.add(var);
      });
    }
    bound.sort(String::compareTo);
    String id = wb.nodeIds.claim(GraphLowering.dns(l.id()), Names::dnsify);
    Node sub = new Node(GraphLowering.dns(t.id()), new NodeMetadata(t.id(),
        task.metadata().retries() > 0 ? Optional.of(task.metadata().retries()) : Optional.empty(),
        task.metadata().timeoutSeconds(), Optional.empty()), subBindings, List.of(),
        new NodeTarget.TaskCall(task.id(), Optional.empty()), t.id(), t.span());
    NodeTarget.ArrayCall target = new NodeTarget.ArrayCall(sub, l.parallelism(), 1.0, bound);
    Node probe = new Node(id, NodeMetadata.named(l.id()), subBindings, List.of(), target, l.id(), l.span());
    Node node = new Node(id, NodeMetadata.named(l.id()), subBindings,
        wb.upstream(subBindings, l.after(), Optional.of(probe)), target, l.id(), l.span());
    wb.nodes.add(node);
    Map<String, String> outs = new LinkedHashMap<>();
    Map<String, LiteralType> types = new LinkedHashMap<>();
    for (Graph.GraphOutput o : body.outputs()) {
      if (!o.sources().isEmpty() && lt.get().outputs().containsKey(o.sources().get(0).output())) {
        String v = lt.get().outputs().get(o.sources().get(0).output());
        outs.put(o.name(), v);
        types.put(v, new LiteralType.Collection(task.iface().output(v).orElseThrow().type()));
      }
    }
    wb.irNodes.put(l.id(), new WorkflowBuilder.NodeOut(id, outs, types));
    g.ctx.parity.exact("loop", l.id(), l.span(), wb.id.name() + "/" + id,
        "ParallelFor over one task as `map_task`" + (l.parallelism().isPresent()
            ? " with concurrency=" + l.parallelism().getAsInt() : ""));
    g.ctx.parity.exact("task", t.id(), t.span(), wb.id.name() + "/" + id + "/" + sub.id(), "mapped over the loop items");
    return true;
  }

  private void dynamic(WorkflowBuilder wb, io.flytemigrate.ir.Node.LoopNode l, LiteralType itemType, BindingData items) {
    Context ctx = g.ctx;
    Graph body = l.body();
    String base = Names.identifier(l.id());
    Set<List<String>> fieldPaths = fieldPaths(body, l.id());
    boolean usesItem = uses(body, l.id(), false);
    Map<String, List<String>> fieldOfVar = new LinkedHashMap<>();
    Map<String, List<String>> textOfVar = new LinkedHashMap<>();
    String[] itemVar = new String[1];
    List<TaskBody.LoopArgument> args = new ArrayList<>();
    BodyWorkflows.Body b = BodyWorkflows.lower(g, wb, body, l.inputs(), base + "_body", WorkflowDef.Role.LOOP_BODY,
        List.of(l.itemInput()), bw -> {
          if (usesItem) {
            String var = bw.addInput("item:" + l.id(), "item", itemType, Optional.empty());
            bw.loopItems.put(l.id(), var);
            itemVar[0] = var;
          }
          for (List<String> path : fieldPaths) {
            LiteralType ft = fieldType(l, path);
            String var = bw.addInput("field:" + String.join(".", path), Names.identifier("item_" + String.join("_", path)),
                ft, Optional.empty());
            bw.itemFields.put(path, var);
            fieldOfVar.put(var, path);
          }
          for (Port p : body.iface().inputs()) {
            Optional<List<String>> path = ItemTexts.textPath(l, p.name());
            if (path.isPresent() && GraphLowering.usedInputs(body).contains(p.name())) {
              String wanted = path.get().isEmpty() ? "item_json" : "item_" + String.join("_", path.get()) + "_json";
              String var = bw.addInput("graph:" + p.name(), Names.identifier(wanted),
                  LiteralType.simple(LiteralType.SimpleType.STRING), Optional.empty());
              textOfVar.put(var, path.get());
            }
          }
        }, body.outputs(), Map.of(), x -> Optional.empty(), l.id(), body.span());
    WorkflowDef bodyDef = b.workflow().def();
    NameTable dynInputs = new NameTable("_").reserve(Names.PYTHON_KEYWORDS).reserve(Context.RESERVED);
    String itemsVar = dynInputs.claim("items");
    List<Variable> inputs = new ArrayList<>();
    inputs.add(new Variable(itemsVar, new LiteralType.Collection(itemType), itemsVar));
    List<Binding> call = new ArrayList<>();
    call.add(new Binding(itemsVar, items));
    Map<String, String> passed = new LinkedHashMap<>();
    for (Binding cb : b.callBindings()) {
      String var = dynInputs.claim(cb.var());
      passed.put(cb.var(), var);
      inputs.add(new Variable(var, bodyDef.iface().input(cb.var()).orElseThrow().type(), var));
      call.add(new Binding(var, cb.data()));
    }
    for (Variable v : bodyDef.iface().inputs()) {
      if (passed.containsKey(v.name())) {
        args.add(new TaskBody.LoopArgument(v.name(), new TaskBody.LoopValue.Passed(passed.get(v.name()))));
      } else if (v.name().equals(itemVar[0])) {
        args.add(new TaskBody.LoopArgument(v.name(), new TaskBody.LoopValue.Item()));
      } else if (fieldOfVar.containsKey(v.name())) {
        args.add(new TaskBody.LoopArgument(v.name(), new TaskBody.LoopValue.ItemField(fieldOfVar.get(v.name()))));
      } else if (textOfVar.containsKey(v.name())) {
        args.add(new TaskBody.LoopArgument(v.name(), new TaskBody.LoopValue.ItemJson(textOfVar.get(v.name()))));
      }
    }
    List<Variable> outputs = new ArrayList<>();
    List<TaskBody.Collected> collected = new ArrayList<>();
    Map<String, String> outs = new LinkedHashMap<>();
    Map<String, LiteralType> types = new LinkedHashMap<>();
    Map<String, String> flat = new LinkedHashMap<>();
    for (Graph.GraphOutput go : body.outputs()) {
      String var = b.workflow().outputs().get(go.name());
      if (var != null && collectsFlat(ctx.pipeline, body, go)) {
        flat.put(var, go.name());
      }
    }
    List<String> flattened = new ArrayList<>();
    for (Variable o : bodyDef.iface().outputs()) {
      Optional<Identifier> join = flat.containsKey(o.name()) && o.type() instanceof LiteralType.Collection c
          ? Optional.of(flatten(c).id()) : Optional.empty();
      LiteralType lt = join.isPresent() ? o.type() : new LiteralType.Collection(o.type());
      outputs.add(new Variable(o.name(), lt, o.name()));
      collected.add(new TaskBody.Collected(o.name(), o.name(), join));
      types.put(o.name(), lt);
      join.ifPresent(j -> flattened.add("`" + flat.get(o.name()) + "`"));
    }
    b.workflow().outputs().forEach(outs::put);
    String name = ctx.workflowNames.claim(base);
    TaskDef dyn = new TaskDef(ctx.id(Identifier.ResourceType.TASK, wb.module + "." + name), TaskKind.DYNAMIC,
        new TypedInterface(inputs, outputs), TaskMetadata.DEFAULT,
        Optional.of(new Container(ctx.options.image().orElse(TaskLowering.FLYTEKIT_IMAGE), Optional.empty(), List.of(),
            List.of(), Resources.NONE, List.of(), Optional.empty())),
        Optional.empty(), List.of(), new TaskBody.DynamicLoop(itemsVar, bodyDef.id(), args, collected),
        new PythonRef(wb.module, name), Optional.of("Runs `" + bodyDef.python().name() + "` once per item of `" + l.id() + "`."),
        "", l.span());
    g.tasks.add(dyn);
    String id = wb.nodeIds.claim(GraphLowering.dns(l.id()), Names::dnsify);
    Node node = new Node(id, NodeMetadata.named(l.id()), call, wb.upstream(call, l.after(), Optional.empty()),
        new NodeTarget.TaskCall(dyn.id(), Optional.empty()), l.id(), l.span());
    wb.nodes.add(node);
    wb.irNodes.put(l.id(), new WorkflowBuilder.NodeOut(id, outs, types));
    String what = "ParallelFor as workflow `" + bodyDef.python().name() + "` run once per item by @dynamic `" + name + "`";
    List<String> approximations = new ArrayList<>();
    if (l.parallelism().isPresent()) {
      approximations.add("the parallelism limit " + l.parallelism().getAsInt()
          + " is not kept per loop: Flyte limits parallel nodes per execution (launch plan max_parallelism)");
    }
    if (!textOfVar.isEmpty()) {
      approximations.add("inputs that take text get the item's JSON text (`json.dumps`), where KFP passes the value"
          + " as the parameter it is");
    }
    if (!flattened.isEmpty()) {
      ctx.parity.exact("output", l.id() + ": " + String.join(", ", flattened), l.span(), "flattened list",
          "each iteration gives a list; they are joined into one list, as KFP collects the artifacts of nested loops");
    }
    if (approximations.isEmpty()) {
      ctx.parity.exact("loop", l.id(), l.span(), wb.id.name() + "/" + id, what);
    } else {
      ctx.parity.approximated("loop", l.id(), l.span(), wb.id.name() + "/" + id, what + "; "
          + String.join("; ", approximations));
    }
  }

  /** Whether the body reads the loop's item (or, with {@code fields}, a field of it). */
  private static boolean uses(Graph body, String loop, boolean fields) {
    for (io.flytemigrate.ir.Node n : body.nodes()) {
      for (InputBinding ib : n.inputs()) {
        if (!fields && ib.value() instanceof io.flytemigrate.ir.Binding.LoopItem li && li.loop().equals(loop)) {
          return true;
        }
        if (fields && ib.value() instanceof io.flytemigrate.ir.Binding.Field f
            && f.base() instanceof io.flytemigrate.ir.Binding.LoopItem li && li.loop().equals(loop)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Set<List<String>> fieldPaths(Graph body, String loop) {
    Set<List<String>> out = new LinkedHashSet<>();
    for (io.flytemigrate.ir.Node n : body.nodes()) {
      for (InputBinding ib : n.inputs()) {
        if (ib.value() instanceof io.flytemigrate.ir.Binding.Field f
            && f.base() instanceof io.flytemigrate.ir.Binding.LoopItem li && li.loop().equals(loop)) {
          out.add(f.path());
        }
      }
    }
    return out;
  }

  /**
   * The type of a field of the item: inferred from both ends ({@link ListHints}), else the type
   * of the first body input bound to it.
   */
  private LiteralType fieldType(io.flytemigrate.ir.Node.LoopNode l, List<String> path) {
    Optional<LiteralType> inferred = g.ctx.listHints.field(l, path);
    if (inferred.isPresent()) {
      return inferred.get();
    }
    for (io.flytemigrate.ir.Node n : l.body().nodes()) {
      for (InputBinding ib : n.inputs()) {
        if (ib.value() instanceof io.flytemigrate.ir.Binding.Field f && f.path().equals(path)
            && f.base() instanceof io.flytemigrate.ir.Binding.LoopItem li && li.loop().equals(l.id())) {
          Optional<Port> p = portOf(n, ib.input());
          if (p.isPresent()) {
            return Types.ofPort(p.get(), Optional.empty(), false).type();
          }
        }
      }
    }
    return LiteralType.simple(LiteralType.SimpleType.STRING);
  }

  /**
   * Whether a loop's collected output is one flat list rather than a list per iteration: KFP
   * collects artifacts into flat lists, so an artifact list collected again (from a nested loop)
   * is joined, where collected parameters nest ({@code List[List[int]]}).
   */
  static boolean collectsFlat(io.flytemigrate.ir.Pipeline p, Graph body, Graph.GraphOutput o) {
    if (!o.collected() || o.sources().isEmpty()) {
      return false;
    }
    Optional<Port> declared = body.iface().output(o.name());
    if (declared.isEmpty() || !artifactList(declared.get().type())) {
      return false;
    }
    Graph.Source src = o.sources().get(0);
    Optional<io.flytemigrate.ir.Node> n = body.node(src.task());
    Optional<Port> produced = Optional.empty();
    if (n.isPresent() && n.get() instanceof io.flytemigrate.ir.Node.TaskNode t) {
      produced = p.component(t.component()).flatMap(c -> c.iface().output(src.output()));
    } else if (n.isPresent() && n.get() instanceof io.flytemigrate.ir.Node.LoopNode inner) {
      produced = inner.body().iface().output(src.output());
    }
    return produced.isPresent() && artifactList(produced.get().type());
  }

  private static boolean artifactList(io.flytemigrate.ir.IrType t) {
    return t instanceof io.flytemigrate.ir.IrType.ListOf l && l.element() instanceof io.flytemigrate.ir.IrType.Artifact;
  }

  /** The task that joins lists of lists of {@code c}'s element into one list, one per element type. */
  private TaskDef flatten(LiteralType.Collection c) {
    TaskDef done = flattens.get(c);
    if (done != null) {
      return done;
    }
    Context ctx = g.ctx;
    LiteralType element = c.element();
    String base = element instanceof LiteralType.Blob b
        ? (b.dimensionality() == LiteralType.BlobDimensionality.SINGLE ? "flatten_files" : "flatten_directories")
        : "flatten_lists";
    String name = ctx.taskNames.claim(base);
    TaskBody body = new TaskBody.PythonFunction(base, "",
        "def " + base + "(lists):\n    return [item for items in lists for item in items]", 1,
        TaskBody.PythonFunction.Style.DIRECT);
    TaskDef def = new TaskDef(ctx.id(Identifier.ResourceType.TASK, ctx.tasksModule() + "." + name), TaskKind.PYTHON,
        new TypedInterface(List.of(new Variable("lists", new LiteralType.Collection(c), "lists")),
            List.of(new Variable("o0", c, "o0"))), TaskMetadata.DEFAULT,
        Optional.of(new Container(ctx.options.image().orElse(TaskLowering.FLYTEKIT_IMAGE), Optional.empty(), List.of(),
            List.of(), Resources.NONE, List.of(), Optional.empty())), Optional.empty(), List.of(), body,
        new PythonRef(ctx.tasksModule(), name), Optional.of("Joins lists into one, as KFP collects the artifacts of"
            + " nested loops."), "", io.flytemigrate.ir.diag.Span.NONE);
    g.tasks.add(def);
    flattens.put(c, def);
    return def;
  }

  private Optional<Port> portOf(io.flytemigrate.ir.Node n, String input) {
    if (n instanceof io.flytemigrate.ir.Node.TaskNode t) {
      return g.ctx.index.component(t.component()).flatMap(c -> c.iface().input(input));
    }
    if (n instanceof io.flytemigrate.ir.Node.LoopNode l) {
      return l.body().iface().input(input);
    }
    if (n instanceof io.flytemigrate.ir.Node.ConditionNode c) {
      return c.body().iface().input(input);
    }
    return Optional.empty();
  }

}
