package io.flytemigrate.airflow.serialized;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Serialized values as model values: Airflow's typed encoding ({@code {"__type": "dict",
 * "__var": ...}}, {@code timedelta}, {@code datetime}, {@code xcomref}, assets, params) and plain
 * JSON. Numbers under keys that hold durations or dates are read as such.
 */
final class SerializedValues {
  static final Set<String> DURATION_KEYS = Set.of("retry_delay", "max_retry_delay", "execution_timeout", "sla",
      "dagrun_timeout");
  static final Set<String> DATE_KEYS = Set.of("start_date", "end_date");

  private final Function<String, TaskModel> tasks;
  private final List<String> missingTasks = new ArrayList<>();

  /** @param tasks finds a task of the DAG by id, or returns null */
  SerializedValues(Function<String, TaskModel> tasks) {
    this.tasks = tasks;
  }

  /** Ids of tasks an {@code xcomref} named that the DAG does not have. */
  List<String> missingTasks() {
    return missingTasks;
  }

  PyValue field(String key, JNode n) {
    if (n instanceof JNode.JNumber num) {
      double d = Double.parseDouble(num.text());
      if (DURATION_KEYS.contains(key)) {
        return new PyValue.Duration(d);
      }
      if (DATE_KEYS.contains(key)) {
        return date(d);
      }
    }
    return value(n);
  }

  static PyValue date(double epochSeconds) {
    Instant i = Instant.ofEpochMilli(Math.round(epochSeconds * 1000));
    return new PyValue.DateTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atOffset(ZoneOffset.UTC)));
  }

  PyValue value(JNode n) {
    if (n instanceof JNode.JString s) {
      return new PyValue.Str(s.value());
    }
    if (n instanceof JNode.JNumber num) {
      if (num.integral()) {
        try {
          return new PyValue.Int(Long.parseLong(num.text()));
        } catch (NumberFormatException e) {
          return new PyValue.Float(Double.parseDouble(num.text()));
        }
      }
      return new PyValue.Float(Double.parseDouble(num.text()));
    }
    if (n instanceof JNode.JBool b) {
      return new PyValue.Bool(b.value());
    }
    if (n instanceof JNode.JNull) {
      return PyValue.NONE;
    }
    if (n instanceof JNode.JArray a) {
      List<PyValue> items = new ArrayList<>();
      for (JNode i : a.items()) {
        items.add(value(i));
      }
      return new PyValue.ListV(items, false);
    }
    JNode.JObject o = (JNode.JObject) n;
    if (o.get("__type") instanceof JNode.JString type && o.fields().containsKey("__var")) {
      return typed(type.value(), o.get("__var"), o);
    }
    if (o.get("__class") instanceof JNode.JString cls && o.fields().containsKey("default")) {
      return param(cls.value(), o);
    }
    return dict(o);
  }

  private PyValue.DictV dict(JNode.JObject o) {
    LinkedHashMap<PyValue, PyValue> m = new LinkedHashMap<>();
    for (Map.Entry<String, JNode> e : o.fields().entrySet()) {
      m.put(new PyValue.Str(e.getKey()), field(e.getKey(), e.getValue()));
    }
    return new PyValue.DictV(m);
  }

  private PyValue typed(String type, JNode var, JNode.JObject whole) {
    switch (type) {
      case "dict" -> {
        return var instanceof JNode.JObject o ? dict(o) : value(var);
      }
      case "set", "tuple", "list" -> {
        PyValue v = value(var);
        return v instanceof PyValue.ListV l ? new PyValue.ListV(l.items(), type.equals("tuple")) : v;
      }
      case "timedelta" -> {
        return var instanceof JNode.JNumber num ? new PyValue.Duration(Double.parseDouble(num.text())) : value(var);
      }
      case "datetime" -> {
        if (var instanceof JNode.JNumber num) {
          return date(Double.parseDouble(num.text()));
        }
        if (var instanceof JNode.JObject o && o.get("timestamp") instanceof JNode.JNumber num) {
          return date(Double.parseDouble(num.text()));
        }
        return value(var);
      }
      case "xcomref" -> {
        if (var instanceof JNode.JObject o && o.string("task_id") != null) {
          TaskModel t = tasks.apply(o.string("task_id"));
          if (t == null) {
            missingTasks.add(o.string("task_id"));
            return new PyValue.Unknown("xcomref " + o.string("task_id"), "it refers to task `" + o.string("task_id")
                + "`, which the dag does not have");
          }
          String key = o.string("key");
          if (o.string("type") != null && !o.string("type").equals("PlainXComArg")) {
            return new PyValue.Unknown("xcomref " + o.string("task_id"), "a `" + o.string("type")
                + "` xcom reference is not translated");
          }
          return new PyValue.XCom(t, key == null ? PyValue.XCom.RETURN_VALUE : key);
        }
        return new PyValue.Unknown(type, "the xcom reference names no task");
      }
      case "dataset", "asset", "asset_ref", "asset_name_ref", "asset_uri_ref" -> {
        Map<String, PyValue> kw = new LinkedHashMap<>();
        if (var instanceof JNode.JObject o) {
          for (Map.Entry<String, JNode> e : o.fields().entrySet()) {
            kw.put(e.getKey(), value(e.getValue()));
          }
        }
        return new PyValue.Obj("airflow.sdk.Asset", List.of(), kw, "Asset(...)");
      }
      default -> {
        Map<String, PyValue> kw = new LinkedHashMap<>();
        List<PyValue> args = new ArrayList<>();
        if (var instanceof JNode.JObject o) {
          for (Map.Entry<String, JNode> e : o.fields().entrySet()) {
            kw.put(e.getKey(), value(e.getValue()));
          }
        } else {
          args.add(value(var));
        }
        return new PyValue.Obj(type, args, kw, type);
      }
    }
  }

  /** A serialized {@code Param}: {@code {"__class": ..., "default": ..., "description": ..., "schema": {...}}}. */
  PyValue param(String cls, JNode.JObject o) {
    Map<String, PyValue> kw = new LinkedHashMap<>();
    PyValue dflt = value(o.get("default"));
    if (o.get("description") instanceof JNode.JString d) {
      kw.put("description", new PyValue.Str(d.value()));
    }
    if (o.get("schema") instanceof JNode.JObject schema) {
      PyValue s = value(schema);
      if (s instanceof PyValue.DictV d) {
        for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
          if (e.getKey() instanceof PyValue.Str k && !k.value().equals("__type")) {
            kw.put(k.value(), e.getValue());
          }
        }
      }
    }
    boolean required = o.get("default") instanceof JNode.JObject def && "airflow.models.param.NOTSET".equals(def.string("__type"));
    return new PyValue.Obj(cls, required ? List.of() : List.of(dflt), kw, "Param(...)");
  }
}
