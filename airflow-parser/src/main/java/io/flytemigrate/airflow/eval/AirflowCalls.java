package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.MapSpec;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.ListV;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.airflow.model.ValueRefs;
import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Airflow's API as the evaluator sees it: which imported names are DAGs, decorators, operators,
 * task groups, edges and values; what their attributes, methods, subscripts and {@code with}
 * blocks do. Task and DAG creation itself is in {@link Tasks} and {@link Dags}.
 */
final class AirflowCalls {
  private final Interpreter in;
  private final Tasks tasks;
  final Dags dags;
  private long mutations;

  AirflowCalls(Interpreter in) {
    this.in = in;
    this.tasks = new Tasks(in);
    this.dags = new Dags(in);
  }

  Tasks tasks() {
    return tasks;
  }

  /** A counter that grows whenever a DAG, group, task or edge is created. */
  long mutations() {
    return mutations;
  }

  void mutated() {
    mutations++;
  }

  // ---------------------------------------------------------------- calls of imported names

  PyValue callRef(EvalValue.Ref r, Args a, PyNode n) {
    String q = r.qualname();
    String raw = Strings.oneLine(in.text(n));
    if (Known.isTestScaffolding(q)) {
      return new EvalValue.Boilerplate(r.last());
    }
    String concept = Known.airflowConcept(q);
    if (concept != null) {
      return callConcept(concept, q, a, n, raw);
    }
    String kind = taskKind(q);
    if (kind != null) {
      return taskDecorator(kind, a, n);
    }
    if (Known.isOperatorClass(q)) {
      return tasks.operator(new EvalValue.OperatorClass(q, r.last(), null), a, n, List.of(), null);
    }
    if (q.startsWith("airflow.")) {
      if (q.endsWith("Variable.get") || q.endsWith("Variable.get_variable")) {
        PyValue key = a.arg(0, "key");
        return new Unknown(raw, "it reads airflow variable `" + (key instanceof Str s ? s.value() : "?")
            + "` from the metadata database when the file is parsed");
      }
      if (q.endsWith("conf.get") || q.endsWith("conf.getint") || q.endsWith("conf.getboolean")) {
        return new Unknown(raw, "it reads the airflow configuration of the machine that parses the file");
      }
      if (Character.isUpperCase(r.last().isEmpty() ? 'a' : r.last().charAt(0))) {
        return object(q, a, raw);
      }
      return new Unknown(raw, "`" + q + "` is not evaluated statically");
    }
    PyValue lib = Library.call(q, a, raw);
    if (lib != null) {
      return lib;
    }
    if (q.contains("kubernetes.client") && !r.last().isEmpty() && Character.isUpperCase(r.last().charAt(0))) {
      return object(q, a, raw);
    }
    if (Known.isValueModule(q)) {
      return new Unknown(raw, "`" + q + "` is not evaluated statically");
    }
    return pendingCall(Strings.oneLine(in.text(n.get("function"))), "it is imported from `" + module(q) + "`, which is not in the file",
        a, n, null);
  }

  static String module(String q) {
    int dot = q.lastIndexOf('.');
    return dot < 0 ? q : q.substring(0, dot);
  }

  private PyValue callConcept(String concept, String q, Args a, PyNode n, String raw) {
    switch (concept) {
      case "DAG" -> {
        return dags.dag(a, n);
      }
      case "dag" -> {
        EvalValue.Function fn = singleFunction(a);
        if (fn != null) {
          return new EvalValue.DagFactory(fn, Map.of(), in.span(n), in.text(n));
        }
        return new EvalValue.PendingDecorator("dag", a.kwargs(in.lowering), in.span(n), in.text(n));
      }
      case "task" -> {
        return taskDecorator("task", a, n);
      }
      case "setup", "teardown" -> {
        PyValue only = a.positional.size() == 1 ? a.positional.get(0).value() : null;
        if (only instanceof EvalValue.Function fn) {
          return new EvalValue.TaskFactory(fn, concept, Map.of(), concept.equals("setup"), concept.equals("teardown"));
        }
        if (only instanceof EvalValue.TaskFactory tf) {
          return new EvalValue.TaskFactory(tf.fn(), tf.kind(), tf.kwargs(), tf.setup() || concept.equals("setup"),
              tf.teardown() || concept.equals("teardown"));
        }
        return new EvalValue.TaskDecorator(concept, a.kwargs(in.lowering), concept.equals("setup"), concept.equals("teardown"));
      }
      case "task_group" -> {
        EvalValue.Function fn = singleFunction(a);
        if (fn != null) {
          return new EvalValue.GroupFactory(fn, Map.of());
        }
        return new EvalValue.PendingDecorator("task_group", a.kwargs(in.lowering), in.span(n), in.text(n));
      }
      case "asset" -> {
        EvalValue.Function fn = singleFunction(a);
        if (fn != null) {
          return dags.asset(fn, Map.of(), in.span(n), in.text(n));
        }
        return new EvalValue.PendingDecorator("asset", a.kwargs(in.lowering), in.span(n), in.text(n));
      }
      case "TaskGroup" -> {
        return dags.taskGroup(a, n);
      }
      case "chain", "chain_linear" -> {
        in.dependencies.chain(a.values(), n, concept.equals("chain_linear"));
        return PyValue.NONE;
      }
      case "cross_downstream" -> {
        PyValue from = a.arg(0, "from_tasks");
        PyValue to = a.arg(1, "to_tasks");
        if (from != null && to != null) {
          in.dependencies.cross(from, to, n);
        }
        return PyValue.NONE;
      }
      case "Label" -> {
        PyValue label = a.arg(0, "label");
        return label instanceof Str s ? new EvalValue.LabelRef(s.value()) : new EvalValue.LabelRef(raw);
      }
      case "XComArg" -> {
        PyValue op = a.arg(0, "operator");
        PyValue key = a.arg(1, "key");
        TaskModel t = taskOf(op);
        if (t == null) {
          return Builtins.unknownFrom(op, raw, "`XComArg` is given " + Strings.describe(op) + ", not a task");
        }
        return new PyValue.XCom(t, key instanceof Str s ? s.value() : PyValue.XCom.RETURN_VALUE);
      }
      case "TriggerRule" -> {
        PyValue v = a.arg(0, "value");
        return v instanceof Str s ? s : Builtins.unknownFrom(v, raw, "the trigger rule is not known statically");
      }
      case "get_current_context" -> {
        return new Unknown(raw, "the task context exists only while a task runs");
      }
      case "days_ago" -> {
        return new Unknown(raw, "`" + raw + "` is relative to the time the file is parsed");
      }
      case "is_venv_installed" -> {
        return new Unknown(raw, "it depends on the machine that parses the file");
      }
      case "teardown_call" -> {
        return PyValue.NONE;
      }
      case "BaseOperator" -> {
        return tasks.operator(new EvalValue.OperatorClass(q, "BaseOperator", null), a, n, List.of(), null);
      }
      default -> {
        return object(q, a, raw);
      }
    }
  }

  /** An instance of a library class kept by name: {@code Dataset(...)}, {@code Param(...)}, {@code k8s.V1Pod(...)}. */
  private PyValue object(String q, Args a, String raw) {
    List<PyValue> args = new ArrayList<>();
    for (PyValue v : a.values()) {
      args.add(in.lowering.lower(v));
    }
    Map<String, PyValue> kw = new LinkedHashMap<>();
    for (Map.Entry<String, PyValue> e : a.keywordValues().entrySet()) {
      kw.put(e.getKey(), in.lowering.lower(e.getValue()));
    }
    return new PyValue.Obj(q, args, kw, raw);
  }

  private static EvalValue.Function singleFunction(Args a) {
    if (a.positional.size() == 1 && a.keywords.isEmpty() && a.positional.get(0).value() instanceof EvalValue.Function f) {
      return f;
    }
    return null;
  }

  /** {@code task}, {@code task.virtualenv}, ... for an Airflow name, or null. */
  static String taskKind(String q) {
    if (!q.startsWith("airflow.")) {
      return null;
    }
    String[] parts = q.split("\\.");
    if (parts.length >= 2 && parts[parts.length - 2].equals("task")) {
      return "task." + parts[parts.length - 1];
    }
    return null;
  }

  private PyValue taskDecorator(String kind, Args a, PyNode n) {
    EvalValue.Function fn = singleFunction(a);
    if (fn != null) {
      return new EvalValue.TaskFactory(fn, kind, Map.of(), false, false);
    }
    return new EvalValue.TaskDecorator(kind, a.kwargs(in.lowering), false, false);
  }

  /** Calling a value the evaluator made (decorated functions, operator classes, partials...). */
  PyValue callValue(EvalValue ev, Args a, PyNode n) {
    String raw = Strings.oneLine(in.text(n));
    if (ev instanceof EvalValue.TaskFactory f) {
      return tasks.taskflow(f, a, n, List.of(), null);
    }
    if (ev instanceof EvalValue.TaskDecorator d) {
      EvalValue.Function fn = singleFunction(a);
      return fn == null ? new Unknown(raw, "a task decorator is applied to something that is not a function")
          : new EvalValue.TaskFactory(fn, d.kind(), d.kwargs(), d.setup(), d.teardown());
    }
    if (ev instanceof EvalValue.GroupFactory g) {
      return dags.groupFunction(g, a, n);
    }
    if (ev instanceof EvalValue.DagFactory d) {
      return dags.dagFunction(d, a, n);
    }
    if (ev instanceof EvalValue.PendingDecorator p) {
      EvalValue.Function fn = singleFunction(a);
      return fn == null ? new Unknown(raw, "a decorator is applied to something that is not a function")
          : in.decorators.decorate(p, fn, n, n);
    }
    if (ev instanceof EvalValue.OperatorClass c) {
      return tasks.operator(c, a, n, List.of(), null);
    }
    if (ev instanceof EvalValue.Partial p && p.target() instanceof EvalValue.Ref r) {
      return pendingCall(r.last(), "it is imported from `" + module(r.qualname()) + "`, which is not in the file", a, n,
          null, p.kwargs());
    }
    if (ev instanceof EvalValue.Partial p) {
      if (in.once("partial-call@" + n.start())) {
        in.report(Codes.AIRFLOW_UNSUPPORTED, in.span(n), "`.partial(...)` is called without `.expand(...)`",
            "airflow only creates the task when the partial is expanded");
      }
      return new Unknown(raw, "a partial that is never expanded");
    }
    if (ev instanceof EvalValue.Pending p) {
      return pendingCall(Strings.oneLine(in.text(n.get("function"))), p.origin, a, n, null);
    }
    if (ev instanceof EvalValue.Boilerplate b) {
      return b;
    }
    if (ev instanceof EvalValue.ClassDef c) {
      return new Unknown(raw, "it creates an instance of class `" + c.name() + "` of the file, which the reader does not run");
    }
    return new Unknown(raw, "it calls " + ev.describe() + ", which is not callable statically");
  }

  /** Calling a value that is itself unknown (e.g. a function an unknown call returned). */
  PyValue callUnknown(Unknown u, Args a, PyNode n) {
    boolean external = in.external.contains(u);
    if (in.context() == null || !external) {
      Unknown out = new Unknown(Strings.oneLine(in.text(n)), u.why());
      if (external) {
        in.external.add(out);
      }
      return out;
    }
    return pendingCall(Strings.oneLine(in.text(n.get("function"))), u.why(), a, n, null);
  }

  PyValue pendingCall(String callee, String origin, Args a, PyNode n, MapSpec mapping) {
    return pendingCall(callee, origin, a, n, mapping, List.of());
  }

  /**
   * A call of a function from outside the file. Outside any DAG it is an unknown value; inside
   * one it may create a task, so it is kept pending and becomes a placeholder task when used as
   * one (or at once, when it is given tasks or a {@code task_id}).
   */
  PyValue pendingCall(String callee, String origin, Args a, PyNode n, MapSpec mapping, List<Kwarg> extra) {
    String raw = Strings.oneLine(in.text(n));
    Interpreter.Context ctx = in.context();
    if (ctx == null) {
      if (in.contexts.isEmpty() && !callee.isEmpty()) {
        in.unreadFactories.add(callee);
      }
      Unknown out = new Unknown(raw, "`" + callee + "` " + (origin.startsWith("it ") ? origin.substring(3) : origin));
      in.external.add(out);
      return out;
    }
    LinkedHashMap<String, Kwarg> kw = new LinkedHashMap<>();
    for (Kwarg k : extra) {
      kw.put(k.name(), k);
    }
    boolean taskish = false;
    for (Args.Arg x : a.positional) {
      taskish |= holdsTask(x.value(), 0);
    }
    for (Args.Arg x : a.keywords.values()) {
      taskish |= holdsTask(x.value(), 0);
    }
    kw.putAll(a.kwargs(in.lowering));
    taskish |= kw.containsKey("task_id") || kw.containsKey("group_id") || mapping != null;
    EvalValue.Pending p = new EvalValue.Pending(callee, origin, n, ctx.dag(), ctx.group(), a.callArgs(in.lowering), kw,
        mapping, in.nextSeq());
    if (taskish) {
      return new PyValue.TaskRef(tasks.placeholder(p));
    }
    return p;
  }

  /** Whether a value is or contains a task or an XCom (a pending call does not count). */
  private static boolean holdsTask(PyValue v, int depth) {
    if (v instanceof PyValue.TaskRef || v instanceof PyValue.XCom) {
      return true;
    }
    if (depth < 10 && v instanceof ListV l) {
      return l.items().stream().anyMatch(i -> holdsTask(i, depth + 1));
    }
    if (depth < 10 && v instanceof PyValue.DictV d) {
      return d.entries().values().stream().anyMatch(i -> holdsTask(i, depth + 1));
    }
    return false;
  }

  TaskModel materialize(EvalValue.Pending p) {
    return tasks.placeholder(p);
  }

  /** The task a value stands for (a task, an XCom of it, a pending call), or null. */
  TaskModel taskOf(PyValue v) {
    if (v instanceof PyValue.TaskRef t) {
      return t.task();
    }
    if (v instanceof PyValue.XCom x) {
      return x.task();
    }
    if (v instanceof EvalValue.Pending p) {
      return materialize(p);
    }
    return null;
  }

  // ---------------------------------------------------------------- asset expressions

  static boolean isAssetExpression(PyValue v) {
    if (v instanceof PyValue.Obj o) {
      String s = o.simpleName();
      return s.equals("Dataset") || s.equals("Asset") || s.equals("DatasetAlias") || s.equals("AssetAlias")
          || s.equals("AssetAll") || s.equals("AssetAny");
    }
    return false;
  }

  /** {@code a & b} is all of them, {@code a | b} any of them. */
  static PyValue assetExpression(String op, PyValue l, PyValue r, String raw) {
    String type = op.equals("&") ? "airflow.AssetAll" : "airflow.AssetAny";
    List<PyValue> parts = new ArrayList<>();
    for (PyValue v : List.of(l, r)) {
      if (v instanceof PyValue.Obj o && o.type().equals(type)) {
        parts.addAll(o.args());
      } else {
        parts.add(v);
      }
    }
    return new PyValue.Obj(type, parts, Map.of(), raw);
  }
}
