package io.flytemigrate.flyteproto.write;

import flyteidl.admin.WorkflowOuterClass;
import flyteidl.core.Workflow;
import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.WorkflowDef;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One workflow as {@code WorkflowSpec{template, sub_workflows}} (flyte-target.md 3.1). {@code
 * sub_workflows} holds every workflow reachable through {@code sub_workflow_ref}, also inside
 * branches, array nodes and the failure node, flattened recursively, without duplicates and
 * sorted by name: the compiler never fetches sub-workflows from flyteadmin.
 */
final class WorkflowWriter {
  private final IdWriter ids;
  private final ProjectIndex project;
  private final NodeWriter nodes;
  /**
   * Each workflow's template, built once: a deep pipeline's sub-workflows are copied into the spec
   * of every workflow above them, and the same message is reused in each copy.
   */
  private final Map<WorkflowDef, Workflow.WorkflowTemplate> templates = new IdentityHashMap<>();

  WorkflowWriter(IdWriter ids, ProjectIndex project) {
    this.ids = ids;
    this.project = project;
    this.nodes = new NodeWriter(ids, project);
  }

  WorkflowOuterClass.WorkflowSpec write(WorkflowDef wf) {
    WorkflowOuterClass.WorkflowSpec.Builder spec = WorkflowOuterClass.WorkflowSpec.newBuilder().setTemplate(template(wf));
    Map<String, WorkflowDef> subs = new LinkedHashMap<>();
    collectSubWorkflows(wf, subs);
    subs.remove(wf.id().name());
    subs.values().stream()
        .sorted(Comparator.comparing((WorkflowDef w) -> w.id().name()).thenComparing(w -> w.id().version()))
        .forEach(sub -> spec.addSubWorkflows(template(sub)));
    return spec.build();
  }

  Workflow.WorkflowTemplate template(WorkflowDef wf) {
    Workflow.WorkflowTemplate done = templates.get(wf);
    if (done == null) {
      done = build(wf);
      templates.put(wf, done);
    }
    return done;
  }

  private Workflow.WorkflowTemplate build(WorkflowDef wf) {
    Workflow.WorkflowTemplate.Builder t = Workflow.WorkflowTemplate.newBuilder()
        .setId(ids.write(wf.id()))
        .setMetadata(Workflow.WorkflowMetadata.newBuilder()
            .setOnFailure(Workflow.WorkflowMetadata.OnFailurePolicy.forNumber(wf.failurePolicy().number())))
        .setInterface(InterfaceWriter.write(wf.iface()))
        .setMetadataDefaults(Workflow.WorkflowMetadataDefaults.newBuilder().setInterruptible(wf.interruptibleDefault()));
    for (Node n : wf.nodes()) {
      t.addNodes(nodes.write(n));
    }
    for (Binding out : wf.outputs()) {
      t.addOutputs(BindingWriter.binding(out));
    }
    wf.failureNode().ifPresent(n -> t.setFailureNode(nodes.write(n)));
    return t.build();
  }

  private void collectSubWorkflows(WorkflowDef wf, Map<String, WorkflowDef> into) {
    for (Node n : wf.nodes()) {
      collect(n, into);
    }
    wf.failureNode().ifPresent(n -> collect(n, into));
  }

  private void collect(Node n, Map<String, WorkflowDef> into) {
    NodeTarget target = n.target();
    if (target instanceof NodeTarget.SubWorkflowCall call) {
      Identifier id = call.workflow();
      if (!into.containsKey(id.name())) {
        WorkflowDef sub = project.workflow(id).orElseThrow(
            () -> new IllegalArgumentException("node `" + n.id() + "` calls workflow `" + id.name() + "`, which the project lacks"));
        into.put(id.name(), sub);
        collectSubWorkflows(sub, into);
      }
    } else if (target instanceof NodeTarget.Branch branch) {
      collect(branch.ifElse().first().thenNode(), into);
      for (var other : branch.ifElse().others()) {
        collect(other.thenNode(), into);
      }
      branch.ifElse().elseNode().ifPresent(e -> collect(e, into));
    } else if (target instanceof NodeTarget.ArrayCall array) {
      collect(array.subNode(), into);
    }
  }
}
