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
 * Decorators and {@code with} blocks: {@code @task} and its variants, {@code @dag},
 * {@code @task_group}, {@code @setup}, {@code @teardown}, {@code @asset}; {@code with DAG(...)},
 * {@code with TaskGroup(...)}, and the setup/teardown context {@code with teardown(setup()):}.
 */
final class Decorators {
  private final Interpreter in;

  Decorators(Interpreter in) {
    this.in = in;
  }


  /** Applies decorator value {@code deco} to the function {@code fn}. */
  PyValue decorate(PyValue deco, PyValue fn, PyNode decorator, PyNode expr) {
    if (deco instanceof EvalValue.Ref r) {
      String concept = Known.airflowConcept(r.qualname());
      String kind = AirflowCalls.taskKind(r.qualname());
      if ("task".equals(concept)) {
        kind = "task";
      }
      if (("setup".equals(concept) || "teardown".equals(concept))) {
        boolean setup = concept.equals("setup");
        if (fn instanceof EvalValue.TaskFactory tf) {
          return new EvalValue.TaskFactory(tf.fn(), tf.kind(), tf.kwargs(), tf.setup() || setup, tf.teardown() || !setup);
        }
        if (fn instanceof EvalValue.Function f) {
          return new EvalValue.TaskFactory(f, concept, Map.of(), setup, !setup);
        }
      }
      if (kind != null && fn instanceof EvalValue.Function f) {
        return new EvalValue.TaskFactory(f, kind, Map.of(), false, false);
      }
      if ("dag".equals(concept) && fn instanceof EvalValue.Function f) {
        return new EvalValue.DagFactory(f, Map.of(), in.span(decorator), in.text(decorator));
      }
      if ("task_group".equals(concept) && fn instanceof EvalValue.Function f) {
        return new EvalValue.GroupFactory(f, Map.of());
      }
      if ("asset".equals(concept) && fn instanceof EvalValue.Function f) {
        return in.airflow.dags.asset(f, Map.of(), in.span(decorator), in.text(decorator));
      }
      return fn;
    }
    if (deco instanceof EvalValue.TaskDecorator d) {
      if (fn instanceof EvalValue.Function f) {
        return new EvalValue.TaskFactory(f, d.kind(), d.kwargs(), d.setup(), d.teardown());
      }
      if (fn instanceof EvalValue.TaskFactory tf) {
        LinkedHashMap<String, Kwarg> kw = new LinkedHashMap<>(tf.kwargs());
        if (d.kind().equals("task.run_if") || d.kind().equals("task.skip_if")) {
          kw.put(d.kind().substring(5), new Kwarg(d.kind().substring(5), new Str(Strings.oneLine(in.text(expr))),
              in.span(decorator), in.text(expr)));
        } else {
          kw.putAll(d.kwargs());
        }
        return new EvalValue.TaskFactory(tf.fn(), tf.kind(), kw, tf.setup() || d.setup(), tf.teardown() || d.teardown());
      }
      return fn;
    }
    if (deco instanceof EvalValue.PendingDecorator p && fn instanceof EvalValue.Function f) {
      return switch (p.what()) {
        case "dag" -> new EvalValue.DagFactory(f, p.kwargs(), p.span(), p.raw());
        case "task_group" -> new EvalValue.GroupFactory(f, p.kwargs());
        case "asset" -> in.airflow.dags.asset(f, p.kwargs(), p.span(), p.raw());
        default -> fn;
      };
    }
    return fn;
  }

  /** Enters a {@code with} block; the returned action leaves it. */
  Runnable enterWith(PyValue v, PyNode expr) {
    if (v instanceof EvalValue.DagRef d) {
      in.contexts.push(new Interpreter.Context(d.dag(), null));
      return in.contexts::pop;
    }
    if (v instanceof EvalValue.GroupRef g) {
      in.contexts.push(new Interpreter.Context(g.dag(), g.group()));
      return in.contexts::pop;
    }
    if (v instanceof PyValue.TaskRef || v instanceof PyValue.XCom || (v instanceof ListV && Dependencies.isGraphOperand(v))) {
      List<TaskModel> around = in.dependencies.endpoints(v, true, expr);
      List<TaskModel> created = new ArrayList<>();
      in.creationWatchers.push(created);
      return () -> {
        in.creationWatchers.remove(created);
        wrapSetupTeardown(around, created, expr);
      };
    }
    return () -> { };
  }

  /**
   * {@code with teardown_task:} (Airflow's setup/teardown context): the tasks created in the
   * block run after the setups of the teardown and before the teardown.
   */
  private void wrapSetupTeardown(List<TaskModel> around, List<TaskModel> created, PyNode expr) {
    if (created.isEmpty()) {
      return;
    }
    Set<TaskModel> setups = new LinkedHashSet<>();
    List<TaskModel> teardowns = new ArrayList<>();
    for (TaskModel t : around) {
      if (t.teardown()) {
        teardowns.add(t);
        for (TaskModel u : ValueRefs.dataUpstream(t)) {
          if (u.setup()) {
            setups.add(u);
          }
        }
        for (String id : t.upstream()) {
          t.dag().task(id).filter(TaskModel::setup).ifPresent(setups::add);
        }
      } else if (t.setup()) {
        setups.add(t);
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    created.forEach(t -> ids.add(t.id()));
    Set<String> hasDownstream = new LinkedHashSet<>();
    List<TaskModel> roots = new ArrayList<>();
    for (TaskModel t : created) {
      List<String> ups = ValueRefs.allUpstream(t);
      if (ups.stream().noneMatch(ids::contains)) {
        roots.add(t);
      }
      ups.stream().filter(ids::contains).forEach(hasDownstream::add);
    }
    for (TaskModel s : setups) {
      for (TaskModel r : roots) {
        in.dependencies.edge(s, r, null, expr);
      }
    }
    for (TaskModel td : teardowns) {
      for (TaskModel t : created) {
        if (!hasDownstream.contains(t.id())) {
          in.dependencies.edge(t, td, null, expr);
        }
      }
    }
  }

  boolean isOperatorClass(EvalValue.ClassDef c) {
    for (PyValue b : c.bases()) {
      if (b instanceof EvalValue.OperatorClass) {
        return true;
      }
      if (b instanceof EvalValue.Ref r && (Known.isOperatorClass(r.qualname()) || "BaseOperator".equals(Known.airflowConcept(r.qualname())))) {
        return true;
      }
    }
    return false;
  }
}
