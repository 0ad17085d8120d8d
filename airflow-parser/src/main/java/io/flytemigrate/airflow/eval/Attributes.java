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
 * Attribute lookups, subscripts and attribute assignments on Airflow values: {@code op.output},
 * {@code t.task_id}, {@code dag.default_args}, {@code TriggerRule.ALL_DONE}, {@code result["key"]},
 * {@code t.trigger_rule = ...} (attributes set after construction count, as in Airflow).
 */
final class Attributes {
  private final Interpreter in;

  Attributes(Interpreter in) {
    this.in = in;
  }


  PyValue refAttribute(EvalValue.Ref r, String name, String raw) {
    String q = r.qualname();
    if ("TriggerRule".equals(Known.airflowConcept(q))) {
      return new Str(name.toLowerCase(Locale.ROOT));
    }
    if (Set.of("partial", "expand", "expand_kwargs", "override").contains(name) && !Known.isValueModule(q)) {
      return new EvalValue.Method(r, name);
    }
    if (name.equals("partial") && Known.isOperatorClass(q)) {
      return new EvalValue.Method(r, name);
    }
    String full = q + "." + name;
    switch (full) {
      case "typing.TYPE_CHECKING" -> {
        return new PyValue.Bool(false);
      }
      case "sys.executable", "sys.version_info", "sys.platform", "sys.argv", "sys.path" -> {
        return new Unknown(raw, "it depends on the machine that parses the file");
      }
      case "os.sep" -> {
        return new Str("/");
      }
      case "datetime.datetime.min" -> {
        return new PyValue.DateTime("0001-01-01T00:00:00");
      }
      case "datetime.datetime.max" -> {
        return new PyValue.DateTime("9999-12-31T23:59:59.999999");
      }
      default -> {
        return new EvalValue.Ref(full);
      }
    }
  }

  PyValue attribute(PyValue obj, String name, PyNode n) {
    String raw = Strings.oneLine(in.text(n));
    if (obj instanceof EvalValue.Pending p) {
      if (name.equals("output") || name.equals("task_id")) {
        obj = new PyValue.TaskRef(in.airflow.materialize(p));
      } else if (Set.of("set_upstream", "set_downstream", "as_setup", "as_teardown", "update_relative").contains(name)) {
        return new EvalValue.Method(p, name);
      } else {
        return new Unknown(raw, "it uses " + p.describe() + ", which is not known statically");
      }
    }
    if (obj instanceof PyValue.TaskRef t) {
      TaskModel task = t.task();
      switch (name) {
        case "output" -> {
          return new PyValue.XCom(task, PyValue.XCom.RETURN_VALUE);
        }
        case "task_id" -> {
          return new Str(task.id());
        }
        case "dag_id" -> {
          return new Str(task.dag().dagId());
        }
        case "dag" -> {
          return new EvalValue.DagRef(task.dag());
        }
        case "set_upstream", "set_downstream", "as_setup", "as_teardown", "update_relative", "map", "zip", "concat",
            "resolve" -> {
          return new EvalValue.Method(obj, name);
        }
        default -> {
          Kwarg k = task.kwargs().get(name);
          return k != null ? k.value() : new Unknown(raw, "attribute `" + name + "` of task `" + task.id() + "` is not known statically");
        }
      }
    }
    if (obj instanceof PyValue.XCom) {
      return new EvalValue.Method(obj, name);
    }
    if (obj instanceof EvalValue.DagRef d) {
      return dagAttribute(d.dag(), name, raw);
    }
    if (obj instanceof EvalValue.GroupRef g) {
      if (name.equals("group_id")) {
        return new Str(g.group().id());
      }
      return new EvalValue.Method(obj, name);
    }
    if (obj instanceof EvalValue.TaskFactory || obj instanceof EvalValue.OperatorClass || obj instanceof EvalValue.Partial) {
      return new EvalValue.Method(obj, name);
    }
    if (obj instanceof PyValue.Obj o) {
      if (o.type().equals(Library.PATH)) {
        if (Set.of("as_posix", "joinpath", "resolve", "absolute", "exists", "is_file", "is_dir", "read_text").contains(name)) {
          return new EvalValue.Method(obj, name);
        }
        return Library.pathAttribute(o, name, raw);
      }
      PyValue v = o.kwargs().get(name);
      if (v != null) {
        return v;
      }
      if (name.equals("uri") && !o.args().isEmpty()) {
        return o.args().get(0);
      }
      return new Unknown(raw, "attribute `" + name + "` of a `" + o.simpleName() + "` object is not known statically");
    }
    if (obj instanceof EvalValue.Function f) {
      return name.equals("__name__") ? new Str(f.name()) : new Unknown(raw, "attribute `" + name + "` of a function");
    }
    if (obj instanceof EvalValue.Boilerplate b) {
      return b;
    }
    if (obj instanceof EvalValue ev) {
      return new EvalValue.Method(ev, name);
    }
    return new Unknown(raw, "attribute `" + name + "` of " + Strings.describe(obj) + " is not known statically");
  }

  private PyValue dagAttribute(DagModel d, String name, String raw) {
    switch (name) {
      case "dag_id" -> {
        return new Str(d.dagId());
      }
      case "default_args" -> {
        PyValue.DictV dict = new PyValue.DictV(new LinkedHashMap<>());
        for (Kwarg k : d.defaultArgs().values()) {
          dict.entries().put(new Str(k.name()), k.value());
          in.provenance.record(dict, new Str(k.name()), k.span(), k.raw());
        }
        return dict;
      }
      case "tasks", "roots", "leaves" -> {
        List<PyValue> out = new ArrayList<>();
        List<TaskModel> all = new ArrayList<>(d.tasks());
        all.sort((x, y) -> Integer.compare(x.seq(), y.seq()));
        for (TaskModel t : all) {
          out.add(new PyValue.TaskRef(t));
        }
        return new ListV(out, false);
      }
      case "task_ids" -> {
        List<PyValue> out = new ArrayList<>();
        d.tasks().forEach(t -> out.add(new Str(t.id())));
        return new ListV(out, false);
      }
      default -> {
        Kwarg k = d.kwargs().get(name);
        if (k != null) {
          return k.value();
        }
        return new EvalValue.Method(new EvalValue.DagRef(d), name);
      }
    }
  }

  PyValue item(PyValue value, PyValue key, PyNode n) {
    String raw = Strings.oneLine(in.text(n));
    if (value instanceof EvalValue.Pending p) {
      value = new PyValue.TaskRef(in.airflow.materialize(p));
    }
    if (value instanceof PyValue.TaskRef t && key instanceof Str k) {
      return new PyValue.XCom(t.task(), k.value());
    }
    if (value instanceof PyValue.XCom x && key instanceof Str k && x.key().equals(PyValue.XCom.RETURN_VALUE)) {
      return new PyValue.XCom(x.task(), k.value());
    }
    if (value instanceof EvalValue.Ref r && r.qualname().equals("os.environ")) {
      return new Unknown(raw, "it reads the environment variable `" + (key instanceof Str k ? k.value() : "?")
          + "` when the file is parsed");
    }
    if (value instanceof PyValue.TaskRef || value instanceof PyValue.XCom) {
      return new Unknown(raw, "an xcom is indexed with " + Strings.describe(key) + ", which the reader does not translate");
    }
    return Builtins.unknownFrom(key, raw, "the subscript of " + Strings.describe(value) + " is not known statically");
  }

  static PyValue hasAttr(PyValue obj, String attr, String raw) {
    if (obj instanceof EvalValue.DagRef || obj instanceof PyValue.TaskRef) {
      return new PyValue.Bool(true);
    }
    return new Unknown(raw, "`hasattr` of " + Strings.describe(obj) + " is not known statically");
  }

  /** {@code obj.name = value}: attributes set on tasks and DAGs after construction count. */
  void setAttribute(PyValue obj, String name, PyValue value, Span span, String raw) {
    if (obj instanceof EvalValue.Pending p) {
      obj = new PyValue.TaskRef(in.airflow.materialize(p));
    }
    if (obj instanceof PyValue.TaskRef t) {
      t.task().putKwarg(new Kwarg(name, in.lowering.lower(value), span, raw));
    } else if (obj instanceof EvalValue.DagRef d) {
      d.dag().putKwarg(new Kwarg(name, in.lowering.lower(value), span, raw));
    }
  }
}
