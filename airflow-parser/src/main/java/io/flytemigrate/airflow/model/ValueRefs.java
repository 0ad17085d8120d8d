package io.flytemigrate.airflow.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the tasks a value refers to (XComs and tasks nested in lists and dicts): its data edges. */
public final class ValueRefs {
  private ValueRefs() {}

  /** The tasks whose results {@code v} uses, in first-seen order. */
  public static Set<TaskModel> tasks(PyValue v) {
    Set<TaskModel> out = new LinkedHashSet<>();
    collect(v, out, 0);
    return out;
  }

  /** The tasks whose results any argument of {@code t} uses: its implicit (data) upstream tasks. */
  public static Set<TaskModel> dataUpstream(TaskModel t) {
    Set<TaskModel> out = new LinkedHashSet<>();
    for (Kwarg k : t.kwargs().values()) {
      collect(k.value(), out, 0);
    }
    for (CallArg a : t.callArgs()) {
      collect(a.value(), out, 0);
    }
    t.mapping().ifPresent(m -> {
      for (Kwarg k : m.expand()) {
        collect(k.value(), out, 0);
      }
      m.expandKwargs().ifPresent(k -> collect(k.value(), out, 0));
    });
    out.remove(t);
    return out;
  }

  /** Every upstream id of {@code t}: explicit edges, then data edges. */
  public static List<String> allUpstream(TaskModel t) {
    Set<String> ids = new LinkedHashSet<>(t.upstream());
    for (TaskModel u : dataUpstream(t)) {
      ids.add(u.id());
    }
    return new ArrayList<>(ids);
  }

  private static void collect(PyValue v, Set<TaskModel> out, int depth) {
    if (depth > 50) {
      return;
    }
    if (v instanceof PyValue.TaskRef r) {
      out.add(r.task());
    } else if (v instanceof PyValue.XCom x) {
      out.add(x.task());
    } else if (v instanceof PyValue.ListV l) {
      for (PyValue i : l.items()) {
        collect(i, out, depth + 1);
      }
    } else if (v instanceof PyValue.DictV d) {
      for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
        collect(e.getValue(), out, depth + 1);
      }
    } else if (v instanceof PyValue.Obj o) {
      for (PyValue a : o.args()) {
        collect(a, out, depth + 1);
      }
      for (PyValue a : o.kwargs().values()) {
        collect(a, out, depth + 1);
      }
    }
  }
}
