package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.CallArg;
import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.GroupModel;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.MapSpec;
import io.flytemigrate.airflow.model.PyFunction;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates tasks the way Airflow does: the id (group prefix, {@code __1} suffixes for repeated
 * TaskFlow calls, duplicates refused for operators), the DAG and group it joins (the
 * {@code with} context unless {@code dag=}/{@code task_group=} say otherwise), and what it
 * keeps (arguments, callable, mapping).
 */
final class Tasks {
  private static final Pattern SUFFIX = Pattern.compile("__(\\d+)$");

  private final Interpreter in;

  Tasks(Interpreter in) {
    this.in = in;
  }

  /** {@code SomeOperator(task_id=..., ...)}, possibly from a {@code .partial(...)} and mapped. */
  PyValue operator(EvalValue.OperatorClass cls, Args a, PyNode n, List<Kwarg> partial, MapSpec mapping) {
    String raw = Strings.oneLine(in.text(n));
    a.reportUnexpanded(in, n, "operator `" + cls.name() + "`");
    LinkedHashMap<String, Kwarg> kw = new LinkedHashMap<>();
    for (Kwarg k : partial) {
      kw.put(k.name(), k);
    }
    DagModel dag = null;
    GroupModel group = null;
    boolean explicitDag = false;
    boolean explicitGroup = false;
    for (Map.Entry<String, Args.Arg> e : a.keywords.entrySet()) {
      PyValue v = e.getValue().value();
      if (e.getKey().equals("dag") && v instanceof EvalValue.DagRef d) {
        dag = d.dag();
        explicitDag = true;
        continue;
      }
      if (e.getKey().equals("task_group") && v instanceof EvalValue.GroupRef g) {
        group = g.group();
        dag = g.dag();
        explicitGroup = true;
        continue;
      }
      if (e.getKey().equals("python_callable") && v instanceof EvalValue.Ref r) {
        v = new PyValue.Func(PyFunction.imported(r.last(), r.qualname(), e.getValue().span()));
      }
      kw.remove(e.getKey());
      kw.put(e.getKey(), new Kwarg(e.getKey(), in.lowering.lower(v), e.getValue().span(), e.getValue().raw()));
    }
    Interpreter.Context ctx = in.context();
    if (dag == null && ctx != null) {
      dag = ctx.dag();
    }
    if (!explicitGroup && ctx != null && dag == ctx.dag()) {
      group = ctx.group();
    }
    if (explicitDag && !explicitGroup && ctx != null && ctx.dag() != dag) {
      group = null;
    }
    Kwarg idArg = kw.remove("task_id");
    if (idArg == null) {
      in.report(Codes.AIRFLOW_UNKNOWN_ID, in.span(n), "`" + cls.name() + "(...)` has no `task_id`",
          "every operator needs `task_id=`; airflow rejects the call");
      return new Unknown(raw, "the operator has no task id");
    }
    if (!(idArg.value() instanceof Str id)) {
      reportUnknownId("task", idArg, n);
      return new Unknown(raw, "its task id is not known statically");
    }
    if (dag == null) {
      outsideDag(id.value(), n);
      return new Unknown(raw, "the task belongs to no dag");
    }
    String qual = cls.declared() != null ? cls.name() : cls.qualname();
    TaskModel t = newTask(id.value(), TaskModel.Style.OPERATOR, cls.name(), qual, cls.declared() != null, n, dag, group,
        false, in.nextSeq());
    if (t == null) {
      return new Unknown(raw, "the task id is taken");
    }
    for (Kwarg k : kw.values()) {
      t.putKwarg(k);
    }
    Kwarg callable = kw.get("python_callable");
    if (callable != null && callable.value() instanceof PyValue.Func f) {
      t.setFunction(f.function());
    }
    if (mapping != null) {
      t.setMapping(mapping);
    }
    for (Args.Arg p : a.positional) {
      if (in.once("positional@" + n.start())) {
        in.report(Codes.AIRFLOW_UNSUPPORTED, p.span(), "positional argument `" + Strings.oneLine(p.raw())
            + "` of operator `" + cls.name() + "` is ignored", "airflow operators take keyword arguments only");
      }
    }
    return new PyValue.TaskRef(t);
  }

  /** A call of a TaskFlow function (after {@code .override(...)}, possibly mapped). */
  PyValue taskflow(EvalValue.TaskFactory f, Args a, PyNode n, List<Kwarg> partial, MapSpec mapping) {
    String raw = Strings.oneLine(in.text(n));
    a.reportUnexpanded(in, n, "task function `" + f.fn().name() + "`");
    Interpreter.Context ctx = in.context();
    Kwarg idArg = f.kwargs().get("task_id");
    String base = f.fn().name();
    if (idArg != null) {
      if (!(idArg.value() instanceof Str id)) {
        reportUnknownId("task", idArg, n);
        return new Unknown(raw, "its task id is not known statically");
      }
      base = id.value();
    }
    DagModel dag = ctx == null ? null : ctx.dag();
    GroupModel group = ctx == null ? null : ctx.group();
    Kwarg dagArg = f.kwargs().get("dag");
    if (dag == null) {
      outsideDag(base, n);
      return new Unknown(raw, "the task belongs to no dag");
    }
    TaskModel t = newTask(base, TaskModel.Style.TASKFLOW, f.kind(), "airflow.decorators." + f.kind(), false, n, dag,
        group, true, in.nextSeq());
    for (Kwarg k : f.kwargs().values()) {
      if (!k.name().equals("task_id") && k != dagArg) {
        t.putKwarg(k);
      }
    }
    for (Kwarg k : partial) {
      t.callArgs().add(new CallArg(java.util.Optional.of(k.name()), k.value(), k.span(), k.raw()));
    }
    // Arguments of a TaskFlow call are XComArgs as a rule: a pending outside call becomes its task.
    for (Args.Arg x : a.positional) {
      materializeIn(x.value());
    }
    for (Args.Arg x : a.keywords.values()) {
      materializeIn(x.value());
    }
    t.callArgs().addAll(a.callArgs(in.lowering));
    t.setFunction(in.lowering.describe(f.fn()));
    if (f.setup()) {
      t.markSetup();
    }
    if (f.teardown()) {
      t.markTeardown();
    }
    if (mapping != null) {
      t.setMapping(mapping);
    }
    return new PyValue.TaskRef(t);
  }

  private void materializeIn(PyValue v) {
    if (v instanceof EvalValue.Pending p) {
      placeholder(p);
    } else if (v instanceof PyValue.ListV l) {
      l.items().forEach(this::materializeIn);
    }
  }

  /** The placeholder task of a call of a function from outside the file. */
  TaskModel placeholder(EvalValue.Pending p) {
    if (p.task != null) {
      return p.task;
    }
    String base = Known.last(p.callee.replaceAll("\\(.*$", ""));
    Kwarg id = p.kwargs.get("task_id") != null ? p.kwargs.get("task_id") : p.kwargs.get("group_id");
    if (id != null && id.value() instanceof Str s) {
      base = s.value();
    }
    if (base.isEmpty() || !base.matches("[A-Za-z0-9_.\\-]+")) {
      base = "task";
    }
    TaskModel t = newTask(base, TaskModel.Style.PLACEHOLDER, p.callee, p.callee, false, p.node, p.dag, p.group, true, p.seq);
    p.task = t;
    for (Kwarg k : p.kwargs.values()) {
      t.putKwarg(k);
    }
    t.callArgs().addAll(p.args);
    if (p.mapping != null) {
      t.setMapping(p.mapping);
    }
    in.report(Diagnostic.of(Codes.AIRFLOW_ASSUMED_TASK, in.span(p.node), "`" + p.callee + "(...)` is assumed to create task `"
            + t.id() + "`: " + p.origin)
        .withHelp("the reader only sees this file; convert the module that defines it as well, or read the dag's "
            + "serialized json instead"));
    return t;
  }

  /**
   * Registers a task under {@code local} in its group and DAG; a TaskFlow id that is taken gets
   * Airflow's {@code __N} suffix, an operator id that is taken is an error (null is returned).
   */
  TaskModel newTask(String local, TaskModel.Style style, String operator, String qualname, boolean definedInFile, PyNode n,
      DagModel dag, GroupModel group, boolean suffix, int seq) {
    String id = group == null ? local : group.childId(local);
    if (taken(dag, id)) {
      if (!suffix) {
        TaskModel first = dag.task(id).orElse(null);
        Diagnostic d = Diagnostic.of(Codes.AIRFLOW_DUPLICATE_ID, in.span(n), "dag `" + dag.dagId()
            + "` already has a task or group `" + id + "`");
        if (first != null) {
          d = d.withLabel(first.span(), "first defined here");
        }
        in.report(d.withHelp("airflow rejects the file with `DuplicateTaskIdFound`; give the task another `task_id`"));
        return null;
      }
      id = unique(dag, id);
    }
    TaskModel t = new TaskModel(id, style, operator, qualname, definedInFile, in.span(n), in.text(n), dag, group, seq);
    dag.tasks().add(t);
    if (group != null) {
      group.tasks().add(t);
    }
    for (List<TaskModel> watcher : in.creationWatchers) {
      watcher.add(t);
    }
    in.airflow.mutated();
    return t;
  }

  static boolean taken(DagModel dag, String id) {
    return dag.task(id).isPresent() || dag.groups().stream().anyMatch(g -> g.id().equals(id));
  }

  /** Airflow's {@code get_unique_task_id}: {@code core__N} with N one more than the largest in use. */
  static String unique(DagModel dag, String full) {
    String core = SUFFIX.matcher(full).replaceAll("");
    int max = 0;
    List<String> ids = new ArrayList<>();
    dag.tasks().forEach(t -> ids.add(t.id()));
    dag.groups().forEach(g -> ids.add(g.id()));
    Pattern p = Pattern.compile("^" + Pattern.quote(core) + "__(\\d+)$");
    for (String id : ids) {
      Matcher m = p.matcher(id);
      if (m.matches()) {
        try {
          max = Math.max(max, Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
          // an absurdly long suffix: ignore it
        }
      }
    }
    return core + "__" + (max + 1);
  }

  void reportUnknownId(String what, Kwarg id, PyNode n) {
    String why = id.value() instanceof Unknown u ? u.why() : "it is " + Strings.describe(id.value());
    in.report(Codes.AIRFLOW_UNKNOWN_ID, id.span().isKnown() ? id.span() : in.span(n), what + " id `"
        + Strings.oneLine(id.raw()) + "` cannot be computed statically: " + why,
        "the reader cannot create this " + what + " without its id; give it a literal id, or read the dag's serialized json");
  }

  private void outsideDag(String id, PyNode n) {
    Span s = in.span(n);
    in.report(Codes.AIRFLOW_TASK_OUTSIDE_DAG, s, "task `" + id + "` is created outside any dag and is ignored",
        "airflow only runs tasks created inside `with DAG(...)`, an `@dag` function or with `dag=`");
  }
}
