package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where nodes of the package sit, and how the inputs of that place are fed: the pipeline
 * workflow (fed by the launch plan), a sub-workflow called by a node (fed by its bindings), a
 * loop body run by a dynamic task (fed at run time from the dynamic task's inputs), a failure
 * handler (fed by the failure node), or an inline place inside a branch case or an array node,
 * whose nodes bind the enclosing workflow's promises directly.
 */
final class FlyteScope {
  enum Kind { ROOT, SUB_WORKFLOW, RUNTIME_BODY, FAILURE_HANDLER, INLINE }

  final Kind kind;
  final Workflow.WorkflowTemplate workflow;
  final Optional<FlyteNode> owner;
  final String key;
  final List<FlyteNode> nodes = new ArrayList<>();

  FlyteScope(Kind kind, Workflow.WorkflowTemplate workflow, Optional<FlyteNode> owner, String key) {
    this.kind = kind;
    this.workflow = workflow;
    this.owner = owner;
    this.key = key;
  }

  /** The workflow scope whose start node and node ids this scope's promises refer to. */
  FlyteScope workflowScope() {
    FlyteScope s = this;
    while (s.kind == Kind.INLINE && s.owner.isPresent()) {
      s = s.owner.get().scope;
    }
    return s;
  }

  /** A node of this workflow scope by id (the nodes promises can name). */
  Optional<FlyteNode> node(String id) {
    for (FlyteNode n : workflowScope().nodes) {
      if (n.id().equals(id)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return key;
  }
}
