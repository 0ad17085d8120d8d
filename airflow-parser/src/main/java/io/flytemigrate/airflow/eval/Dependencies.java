package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.GroupModel;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.ListV;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.airflow.model.ValueRefs;
import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.ir.diag.Codes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Task dependencies as Airflow declares them: {@code >>} and {@code <<} (whose value is the right
 * operand, so {@code a >> b >> c} is a->b, b->c), lists on one side, task groups (their leaves
 * upstream, their roots downstream), {@code Label}s between two tasks, {@code chain} (adjacent
 * lists pairwise), {@code chain_linear} and {@code cross_downstream} (all to all), and the
 * {@code set_upstream}/{@code set_downstream} methods.
 */
final class Dependencies {
  private final Interpreter in;

  Dependencies(Interpreter in) {
    this.in = in;
  }

  /** Whether a value takes part in {@code >>}: tasks, XComs, groups, labels, lists of them. */
  static boolean isGraphOperand(PyValue v) {
    if (v instanceof PyValue.TaskRef || v instanceof PyValue.XCom || v instanceof EvalValue.GroupRef
        || v instanceof EvalValue.LabelRef || v instanceof EvalValue.EdgeHalf || v instanceof EvalValue.Pending
        || v instanceof EvalValue.Boilerplate) {
      return true;
    }
    if (v instanceof ListV l && !l.items().isEmpty()) {
      for (PyValue i : l.items()) {
        if (isGraphOperand(i)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code left >> right}; returns {@code right}. */
  PyValue shift(PyValue left, PyValue right, PyNode n) {
    if (right instanceof EvalValue.LabelRef label) {
      return new EvalValue.EdgeHalf(endpoints(left, true, n), label.text());
    }
    if (left instanceof EvalValue.EdgeHalf half) {
      for (TaskModel down : endpoints(right, false, n)) {
        for (TaskModel up : half.sources()) {
          edge(up, down, half.label(), n);
        }
      }
      return right;
    }
    if (bothLists(left, right, n)) {
      return right;
    }
    connect(endpoints(left, true, n), endpoints(right, false, n), n);
    return right;
  }

  /** {@code left << right}: right runs first; returns {@code right}. */
  PyValue shiftLeft(PyValue left, PyValue right, PyNode n) {
    if (right instanceof EvalValue.LabelRef || left instanceof EvalValue.EdgeHalf) {
      if (in.once("label<<@" + n.start())) {
        in.report(Codes.AIRFLOW_UNSUPPORTED, in.span(n), "a `Label` with `<<` is not read; the edge is kept without its label",
            "write the edge with `>>` to keep the label");
      }
      PyValue r = right instanceof EvalValue.LabelRef ? PyValue.NONE : right;
      if (left instanceof EvalValue.EdgeHalf h) {
        for (TaskModel up : endpoints(r, true, n)) {
          for (TaskModel down : h.sources()) {
            edge(up, down, null, n);
          }
        }
      }
      return right;
    }
    if (bothLists(left, right, n)) {
      return right;
    }
    connect(endpoints(right, true, n), endpoints(left, false, n), n);
    return right;
  }

  private boolean bothLists(PyValue left, PyValue right, PyNode n) {
    if (left instanceof ListV && right instanceof ListV) {
      in.report(Codes.AIRFLOW_INVALID_DEPENDENCY, in.span(n), "`>>` between two lists is a python `TypeError`; no edge is read",
          "connect every task of one list to every task of the other with `cross_downstream(a, b)`");
      return true;
    }
    return false;
  }

  /** {@code chain(*tasks)}: adjacent lists of equal length are joined pairwise. */
  void chain(List<PyValue> items, PyNode n, boolean linear) {
    for (int i = 0; i + 1 < items.size(); i++) {
      PyValue up = items.get(i);
      PyValue down = items.get(i + 1);
      if (!linear && up instanceof ListV a && down instanceof ListV b) {
        if (a.items().size() != b.items().size()) {
          in.report(Codes.AIRFLOW_INVALID_DEPENDENCY, in.span(n), "`chain` joins lists of different lengths ("
              + a.items().size() + " and " + b.items().size() + "), which airflow rejects",
              "give adjacent lists the same length, or use `chain_linear` to connect them all to all");
          continue;
        }
        for (int k = 0; k < a.items().size(); k++) {
          connect(endpoints(a.items().get(k), true, n), endpoints(b.items().get(k), false, n), n);
        }
      } else {
        connect(endpoints(up, true, n), endpoints(down, false, n), n);
      }
    }
  }

  /** {@code cross_downstream(from_tasks, to_tasks)}. */
  void cross(PyValue from, PyValue to, PyNode n) {
    connect(endpoints(from, true, n), endpoints(to, false, n), n);
  }

  void connect(List<TaskModel> ups, List<TaskModel> downs, PyNode n) {
    for (TaskModel down : downs) {
      for (TaskModel up : ups) {
        edge(up, down, null, n);
      }
    }
  }

  void edge(TaskModel up, TaskModel down, String label, PyNode n) {
    if (up == down) {
      in.report(Codes.AIRFLOW_INVALID_DEPENDENCY, in.span(n), "task `" + up.id() + "` is made its own upstream",
          "airflow rejects a dag with a cycle; remove the edge");
      return;
    }
    if (up.dag() != down.dag()) {
      in.report(Codes.AIRFLOW_INVALID_DEPENDENCY, in.span(n), "an edge joins task `" + up.id() + "` of dag `"
          + up.dag().dagId() + "` and task `" + down.id() + "` of dag `" + down.dag().dagId() + "`",
          "tasks of different dags cannot depend on each other; use an `ExternalTaskSensor` or a trigger instead");
      return;
    }
    if (down.upstream().add(up.id())) {
      in.airflow.mutated();
    }
    if (label != null) {
      down.labels().put(up.id(), label);
    }
  }

  /**
   * The tasks a dependency operand stands for: as the upstream side a group gives its leaves, as
   * the downstream side its roots.
   */
  List<TaskModel> endpoints(PyValue v, boolean upstreamSide, PyNode n) {
    List<TaskModel> out = new ArrayList<>();
    collect(v, upstreamSide, n, out, 0);
    return out;
  }

  private void collect(PyValue v, boolean upstreamSide, PyNode n, List<TaskModel> out, int depth) {
    if (depth > 20) {
      return;
    }
    if (v instanceof PyValue.TaskRef t) {
      out.add(t.task());
    } else if (v instanceof PyValue.XCom x) {
      out.add(x.task());
    } else if (v instanceof EvalValue.Pending p) {
      out.add(in.airflow.materialize(p));
    } else if (v instanceof EvalValue.GroupRef g) {
      out.addAll(upstreamSide ? leaves(g.group()) : roots(g.group()));
    } else if (v instanceof ListV l) {
      for (PyValue i : l.items()) {
        collect(i, upstreamSide, n, out, depth + 1);
      }
    } else if (v instanceof EvalValue.Boilerplate b) {
      if (in.once("boilerplate-edge")) {
        in.report(Codes.AIRFLOW_TEST_SCAFFOLDING, in.span(n), "edges to the system-test helper `" + b.name() + "` are dropped",
            "`watcher()` and `get_test_run(dag)` belong to airflow's own test suite, not to the pipeline");
      }
    } else if (v instanceof EvalValue.DagRef || v instanceof EvalValue.LabelRef) {
      report(v, n);
    } else {
      report(v, n);
    }
  }

  private void report(PyValue v, PyNode n) {
    if (in.once("dep@" + n.start())) {
      String what = v instanceof PyValue.Unknown u ? "`" + u.raw() + "`" : Strings.describe(v);
      String why = v instanceof PyValue.Unknown u ? ": " + u.why() : "";
      in.report(Codes.AIRFLOW_UNRESOLVED, in.span(n), "a dependency on " + what + " is ignored" + why,
          "only tasks, task groups and lists of them can be connected with `>>`");
    }
  }

  /** Tasks of the group with no upstream inside the group. */
  List<TaskModel> roots(GroupModel g) {
    List<TaskModel> all = g.allTasks();
    Set<String> ids = ids(all);
    List<TaskModel> out = new ArrayList<>();
    for (TaskModel t : all) {
      if (ValueRefs.allUpstream(t).stream().noneMatch(ids::contains)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Tasks of the group no task inside the group depends on. */
  List<TaskModel> leaves(GroupModel g) {
    List<TaskModel> all = g.allTasks();
    Set<String> hasDownstream = new LinkedHashSet<>();
    Set<String> ids = ids(all);
    for (TaskModel t : all) {
      for (String u : ValueRefs.allUpstream(t)) {
        if (ids.contains(u)) {
          hasDownstream.add(u);
        }
      }
    }
    List<TaskModel> out = new ArrayList<>();
    for (TaskModel t : all) {
      if (!hasDownstream.contains(t.id())) {
        out.add(t);
      }
    }
    return out;
  }

  private static Set<String> ids(List<TaskModel> tasks) {
    Set<String> ids = new LinkedHashSet<>();
    for (TaskModel t : tasks) {
      ids.add(t.id());
    }
    return ids;
  }
}
