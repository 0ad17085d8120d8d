package io.flytemigrate.flyteproto.verify;

import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.core.IdentifierOuterClass;
import flyteidl.core.Tasks;
import flyteidl.core.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entities of a package by name: task templates, workflow templates (registered ones first,
 * then copies found only in some spec's {@code sub_workflows}) and launch plans, plus which
 * workflows other workflows call.
 */
final class PackageGraph {
  final Map<String, Tasks.TaskTemplate> tasks = new LinkedHashMap<>();
  final Map<String, Workflow.WorkflowTemplate> workflows = new LinkedHashMap<>();
  final Map<String, List<Workflow.WorkflowTemplate>> subWorkflowsOf = new LinkedHashMap<>();
  final Map<String, LaunchPlanOuterClass.LaunchPlan> launchPlans = new LinkedHashMap<>();
  final Set<String> registeredWorkflows = new LinkedHashSet<>();
  /** Workflows some node calls with {@code sub_workflow_ref}, including failure nodes. */
  final Set<String> calledWorkflows = new LinkedHashSet<>();

  PackageGraph(List<ParsedEntity> entities) {
    for (ParsedEntity e : entities) {
      if (e.isTask()) {
        tasks.putIfAbsent(e.task().getTemplate().getId().getName(), e.task().getTemplate());
      } else if (e.isWorkflow()) {
        Workflow.WorkflowTemplate t = e.workflow().getTemplate();
        workflows.putIfAbsent(t.getId().getName(), t);
        registeredWorkflows.add(t.getId().getName());
        subWorkflowsOf.put(t.getId().getName(), e.workflow().getSubWorkflowsList());
      } else {
        launchPlans.putIfAbsent(e.launchPlan().getId().getName(), e.launchPlan());
      }
    }
    for (List<Workflow.WorkflowTemplate> subs : subWorkflowsOf.values()) {
      for (Workflow.WorkflowTemplate s : subs) {
        workflows.putIfAbsent(s.getId().getName(), s);
      }
    }
    for (Workflow.WorkflowTemplate w : workflows.values()) {
      for (Workflow.Node n : w.getNodesList()) {
        collectCalls(n);
      }
      if (w.hasFailureNode()) {
        collectCalls(w.getFailureNode());
      }
    }
  }

  private void collectCalls(Workflow.Node n) {
    if (n.hasWorkflowNode() && n.getWorkflowNode().hasSubWorkflowRef()) {
      calledWorkflows.add(n.getWorkflowNode().getSubWorkflowRef().getName());
    }
    for (Workflow.Node child : children(n)) {
      collectCalls(child);
    }
  }

  /** Nodes nested in a node: branch cases and the else node, an array node's sub-node. */
  static List<Workflow.Node> children(Workflow.Node n) {
    List<Workflow.Node> out = new ArrayList<>();
    if (n.hasBranchNode()) {
      Workflow.IfElseBlock b = n.getBranchNode().getIfElse();
      out.add(b.getCase().getThenNode());
      for (Workflow.IfBlock o : b.getOtherList()) {
        out.add(o.getThenNode());
      }
      if (b.hasElseNode()) {
        out.add(b.getElseNode());
      }
    }
    ArrayNodeField.of(n).ifPresent(a -> out.add(a.subNode()));
    return out;
  }

  Optional<Tasks.TaskTemplate> task(IdentifierOuterClass.Identifier id) {
    return Optional.ofNullable(tasks.get(id.getName()));
  }

  Optional<Workflow.WorkflowTemplate> workflow(String name) {
    return Optional.ofNullable(workflows.get(name));
  }

  Optional<Workflow.WorkflowTemplate> launchPlanWorkflow(IdentifierOuterClass.Identifier lp) {
    LaunchPlanOuterClass.LaunchPlan plan = launchPlans.get(lp.getName());
    return plan == null ? Optional.empty() : workflow(plan.getSpec().getWorkflowId().getName());
  }

  /** The default launch plan of a workflow: named like it, else any plan of it. */
  Optional<LaunchPlanOuterClass.LaunchPlan> defaultPlan(String workflow) {
    LaunchPlanOuterClass.LaunchPlan named = launchPlans.get(workflow);
    if (named != null && named.getSpec().getWorkflowId().getName().equals(workflow)) {
      return Optional.of(named);
    }
    return launchPlans.values().stream().filter(lp -> lp.getSpec().getWorkflowId().getName().equals(workflow)).findFirst();
  }
}
