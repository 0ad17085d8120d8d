package io.flytemigrate.flyte.python;

import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.Schedule;
import io.flytemigrate.flyte.model.WorkflowDef;
import java.util.ArrayList;
import java.util.List;

/**
 * A launch plan besides a workflow's default one (flytekit creates that one itself):
 * {@code LaunchPlan.get_or_create(workflow=, name=, schedule=CronSchedule(...)|FixedRate(...), labels=)}.
 */
final class LaunchPlanCode {
  private final Imports imports;

  LaunchPlanCode(Imports imports) {
    this.imports = imports;
  }

  /**
   * @param defaultPlan the workflow's default plan: defaults this plan changes (a variant of a
   *     consolidated batch) are written as {@code default_inputs}
   */
  void write(PySource src, LaunchPlanDef l, WorkflowDef w, java.util.Optional<LaunchPlanDef> defaultPlan) {
    imports.from("flytekit", "LaunchPlan");
    List<PyExpr> args = new ArrayList<>();
    args.add(PyExpr.kw("workflow", PyExpr.atom(w.python().name())));
    args.add(PyExpr.kw("name", PyExpr.atom(PyText.str(l.id().name()))));
    List<PyExpr.Entry> changed = new ArrayList<>();
    for (io.flytemigrate.flyte.model.Parameter p : l.defaultInputs()) {
      java.util.Optional<io.flytemigrate.flyte.model.Literal> base = defaultPlan.flatMap(d -> d.defaultInputs().stream()
          .filter(q -> q.var().equals(p.var())).findFirst()).flatMap(io.flytemigrate.flyte.model.Parameter::defaultValue);
      if (p.defaultValue().isPresent() && !p.defaultValue().equals(base)) {
        changed.add(new PyExpr.Entry(PyExpr.atom(PyText.str(p.var())), PyValues.of(p.defaultValue().get())));
      }
    }
    if (!changed.isEmpty()) {
      args.add(PyExpr.kw("default_inputs", new PyExpr.Dict(changed)));
    }
    l.schedule().ifPresent(s -> args.add(PyExpr.kw("schedule", schedule(s))));
    if (!l.labels().isEmpty()) {
      imports.from("flytekit", "Labels");
      List<PyExpr.Entry> entries = new ArrayList<>();
      l.labels().forEach(kv -> entries.add(new PyExpr.Entry(PyExpr.atom(PyText.str(kv.key())), PyExpr.atom(PyText.str(kv.value())))));
      args.add(PyExpr.kw("labels", PyExpr.call("Labels", new PyExpr.Dict(entries))));
    }
    if (l.maxParallelism().isPresent()) {
      args.add(PyExpr.kw("max_parallelism", PyExpr.atom(String.valueOf(l.maxParallelism().getAsInt()))));
    }
    src.expr(l.python().name() + " = ", PyExpr.call("LaunchPlan.get_or_create", args), "");
  }

  private PyExpr schedule(Schedule s) {
    List<PyExpr> args = new ArrayList<>();
    PyExpr e;
    if (s instanceof Schedule.Cron c) {
      imports.from("flytekit", "CronSchedule");
      args.add(PyExpr.kw("schedule", PyExpr.atom(PyText.str(c.expression()))));
      c.kickoffTimeInput().ifPresent(k -> args.add(PyExpr.kw("kickoff_time_input_arg", PyExpr.atom(PyText.str(k)))));
      e = PyExpr.call("CronSchedule", args);
    } else {
      Schedule.FixedRate r = (Schedule.FixedRate) s;
      imports.from("flytekit", "FixedRate");
      imports.fromStd("datetime", "timedelta");
      String unit = switch (r.unit()) {
        case MINUTE -> "minutes";
        case HOUR -> "hours";
        case DAY -> "days";
      };
      args.add(PyExpr.kw("duration", PyExpr.call("timedelta", PyExpr.kw(unit, PyExpr.atom(String.valueOf(r.value()))))));
      r.kickoffTimeInput().ifPresent(k -> args.add(PyExpr.kw("kickoff_time_input_arg", PyExpr.atom(PyText.str(k)))));
      e = PyExpr.call("FixedRate", args);
    }
    return e;
  }

}
