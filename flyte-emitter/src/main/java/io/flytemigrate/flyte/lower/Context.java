package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.ImageDef;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The state one lowering shares between its classes: the pipeline, the options, the entities
 * built so far (in registration order), the Python namespaces, and the parity and diagnostic
 * collectors.
 */
final class Context {
  /** Names flytekit projects import into task and workflow modules; nothing else may use them. */
  static final Set<String> RESERVED = Set.of(
      "typing", "functools", "task", "workflow", "dynamic", "conditional", "map_task", "ContainerTask",
      "ImageSpec", "Resources", "PodTemplate", "LaunchPlan", "CronSchedule", "FixedRate", "Echo", "FlyteFile",
      "FlyteDirectory", "WorkflowFailurePolicy", "kwtypes", "timedelta", "tasks", "compat", "components",
      "workflows", "Secret", "Labels", "Annotations", "kubernetes", "datetime", "json");

  final Pipeline pipeline;
  /** The pipeline's components and nodes by id. */
  final IrIndex index;
  final LoweringOptions options;
  final ParityLog parity = new ParityLog();
  final DiagnosticSink diagnostics;
  final String pythonPackage;

  /** Module-level names of the tasks module. */
  final NameTable taskNames = new NameTable("_").reserve(RESERVED).reserve(Names.PYTHON_KEYWORDS);
  /** Module-level names of all workflow modules (one table, so imports between them never clash). */
  final NameTable workflowNames = new NameTable("_").reserve(RESERVED).reserve(Names.PYTHON_KEYWORDS);
  /** Modules of {@code <package>.components}. */
  final NameTable componentModules = new NameTable("_").reserve(Names.PYTHON_KEYWORDS);
  /** Modules of {@code <package>.workflows}. */
  final NameTable workflowModules = new NameTable("_").reserve(Names.PYTHON_KEYWORDS);

  final List<TaskDef> tasks = new ArrayList<>();
  final List<WorkflowDef> workflows = new ArrayList<>();
  final List<LaunchPlanDef> launchPlans = new ArrayList<>();
  final List<ImageDef> images = new ArrayList<>();
  boolean compat;
  /** What KFP's untyped lists hold, from the loops over them. */
  final ListHints listHints;

  Context(Pipeline pipeline, LoweringOptions options, DiagnosticSink diagnostics) {
    this.pipeline = pipeline;
    this.index = new IrIndex(pipeline);
    this.options = options;
    this.diagnostics = diagnostics;
    this.pythonPackage = options.pythonPackage().orElseGet(() -> Names.identifier(pipeline.name()));
    this.listHints = ListHints.of(pipeline);
  }

  String tasksModule() {
    return pythonPackage + ".tasks";
  }

  String compatModule() {
    return pythonPackage + ".compat";
  }

  /** An id without a version yet; {@link Versions} fills versions in at the end. */
  Identifier id(Identifier.ResourceType type, String name) {
    return new Identifier(type, options.project().orElse(""), options.domain().orElse(""), name, "");
  }

  void warn(Code code, Span span, String message, String help) {
    diagnostics.report(code, span, message, help);
  }
}
