package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Workflow;
import java.util.Optional;

/**
 * A node of the package where a walk from the pipeline workflow finds it: its scope (the workflow
 * instance, or the branch case or array node holding it) and a key unique along that path.
 */
final class FlyteNode {
  final Workflow.Node node;
  final FlyteScope scope;
  final String key;
  final Optional<ArrayNodeField.ArrayNode> array;
  /** Whether this is the failure node of its scope's workflow. */
  final boolean failure;

  FlyteNode(Workflow.Node node, FlyteScope scope, String key, boolean failure) {
    this.node = node;
    this.scope = scope;
    this.key = key;
    this.array = ArrayNodeField.of(node);
    this.failure = failure;
  }

  String id() {
    return node.getId();
  }

  String name() {
    return node.getMetadata().getName();
  }

  boolean isTaskCall() {
    return node.hasTaskNode();
  }

  boolean isSubWorkflowCall() {
    return node.hasWorkflowNode() && node.getWorkflowNode().hasSubWorkflowRef();
  }

  boolean isLaunchPlanCall() {
    return node.hasWorkflowNode() && node.getWorkflowNode().hasLaunchplanRef();
  }

  boolean isBranch() {
    return node.hasBranchNode();
  }

  boolean isArray() {
    return array.isPresent();
  }

  /** The node itself or, climbing out of branch cases and array nodes, the node in a workflow's node list. */
  FlyteNode topLevel() {
    FlyteNode n = this;
    while (n.scope.kind == FlyteScope.Kind.INLINE && n.scope.owner.isPresent()) {
      n = n.scope.owner.get();
    }
    return n;
  }

  @Override
  public String toString() {
    return key;
  }
}
