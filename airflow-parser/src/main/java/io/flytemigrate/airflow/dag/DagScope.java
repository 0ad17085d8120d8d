package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What mapping one DAG accumulates: the pipeline inputs (params, trigger keys, the logical date),
 * the components (with ids unique in the pipeline, Python components shared between the tasks
 * that run the same function), and which outputs of which tasks are read downstream.
 */
final class DagScope {
  /** The pipeline input the emitter binds to the launch plan's kickoff time. */
  static final String LOGICAL_DATE = "logical_date";

  final DagModel dag;
  final DiagnosticSink sink;
  final MappingOptions options;
  final String file;
  final LinkedHashMap<String, Port> inputs = new LinkedHashMap<>();
  final Set<String> declaredParams = new HashSet<>();
  final List<Component> components = new ArrayList<>();
  private final Set<String> componentIds = new HashSet<>();
  final Map<String, String> sharedComponents = new HashMap<>();
  final Map<String, LinkedHashSet<String>> usedOutputs = new HashMap<>();
  private final Set<String> once = new HashSet<>();

  DagScope(DagModel dag, DiagnosticSink sink, MappingOptions options, String file) {
    this.dag = dag;
    this.sink = sink;
    this.options = options;
    this.file = file;
  }

  /** A new component id {@code comp-<base>}, unique in the pipeline. */
  String componentId(String base) {
    String id = "comp-" + base;
    int k = 2;
    while (!componentIds.add(id)) {
      id = "comp-" + base + "-" + k++;
    }
    return id;
  }

  void addComponent(Component c) {
    components.add(c);
  }

  /** Declares a pipeline input unless one of that name exists. */
  void addInput(Port p) {
    inputs.putIfAbsent(p.name(), p);
  }

  /** The logical-date pipeline input, declared on first use. */
  void useLogicalDate() {
    addInput(new Port(LOGICAL_DATE, IrType.primitive(IrType.Scalar.DATETIME), false, false, Optional.empty(),
        Optional.of("the run's logical date; the emitter binds it to the launch plan's kickoff time"), Span.NONE));
  }

  void useOutput(TaskModel task, String key) {
    usedOutputs.computeIfAbsent(task.id(), k -> new LinkedHashSet<>()).add(key);
  }

  Set<String> outputsUsed(String taskId) {
    return usedOutputs.getOrDefault(taskId, new LinkedHashSet<>());
  }

  void report(Code code, Span span, String message, String help) {
    Diagnostic d = Diagnostic.of(code, span, message);
    sink.report(help == null ? d : d.withHelp(help));
  }

  void report(Diagnostic d) {
    sink.report(d);
  }

  /** True the first time {@code key} is seen. */
  boolean once(String key) {
    return once.add(key);
  }
}
