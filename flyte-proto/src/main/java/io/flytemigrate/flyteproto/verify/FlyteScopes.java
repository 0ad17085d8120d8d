package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the scopes of the package on demand, once per path, so every node has one key however
 * often the checks reach it.
 */
final class FlyteScopes {
  final PackageGraph graph;
  private final Map<String, FlyteScope> byKey = new HashMap<>();
  /** Keys of calls refused because the workflow called is already on the caller's call chain. */
  private final java.util.Set<String> recursive = new java.util.HashSet<>();

  FlyteScopes(PackageGraph graph) {
    this.graph = graph;
  }

  FlyteScope root(Workflow.WorkflowTemplate wf) {
    return workflowScope(FlyteScope.Kind.ROOT, wf, Optional.empty(), wf.getId().getName());
  }

  /**
   * The workflow a sub-workflow or launch-plan node calls, as that call sees it; empty when it
   * calls a workflow that is already running it (a package must not recurse, and following such
   * a call would never end).
   */
  Optional<FlyteScope> called(FlyteNode caller) {
    Optional<Workflow.WorkflowTemplate> wf = Optional.empty();
    if (caller.isSubWorkflowCall()) {
      wf = graph.workflow(caller.node.getWorkflowNode().getSubWorkflowRef().getName());
    } else if (caller.isLaunchPlanCall()) {
      wf = graph.launchPlanWorkflow(caller.node.getWorkflowNode().getLaunchplanRef());
    }
    if (wf.isEmpty()) {
      return Optional.empty();
    }
    Workflow.WorkflowTemplate w = wf.get();
    String key = caller.key + ">" + w.getId().getName();
    if (!byKey.containsKey(key) && (recursive.contains(key) || onCallChain(caller.scope, w.getId().getName()))) {
      recursive.add(key);
      return Optional.empty();
    }
    FlyteScope.Kind kind = caller.failure ? FlyteScope.Kind.FAILURE_HANDLER : FlyteScope.Kind.SUB_WORKFLOW;
    return Optional.of(workflowScope(kind, w, Optional.of(caller), key));
  }

  /** Whether workflow {@code name} is {@code scope}'s workflow or one of those that (transitively) call it. */
  private static boolean onCallChain(FlyteScope scope, String name) {
    FlyteScope s = scope.workflowScope();
    while (s != null) {
      if (s.workflow.getId().getName().equals(name)) {
        return true;
      }
      s = s.owner.map(o -> o.scope.workflowScope()).orElse(null);
    }
    return false;
  }

  /** A loop body workflow, run by {@code runner} once per item. */
  FlyteScope runtimeBody(FlyteNode runner, Workflow.WorkflowTemplate body) {
    return workflowScope(FlyteScope.Kind.RUNTIME_BODY, body, Optional.of(runner), runner.key + "~>" + body.getId().getName());
  }

  /** The single node of a branch case or of an array node, as a scope of its own. */
  FlyteScope inline(FlyteNode owner, String part, Workflow.Node node) {
    String key = owner.key + "#" + part;
    FlyteScope s = byKey.get(key);
    if (s == null) {
      s = new FlyteScope(FlyteScope.Kind.INLINE, owner.scope.workflowScope().workflow, Optional.of(owner), key);
      s.add(new FlyteNode(node, s, key + "/" + node.getId(), false));
      byKey.put(key, s);
    }
    return s;
  }

  /** The failure node of a workflow scope, whose promises name that workflow's inputs. */
  Optional<FlyteNode> failureNode(FlyteScope ws) {
    if (!ws.workflow.hasFailureNode()) {
      return Optional.empty();
    }
    return Optional.of(new FlyteNode(ws.workflow.getFailureNode(), ws, ws.key + "/!" + ws.workflow.getFailureNode().getId(), true));
  }

  /** The scopes of a branch node's cases, in order: case, other cases, then the else node. */
  List<FlyteScope> cases(FlyteNode branch) {
    java.util.ArrayList<FlyteScope> out = new java.util.ArrayList<>();
    Workflow.IfElseBlock b = branch.node.getBranchNode().getIfElse();
    out.add(inline(branch, "case0", b.getCase().getThenNode()));
    for (int i = 0; i < b.getOtherCount(); i++) {
      out.add(inline(branch, "case" + (i + 1), b.getOther(i).getThenNode()));
    }
    if (b.hasElseNode()) {
      out.add(inline(branch, "else", b.getElseNode()));
    }
    return out;
  }

  /** The sub-node of an array node as a scope. */
  Optional<FlyteScope> arraySubNode(FlyteNode array) {
    return array.array.map(a -> inline(array, "array", a.subNode()));
  }

  private FlyteScope workflowScope(FlyteScope.Kind kind, Workflow.WorkflowTemplate wf, Optional<FlyteNode> owner, String key) {
    FlyteScope s = byKey.get(key);
    if (s == null) {
      s = new FlyteScope(kind, wf, owner, key);
      for (Workflow.Node n : wf.getNodesList()) {
        s.add(new FlyteNode(n, s, key + "/" + n.getId(), false));
      }
      byKey.put(key, s);
    }
    return s;
  }
}
