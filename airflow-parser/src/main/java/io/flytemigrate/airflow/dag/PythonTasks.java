package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.CallArg;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyFunction;
import io.flytemigrate.airflow.model.PyParam;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TaskFlow functions ({@code @task} and its variants) and {@code PythonOperator}-family callables
 * as Python-function components: the function's exact source, its parameters as typed inputs
 * (context parameters such as {@code ti} or {@code **kwargs} excluded: Airflow injects them), its
 * return value (and {@code multiple_outputs} keys) as outputs, the virtualenv requirements as
 * packages and the docker image as base image.
 */
final class PythonTasks {
  private PythonTasks() {}

  /** Names Airflow fills from the context at run time. */
  private static final Set<String> CONTEXT = Set.of(
      "ti", "task_instance", "ds", "ds_nodash", "ts", "ts_nodash", "ts_nodash_with_tz", "logical_date", "execution_date",
      "params", "dag_run", "dag", "task", "run_id", "conf", "macros", "var", "conn", "data_interval_start",
      "data_interval_end", "prev_data_interval_start_success", "prev_data_interval_end_success",
      "prev_start_date_success", "prev_end_date_success", "task_instance_key_str", "test_mode", "outlet_events",
      "inlet_events", "triggering_dataset_events", "triggering_asset_events", "templates_dict", "next_ds",
      "next_ds_nodash", "prev_ds", "prev_ds_nodash", "yesterday_ds", "yesterday_ds_nodash", "tomorrow_ds",
      "tomorrow_ds_nodash", "next_execution_date", "prev_execution_date", "prev_execution_date_success",
      "expanded_ti_count", "inlets", "outlets", "map_index_template", "self", "context", "run_after");

  /** Builds the component (or reuses an identical one) and fills {@code io}; returns its id. */
  static String build(TaskModel t, Effective e, TaskIo io, List<Attribute> attrs, DagScope scope) {
    PyFunction f = t.function().orElseThrow();
    boolean taskflow = t.style() == TaskModel.Style.TASKFLOW;
    String kind = t.operator();
    Map<String, Binding> mapped = Mapping.mappedArgs(t, scope);

    // The interface: one input per parameter Airflow does not inject.
    List<PyParam> params = new ArrayList<>();
    boolean varKeyword = false;
    for (PyParam p : f.params()) {
      if (p.kind() == PyParam.Kind.VAR_KEYWORD) {
        varKeyword = true;
      } else if (p.kind() != PyParam.Kind.VAR_POSITIONAL) {
        params.add(p);
      }
    }
    java.util.Map<String, Binding> given = new java.util.LinkedHashMap<>();
    java.util.Map<String, Kwarg> where = new java.util.LinkedHashMap<>();
    if (taskflow) {
      int next = 0;
      for (CallArg a : t.callArgs()) {
        Kwarg k = new Kwarg(a.name().orElse("arg" + next), a.value(), a.span(), a.raw());
        String name;
        if (a.name().isEmpty()) {
          if (next >= params.size()) {
            continue;
          }
          name = params.get(next++).name();
          k = new Kwarg(name, a.value(), a.span(), a.raw());
        } else {
          name = a.name().get();
        }
        given.put(name, io.binding(a.value(), k, true));
        where.put(name, k);
      }
    } else {
      Optional<Kwarg> opArgs = e.get("op_args");
      if (opArgs.isPresent() && opArgs.get().value() instanceof PyValue.ListV l) {
        for (int i = 0; i < l.items().size() && i < params.size(); i++) {
          String name = params.get(i).name();
          Kwarg k = new Kwarg(name, l.items().get(i), opArgs.get().span(), opArgs.get().raw());
          given.put(name, io.binding(l.items().get(i), k, true));
          where.put(name, k);
        }
      } else if (opArgs.isPresent() && !(opArgs.get().value() instanceof PyValue.None)) {
        io.unresolved(opArgs.get(), "`op_args` is not a list known statically");
      }
      Optional<Kwarg> opKwargs = e.get("op_kwargs");
      if (opKwargs.isPresent() && opKwargs.get().value() instanceof PyValue.DictV d) {
        for (Map.Entry<PyValue, PyValue> entry : d.entries().entrySet()) {
          String name = IrValues.key(entry.getKey());
          Kwarg k = new Kwarg(name, entry.getValue(), opKwargs.get().span(), opKwargs.get().raw() + "[\"" + name + "\"]");
          given.put(name, io.binding(entry.getValue(), k, true));
          where.put(name, k);
        }
      } else if (opKwargs.isPresent() && !(opKwargs.get().value() instanceof PyValue.None)) {
        io.unresolved(opKwargs.get(), "`op_kwargs` is not a dict known statically");
      }
    }
    given.putAll(mapped);

    boolean asset = kind.equals("asset");
    boolean noSource = f.source().isEmpty();
    for (PyParam p : params) {
      Binding b = given.remove(p.name());
      if ((CONTEXT.contains(p.name()) || asset) && b == null) {
        continue;
      }
      IrType type = p.annotation().map(IrTypes::annotation)
          .orElse(p.defaultValue().filter(v -> !(v instanceof PyValue.None)).map(IrValues::typeOf).orElse(new IrType.Any()));
      Optional<Value> dflt = p.defaultValue().flatMap(IrValues::data);
      boolean optional = p.defaultValue().isPresent();
      if (b == null) {
        io.port(p.name(), type, optional, dflt, Optional.empty(), p.span());
        if (!optional && scope.once("missing@" + t.id() + "/" + p.name())) {
          scope.report(Codes.AIRFLOW_MISSING_ARGUMENT, t.span(), "parameter `" + p.name() + "` of `" + f.name() + "` gets no"
              + " argument in task `" + t.id() + "`", "airflow fails the task at run time; pass a value for it");
        }
      } else {
        io.input(p.name(), type, optional, dflt, Optional.empty(), b, p.span(),
            where.containsKey(p.name()) ? where.get(p.name()).span() : t.span());
      }
    }
    for (Map.Entry<String, Binding> extra : given.entrySet()) {
      Span span = where.containsKey(extra.getKey()) ? where.get(extra.getKey()).span() : t.span();
      if (!varKeyword && !noSource && scope.once("extra@" + t.id() + "/" + extra.getKey())) {
        scope.report(Codes.AIRFLOW_MISSING_ARGUMENT, span, "task `" + t.id() + "` passes `" + extra.getKey() + "`, which `"
            + f.name() + "` has no parameter for", "python raises a `TypeError` for an unexpected keyword argument");
      }
      io.input(extra.getKey(), new IrType.Any(), false, Optional.empty(), Optional.of("keyword argument taken by `**kwargs`"),
          extra.getValue(), span);
    }

    List<Port> outputs = outputs(t, f, e, scope);
    String image = scope.options.pythonImage();
    if (kind.equals("task.docker") || kind.equals("task.kubernetes")) {
      PyValue img = e.value("image");
      if (img instanceof PyValue.Str s) {
        image = s.value();
      } else if (img != null) {
        e.get("image").ifPresent(k -> io.unresolved(k, img instanceof PyValue.Unknown u ? u.why() : "it is not a string"));
      }
    }
    List<String> packages = new ArrayList<>();
    if (Operators.isVirtualenv(t) || kind.equals("task.docker") || kind.equals("task.kubernetes")) {
      e.get("requirements").ifPresent(k -> {
        if (k.value() instanceof PyValue.ListV l && l.items().stream().allMatch(v -> v instanceof PyValue.Str)) {
          l.items().forEach(v -> packages.add(((PyValue.Str) v).value()));
        } else if (k.value() instanceof PyValue.Str s) {
          scope.report(Codes.AIRFLOW_EXTERNAL_FILE, k.span(), "task `" + t.id() + "` installs the requirements file `"
              + s.value() + "`, which is not in the dag file", "list the packages in `requirements=[...]`");
        } else {
          io.unresolved(k, "the requirements are not a list known statically");
        }
      });
    }
    List<String> indexUrls = new ArrayList<>();
    e.get("index_urls").ifPresent(k -> {
      if (k.value() instanceof PyValue.ListV l) {
        l.items().stream().filter(v -> v instanceof PyValue.Str).forEach(v -> indexUrls.add(((PyValue.Str) v).value()));
      } else if (k.value() instanceof PyValue.Str s) {
        indexUrls.add(s.value());
      }
    });
    for (String arg : List.of("python", "system_site_packages", "venv_cache_path", "use_dill", "serializer",
        "expect_airflow", "string_args", "namespace", "in_cluster", "templates_dict", "templates_exts", "pip_install_options",
        "ignore_downstream_trigger_rules", "poke_interval", "timeout", "mode", "soft_fail", "exponential_backoff")) {
      e.get(arg).ifPresent(k -> attrs.add(new Attribute(k.name(), IrValues.value(k.value()), k.span())));
    }
    notes(t, f, kind, attrs, scope);

    Interface iface = new Interface(io.ports, outputs);
    String key = f.span() + "|" + f.name() + "|" + kind + "|" + image + "|" + packages + "|" + indexUrls + "|" + iface;
    String existing = scope.sharedComponents.get(key);
    if (existing != null) {
      return existing;
    }
    String id = scope.componentId(f.lambda() ? t.id() : f.name());
    scope.sharedComponents.put(key, id);
    ContainerSpec container = new ContainerSpec(image, List.of(), List.of(), List.of(), Resources.NONE, KubernetesSettings.NONE,
        Span.NONE);
    Optional<String> description = f.doc().map(d -> d.lines().findFirst().orElse("").strip()).filter(d -> !d.isEmpty());
    scope.addComponent(new Component.PythonComponent(id, iface, description, f.name(), f.source(),
        f.source().isPresent() ? f.span() : Span.NONE, packages, List.of(), indexUrls, image, container, f.span()));
    return id;
  }

  private static List<Port> outputs(TaskModel t, PyFunction f, Effective e, DagScope scope) {
    List<Port> out = new ArrayList<>();
    Optional<String> returns = f.returns();
    boolean none = returns.map(r -> r.strip().equals("None")).orElse(false);
    Set<String> used = scope.outputsUsed(t.id());
    if (!none || used.contains(PyValue.XCom.RETURN_VALUE)) {
      IrType type = returns.filter(r -> !none).map(IrTypes::annotation).orElse(new IrType.Any());
      if (Operators.isBranch(t)) {
        type = new IrType.Any();
      }
      out.add(new Port(PyValue.XCom.RETURN_VALUE, type, false, false, Optional.empty(), Optional.empty(), f.span()));
    }
    boolean multiple = e.value("multiple_outputs") instanceof PyValue.Bool b ? b.value()
        : returns.map(IrTypes::isMapping).orElse(false);
    for (String key : used) {
      if (!key.equals(PyValue.XCom.RETURN_VALUE)) {
        out.add(new Port(key, new IrType.Any(), false, false, Optional.empty(), Optional.of(multiple
            ? "key `" + key + "` of the returned dict (`multiple_outputs`)" : "xcom pushed under key `" + key + "`"), f.span()));
      }
    }
    return out;
  }

  private static void notes(TaskModel t, PyFunction f, String kind, List<Attribute> attrs, DagScope scope) {
    if (f.module().filter(m -> m.equals("<serialized dag>")).isPresent()) {
      if (scope.once("serialized-source")) {
        long count = scope.dag.tasks().stream().filter(x -> x.function().flatMap(g -> g.module())
            .filter(m -> m.equals("<serialized dag>")).isPresent()).count();
        scope.report(Codes.AIRFLOW_SOURCE_MISSING, t.span(), "the serialized dag does not carry the python callables of its "
            + count + " python task" + (count == 1 ? "" : "s") + " (`" + t.id() + "`" + (count > 1 ? " and others" : "") + ")",
            "read the dag file for the functions' source; the serialized form only has their arguments");
      }
    } else if (f.module().isPresent() && scope.once("source@" + f.name())) {
      String module = f.module().get();
      scope.report(Codes.AIRFLOW_SOURCE_MISSING, t.span(), "callable `" + f.name() + "` of task `" + t.id() + "` is imported from `"
          + module.substring(0, Math.max(0, module.lastIndexOf('.'))) + "`; its source is not in the file",
          "the translated task needs the function's code: convert the module that defines it too");
    }
    if (Operators.isBranch(t)) {
      attrs.add(new Attribute("airflow.branch", new Value.Bool(true), t.span()));
      scope.report(Codes.AIRFLOW_BRANCH, t.span(), "task `" + t.id() + "` chooses at run time which downstream tasks run; it is"
          + " kept as a python task whose result names them", "flyte branches on a value: return a string and use `conditional`");
    } else if (Operators.isShortCircuit(t)) {
      attrs.add(new Attribute("airflow.short_circuit", new Value.Bool(true), t.span()));
      scope.report(Codes.AIRFLOW_BRANCH, t.span(), "task `" + t.id() + "` skips its downstream tasks at run time when it returns"
          + " false; it is kept as a python task", "in flyte, run the downstream tasks in a `conditional` on its result");
    }
    Set<String> plain = Set.of("task", "task.python", "task.virtualenv", "task.external_python", "task.docker",
        "task.kubernetes", "setup", "teardown", "asset", "task.branch", "task.branch_virtualenv", "task.branch_external_python",
        "task.short_circuit");
    if (t.style() == TaskModel.Style.TASKFLOW && !plain.contains(kind)) {
      attrs.add(new Attribute("airflow.task_kind", new Value.Str(kind), t.span()));
      String what = switch (kind) {
        case "task.bash" -> "its function returns the command to run, so it is kept as a python task";
        case "task.sensor" -> "it is a sensor Airflow calls until it reports done; it is kept as a python task that runs once";
        default -> "it is kept as a plain python task";
      };
      scope.report(Codes.AIRFLOW_UNSUPPORTED, t.span(), "task `" + t.id() + "` uses `@" + kind + "`: " + what,
          "check the translation of this task by hand");
    }
  }
}
