package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.BooleanExpression;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.IfElseBlock;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.Parameter;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.model.WorkflowDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One workflow module: the workflows of one pipeline (or nested pipeline), the bodies of its
 * conditions, loops and exit handlers, the dynamic tasks that run loop bodies, and its launch
 * plans, each defined before what uses it. Every call keeps its source task's name as the node
 * name ({@code .with_overrides(node_name=...)}).
 */
final class WorkflowModuleWriter {
  private final FlyteProject project;
  private final String module;
  private final Imports imports = new Imports();
  private final TaskCode code = new TaskCode(imports);
  private final Set<String> moduleNames = new HashSet<>();
  private final Set<String> emittedTasks = new HashSet<>();

  WorkflowModuleWriter(FlyteProject project, String module) {
    this.project = project;
    this.module = module;
  }

  String write() {
    List<WorkflowDef> workflows = project.workflows().stream().filter(w -> w.python().module().equals(module)).toList();
    for (WorkflowDef w : workflows) {
      moduleNames.add(w.python().name());
    }
    project.tasks().stream().filter(t -> t.python().module().equals(module)).forEach(t -> moduleNames.add(t.python().name()));
    project.launchPlans().stream().filter(l -> !l.defaultPlan() && l.python().module().equals(module))
        .forEach(l -> moduleNames.add(l.python().name()));
    moduleNames.addAll(List.of("tasks", "typing", "functools", "workflow", "dynamic", "conditional", "map_task",
        "LaunchPlan", "CronSchedule", "FixedRate", "Labels", "timedelta", "FlyteFile", "FlyteDirectory",
        "WorkflowFailurePolicy"));
    for (WorkflowDef w : workflows) {
      List<Node> all = new ArrayList<>(w.nodes());
      w.failureNode().ifPresent(all::add);
      for (Node n : flatten(all)) {
        if (!(n.target() instanceof NodeTarget.Branch) && !(n.target() instanceof NodeTarget.ArrayCall)) {
          moduleNames.add(callee(n.target()).split("\\.")[0]);
        }
      }
    }
    PySource body = new PySource();
    for (WorkflowDef w : workflows) {
      for (TaskDef d : dynamicsCalledBy(w)) {
        body.blank(2);
        new DynamicTaskCode(project, imports, code, moduleNames).write(body, d, this::returnAnnotation);
      }
      body.blank(2);
      workflow(body, w);
      for (LaunchPlanDef l : project.launchPlans()) {
        if (!l.defaultPlan() && l.workflow().equals(w.id())) {
          body.blank(2);
          l.defaultInputs().forEach(this::markBlobImports);
          new LaunchPlanCode(imports).write(body, l, w, project.defaultPlan(w.id()));
        }
      }
    }
    WorkflowDef main = workflows.stream().filter(w -> w.role() == WorkflowDef.Role.PIPELINE
        || w.role() == WorkflowDef.Role.NESTED_PIPELINE).findFirst().orElse(workflows.get(workflows.size() - 1));
    PySource out = new PySource();
    Headers.module(out, project, "Workflow `" + main.python().name() + "`"
        + (workflows.size() > 1 ? " and the workflows of its conditions, loops and exit handlers." : "."));
    imports.write(out);
    out.blank(2);
    String text = out.text() + "\n\n" + body.text();
    return text.endsWith("\n") ? text : text + "\n";
  }

  private List<TaskDef> dynamicsCalledBy(WorkflowDef w) {
    List<TaskDef> out = new ArrayList<>();
    List<Node> all = new ArrayList<>(w.nodes());
    w.failureNode().ifPresent(all::add);
    for (Node n : flatten(all)) {
      if (n.target() instanceof NodeTarget.TaskCall c) {
        Optional<TaskDef> t = project.task(c.task());
        if (t.isPresent() && t.get().kind() == TaskKind.DYNAMIC && t.get().python().module().equals(module)
            && emittedTasks.add(t.get().python().name())) {
          out.add(t.get());
        }
      }
    }
    return out;
  }

  private static List<Node> flatten(List<Node> nodes) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      out.add(n);
      if (n.target() instanceof NodeTarget.Branch b) {
        List<Node> inner = new ArrayList<>();
        inner.add(b.ifElse().first().thenNode());
        b.ifElse().others().forEach(o -> inner.add(o.thenNode()));
        b.ifElse().elseNode().ifPresent(inner::add);
        out.addAll(flatten(inner));
      }
      if (n.target() instanceof NodeTarget.ArrayCall a) {
        out.add(a.subNode());
      }
    }
    return out;
  }

  String returnAnnotation(PySource src, String owner, List<Variable> outputs) {
    if (outputs.size() == 1 && outputs.get(0).name().equals("o0")) {
      return code.annotation(outputs.get(0).type());
    }
    String name = fresh(moduleNames, TaskCode.camel(owner) + "Outputs");
    src.expr(name + " = ", code.namedTuple(name, outputs), "");
    src.blank(2);
    return name;
  }

  private void workflow(PySource src, WorkflowDef w) {
    imports.from("flytekit", "workflow");
    String ret = w.iface().outputs().isEmpty() ? "" : " -> " + returnAnnotation(src, w.python().name(), w.iface().outputs());
    List<PyExpr> deco = new ArrayList<>();
    w.failureNode().ifPresent(f -> deco.add(PyExpr.kw("on_failure", PyExpr.atom(callee(f.target())))));
    if (w.failurePolicy() == WorkflowDef.FailurePolicy.FAIL_AFTER_EXECUTABLE_NODES_COMPLETE) {
      imports.from("flytekit", "WorkflowFailurePolicy");
      deco.add(PyExpr.kw("failure_policy", PyExpr.atom("WorkflowFailurePolicy.FAIL_AFTER_EXECUTABLE_NODES_COMPLETE")));
    }
    if (deco.isEmpty()) {
      src.line("@workflow");
    } else {
      src.expr("@", PyExpr.call("workflow", deco), "");
    }
    Map<String, Parameter> defaults = new HashMap<>();
    project.defaultPlan(w.id()).ifPresent(l -> l.defaultInputs().forEach(p -> defaults.put(p.var(), p)));
    List<PyExpr> params = new ArrayList<>();
    List<PyExpr> withDefaults = new ArrayList<>();
    for (Variable v : w.iface().inputs()) {
      Parameter p = defaults.get(v.name());
      if (p != null && p.defaultValue().isPresent()) {
        markBlobImports(p);
        withDefaults.add(new PyExpr.Prefixed(v.name() + ": " + code.annotation(v.type()) + " = ",
            PyValues.of(p.defaultValue().get())));
      } else {
        params.add(PyExpr.atom(v.name() + ": " + code.annotation(v.type())));
      }
    }
    params.addAll(withDefaults);
    src.expr("", new PyExpr.Call(PyExpr.atom("def " + w.python().name()), params), ret + ":");
    src.indent();
    src.docstring(docstring(w));
    Set<String> locals = new HashSet<>(moduleNames);
    w.iface().inputs().forEach(v -> locals.add(v.name()));
    Map<String, Node> byId = new LinkedHashMap<>();
    w.nodes().forEach(n -> byId.put(n.id(), n));
    Set<String> needVar = needsVariable(w);
    Map<String, String> vars = new HashMap<>();
    for (Node n : w.nodes()) {
      String prefix = "";
      if (needVar.contains(n.id())) {
        String var = fresh(locals, snake(n.id()));
        vars.put(n.id(), var);
        prefix = var + " = ";
      }
      PyExpr e = nodeExpr(n, vars, byId);
      src.expr(prefix, e, "");
      for (String u : ordering(n)) {
        if (vars.containsKey(u) && vars.containsKey(n.id())) {
          src.line(vars.get(u) + " >> " + vars.get(n.id()));
        }
      }
    }
    if (!w.outputs().isEmpty()) {
      List<PyExpr> outs = new ArrayList<>();
      for (Binding b : w.outputs()) {
        outs.add(binding(b.data(), vars, byId));
      }
      returnValues(src, outs);
    } else if (w.nodes().isEmpty()) {
      src.line("pass");
    }
    src.dedent();
  }

  /** {@code return a, b}, or black's parenthesised form when it is too long. */
  static void returnValues(PySource src, List<PyExpr> values) {
    if (values.size() == 1) {
      src.expr("return ", values.get(0), "");
      return;
    }
    List<String> texts = values.stream().map(PyLayout::text).toList();
    String one = "return " + String.join(", ", texts);
    if (src.fits(one)) {
      src.line(one);
    } else {
      src.expr("return ", new PyExpr.Seq("(", ")", values), "");
    }
  }

  private void markBlobImports(Parameter p) {
    code.annotation(p.type());
  }

  private String docstring(WorkflowDef w) {
    String id = w.sourceGraph();
    return switch (w.role()) {
      case PIPELINE -> w.description().orElse("The KFP pipeline `" + project.pipelineName() + "`.");
      case NESTED_PIPELINE -> w.description().orElse("The nested KFP pipeline `" + id + "`.");
      case BRANCH_BODY -> "Body of the KFP condition `" + id + "`.";
      case LOOP_BODY -> "Body of the KFP loop `" + id + "`, run once per item.";
      case EXIT_HANDLER_BODY -> "Body of the KFP exit handler `" + id + "`; its exit task runs when it fails.";
      case FAILURE_HANDLER -> w.description().orElse("Runs the exit task `" + id + "` when its workflow fails.");
    };
  }

  /** Nodes whose results later statements read, or that take part in an ordering edge. */
  private Set<String> needsVariable(WorkflowDef w) {
    Set<String> out = new HashSet<>();
    for (Node n : w.nodes()) {
      TreeSet<String> used = new TreeSet<>();
      deepPromises(n, used);
      out.addAll(used);
      List<String> ord = ordering(n);
      if (!ord.isEmpty()) {
        out.addAll(ord);
        out.add(n.id());
      }
    }
    for (Binding b : w.outputs()) {
      TreeSet<String> used = new TreeSet<>();
      promises(b.data(), used);
      out.addAll(used);
    }
    out.remove(BindingData.START_NODE);
    return out;
  }

  /** Upstream nodes a node waits for without reading their outputs: {@code a >> b} in flytekit. */
  private static List<String> ordering(Node n) {
    TreeSet<String> implied = new TreeSet<>();
    deepPromises(n, implied);
    List<String> out = new ArrayList<>();
    for (String u : n.upstreamNodeIds()) {
      if (!implied.contains(u)) {
        out.add(u);
      }
    }
    return out;
  }

  private static void deepPromises(Node n, TreeSet<String> out) {
    for (Binding b : n.inputs()) {
      promises(b.data(), out);
    }
    if (n.target() instanceof NodeTarget.Branch br) {
      deepPromises(br.ifElse().first().thenNode(), out);
      br.ifElse().others().forEach(o -> deepPromises(o.thenNode(), out));
      br.ifElse().elseNode().ifPresent(e -> deepPromises(e, out));
    }
    if (n.target() instanceof NodeTarget.ArrayCall a) {
      deepPromises(a.subNode(), out);
    }
  }

  private static void promises(BindingData d, TreeSet<String> out) {
    if (d instanceof BindingData.Promise p) {
      out.add(p.nodeId());
    } else if (d instanceof BindingData.CollectionOf c) {
      c.items().forEach(i -> promises(i, out));
    } else if (d instanceof BindingData.MapOf m) {
      m.entries().forEach(e -> promises(e.value(), out));
    }
  }

  private PyExpr nodeExpr(Node n, Map<String, String> vars, Map<String, Node> byId) {
    if (n.target() instanceof NodeTarget.Branch b) {
      return branch(n, b.ifElse(), vars, byId);
    }
    return withName(callExpr(n, vars, byId), n.id());
  }

  private static PyExpr withName(PyExpr call, String nodeId) {
    return new PyExpr.Call(new PyExpr.Attr(call, "with_overrides"),
        List.of(PyExpr.kw("node_name", PyExpr.atom(PyText.str(nodeId)))));
  }

  private PyExpr callExpr(Node n, Map<String, String> vars, Map<String, Node> byId) {
    if (n.target() instanceof NodeTarget.ArrayCall a) {
      return mapCall(a, vars, byId);
    }
    List<PyExpr> args = new ArrayList<>();
    for (Binding b : n.inputs()) {
      args.add(PyExpr.kw(b.var(), binding(b.data(), vars, byId)));
    }
    return PyExpr.call(callee(n.target()), args);
  }

  private PyExpr mapCall(NodeTarget.ArrayCall a, Map<String, String> vars, Map<String, Node> byId) {
    imports.from("flytekit", "map_task");
    Node sub = a.subNode();
    PyExpr target = PyExpr.atom(callee(sub.target()));
    List<PyExpr> bound = new ArrayList<>();
    List<PyExpr> mapped = new ArrayList<>();
    for (Binding b : sub.inputs()) {
      PyExpr value = binding(b.data(), vars, byId);
      if (a.boundInputs().contains(b.var())) {
        bound.add(PyExpr.kw(b.var(), value));
      } else {
        mapped.add(PyExpr.kw(b.var(), value));
      }
    }
    if (!bound.isEmpty()) {
      imports.std("functools");
      List<PyExpr> partial = new ArrayList<>();
      partial.add(target);
      partial.addAll(bound);
      target = PyExpr.call("functools.partial", partial);
    }
    List<PyExpr> mapArgs = new ArrayList<>();
    mapArgs.add(target);
    if (a.parallelism().isPresent()) {
      mapArgs.add(PyExpr.kw("concurrency", PyExpr.atom(String.valueOf(a.parallelism().getAsInt()))));
    }
    if (a.minSuccessRatio() != 1.0) {
      mapArgs.add(PyExpr.kw("min_success_ratio", PyExpr.atom(PyText.number(a.minSuccessRatio()))));
    }
    return new PyExpr.Call(PyExpr.call("map_task", mapArgs), mapped);
  }

  private PyExpr branch(Node n, IfElseBlock block, Map<String, String> vars, Map<String, Node> byId) {
    imports.from("flytekit", "conditional");
    Map<String, BindingData> inputs = new HashMap<>();
    n.inputs().forEach(b -> inputs.put(b.var(), b.data()));
    List<PyExpr.Call> links = new ArrayList<>();
    links.add(link("if_", condition(block.first().condition(), inputs, vars, byId)));
    links.add(link("then", caseExpr(block.first().thenNode(), vars, byId)));
    for (IfElseBlock.IfBlock o : block.others()) {
      links.add(link("elif_", condition(o.condition(), inputs, vars, byId)));
      links.add(link("then", caseExpr(o.thenNode(), vars, byId)));
    }
    links.add(new PyExpr.Call(PyExpr.atom(".else_"), List.of()));
    if (block.elseNode().isPresent()) {
      links.add(link("then", caseExpr(block.elseNode().get(), vars, byId)));
    } else {
      links.add(link("fail", PyExpr.atom(PyText.str(block.error().orElseThrow().message()))));
    }
    return new PyExpr.Fluent(PyExpr.call("conditional", PyExpr.atom(PyText.str(n.metadata().name()))), links);
  }

  private static PyExpr.Call link(String method, PyExpr arg) {
    return new PyExpr.Call(PyExpr.atom("." + method), List.of(arg));
  }

  private PyExpr caseExpr(Node n, Map<String, String> vars, Map<String, Node> byId) {
    return nodeExpr(n, vars, byId);
  }

  private PyExpr condition(BooleanExpression e, Map<String, BindingData> inputs, Map<String, String> vars,
      Map<String, Node> byId) {
    return PyExpr.atom(conditionText(e, inputs, vars, byId));
  }

  private String conditionText(BooleanExpression e, Map<String, BindingData> inputs, Map<String, String> vars,
      Map<String, Node> byId) {
    if (e instanceof BooleanExpression.Comparison c) {
      return operand(c.left(), inputs, vars, byId) + " " + c.op().symbol() + " " + operand(c.right(), inputs, vars, byId);
    }
    BooleanExpression.Conjunction j = (BooleanExpression.Conjunction) e;
    return "(" + conditionText(j.left(), inputs, vars, byId) + ") " + j.op().symbol() + " ("
        + conditionText(j.right(), inputs, vars, byId) + ")";
  }

  private String operand(BooleanExpression.Operand o, Map<String, BindingData> inputs, Map<String, String> vars,
      Map<String, Node> byId) {
    if (o instanceof BooleanExpression.Operand.Primitive p) {
      return PyLayout.text(PyValues.of(p.value()));
    }
    BindingData d = inputs.get(((BooleanExpression.Operand.Var) o).var());
    return d == null ? "None" : PyLayout.text(binding(d, vars, byId));
  }

  /** The Python expression of a bound value. */
  private PyExpr binding(BindingData d, Map<String, String> vars, Map<String, Node> byId) {
    if (d instanceof BindingData.Promise p) {
      if (p.isWorkflowInput()) {
        return PyExpr.atom(p.var());
      }
      String var = vars.getOrDefault(p.nodeId(), snake(p.nodeId()));
      Node producer = byId.get(p.nodeId());
      return producer != null && outputCount(producer) == 1 ? PyExpr.atom(var) : PyExpr.atom(var + "." + p.var());
    }
    if (d instanceof BindingData.Static s) {
      if (PyValues.usesBlob(s.value(), io.flytemigrate.flyte.model.LiteralType.BlobDimensionality.SINGLE)) {
        imports.from("flytekit.types.file", "FlyteFile");
      }
      if (PyValues.usesBlob(s.value(), io.flytemigrate.flyte.model.LiteralType.BlobDimensionality.MULTIPART)) {
        imports.from("flytekit.types.directory", "FlyteDirectory");
      }
      return PyValues.of(s.value());
    }
    if (d instanceof BindingData.CollectionOf c) {
      List<PyExpr> items = new ArrayList<>();
      c.items().forEach(i -> items.add(binding(i, vars, byId)));
      return PyExpr.list(items);
    }
    BindingData.MapOf m = (BindingData.MapOf) d;
    List<PyExpr.Entry> entries = new ArrayList<>();
    m.entries().forEach(e -> entries.add(new PyExpr.Entry(PyExpr.atom(PyText.str(e.key())), binding(e.value(), vars, byId))));
    return new PyExpr.Dict(entries);
  }

  private int outputCount(Node n) {
    NodeTarget t = n.target();
    if (t instanceof NodeTarget.TaskCall c) {
      return project.task(c.task()).map(x -> x.iface().outputs().size()).orElse(0);
    }
    if (t instanceof NodeTarget.SubWorkflowCall s) {
      return project.workflow(s.workflow()).map(x -> x.iface().outputs().size()).orElse(0);
    }
    if (t instanceof NodeTarget.ArrayCall a) {
      return outputCount(a.subNode());
    }
    if (t instanceof NodeTarget.Branch b) {
      return outputCount(b.ifElse().first().thenNode());
    }
    return 0;
  }

  private String callee(NodeTarget t) {
    Identifier id;
    if (t instanceof NodeTarget.TaskCall c) {
      id = c.task();
      TaskDef def = project.task(id).orElseThrow();
      return reference(def.python().module(), def.python().name());
    }
    if (t instanceof NodeTarget.SubWorkflowCall s) {
      WorkflowDef def = project.workflow(s.workflow()).orElseThrow();
      return reference(def.python().module(), def.python().name());
    }
    if (t instanceof NodeTarget.LaunchPlanCall l) {
      LaunchPlanDef def = project.launchPlan(l.launchPlan()).orElseThrow();
      return reference(def.python().module(), def.python().name());
    }
    throw new IllegalArgumentException("no callee for " + t);
  }

  private String reference(String mod, String name) {
    if (mod.equals(module)) {
      return name;
    }
    if (mod.equals(project.pythonPackage() + ".tasks")) {
      imports.local(project.pythonPackage(), "tasks");
      return "tasks." + name;
    }
    if (mod.endsWith(".tasks")) {
      // Another project's tasks module (the tasks a batch shares): imported as a module too, so
      // its names never clash with the node variables of this one.
      String pkg = mod.substring(0, mod.length() - ".tasks".length());
      String alias = pkg.replace('.', '_') + "_tasks";
      imports.local(pkg, "tasks as " + alias);
      return alias + "." + name;
    }
    imports.local(mod, name);
    return name;
  }

  static String fresh(Set<String> taken, String wanted) {
    String n = wanted;
    int i = 2;
    while (taken.contains(n) || KEYWORDS.contains(n)) {
      n = wanted + "_" + i++;
    }
    taken.add(n);
    return n;
  }

  private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
      "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
      "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
      "yield");

  /** A Python name for a node id: {@code flip-coin} reads {@code flip_coin}. */
  static String snake(String id) {
    String s = id.replace('-', '_');
    return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "n_" + s : s;
  }
}
