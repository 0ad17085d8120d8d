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
 * Methods called on tasks, task functions, operator classes and partials: {@code set_upstream},
 * {@code as_setup}, {@code as_teardown}, {@code .override(...)}, {@code .partial(...)},
 * {@code .expand(...)}, {@code .expand_kwargs(...)}, and the few methods of DAGs and paths.
 */
final class TaskMethods {
  private final Interpreter in;

  TaskMethods(Interpreter in) {
    this.in = in;
  }


  PyValue callMethod(PyValue self, String name, Args a, PyNode n) {
    String raw = Strings.oneLine(in.text(n));
    if (self instanceof EvalValue.Pending p && Set.of("set_upstream", "set_downstream", "as_setup", "as_teardown",
        "update_relative").contains(name)) {
      self = new PyValue.TaskRef(in.airflow.materialize(p));
    }
    if (self instanceof PyValue.TaskRef || self instanceof PyValue.XCom || self instanceof EvalValue.GroupRef) {
      TaskModel t = in.airflow.taskOf(self);
      switch (name) {
        case "set_upstream", "set_downstream" -> {
          PyValue other = a.arg(0, "task_or_task_list");
          if (other != null) {
            if (name.equals("set_downstream")) {
              in.dependencies.connect(in.dependencies.endpoints(self, true, n), in.dependencies.endpoints(other, false, n), n);
            } else {
              in.dependencies.connect(in.dependencies.endpoints(other, true, n), in.dependencies.endpoints(self, false, n), n);
            }
          }
          return PyValue.NONE;
        }
        case "as_setup" -> {
          if (t != null) {
            t.markSetup();
          }
          return self;
        }
        case "as_teardown" -> {
          if (t != null) {
            t.markTeardown();
            PyValue setups = a.arg(0, "setups");
            if (setups != null && !(setups instanceof PyValue.None)) {
              for (TaskModel s : in.dependencies.endpoints(setups, true, n)) {
                s.markSetup();
                in.dependencies.edge(s, t, null, n);
              }
            }
            Args.Arg fail = a.keywords.get("on_failure_fail_dagrun");
            if (fail != null) {
              t.putKwarg(new Kwarg("on_failure_fail_dagrun", in.lowering.lower(fail.value()), fail.span(), fail.raw()));
            }
          }
          return self;
        }
        case "update_relative" -> {
          return PyValue.NONE;
        }
        case "map", "zip", "concat", "resolve" -> {
          if (in.once("xcom-" + name + "@" + n.start())) {
            in.report(Codes.AIRFLOW_UNSUPPORTED, in.span(n), "`." + name + "(...)` on an xcom is not translated; the value is unresolved",
                "pass the upstream result to a task that does the transformation");
          }
          return new Unknown(raw, "it transforms an xcom with `." + name + "`, which the reader does not translate");
        }
        default -> {
          return new Unknown(raw, "method `" + name + "` of a task is not evaluated");
        }
      }
    }
    if (self instanceof EvalValue.TaskFactory f) {
      switch (name) {
        case "override" -> {
          LinkedHashMap<String, Kwarg> kw = new LinkedHashMap<>(f.kwargs());
          kw.putAll(a.kwargs(in.lowering));
          return new EvalValue.TaskFactory(f.fn(), f.kind(), kw, f.setup(), f.teardown());
        }
        case "partial" -> {
          return new EvalValue.Partial(f, new ArrayList<>(a.kwargs(in.lowering).values()), n);
        }
        case "expand", "expand_kwargs" -> {
          return in.airflow.tasks().taskflow(f, new Args(), n, List.of(), mapping(name, a));
        }
        default -> {
          return new Unknown(raw, "`" + name + "` of a task function is not evaluated");
        }
      }
    }
    if (self instanceof EvalValue.GroupFactory g && Set.of("expand", "partial", "expand_kwargs").contains(name)) {
      return mappedGroup(g, name, a, n);
    }
    if (self instanceof EvalValue.OperatorClass c && name.equals("partial")) {
      return new EvalValue.Partial(c, partialKwargs(a), n);
    }
    if (self instanceof EvalValue.Partial p && (name.equals("expand") || name.equals("expand_kwargs"))) {
      MapSpec m = mapping(name, a);
      if (p.target() instanceof EvalValue.TaskFactory f) {
        return in.airflow.tasks().taskflow(f, new Args(), n, p.kwargs(), m);
      }
      if (p.target() instanceof EvalValue.OperatorClass c) {
        Args none = new Args();
        return in.airflow.tasks().operator(c, none, n, p.kwargs(), m);
      }
      if (p.target() instanceof EvalValue.Ref r) {
        return in.airflow.pendingCall(r.last(), "it is imported from `" + AirflowCalls.module(r.qualname()) + "`, which is not in the file", new Args(), n,
            m, p.kwargs());
      }
    }
    if (self instanceof EvalValue.Ref r && name.equals("partial") && Known.isOperatorClass(r.qualname())) {
      return new EvalValue.Partial(new EvalValue.OperatorClass(r.qualname(), r.last(), null), partialKwargs(a), n);
    }
    if (self instanceof EvalValue.Ref r && Set.of("expand", "expand_kwargs", "partial", "override").contains(name)) {
      if (name.equals("partial") || name.equals("override")) {
        return new EvalValue.Partial(r, new ArrayList<>(a.kwargs(in.lowering).values()), n);
      }
      return in.airflow.pendingCall(r.last(), "it is imported from `" + AirflowCalls.module(r.qualname()) + "`, which is not in the file", new Args(), n,
          mapping(name, a));
    }
    if (self instanceof EvalValue.DagRef d) {
      if (name.equals("get_task") && a.arg(0, "task_id") instanceof Str id) {
        return d.dag().task(id.value()).<PyValue>map(PyValue.TaskRef::new)
            .orElse(new Unknown(raw, "dag `" + d.dag().dagId() + "` has no task `" + id.value() + "`"));
      }
      return PyValue.NONE;
    }
    if (self instanceof PyValue.Obj o && o.type().equals(Library.PATH)) {
      if (name.equals("as_posix") || name.equals("__str__")) {
        return o.args().get(0);
      }
      if (name.equals("joinpath") && a.positional.size() == 1) {
        return joinPath(o, a.positional.get(0).value(), raw);
      }
      return new Unknown(raw, "`Path." + name + "()` depends on the machine that parses the file");
    }
    if (self instanceof Unknown u) {
      return new Unknown(raw, u.why());
    }
    if (self instanceof EvalValue.Pending p) {
      return new Unknown(raw, "it uses " + p.describe() + ", which is not known statically");
    }
    return new Unknown(raw, "method `" + name + "` of " + Strings.describe(self) + " is not evaluated");
  }

  private List<Kwarg> partialKwargs(Args a) {
    List<Kwarg> out = new ArrayList<>();
    for (Map.Entry<String, Args.Arg> e : a.keywords.entrySet()) {
      PyValue v = e.getValue().value();
      if (e.getKey().equals("python_callable") && v instanceof EvalValue.Ref r) {
        v = new PyValue.Func(io.flytemigrate.airflow.model.PyFunction.imported(r.last(), r.qualname(), e.getValue().span()));
      }
      out.add(new Kwarg(e.getKey(), in.lowering.lower(v), e.getValue().span(), e.getValue().raw()));
    }
    return out;
  }

  private MapSpec mapping(String name, Args a) {
    if (name.equals("expand_kwargs")) {
      Args.Arg v = a.positional.isEmpty() ? null : a.positional.get(0);
      if (v == null) {
        return new MapSpec(List.of(), Optional.empty());
      }
      return new MapSpec(List.of(), Optional.of(new Kwarg("kwargs", in.lowering.lower(v.value()), v.span(), v.raw())));
    }
    return new MapSpec(new ArrayList<>(a.kwargs(in.lowering).values()), Optional.empty());
  }

  private PyValue joinPath(PyValue.Obj path, PyValue part, String raw) {
    String base = Strings.str(path.args().get(0));
    String p = part instanceof PyValue.Obj o && o.type().equals(Library.PATH) ? Strings.str(o.args().get(0)) : Strings.str(part);
    if (base == null || p == null || !(part instanceof Str || part instanceof PyValue.Obj)) {
      return Builtins.unknownFrom(part, raw, "the path is not known statically");
    }
    String joined = p.startsWith("/") ? p : base.endsWith("/") ? base + p : base + "/" + p;
    return new PyValue.Obj(Library.PATH, List.of(new Str(joined)), Map.of(), raw);
  }

  /**
   * A mapped task group ({@code group_fn.expand(x=[...])}) has no IR form: its body is read once,
   * with each mapped argument an unknown item, and reported.
   */
  private PyValue mappedGroup(EvalValue.GroupFactory g, String name, Args a, PyNode n) {
    if (in.once("mapped-group@" + n.start())) {
      in.report(Codes.AIRFLOW_UNSUPPORTED, in.span(n), "task group `" + g.fn().name() + "` is mapped with `." + name
          + "(...)`; it is read once, as an unmapped group", "map the tasks inside the group instead of the group");
    }
    if (name.equals("partial")) {
      return g;
    }
    Args once = new Args();
    for (java.util.Map.Entry<String, Args.Arg> e : a.keywords.entrySet()) {
      Args.Arg arg = e.getValue();
      once.keywords.put(e.getKey(), new Args.Arg(new Unknown(arg.raw(), "it is an item of the mapped list `" + Strings.oneLine(arg.raw())
          + "`"), arg.span(), arg.raw()));
    }
    return in.airflow.dags.groupFunction(g, once, n);
  }
}
