package io.flytemigrate.flyteproto.verify;

import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.core.Interface;
import flyteidl.core.Workflow;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's parameters in the pipeline workflow's default launch plan: each one an input of
 * the workflow and a parameter of the plan, with the same default, or required when the source
 * has none. Extra inputs (an importer's file, for one) are allowed.
 */
final class ParameterCheck {
  private ParameterCheck() {}

  static void run(Pipeline pipeline, PackageGraph graph, Workflow.WorkflowTemplate root, ParityView parity, DiagnosticSink sink) {
    String name = root.getId().getName();
    Optional<LaunchPlanOuterClass.LaunchPlan> lp = graph.defaultPlan(name);
    if (lp.isEmpty()) {
      sink.report(Codes.VERIFY_PARAMETER_MISMATCH, pipeline.span(), "the pipeline workflow `" + name
          + "` has no default launch plan in the package", "every workflow gets a launch plan named like it");
      return;
    }
    Map<String, Interface.Parameter> params = lp.get().getSpec().getDefaultInputs().getParametersMap();
    Map<String, Interface.Variable> inputs = root.getInterface().getInputs().getVariablesMap();
    for (Port p : pipeline.root().iface().inputs()) {
      if (parity.dropped(p.name(), p.span(), "parameter")) {
        continue;
      }
      Optional<String> var = params.keySet().stream().sorted().filter(k -> SourceNames.same(k, p.name())).findFirst();
      if (var.isEmpty()) {
        sink.report(Codes.VERIFY_PARAMETER_MISMATCH, p.span(), "parameter `" + p.name()
            + "` is not an input of the default launch plan `" + lp.get().getId().getName() + "`",
            "every pipeline parameter becomes a workflow input listed in the default launch plan");
        continue;
      }
      if (inputs.keySet().stream().noneMatch(k -> SourceNames.same(k, p.name()))) {
        sink.report(Codes.VERIFY_PARAMETER_MISMATCH, p.span(), "parameter `" + p.name() + "` is not an input of workflow `"
            + name + "`", "the launch plan may only list inputs of its workflow");
      }
      if (parity.approximated(p.name(), p.span(), "parameter")) {
        continue;
      }
      Interface.Parameter param = params.get(var.get());
      if (p.defaultValue().isPresent()) {
        if (!param.hasDefault()) {
          sink.report(Codes.VERIFY_PARAMETER_MISMATCH, p.span(), "parameter `" + p.name() + "` defaults to `"
              + ValueCompare.text(p.defaultValue().get()) + "` in the source, but has no default in the package",
              "write the default into the default launch plan's parameter");
        } else if (!ValueCompare.equal(p.defaultValue().get(), param.getDefault())) {
          sink.report(Codes.VERIFY_PARAMETER_MISMATCH, p.span(), "parameter `" + p.name() + "` defaults to `"
              + ValueCompare.text(p.defaultValue().get()) + "` in the source, but to `" + ValueCompare.text(param.getDefault())
              + "` in the package", "the default launch plan must keep the source's default");
        }
      } else if (!p.optional() && param.hasDefault()) {
        sink.report(Codes.VERIFY_PARAMETER_MISMATCH, p.span(), "parameter `" + p.name()
            + "` is required in the source, but defaults to `" + ValueCompare.text(param.getDefault()) + "` in the package",
            "a parameter without a default is `required` in the launch plan");
      }
    }
  }
}
