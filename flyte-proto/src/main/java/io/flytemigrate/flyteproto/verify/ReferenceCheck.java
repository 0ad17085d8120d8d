package io.flytemigrate.flyteproto.verify;

import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.core.IdentifierOuterClass;
import flyteidl.core.Tasks;
import flyteidl.core.Workflow;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every reference in the package resolves, as flyteadmin and the compiler look them up (by the
 * whole identifier): task nodes to a task of the package, sub-workflow nodes to a template in the
 * same spec's {@code sub_workflows}, launch-plan nodes and launch plans' workflows to entities of
 * the package, each with the right resource type. A sub-workflow copy must equal the workflow
 * registered under that name.
 */
final class ReferenceCheck {
  private ReferenceCheck() {}

  static void run(List<ParsedEntity> entities, PackageGraph graph, Span at, DiagnosticSink sink) {
    Map<String, Tasks.TaskTemplate> tasks = graph.tasks;
    Map<String, Workflow.WorkflowTemplate> registered = registeredTemplates(entities);
    for (ParsedEntity e : entities) {
      if (e.isWorkflow()) {
        List<Workflow.WorkflowTemplate> subList = e.workflow().getSubWorkflowsList();
        Set<IdentifierOuterClass.Identifier> subs = new HashSet<>();
        for (Workflow.WorkflowTemplate s : subList) {
          subs.add(s.getId());
        }
        List<Workflow.WorkflowTemplate> all = new ArrayList<>();
        all.add(e.workflow().getTemplate());
        all.addAll(subList);
        for (Workflow.WorkflowTemplate wf : all) {
          List<Workflow.Node> nodes = new ArrayList<>(wf.getNodesList());
          if (wf.hasFailureNode()) {
            nodes.add(wf.getFailureNode());
          }
          for (Workflow.Node n : nodes) {
            node(e, wf, n, subs, graph, tasks, at, sink);
          }
        }
        for (Workflow.WorkflowTemplate s : subList) {
          Workflow.WorkflowTemplate own = registered.get(s.getId().getName());
          if (own != null && !own.equals(s)) {
            sink.report(Codes.VERIFY_INVALID_ENTITY, at, "the copy of workflow `" + s.getId().getName() + "` in `"
                + e.fileName() + "` differs from the registered workflow", "write sub-workflows from the same template");
          }
        }
      } else if (e.isLaunchPlan()) {
        LaunchPlanOuterClass.LaunchPlan lp = e.launchPlan();
        IdentifierOuterClass.Identifier wid = lp.getSpec().getWorkflowId();
        Workflow.WorkflowTemplate wf = registered.get(wid.getName());
        if (wid.getResourceType() != IdentifierOuterClass.ResourceType.WORKFLOW || wf == null || !wf.getId().equals(wid)) {
          sink.report(Codes.VERIFY_DANGLING_REFERENCE, at, "launch plan `" + lp.getId().getName() + "` launches workflow `"
              + wid.getName() + "`, which the package does not hold with that identifier",
              "a launch plan's workflow_id must equal the id of a registered workflow");
        }
      }
    }
  }

  private static void node(ParsedEntity e, Workflow.WorkflowTemplate wf, Workflow.Node n, Set<IdentifierOuterClass.Identifier> subs,
      PackageGraph graph, Map<String, Tasks.TaskTemplate> tasks, Span at, DiagnosticSink sink) {
    String where = "node `" + n.getId() + "` of workflow `" + wf.getId().getName() + "`";
    if (n.hasTaskNode()) {
      IdentifierOuterClass.Identifier ref = n.getTaskNode().getReferenceId();
      Tasks.TaskTemplate t = tasks.get(ref.getName());
      if (ref.getResourceType() != IdentifierOuterClass.ResourceType.TASK || t == null || !t.getId().equals(ref)) {
        sink.report(Codes.VERIFY_DANGLING_REFERENCE, at, where + " calls task `" + ref.getName()
            + "`, which the package does not hold with that identifier",
            "the compiler looks tasks up by the whole identifier, resource type included (TaskReferenceNotFound)");
      }
    } else if (n.hasWorkflowNode() && n.getWorkflowNode().hasSubWorkflowRef()) {
      IdentifierOuterClass.Identifier ref = n.getWorkflowNode().getSubWorkflowRef();
      boolean found = subs.contains(ref);
      if (ref.getResourceType() != IdentifierOuterClass.ResourceType.WORKFLOW || !found) {
        sink.report(Codes.VERIFY_DANGLING_REFERENCE, at, where + " calls sub-workflow `" + ref.getName() + "`, which is not in the `sub_workflows` of `"
            + e.fileName() + "`", "the compiler takes sub-workflows only from the spec (WorkflowReferenceNotFound)");
      }
    } else if (n.hasWorkflowNode() && n.getWorkflowNode().hasLaunchplanRef()) {
      IdentifierOuterClass.Identifier ref = n.getWorkflowNode().getLaunchplanRef();
      LaunchPlanOuterClass.LaunchPlan lp = graph.launchPlans.get(ref.getName());
      if (ref.getResourceType() != IdentifierOuterClass.ResourceType.LAUNCH_PLAN || lp == null || !lp.getId().equals(ref)) {
        sink.report(Codes.VERIFY_DANGLING_REFERENCE, at, where + " calls launch plan `" + ref.getName()
            + "`, which the package does not hold with that identifier", "register the launch plan in the same package");
      }
    }
    for (Workflow.Node child : PackageGraph.children(n)) {
      node(e, wf, child, subs, graph, tasks, at, sink);
    }
  }

  /** The template of each registered workflow by name, the first of a name winning. */
  private static Map<String, Workflow.WorkflowTemplate> registeredTemplates(List<ParsedEntity> entities) {
    Map<String, Workflow.WorkflowTemplate> out = new HashMap<>();
    for (ParsedEntity e : entities) {
      if (e.isWorkflow()) {
        out.putIfAbsent(e.workflow().getTemplate().getId().getName(), e.workflow().getTemplate());
      }
    }
    return out;
  }
}
