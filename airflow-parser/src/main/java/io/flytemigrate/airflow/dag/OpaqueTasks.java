package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operators without a translation (sensors, {@code TriggerDagRunOperator}, provider operators,
 * operator classes declared in the file, calls assumed to create tasks) as opaque components:
 * the class as kind, the call's source text, and one input per argument bound to its value, so
 * data edges and values survive and a person or a later pass can translate them. Each is
 * reported.
 */
final class OpaqueTasks {
  private OpaqueTasks() {}

  static String build(TaskModel t, Effective e, TaskIo io, DagScope scope) {
    io.reportUnknowns = false;
    Map<String, Binding> mapped = Mapping.mappedArgs(t, scope);
    for (Kwarg k : e.operatorArgs(true)) {
      if (k.name().equals("task_id") || mapped.containsKey(k.name())) {
        continue;
      }
      if (k.value() instanceof PyValue.Str s && s.value().contains("xcom_pull")) {
        io.arg(s.value(), k.span());
      }
      Binding b = io.binding(k.value(), k, false);
      IrType type = IrValues.isData(k.value()) ? IrValues.typeOf(k.value()) : new IrType.Any();
      io.input(k.name(), type, false, Optional.empty(), Optional.empty(), b, k.span());
    }
    for (var a : t.callArgs()) {
      if (a.name().isPresent() && t.kwargs().containsKey(a.name().get())) {
        continue; // a keyword argument of a placeholder call, already an input above
      }
      String name = a.name().orElse("arg" + t.callArgs().indexOf(a));
      Binding b = io.binding(a.value(), new Kwarg(name, a.value(), a.span(), a.raw()), false);
      io.input(name, IrValues.isData(a.value()) ? IrValues.typeOf(a.value()) : new IrType.Any(), false, Optional.empty(),
          Optional.empty(), b, a.span());
    }
    for (Map.Entry<String, Binding> m : mapped.entrySet()) {
      io.input(m.getKey(), new IrType.Any(), false, Optional.empty(), Optional.empty(), m.getValue(), t.span());
    }
    List<Port> outputs = new ArrayList<>();
    for (String key : scope.outputsUsed(t.id())) {
      outputs.add(new Port(key, new IrType.Any(), false, false, Optional.empty(), Optional.empty(), t.span()));
    }
    String id = scope.componentId(t.id());
    scope.addComponent(new Component.OpaqueComponent(id, new Interface(io.ports, outputs), t.operator(), t.raw(), t.span()));
    if (t.style() != TaskModel.Style.PLACEHOLDER) {
      report(t, scope);
    }
    return id;
  }

  private static void report(TaskModel t, DagScope scope) {
    String op = t.operator();
    String help;
    String what;
    PyValue language = t.kwarg("language").map(Kwarg::value).orElse(PyValue.NONE);
    if (language instanceof PyValue.Str lang && !lang.value().equals("python")) {
      what = "task `" + t.id() + "` runs " + lang.value() + " code of airflow's " + lang.value() + " task sdk (`" + op + "`)";
      help = "flyte runs containers: package the " + lang.value() + " code in an image and call it from a container task";
    } else if (t.definedInFile()) {
      what = "custom operator `" + op + "` (task `" + t.id() + "`) is declared in the file";
      help = "rewrite its `execute` method as a python task";
    } else if (op.equals("TriggerDagRunOperator")) {
      PyValue target = t.kwarg("trigger_dag_id").map(Kwarg::value).orElse(PyValue.NONE);
      what = "`TriggerDagRunOperator` (task `" + t.id() + "`) triggers dag `"
          + (target instanceof PyValue.Str s ? s.value() : "?") + "`";
      help = "call the translated dag's launch plan from this workflow instead";
    } else if (op.equals("ExternalTaskSensor") || op.equals("ExternalTaskMarker")) {
      what = "`" + op + "` (task `" + t.id() + "`) links this dag to another dag";
      help = "flyte has no cross-workflow sensors; order the workflows with a parent workflow or launch-plan triggers";
    } else if (op.equals("SubDagOperator")) {
      what = "`SubDagOperator` (task `" + t.id() + "`) runs a sub-dag built at parse time";
      help = "rewrite the sub-dag as a task group or a separate dag";
    } else if (Operators.isSensor(t)) {
      what = "sensor `" + op + "` (task `" + t.id() + "`) waits for a condition";
      help = "replace it with a flytekit sensor, or a python task that polls with retries";
    } else if (op.equals("LatestOnlyOperator")) {
      what = "`LatestOnlyOperator` (task `" + t.id() + "`) skips its downstream tasks on all but the latest run";
      help = "flyte runs have no schedule position; drop it or check the kickoff time in a task";
    } else if (op.startsWith("Branch")) {
      what = "`" + op + "` (task `" + t.id() + "`) chooses at run time which downstream tasks run";
      help = "compute the choice in a python task and use `conditional`";
    } else if (op.equals("PythonOperator") || op.endsWith("PythonOperator") || op.equals("ShortCircuitOperator")) {
      what = "`" + op + "` (task `" + t.id() + "`) has no `python_callable` the reader can see";
      help = "pass a function defined in the file as `python_callable`";
    } else {
      what = "operator `" + op + "` (task `" + t.id() + "`) has no translation";
      help = "rewrite it as a python task that calls the service, or a container task";
    }
    scope.report(Codes.AIRFLOW_OPAQUE_OPERATOR, t.span(), what + "; it is kept opaque with its arguments", help);
  }
}
