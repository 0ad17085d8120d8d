package io.flytemigrate.airflow.serialized;

import io.flytemigrate.airflow.model.CallArg;
import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.GroupModel;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.MapSpec;
import io.flytemigrate.airflow.model.PyFunction;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One serialized DAG ({@code {"__version": n, "dag": {...}}}, version 1 of Airflow 2 or version
 * 3 of Airflow 3) as a {@link DagModel}: DAG fields by their serialized names, the task-group
 * tree, tasks with their operator class and every stored field, {@code downstream_task_ids} as
 * edges, {@code edge_info} labels, mapping ({@code expand_input}) and XCom references.
 */
final class DagDecoder {
  /** Where the module of a serialized callable would be: it is not stored. */
  static final String NO_SOURCE = "<serialized dag>";

  private static final Set<String> TASK_SKIP = Set.of("task_id", "task_type", "_task_type", "_task_module",
      "downstream_task_ids", "ui_color", "ui_fgcolor", "template_fields", "template_ext", "template_fields_renderers",
      "_operator_extra_links", "_log_config_logger_name", "_is_empty", "_is_dummy", "_is_mapped", "_needs_expansion",
      "partial_kwargs", "expand_input", "_expand_input_attr", "_disallow_kwargs_override", "_arg_bindings",
      "_operator_name", "is_setup", "is_teardown", "_is_sensor", "is_stub", "label", "deps", "subdag",
      "_task_display_name", "task_display_name", "_logger_name", "start_trigger_args", "start_from_trigger");

  private static final Set<String> DAG_SKIP = Set.of("dag_id", "_dag_id", "tasks", "task_group", "_task_group", "edge_info",
      "fileloc", "_processor_dags_folder", "params", "default_args", "timetable", "schedule_interval", "dataset_triggers",
      "_description", "description", "_dag_display_property_value", "dag_display_name");

  private final SourceFile file;
  private final DiagnosticSink sink;

  DagDecoder(SourceFile file, DiagnosticSink sink) {
    this.file = file;
    this.sink = sink;
  }

  Optional<DagModel> decode(JNode.JObject wrapper, JNode.JObject dag) {
    String id = dag.string("dag_id") != null ? dag.string("dag_id") : dag.string("_dag_id");
    if (id == null) {
      sink.report(Codes.SERIALIZED_WRONG_SHAPE, dag.span(), "a serialized dag has no `dag_id`",
          "a serialized dag names itself in `dag_id` (`_dag_id` before airflow 3)");
      return Optional.empty();
    }
    if (!(dag.get("tasks") instanceof JNode.JArray tasks)) {
      sink.report(Codes.SERIALIZED_WRONG_SHAPE, dag.span(), "serialized dag `" + id + "` has no `tasks` list",
          "`tasks` is required by the serialized-dag schema");
      return Optional.empty();
    }
    DagModel d = new DagModel(id, true, DagModel.Declaration.SERIALIZED, dag.span(), "serialized dag `" + id + "`");
    Map<String, TaskModel> byId = new HashMap<>();
    SerializedValues values = new SerializedValues(byId::get);
    dagFields(d, dag, values);

    // The group tree first: tasks are created in their group.
    Map<String, GroupModel> groupOfTask = new HashMap<>();
    JNode tg = dag.any("task_group", "_task_group");
    if (tg instanceof JNode.JObject root) {
      groups(root, null, d, groupOfTask, values);
    }

    List<JNode.JObject> taskObjects = new ArrayList<>();
    int seq = 0;
    for (JNode item : tasks.items()) {
      JNode.JObject t = unwrap(item);
      if (t == null || t.string("task_id") == null) {
        sink.report(Codes.SERIALIZED_WRONG_SHAPE, item.span(), "an item of `tasks` of dag `" + id + "` is not a serialized operator",
            "each task is an object with `task_id` and `task_type`");
        continue;
      }
      String taskId = t.string("task_id");
      if (byId.containsKey(taskId)) {
        sink.report(Diagnostic.of(Codes.AIRFLOW_DUPLICATE_ID, t.span(), "dag `" + id + "` has task `" + taskId + "` twice")
            .withLabel(byId.get(taskId).span(), "first defined here"));
        continue;
      }
      String type = t.string("task_type") != null ? t.string("task_type") : t.string("_task_type");
      String module = t.string("_task_module");
      if (type == null) {
        sink.report(Codes.SERIALIZED_WRONG_SHAPE, t.span(), "task `" + taskId + "` of dag `" + id + "` has no `task_type`",
            "the serialized-dag schema requires the operator class of every task");
        type = "BaseOperator";
      }
      String operatorName = t.string("_operator_name");
      boolean taskflow = type.endsWith("DecoratedOperator") && operatorName != null && operatorName.startsWith("@");
      String operator = taskflow ? operatorName.substring(1) : type;
      String qual = taskflow ? "airflow.decorators." + operator : (module == null ? "" : module + ".") + type;
      GroupModel g = groupOfTask.get(taskId);
      TaskModel task = new TaskModel(taskId, taskflow ? TaskModel.Style.TASKFLOW : TaskModel.Style.OPERATOR, operator, qual,
          false, t.span(), file.text().substring(t.start(), t.end()), d, g, seq++);
      d.tasks().add(task);
      if (g != null) {
        g.tasks().add(task);
      }
      byId.put(taskId, task);
      taskObjects.add(t);
    }
    JNode clientDefaults = wrapper.get("client_defaults") instanceof JNode.JObject cd ? cd.get("tasks") : null;
    for (JNode.JObject t : taskObjects) {
      TaskModel task = byId.get(t.string("task_id"));
      taskFields(task, t, values, clientDefaults);
    }
    for (JNode.JObject t : taskObjects) {
      TaskModel task = byId.get(t.string("task_id"));
      if (t.get("downstream_task_ids") instanceof JNode.JArray downs) {
        for (JNode dn : downs.items()) {
          if (!(dn instanceof JNode.JString s)) {
            continue;
          }
          TaskModel down = byId.get(s.value());
          if (down == null) {
            sink.report(Codes.SERIALIZED_BAD_REFERENCE, dn.span(), "task `" + task.id() + "` of dag `" + id
                + "` names downstream task `" + s.value() + "`, which the dag does not have",
                "the serialized dag is inconsistent; export it again from airflow");
          } else {
            down.upstream().add(task.id());
          }
        }
      }
    }
    labels(dag.get("edge_info"), d, byId);
    for (String missing : values.missingTasks()) {
      sink.report(Codes.SERIALIZED_BAD_REFERENCE, dag.span(), "dag `" + id + "` refers to the xcom of task `" + missing
          + "`, which it does not have", "the serialized dag is inconsistent; export it again from airflow");
    }
    return Optional.of(d);
  }

  /** A task is {@code {"__type": "operator", "__var": {...}}} in version 3 and the bare object before. */
  private static JNode.JObject unwrap(JNode item) {
    if (item instanceof JNode.JObject o) {
      if (o.get("__var") instanceof JNode.JObject inner && "operator".equals(o.string("__type"))) {
        return inner;
      }
      return o;
    }
    return null;
  }

  private void dagFields(DagModel d, JNode.JObject dag, SerializedValues values) {
    JNode desc = dag.any("description", "_description");
    if (desc instanceof JNode.JString s) {
      d.putKwarg(kwarg("description", new PyValue.Str(s.value()), desc));
    }
    JNode display = dag.any("dag_display_name", "_dag_display_property_value");
    if (display instanceof JNode.JString s) {
      d.putKwarg(kwarg("dag_display_name", new PyValue.Str(s.value()), display));
    }
    JNode timetable = dag.get("timetable");
    JNode interval = dag.get("schedule_interval");
    if (interval instanceof JNode.JString written) {
      // Airflow 2 keeps what the file said (`@daily`) next to the timetable it made of it.
      d.putKwarg(kwarg("schedule", new PyValue.Str(written.value()), interval));
    } else if (timetable instanceof JNode.JObject t) {
      d.putKwarg(kwarg("schedule", timetable(t, values), timetable));
    } else if (interval != null) {
      d.putKwarg(kwarg("schedule", values.value(interval), interval));
    } else if (dag.get("dataset_triggers") instanceof JNode.JArray triggers && !triggers.items().isEmpty()) {
      d.putKwarg(kwarg("schedule", values.value(triggers), triggers));
    }
    for (Map.Entry<String, JNode> e : dag.fields().entrySet()) {
      String key = e.getKey();
      if (DAG_SKIP.contains(key)) {
        continue;
      }
      String name = key.startsWith("_") ? key.substring(1) : key;
      d.putKwarg(kwarg(name, values.field(name, e.getValue()), e.getValue()));
    }
    JNode defaults = dag.get("default_args");
    if (defaults != null) {
      PyValue v = values.value(defaults);
      if (v instanceof PyValue.DictV dict) {
        for (Map.Entry<PyValue, PyValue> e : dict.entries().entrySet()) {
          if (e.getKey() instanceof PyValue.Str k) {
            PyValue value = e.getValue();
            if (value instanceof PyValue.Int || value instanceof PyValue.Float) {
              double n = value instanceof PyValue.Int i ? i.value() : ((PyValue.Float) value).value();
              if (SerializedValues.DURATION_KEYS.contains(k.value())) {
                value = new PyValue.Duration(n);
              } else if (SerializedValues.DATE_KEYS.contains(k.value())) {
                value = SerializedValues.date(n);
              }
            }
            d.defaultArgs().put(k.value(), new Kwarg(k.value(), value, defaults.span(), "default_args"));
          }
        }
      }
    }
    JNode params = dag.get("params");
    if (params != null) {
      PyValue p = params(params, values);
      if (!(p instanceof PyValue.DictV dv && dv.entries().isEmpty())) {
        d.putKwarg(kwarg("params", p, params));
      }
    }
  }

  /** Params: a list of {@code [name, param]} pairs (or a dict in old versions). */
  private static PyValue params(JNode n, SerializedValues values) {
    LinkedHashMap<PyValue, PyValue> m = new LinkedHashMap<>();
    if (n instanceof JNode.JArray a) {
      for (JNode item : a.items()) {
        if (item instanceof JNode.JArray pair && pair.items().size() == 2 && pair.items().get(0) instanceof JNode.JString name) {
          m.put(new PyValue.Str(name.value()), values.value(pair.items().get(1)));
        }
      }
    } else if (n instanceof JNode.JObject o) {
      for (Map.Entry<String, JNode> e : o.fields().entrySet()) {
        m.put(new PyValue.Str(e.getKey()), values.value(e.getValue()));
      }
    }
    return new PyValue.DictV(m);
  }

  /** A timetable as the object the DAG file would have passed as {@code schedule}. */
  private static PyValue timetable(JNode.JObject t, SerializedValues values) {
    String type = t.string("__type");
    JNode var = t.get("__var");
    if (type == null) {
      return values.value(t);
    }
    String simple = type.substring(type.lastIndexOf('.') + 1);
    JNode.JObject v = var instanceof JNode.JObject o ? o : null;
    switch (simple) {
      case "NullTimetable" -> {
        return PyValue.NONE;
      }
      case "CronTriggerTimetable", "CronDataIntervalTimetable" -> {
        if (v != null && v.string("expression") != null) {
          Map<String, PyValue> kw = new LinkedHashMap<>();
          if (v.get("timezone") != null) {
            kw.put("timezone", values.value(v.get("timezone")));
          }
          return new PyValue.Obj(type, List.of(new PyValue.Str(v.string("expression"))), kw, simple);
        }
      }
      case "DeltaDataIntervalTimetable", "DeltaTriggerTimetable" -> {
        if (v != null && v.get("delta") instanceof JNode.JNumber n) {
          return new PyValue.Obj(type, List.of(new PyValue.Duration(Double.parseDouble(n.text()))), Map.of(), simple);
        }
      }
      case "DatasetTriggeredTimetable", "AssetTriggeredTimetable" -> {
        JNode cond = v == null ? null : v.any("asset_condition", "dataset_condition");
        if (cond != null) {
          return condition(cond, values);
        }
      }
      default -> { }
    }
    Map<String, PyValue> kw = new LinkedHashMap<>();
    if (v != null) {
      for (Map.Entry<String, JNode> e : v.fields().entrySet()) {
        kw.put(e.getKey(), values.value(e.getValue()));
      }
    }
    return new PyValue.Obj(type, List.of(), kw, simple);
  }

  /** An asset condition: {@code asset}, {@code asset_all}, {@code asset_any}, {@code asset_alias} (and the dataset forms). */
  private static PyValue condition(JNode n, SerializedValues values) {
    if (!(n instanceof JNode.JObject o)) {
      return values.value(n);
    }
    String type = o.string("__type");
    if (type == null) {
      return values.value(n);
    }
    switch (type) {
      case "asset", "dataset" -> {
        Map<String, PyValue> kw = new LinkedHashMap<>();
        for (String k : List.of("uri", "name")) {
          if (o.string(k) != null) {
            kw.put(k, new PyValue.Str(o.string(k)));
          }
        }
        return new PyValue.Obj("airflow.sdk.Asset", List.of(), kw, "Asset(...)");
      }
      case "asset_all", "dataset_all", "asset_and", "asset_any", "dataset_any", "asset_or" -> {
        List<PyValue> parts = new ArrayList<>();
        if (o.get("objects") instanceof JNode.JArray a) {
          for (JNode item : a.items()) {
            parts.add(condition(item, values));
          }
        }
        boolean all = type.endsWith("all") || type.endsWith("and");
        return new PyValue.Obj(all ? "airflow.AssetAll" : "airflow.AssetAny", parts, Map.of(), type);
      }
      default -> {
        return new PyValue.Obj("airflow.sdk." + (type.contains("alias") ? "AssetAlias" : type), List.of(),
            Map.of("name", new PyValue.Str(String.valueOf(o.string("name")))), type);
      }
    }
  }

  private void groups(JNode.JObject g, GroupModel parent, DagModel d, Map<String, GroupModel> groupOfTask,
      SerializedValues values) {
    GroupModel group = parent;
    if (g.get("_group_id") instanceof JNode.JString id) {
      boolean prefix = !(g.get("prefix_group_id") instanceof JNode.JBool b) || b.value();
      group = new GroupModel(id.value(), parent, prefix, g.span());
      for (String k : List.of("tooltip", "ui_color", "ui_fgcolor", "group_display_name", "is_mapped")) {
        JNode v = g.get(k);
        if (v != null && !(v instanceof JNode.JString s && s.value().isEmpty())) {
          group.kwargs().put(k, kwarg(k, values.value(v), v));
        }
      }
      d.groups().add(group);
    }
    if (!(g.get("children") instanceof JNode.JObject children)) {
      return;
    }
    for (JNode child : children.fields().values()) {
      if (child instanceof JNode.JArray pair && pair.items().size() == 2 && pair.items().get(0) instanceof JNode.JString kind) {
        JNode payload = pair.items().get(1);
        if (kind.value().equals("operator") && payload instanceof JNode.JString taskId) {
          if (group != null) {
            groupOfTask.put(taskId.value(), group);
          }
        } else if (kind.value().equals("taskgroup") && payload instanceof JNode.JObject sub) {
          groups(sub, group, d, groupOfTask, values);
        }
      }
    }
  }

  private void taskFields(TaskModel task, JNode.JObject t, SerializedValues values, JNode clientDefaults) {
    boolean taskflow = task.style() == TaskModel.Style.TASKFLOW;
    for (Map.Entry<String, JNode> e : t.fields().entrySet()) {
      String key = e.getKey();
      if (TASK_SKIP.contains(key)) {
        continue;
      }
      PyValue v = values.field(key, e.getValue());
      if (taskflow && (key.equals("op_args") || key.equals("op_kwargs"))) {
        callArgs(task, key, v, e.getValue());
        continue;
      }
      if (key.equals("params") && e.getValue() instanceof JNode.JArray) {
        v = params(e.getValue(), values);
      }
      task.putKwarg(kwarg(key, v, e.getValue()));
    }
    JNode display = t.any("_task_display_name", "task_display_name");
    if (display instanceof JNode.JString s) {
      task.putKwarg(kwarg("task_display_name", new PyValue.Str(s.value()), display));
    }
    if (clientDefaults instanceof JNode.JObject cd) {
      for (Map.Entry<String, JNode> e : cd.fields().entrySet()) {
        if (!t.fields().containsKey(e.getKey()) && !TASK_SKIP.contains(e.getKey())) {
          task.putKwarg(kwarg(e.getKey(), values.field(e.getKey(), e.getValue()), e.getValue()));
        }
      }
    }
    if (t.get("is_setup") instanceof JNode.JBool b && b.value()) {
      task.markSetup();
    }
    if (t.get("is_teardown") instanceof JNode.JBool b && b.value()) {
      task.markTeardown();
    }
    if (t.get("_arg_bindings") instanceof JNode.JArray bindings) {
      for (JNode b : bindings.items()) {
        if (b instanceof JNode.JObject o && o.string("name") != null) {
          PyValue v;
          if ("xcom".equals(o.string("kind")) && o.string("task_id") != null) {
            TaskModel up = task.dag().task(o.string("task_id")).orElse(null);
            if (up == null) {
              sink.report(Codes.SERIALIZED_BAD_REFERENCE, o.span(), "task `" + task.id() + "` reads the xcom of task `"
                  + o.string("task_id") + "`, which the dag does not have", "the serialized dag is inconsistent");
              continue;
            }
            v = new PyValue.XCom(up, o.string("key") == null ? PyValue.XCom.RETURN_VALUE : o.string("key"));
          } else {
            v = o.get("value") == null ? PyValue.NONE : values.value(o.get("value"));
          }
          task.putKwarg(kwarg(o.string("name"), v, o));
        }
      }
    }
    if (taskflow || task.operator().endsWith("PythonOperator") || task.operator().equals("ShortCircuitOperator")) {
      String local = task.id().substring(task.id().lastIndexOf('.') + 1).replaceAll("__\\d+$", "");
      task.setFunction(PyFunction.imported(local, NO_SOURCE, t.span()));
    }
    if (t.get("_is_mapped") instanceof JNode.JBool mapped && mapped.value()) {
      mapping(task, t, values);
    }
  }

  private void callArgs(TaskModel task, String key, PyValue v, JNode where) {
    if (key.equals("op_args") && v instanceof PyValue.ListV l) {
      for (PyValue item : l.items()) {
        task.callArgs().add(new CallArg(Optional.empty(), item, where.span(), "op_args"));
      }
    } else if (key.equals("op_kwargs") && v instanceof PyValue.DictV d) {
      for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
        if (e.getKey() instanceof PyValue.Str k) {
          task.callArgs().add(new CallArg(Optional.of(k.value()), e.getValue(), where.span(), key + "." + k.value()));
        }
      }
    }
  }

  private void mapping(TaskModel task, JNode.JObject t, SerializedValues values) {
    if (t.get("partial_kwargs") instanceof JNode.JObject partial) {
      for (Map.Entry<String, JNode> e : partial.fields().entrySet()) {
        PyValue v = values.field(e.getKey(), e.getValue());
        if (task.style() == TaskModel.Style.TASKFLOW && (e.getKey().equals("op_kwargs") || e.getKey().equals("op_args"))) {
          callArgs(task, e.getKey(), v, e.getValue());
        } else if (!TASK_SKIP.contains(e.getKey())) {
          task.putKwarg(kwarg(e.getKey(), v, e.getValue()));
        }
      }
    }
    if (!(t.get("expand_input") instanceof JNode.JObject input)) {
      return;
    }
    String type = input.string("type");
    JNode value = input.get("value");
    PyValue decoded = value == null ? null : values.value(value);
    if ("list-of-dicts".equals(type) && decoded != null) {
      task.setMapping(new MapSpec(List.of(), Optional.of(kwarg("kwargs", decoded, value))));
    } else if (decoded instanceof PyValue.DictV dict) {
      List<Kwarg> expand = new ArrayList<>();
      for (Map.Entry<PyValue, PyValue> e : dict.entries().entrySet()) {
        if (e.getKey() instanceof PyValue.Str k) {
          expand.add(new Kwarg(k.value(), e.getValue(), value.span(), k.value()));
        }
      }
      task.setMapping(new MapSpec(expand, Optional.empty()));
    } else {
      sink.report(Codes.SERIALIZED_WRONG_SHAPE, input.span(), "the `expand_input` of task `" + task.id() + "` has type `" + type
          + "`, which the reader does not know", "a mapped task expands a `dict-of-lists` or a `list-of-dicts`");
    }
  }

  /** {@code edge_info}: labels by upstream and downstream id; join ids stand for a group's edges. */
  private void labels(JNode n, DagModel d, Map<String, TaskModel> byId) {
    if (!(n instanceof JNode.JObject info)) {
      return;
    }
    for (Map.Entry<String, JNode> up : info.fields().entrySet()) {
      if (!(up.getValue() instanceof JNode.JObject downs)) {
        continue;
      }
      for (Map.Entry<String, JNode> down : downs.fields().entrySet()) {
        if (!(down.getValue() instanceof JNode.JObject meta) || meta.string("label") == null) {
          continue;
        }
        String label = meta.string("label");
        List<String> ups = ends(up.getKey(), "downstream_join_id", d, byId);
        List<String> dns = ends(down.getKey(), "upstream_join_id", d, byId);
        for (String dn : dns) {
          TaskModel t = byId.get(dn);
          for (String u : ups) {
            if (t != null && t.upstream().contains(u)) {
              t.labels().put(u, label);
            }
          }
        }
      }
    }
  }

  private static List<String> ends(String id, String join, DagModel d, Map<String, TaskModel> byId) {
    if (byId.containsKey(id)) {
      return List.of(id);
    }
    String suffix = "." + join;
    if (id.endsWith(suffix)) {
      String group = id.substring(0, id.length() - suffix.length());
      List<String> out = new ArrayList<>();
      for (GroupModel g : d.groups()) {
        if (g.id().equals(group)) {
          g.allTasks().forEach(t -> out.add(t.id()));
        }
      }
      return out;
    }
    return List.of();
  }

  private static Kwarg kwarg(String name, PyValue v, JNode where) {
    return new Kwarg(name, v, where.span(), name);
  }
}
