package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inputs of one task as it is mapped: the component's input ports and the node's bindings
 * for them, built together so names always match. Also turns argument values and Jinja templates
 * into bindings and command-line pieces, declaring the inputs they need (a param, a trigger key,
 * the logical date, a pulled XCom) and reporting what cannot be translated.
 */
final class TaskIo {
  final DagScope scope;
  final TaskModel task;
  final List<Port> ports = new ArrayList<>();
  final List<InputBinding> bindings = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  /** Whether unknown values are reported (not for opaque operators, whose raw text is kept). */
  boolean reportUnknowns = true;

  TaskIo(DagScope scope, TaskModel task) {
    this.scope = scope;
    this.task = task;
  }

  /** Adds an input port and its binding; returns the name used (made unique if needed). */
  String input(String name, IrType type, boolean optional, Optional<io.flytemigrate.ir.Value> dflt, Optional<String> description,
      Binding binding, Span span) {
    return input(name, type, optional, dflt, description, binding, span, span);
  }

  /** Like {@link #input}, with the port where it is declared and the binding where it is given. */
  String input(String name, IrType type, boolean optional, Optional<io.flytemigrate.ir.Value> dflt, Optional<String> description,
      Binding binding, Span portSpan, Span bindingSpan) {
    String n = name;
    int k = 2;
    while (!names.add(n)) {
      n = name + "_" + k++;
    }
    ports.add(new Port(n, type, false, optional, dflt, description, portSpan));
    if (binding != null) {
      bindings.add(new InputBinding(n, binding, bindingSpan));
    }
    return n;
  }

  boolean has(String name) {
    return names.contains(name);
  }

  /** A port without binding (a default applies); returns the name used. */
  String port(String name, IrType type, boolean optional, Optional<io.flytemigrate.ir.Value> dflt, Optional<String> description,
      Span span) {
    return input(name, type, optional, dflt, description, null, span);
  }

  void bind(String input, Binding b, Span span) {
    bindings.add(new InputBinding(input, b, span));
  }

  // ---------------------------------------------------------------- values to bindings

  /** The binding of an argument value: a constant, an upstream output, a param, a template. */
  Binding binding(PyValue v, Kwarg where, boolean templated) {
    if (v instanceof PyValue.Str s && templated && Jinja.isTemplate(s.value())) {
      return templateBinding(s.value(), where.span());
    }
    if (v instanceof PyValue.XCom x) {
      return taskOutput(x.task(), x.key());
    }
    if (v instanceof PyValue.TaskRef t) {
      return taskOutput(t.task(), PyValue.XCom.RETURN_VALUE);
    }
    if (v instanceof PyValue.ParamRef p) {
      return new Binding.GraphInput(p.name());
    }
    if (IrValues.isData(v)) {
      return new Binding.Constant(IrValues.value(v));
    }
    if (v instanceof PyValue.Unknown u) {
      unresolved(where, u.why());
      return new Binding.Unresolved(u.raw());
    }
    if (v instanceof PyValue.ListV || v instanceof PyValue.DictV) {
      if (!io.flytemigrate.airflow.model.ValueRefs.tasks(v).isEmpty()) {
        for (TaskModel t : io.flytemigrate.airflow.model.ValueRefs.tasks(v)) {
          scope.useOutput(t, PyValue.XCom.RETURN_VALUE);
        }
        if (reportUnknowns && scope.once("nested@" + task.id() + where.name())) {
          scope.report(Codes.AIRFLOW_UNSUPPORTED, where.span(), "argument `" + where.name() + "` of task `" + task.id()
              + "` nests task results in a list or dict, which the ir cannot bind; it is unresolved",
              "pass each upstream result as its own argument");
        }
      } else {
        unresolved(where, "it holds values that are not plain data");
      }
      return new Binding.Unresolved(where.raw());
    }
    unresolved(where, "it is " + describe(v));
    return new Binding.Unresolved(where.raw());
  }

  private static String describe(PyValue v) {
    if (v instanceof PyValue.Func f) {
      return "function `" + f.function().name() + "`";
    }
    if (v instanceof PyValue.Obj o) {
      return "a `" + o.simpleName() + "` object";
    }
    return "not plain data";
  }

  void unresolved(Kwarg where, String why) {
    if (reportUnknowns && scope.once("unresolved@" + task.id() + "/" + where.name())) {
      scope.report(Codes.AIRFLOW_UNRESOLVED, where.span(), "argument `" + where.name() + "` of task `" + task.id()
          + "` cannot be computed statically: " + why, "the value is kept as written (`" + oneLine(where.raw()) + "`)");
    }
  }

  Binding taskOutput(TaskModel upstream, String key) {
    scope.useOutput(upstream, key);
    return new Binding.TaskOutput(upstream.id(), key);
  }

  private Binding templateBinding(String text, Span span) {
    List<Jinja.Piece> pieces = Jinja.parse(text);
    if (pieces.size() == 1) {
      Jinja.Piece p = pieces.get(0);
      if (p instanceof Jinja.Param param) {
        Binding b = paramBinding(param.name(), span);
        if (!(b instanceof Binding.Constant)) {
          return b;
        }
      } else if (p instanceof Jinja.Conf c) {
        return confBinding(c, span);
      } else if (p instanceof Jinja.XComPull x) {
        return xcomBinding(x, span);
      }
    }
    return new Binding.Template(args(pieces, span));
  }

  // ---------------------------------------------------------------- templates to arguments

  /** A templated string as one command-line argument (a literal or a concatenation). */
  Arg arg(String text, Span span) {
    if (!Jinja.isTemplate(text)) {
      return new Arg.Literal(text);
    }
    List<Arg> parts = args(Jinja.parse(text), span);
    if (parts.isEmpty()) {
      return new Arg.Literal("");
    }
    return parts.size() == 1 ? parts.get(0) : new Arg.Concat(parts);
  }

  private List<Arg> args(List<Jinja.Piece> pieces, Span span) {
    List<Arg> out = new ArrayList<>();
    for (Jinja.Piece p : pieces) {
      if (p instanceof Jinja.Text t) {
        out.add(new Arg.Literal(t.text()));
      } else if (p instanceof Jinja.Run r) {
        if (r.logicalDate()) {
          logicalDateInput();
        }
        out.add(new Arg.RuntimeValue(r.name()));
      } else if (p instanceof Jinja.Param param) {
        String name = "param__" + ident(param.name());
        String port = portFor(name, () -> paramBinding(param.name(), span), IrType.primitive(IrType.Scalar.STRING),
            "dag param `" + param.name() + "`", span);
        out.add(new Arg.InputRef(port, Arg.Access.VALUE));
      } else if (p instanceof Jinja.Conf c) {
        String port = portFor("conf__" + ident(c.key()), () -> confBinding(c, span), new IrType.Any(),
            "trigger payload key `" + c.key() + "` (`dag_run.conf`)", span);
        out.add(new Arg.InputRef(port, Arg.Access.VALUE));
      } else if (p instanceof Jinja.XComPull x) {
        String port = portFor("xcom__" + ident(x.task()) + (x.key().equals(PyValue.XCom.RETURN_VALUE) ? "" : "__" + ident(x.key()))
            + (x.path().isEmpty() ? "" : "__" + ident(String.join("_", x.path()))), () -> xcomBinding(x, span), new IrType.Any(),
            "xcom `" + x.key() + "` of task `" + x.task() + "`", span);
        out.add(new Arg.InputRef(port, Arg.Access.VALUE));
      } else if (p instanceof Jinja.Opaque o) {
        if (scope.once("template@" + task.id() + "/" + o.raw())) {
          scope.report(Codes.AIRFLOW_TEMPLATE, span, "template `" + oneLine(o.raw()) + "` of task `" + task.id()
              + "` is kept as text: " + o.why(), "compute the value in a task and pass it as an input");
        }
        out.add(new Arg.UnknownPlaceholder(o.raw()));
      }
    }
    return merge(out);
  }

  private static List<Arg> merge(List<Arg> parts) {
    List<Arg> out = new ArrayList<>();
    for (Arg a : parts) {
      if (a instanceof Arg.Literal l && !out.isEmpty() && out.get(out.size() - 1) instanceof Arg.Literal prev) {
        out.set(out.size() - 1, new Arg.Literal(prev.text() + l.text()));
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private final java.util.Map<String, String> templatePorts = new java.util.HashMap<>();

  private String portFor(String key, java.util.function.Supplier<Binding> binding, IrType type, String what, Span span) {
    String existing = templatePorts.get(key);
    if (existing != null) {
      return existing;
    }
    String name = input(key, type, false, Optional.empty(), Optional.of("template input: " + what), binding.get(), span);
    templatePorts.put(key, name);
    return name;
  }

  void logicalDateInput() {
    scope.useLogicalDate();
    if (!has(DagScope.LOGICAL_DATE)) {
      input(DagScope.LOGICAL_DATE, IrType.primitive(IrType.Scalar.DATETIME), false, Optional.empty(),
          Optional.of("the run's logical date, from which airflow's `ds`, `ts` and friends are derived"),
          new Binding.GraphInput(DagScope.LOGICAL_DATE), Span.NONE);
    }
  }

  /** A task's own {@code params} win over the DAG's; an undeclared param becomes a pipeline input. */
  private Binding paramBinding(String name, Span span) {
    PyValue own = taskParam(name);
    if (own != null) {
      if (own instanceof PyValue.Obj o && o.simpleName().equals("Param")) {
        own = o.arg("default", 0);
      }
      if (own != null && IrValues.isData(own)) {
        return new Binding.Constant(IrValues.value(own));
      }
    }
    if (!scope.declaredParams.contains(name)) {
      if (scope.once("param@" + name)) {
        scope.report(Codes.AIRFLOW_UNDECLARED_PARAM, span, "task `" + task.id() + "` reads param `" + name
            + "`, which the dag does not declare; it becomes an optional pipeline input, empty by default",
            "declare it in the dag's `params` with a default");
      }
      scope.addInput(new Port(name, new IrType.Any(), false, true, Optional.of(new io.flytemigrate.ir.Value.Str("")),
          Optional.of("param read by templates but not declared"), span));
    }
    return new Binding.GraphInput(name);
  }

  private PyValue taskParam(String name) {
    Kwarg params = task.kwargs().get("params");
    if (params != null && params.value() instanceof PyValue.DictV d) {
      return d.get(name);
    }
    return null;
  }

  /**
   * A trigger payload key becomes a pipeline input whose default is what the template renders
   * for a run without it (a scheduled run has an empty payload), so every run has a value.
   */
  private Binding confBinding(Jinja.Conf c, Span span) {
    String key = c.key();
    if (!scope.inputs.containsKey(key)) {
      String shown = c.missing().isEmpty() ? "empty" : "`" + c.missing() + "`";
      if (scope.once("conf@" + key)) {
        scope.report(Codes.AIRFLOW_UNDECLARED_PARAM, span, "task `" + task.id() + "` reads `dag_run.conf` key `" + key
            + "`; it becomes an optional pipeline input, " + shown + " by default",
            "declare it in the dag's `params` so the trigger form offers it");
      }
      String why = c.missing().isEmpty() ? "; airflow fails the task when a run's payload has no such key"
          : "; airflow renders `" + c.missing() + "` when a run's payload has no such key";
      scope.addInput(new Port(key, new IrType.Any(), false, true, Optional.of(new io.flytemigrate.ir.Value.Str(c.missing())),
          Optional.of("key of the trigger payload (`dag_run.conf`)" + why), span));
    }
    return new Binding.GraphInput(key);
  }

  private Binding xcomBinding(Jinja.XComPull x, Span span) {
    TaskModel up = scope.dag.task(x.task()).orElse(null);
    if (up == null) {
      if (scope.once("xcom-missing@" + task.id() + "/" + x.task())) {
        scope.report(Codes.AIRFLOW_UNRESOLVED, span, "task `" + task.id() + "` pulls the xcom of task `" + x.task()
            + "`, which is not in dag `" + scope.dag.dagId() + "`", "check the task id in the `xcom_pull`");
      }
      return new Binding.Unresolved("ti.xcom_pull(task_ids='" + x.task() + "')");
    }
    if (scope.once("xcom@" + task.id() + "/" + x.task())) {
      scope.report(Codes.AIRFLOW_TEMPLATED_XCOM, span, "task `" + task.id() + "` pulls the xcom `" + x.key() + "` of task `"
          + x.task() + "` in a template; it becomes a data edge", "airflow itself adds no edge for a templated pull; "
          + "the translation waits for `" + x.task() + "`, which is stricter");
    }
    Binding out = taskOutput(up, x.key());
    if (!x.path().isEmpty()) {
      return new Binding.Field(out, x.path(), "ti.xcom_pull(task_ids='" + x.task() + "')[" + String.join("][", x.path()) + "]");
    }
    return out;
  }

  /** A name made of letters, digits and underscores. */
  static String ident(String s) {
    String t = s.replaceAll("[^A-Za-z0-9_]", "_");
    return t.isEmpty() ? "_" : t;
  }

  static String oneLine(String s) {
    String t = s.replaceAll("\\s*\\n\\s*", " ").strip().replace('`', '\'');
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }
}
