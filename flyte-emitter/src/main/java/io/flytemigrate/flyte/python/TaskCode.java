package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Resources;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskMetadata;
import io.flytemigrate.flyte.model.Variable;
import java.util.ArrayList;
import java.util.List;

/** The pieces of task code shared by task kinds: settings arguments, signatures, types. */
final class TaskCode {
  private final Imports imports;

  TaskCode(Imports imports) {
    this.imports = imports;
  }

  /** The annotation of a type, importing what it needs. */
  String annotation(LiteralType t) {
    String a = PythonTypes.annotation(t);
    if (a.contains("typing.")) {
      imports.std("typing");
    }
    if (a.contains("FlyteFile")) {
      imports.from("flytekit.types.file", "FlyteFile");
    }
    if (a.contains("FlyteDirectory")) {
      imports.from("flytekit.types.directory", "FlyteDirectory");
    }
    if (a.contains("datetime.")) {
      imports.std("datetime");
    }
    return a;
  }

  /** {@code cache=, cache_version=, retries=, timeout=} as keyword arguments. */
  List<PyExpr> metadata(TaskMetadata m) {
    List<PyExpr> args = new ArrayList<>();
    if (m.cacheable()) {
      args.add(PyExpr.kw("cache", PyExpr.atom("True")));
      args.add(PyExpr.kw("cache_version", PyExpr.atom(PyText.str(m.cacheVersion()))));
    }
    if (m.retries() > 0) {
      args.add(PyExpr.kw("retries", PyExpr.atom(String.valueOf(m.retries()))));
    }
    m.timeoutSeconds().ifPresent(s -> {
      imports.fromStd("datetime", "timedelta");
      args.add(PyExpr.kw("timeout", PyExpr.call("timedelta", PyExpr.kw("seconds", PyExpr.atom(String.valueOf(s))))));
    });
    m.interruptible().ifPresent(i -> args.add(PyExpr.kw("interruptible", PyExpr.atom(i ? "True" : "False"))));
    return args;
  }

  /** {@code requests=Resources(...)}, {@code limits=Resources(...)} and {@code environment={...}}. */
  List<PyExpr> container(Container c) {
    List<PyExpr> args = new ArrayList<>();
    if (!c.resources().requests().isEmpty()) {
      args.add(PyExpr.kw("requests", resources(c.resources().requests())));
    }
    if (!c.resources().limits().isEmpty()) {
      args.add(PyExpr.kw("limits", resources(c.resources().limits())));
    }
    if (!c.env().isEmpty()) {
      List<PyExpr.Entry> entries = new ArrayList<>();
      for (KeyValue kv : c.env()) {
        entries.add(new PyExpr.Entry(PyExpr.atom(PyText.str(kv.key())), PyExpr.atom(PyText.str(kv.value()))));
      }
      args.add(PyExpr.kw("environment", new PyExpr.Dict(entries)));
    }
    return args;
  }

  private PyExpr resources(List<Resources.Entry> entries) {
    imports.from("flytekit", "Resources");
    List<PyExpr> args = new ArrayList<>();
    for (Resources.Name n : List.of(Resources.Name.CPU, Resources.Name.MEMORY, Resources.Name.GPU,
        Resources.Name.EPHEMERAL_STORAGE)) {
      for (Resources.Entry e : entries) {
        if (e.name() == n) {
          String key = switch (n) {
            case CPU -> "cpu";
            case MEMORY -> "mem";
            case GPU -> "gpu";
            case EPHEMERAL_STORAGE -> "ephemeral_storage";
          };
          args.add(PyExpr.kw(key, PyExpr.atom(PyText.str(e.quantity()))));
        }
      }
    }
    return PyExpr.call("Resources", args);
  }

  /** Function parameters {@code name: annotation}. */
  List<PyExpr> parameters(List<Variable> inputs) {
    List<PyExpr> params = new ArrayList<>();
    for (Variable v : inputs) {
      params.add(PyExpr.atom(v.name() + ": " + annotation(v.type())));
    }
    return params;
  }

  /** The return annotation: empty for none, the type for one output, else the NamedTuple's name. */
  String returns(TaskDef t, String namedTuple) {
    List<Variable> outs = t.iface().outputs();
    if (outs.isEmpty()) {
      return "";
    }
    return outs.size() == 1 && outs.get(0).name().equals("o0") ? annotation(outs.get(0).type()) : namedTuple;
  }

  /** {@code Name = typing.NamedTuple("Name", [("a", int), ...])}. */
  PyExpr namedTuple(String name, List<Variable> outputs) {
    imports.std("typing");
    List<PyExpr> fields = new ArrayList<>();
    for (Variable v : outputs) {
      fields.add(new PyExpr.Seq("(", ")", List.of(PyExpr.atom(PyText.str(v.name())), PyExpr.atom(annotation(v.type())))));
    }
    return PyExpr.call("typing.NamedTuple", PyExpr.atom(PyText.str(name)), PyExpr.list(fields));
  }

  static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = true;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
