package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.GroupModel;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyParam;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Declares DAGs and task groups: {@code DAG(...)} objects (with-blocks and plain objects),
 * {@code @dag} functions when called, {@code TaskGroup(...)}, {@code @task_group} functions when
 * called (with Airflow's {@code __N} suffix on repeated calls) and {@code @asset} functions.
 */
final class Dags {
  private final Interpreter in;

  Dags(Interpreter in) {
    this.in = in;
  }

  /** {@code DAG(dag_id, ...)}. */
  PyValue dag(Args a, PyNode n) {
    a.reportUnexpanded(in, n, "`DAG(...)`");
    Args.Arg idArg = a.argInfo(0, "dag_id");
    DagModel d = newDag(idArg, DagModel.Declaration.OBJECT, in.span(n), in.text(n), n);
    for (Map.Entry<String, Args.Arg> e : a.keywords.entrySet()) {
      if (!e.getKey().equals("dag_id")) {
        keep(d, e.getKey(), e.getValue().value(), e.getValue().span(), e.getValue().raw());
      }
    }
    if (a.positional.size() > 1 && a.keywords.get("description") == null) {
      Args.Arg desc = a.positional.get(1);
      keep(d, "description", desc.value(), desc.span(), desc.raw());
    }
    return new EvalValue.DagRef(d);
  }

  /** Calling an {@code @dag} function: declares the DAG and runs the body inside it. */
  PyValue dagFunction(EvalValue.DagFactory f, Args a, PyNode n) {
    Kwarg id = f.kwargs().get("dag_id");
    Args.Arg idArg = id == null ? new Args.Arg(new Str(f.fn().name()), in.span(f.fn().node()), f.fn().name())
        : new Args.Arg(id.value(), id.span(), id.raw());
    Span span = f.decoratorSpan();
    DagModel d = newDag(idArg, DagModel.Declaration.DECORATOR, span, f.decoratorRaw(), f.fn().node());
    for (Kwarg k : f.kwargs().values()) {
      if (!k.name().equals("dag_id")) {
        keep(d, k.name(), k.value(), k.span(), k.raw());
      }
    }
    Args body = new Args();
    List<Signatures.Param> params = Signatures.read(f.fn().node().get("parameters"), in);
    for (Signatures.Param p : params) {
      if (p.kind() == PyParam.Kind.VAR_POSITIONAL || p.kind() == PyParam.Kind.VAR_KEYWORD) {
        continue;
      }
      Optional<PyValue> dflt = Optional.empty();
      Args.Arg given = a.keywords.get(p.name());
      int index = params.indexOf(p);
      if (given == null && index < a.positional.size()) {
        given = a.positional.get(index);
      }
      if (given != null) {
        dflt = Optional.of(in.lowering.lower(given.value()));
      } else if (p.defaultValue() != null) {
        dflt = Optional.of(in.lowering.lower(in.expressions.eval(p.defaultValue(), f.fn().closure())));
      }
      d.functionParams().add(new PyParam(p.name(), p.kind(), Optional.ofNullable(p.annotation()).map(in::text), dflt,
          in.span(p.node())));
      body.keywords.put(p.name(), new Args.Arg(new PyValue.ParamRef(p.name()), in.span(p.node()), p.name()));
    }
    in.lowering.describe(f.fn()).doc().ifPresent(d::setDoc);
    in.contexts.push(new Interpreter.Context(d, null));
    try {
      in.calls.callFunction(f.fn(), body, n);
    } finally {
      in.contexts.pop();
    }
    return new EvalValue.DagRef(d);
  }

  private DagModel newDag(Args.Arg idArg, DagModel.Declaration decl, Span span, String raw, PyNode n) {
    String id;
    boolean known = true;
    if (idArg != null && idArg.value() instanceof Str s && !s.value().isEmpty()) {
      id = s.value();
    } else {
      known = false;
      id = fallbackName();
      String why = idArg == null ? "the dag has no `dag_id`"
          : idArg.value() instanceof Unknown u ? u.why() : "it is " + Strings.describe(idArg.value());
      in.report(Codes.AIRFLOW_UNRESOLVED, idArg == null || !idArg.span().isKnown() ? span : idArg.span(),
          "dag id " + (idArg == null ? "" : "`" + Strings.oneLine(idArg.raw()) + "` ") + "cannot be computed statically ("
              + why + "); the pipeline is named `" + id + "`", "give the dag a literal `dag_id` to keep its name");
    }
    DagModel d = new DagModel(id, known, decl, span, raw);
    for (DagModel other : in.dags) {
      if (other.dagId().equals(id) && known && other.dagIdKnown()) {
        in.report(io.flytemigrate.ir.diag.Diagnostic.of(Codes.AIRFLOW_DUPLICATE_ID, span, "the file declares dag `" + id
                + "` twice")
            .withLabel(other.span(), "first declared here")
            .withHelp("airflow rejects a file with two dags of the same id; give one another `dag_id`"));
        break;
      }
    }
    in.dags.add(d);
    in.airflow.mutated();
    return d;
  }

  private String fallbackName() {
    String path = in.source.path();
    String base = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.py$", "");
    String name = base;
    int k = 2;
    while (true) {
      String candidate = name;
      if (in.dags.stream().noneMatch(d -> d.dagId().equals(candidate))) {
        return candidate;
      }
      name = base + "_" + k++;
    }
  }

  /** Keeps one DAG argument; {@code default_args} is spread key by key. */
  private void keep(DagModel d, String name, PyValue value, Span span, String raw) {
    if (name.equals("default_args") && value instanceof PyValue.DictV dict) {
      for (Map.Entry<PyValue, PyValue> e : dict.entries().entrySet()) {
        if (e.getKey() instanceof Str k) {
          Provenance.Entry where = in.provenance.entry(dict, e.getKey());
          d.defaultArgs().put(k.value(), new Kwarg(k.value(), in.lowering.lower(e.getValue()),
              where == null ? span : where.span(), where == null ? raw + "[" + Strings.repr(k) + "]" : where.raw()));
        }
      }
      return;
    }
    d.putKwarg(new Kwarg(name, in.lowering.lower(value), span, raw));
  }

  /** {@code TaskGroup(group_id, ...)}. */
  PyValue taskGroup(Args a, PyNode n) {
    String raw = Strings.oneLine(in.text(n));
    Args.Arg idArg = a.argInfo(0, "group_id");
    Interpreter.Context ctx = in.context();
    DagModel dag = ctx == null ? null : ctx.dag();
    GroupModel parent = ctx == null ? null : ctx.group();
    PyValue dagArg = a.arg(-1, "dag");
    if (dagArg instanceof EvalValue.DagRef d) {
      if (d.dag() != dag) {
        parent = null;
      }
      dag = d.dag();
    }
    PyValue parentArg = a.arg(-1, "parent_group");
    if (parentArg instanceof EvalValue.GroupRef g) {
      parent = g.group();
      dag = g.dag();
    }
    if (idArg == null || idArg.value() instanceof PyValue.None) {
      return new Unknown(raw, "a task group without an id is the root group");
    }
    if (!(idArg.value() instanceof Str id)) {
      in.airflow.tasks().reportUnknownId("group", new Kwarg("group_id", idArg.value(), idArg.span(), idArg.raw()), n);
      return new Unknown(raw, "its group id is not known statically");
    }
    if (dag == null) {
      in.report(Codes.AIRFLOW_TASK_OUTSIDE_DAG, in.span(n), "task group `" + id.value() + "` is created outside any dag",
          "create it inside `with DAG(...)`, an `@dag` function, or pass `dag=`");
      return new Unknown(raw, "the group belongs to no dag");
    }
    GroupModel g = newGroup(id.value(), a, dag, parent, n, false);
    return g == null ? new Unknown(raw, "the group id is taken") : new EvalValue.GroupRef(g, dag);
  }

  /** Calling a {@code @task_group} function: a group (suffixed when repeated) around the body. */
  PyValue groupFunction(EvalValue.GroupFactory f, Args a, PyNode n) {
    String raw = Strings.oneLine(in.text(n));
    Interpreter.Context ctx = in.context();
    if (ctx == null) {
      in.report(Codes.AIRFLOW_TASK_OUTSIDE_DAG, in.span(n), "task group `" + f.fn().name() + "` is created outside any dag",
          "call `@task_group` functions inside `with DAG(...)` or an `@dag` function");
      return new Unknown(raw, "the group belongs to no dag");
    }
    Kwarg idKw = f.kwargs().get("group_id");
    String local = f.fn().name();
    if (idKw != null) {
      if (!(idKw.value() instanceof Str s)) {
        in.airflow.tasks().reportUnknownId("group", idKw, n);
        return new Unknown(raw, "its group id is not known statically");
      }
      local = s.value();
    }
    Args groupArgs = new Args();
    for (Kwarg k : f.kwargs().values()) {
      groupArgs.keywords.put(k.name(), new Args.Arg(k.value(), k.span(), k.raw()));
    }
    GroupModel g = newGroup(local, groupArgs, ctx.dag(), ctx.group(), n, true);
    in.contexts.push(new Interpreter.Context(ctx.dag(), g));
    PyValue result;
    try {
      result = in.calls.callFunction(f.fn(), a, n);
    } finally {
      in.contexts.pop();
    }
    return result instanceof PyValue.None ? new EvalValue.GroupRef(g, ctx.dag()) : result;
  }

  private GroupModel newGroup(String local, Args a, DagModel dag, GroupModel parent, PyNode n, boolean suffix) {
    String id = parent == null ? local : parent.childId(local);
    if (Tasks.taken(dag, id)) {
      if (!suffix) {
        in.report(Codes.AIRFLOW_DUPLICATE_ID, in.span(n), "dag `" + dag.dagId() + "` already has a task or group `" + id + "`",
            "airflow rejects the file with `DuplicateTaskIdFound`; give the group another `group_id`");
        return null;
      }
      id = Tasks.unique(dag, id);
    }
    PyValue prefix = a.arg(-1, "prefix_group_id");
    boolean prefixIds = !(prefix instanceof PyValue.Bool b) || b.value();
    GroupModel g = new GroupModel(id, parent, prefixIds, in.span(n));
    for (Map.Entry<String, Args.Arg> e : a.keywords.entrySet()) {
      String k = e.getKey();
      if (!k.equals("group_id") && !k.equals("dag") && !k.equals("parent_group")) {
        g.kwargs().put(k, new Kwarg(k, in.lowering.lower(e.getValue().value()), e.getValue().span(), e.getValue().raw()));
      }
    }
    dag.groups().add(g);
    in.airflow.mutated();
    return g;
  }

  /** {@code @asset(...)} on a function: one DAG with one task that produces the asset. */
  PyValue asset(EvalValue.Function fn, Map<String, Kwarg> kwargs, Span span, String raw) {
    Kwarg nameKw = kwargs.get("name");
    String name = nameKw != null && nameKw.value() instanceof Str s ? s.value() : fn.name();
    Args.Arg idArg = new Args.Arg(new Str(name), span, name);
    DagModel d = newDag(idArg, DagModel.Declaration.ASSET, span, raw, fn.node());
    LinkedHashMap<String, PyValue> assetKw = new LinkedHashMap<>();
    assetKw.put("name", new Str(name));
    for (Kwarg k : kwargs.values()) {
      if (k.name().equals("uri") || k.name().equals("group") || k.name().equals("extra")) {
        assetKw.put(k.name(), k.value());
      } else if (!k.name().equals("name")) {
        keep(d, k.name(), k.value(), k.span(), k.raw());
      }
    }
    PyValue.Obj asset = new PyValue.Obj("airflow.sdk.Asset", List.of(), assetKw, raw);
    TaskModel t = in.airflow.tasks().newTask(name, TaskModel.Style.TASKFLOW, "asset", "airflow.sdk.asset", false,
        fn.node(), d, null, true, in.nextSeq());
    if (t != null) {
      t.setFunction(in.lowering.describe(fn));
      t.putKwarg(new Kwarg("outlets", new PyValue.ListV(List.of(asset), false), span, raw));
    }
    return asset;
  }
}
